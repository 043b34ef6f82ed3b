import Foundation
import Testing

@testable import HRImport

/// The streaming reader parses a file in chunks the byte scan has cleared (`ScanAhead`,
/// `ChunkedParse`, `RecordTreeBuilder`): whatever the chunk size, and whether the scan, the
/// parse and the reading run on three threads or take turns on one, the records read and the
/// diagnostics are the same.
@Suite("Streamed records do not depend on where the chunks end")
struct RecordStreamChunkTests {
  /// Chunk sizes from one byte (every tag split) to more than a fixture holds.
  static let chunkSizes = [1, 2, 3, 7, 64, 509, 4096, RecordSource.defaultChunkSize]

  /// Everything a Workday read gave, as text to compare.
  static func workday(_ path: String, chunkSize: Int, oneThread: Bool = false) throws -> String {
    var reader = WorkdayReader(path: path)
    let file = try reader.run(
      path: path, displayPath: "export.xml", streamAbove: 0, chunkSize: chunkSize,
      oneThread: oneThread)
    return describe(file)
  }

  static func describe(_ file: VendorFile) -> String {
    var lines = ["well-formed: \(file.wellFormed)"]
    lines += file.people.map { String(describing: $0) }
    lines += file.notes
    lines += file.diagnostics.map(\.description)
    // The tally's counts are a dictionary, whose order is not stable between instances.
    lines += file.skipped.reasons.map { "skipped \($0): \(file.skipped.counts[$0] ?? 0)" }
    return lines.joined(separator: "\n")
  }

  static func temporaryFile(_ text: String) throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "chunks-\(UUID().uuidString).xml")
    try Data(text.utf8).write(to: url)
    return url.path
  }

  @Test(
    "Workday fixtures: the same people, notes and diagnostics in every chunk size",
    arguments: [
      "workday-page1.xml", "workday-page2.xml", "workday-flat-page1.xml",
      "workday-reference-only.xml", "workday-levels.xml", "workday-malformed.xml",
      "workday-doctype.xml", "team-workday.xml",
    ])
  func fixtures(name: String) throws {
    let path = Fixtures.path(name)
    let whole = try Self.workday(path, chunkSize: RecordSource.defaultChunkSize)
    for size in Self.chunkSizes {
      #expect(try Self.workday(path, chunkSize: size) == whole, "chunk size \(size)")
      #expect(
        try Self.workday(path, chunkSize: size, oneThread: true) == whole,
        "chunk size \(size), one thread")
    }
  }

  /// Text split by comments, CDATA and references, `&` in attributes, long text, lines: what
  /// the tree builder must put together as libxml2's own tree builder does.
  static let tricky = """
    <?xml version="1.0" encoding="UTF-8"?>
    <wd:Get_Workers_Response xmlns:wd="urn:com.workday/bsvc">
      <wd:Response_Data>
        <wd:Worker>
          <wd:Worker_Reference wd:Descriptor="Ann &amp; Bo &#38; &lt;Co&gt;">
            <wd:ID wd:type="Employee_ID">E<!-- split -->1</wd:ID>
          </wd:Worker_Reference>
          <wd:Worker_Data>
            <wd:Worker_ID>E1</wd:Worker_ID>
            <wd:Personal_Data><wd:Name_Data><wd:Legal_Name_Data><wd:Name_Detail_Data
              wd:Formatted_Name="Ann &amp; Bo"><wd:First_Name>A<![CDATA[n]]>n&#x20;&amp;</wd:First_Name>
              <wd:Last_Name>\(String(repeating: "Long", count: 700))</wd:Last_Name>
            </wd:Name_Detail_Data></wd:Legal_Name_Data></wd:Name_Data></wd:Personal_Data>
            <wd:Employment_Data><wd:Worker_Status_Data><wd:Active>1</wd:Active>
            </wd:Worker_Status_Data></wd:Employment_Data>
          </wd:Worker_Data>
        </wd:Worker>
        <wd:Worker><wd:Worker_Reference><wd:ID wd:type="Employee_ID">E2</wd:ID></wd:Worker_Reference>
          <wd:Worker_Data><wd:Personal_Data><wd:Name_Data><wd:Legal_Name_Data><wd:Name_Detail_Data
            wd:Formatted_Name="Cy"/></wd:Legal_Name_Data></wd:Name_Data></wd:Personal_Data>
          <?note a processing instruction?></wd:Worker_Data></wd:Worker>
      </wd:Response_Data>
    </wd:Get_Workers_Response>
    """

  @Test("text split by comments, CDATA and references, and '&' in attributes, in every chunk size")
  func trickyText() throws {
    let path = try Self.temporaryFile(Self.tricky)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let whole = try Self.workday(path, chunkSize: RecordSource.defaultChunkSize)
    #expect(whole.contains("Ann & Bo"))
    #expect(!whole.contains("&#38;"))
    for size in Self.chunkSizes {
      #expect(try Self.workday(path, chunkSize: size) == whole, "chunk size \(size)")
      #expect(
        try Self.workday(path, chunkSize: size, oneThread: true) == whole,
        "chunk size \(size), one thread")
    }
    // The names the reader takes from the tree match the in-memory parse's.
    var reader = WorkdayReader(path: path)
    let inMemory = try reader.run(path: path, displayPath: "export.xml", streamAbove: 1 << 30)
    var streaming = WorkdayReader(path: path)
    let streamed = try streaming.run(path: path, displayPath: "export.xml", streamAbove: 0)
    #expect(streamed.people.map(\.name) == inMemory.people.map(\.name))
    #expect(streamed.people.map(\.id.value) == inMemory.people.map(\.id.value))
    #expect(streamed.people.map(\.id.location.line) == inMemory.people.map(\.id.location.line))
  }

  @Test("a limit broken after records were read refuses the file alone, in every chunk size")
  func violationAfterRecords() throws {
    let attributes = (0..<300).map { " a\($0)=\"x\"" }.joined()
    let text = Self.tricky.replacingOccurrences(
      of: "<wd:Worker><wd:Worker_Reference>", with: "<wd:Worker\(attributes)><wd:Worker_Reference>")
    let path = try Self.temporaryFile(text)
    defer { try? FileManager.default.removeItem(atPath: path) }
    for size in Self.chunkSizes {
      for oneThread in [false, true] {
        var reader = WorkdayReader(path: path)
        let file = try reader.run(
          path: path, displayPath: "export.xml", streamAbove: 0, chunkSize: size,
          oneThread: oneThread)
        #expect(!file.wellFormed)
        #expect(file.people.isEmpty, "chunk size \(size), one thread: \(oneThread)")
        #expect(file.diagnostics.filter { $0.severity == .error }.count == 1)
        #expect(
          file.diagnostics.first?.description.contains("has more than 256 attributes") == true,
          "chunk size \(size), one thread: \(oneThread)")
      }
    }
  }

  @Test("a file whose first chunk breaks a limit is refused before libxml2 reads it")
  func violationFirst() throws {
    let attributes = (0..<300).map { " a\($0)=\"x\"" }.joined()
    let path = try Self.temporaryFile("<root\(attributes)/>")
    defer { try? FileManager.default.removeItem(atPath: path) }
    for oneThread in [false, true] {
      var reader = WorkdayReader(path: path)
      let file = try reader.run(
        path: path, displayPath: "export.xml", streamAbove: 0, chunkSize: 7, oneThread: oneThread)
      #expect(file.diagnostics.map(\.description).first?.hasPrefix("export.xml:1:1:") == true)
      #expect(file.people.isEmpty)
    }
  }
}
