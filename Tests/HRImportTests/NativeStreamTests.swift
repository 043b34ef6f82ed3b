import Foundation
import SkillsGraph
import Testing

@testable import HRImport

/// The streamed native reader (`NativeStream`) against the in-memory one: the same records and
/// the same diagnostics, to the column, for valid and broken files, whatever the block size.
@Suite("Native files streamed and read in memory agree")
struct NativeStreamTests {
  /// The fixtures in the native format.
  static let fixtures = [
    "billion-laughs.xml", "europass-candidate-roles.xml", "europass-v33-cv-roles.xml",
    "every-error.xml", "external-dtd.xml", "hrxml2-parsed-resume-roles.xml", "level-names.xml",
    "malformed.xml", "plan-section.xml", "team-export.xml", "team-roles.xml",
    "unexpected-element.xml", "warnings.xml", "workday-bad-roles.xml", "workday-flat-roles.xml",
    "workday-reference-only-roles.xml", "workday-roles.xml",
  ]

  /// Documents written for this test: each breaks something a diagnostic must place.
  static let documents: [(name: String, text: String)] = [
    (
      "valid-multiline",
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <!-- a comment --><?pi data?>
      <organization xmlns="urn:understudy:org:1" asOf="2026-11-24">
        <scale max="4"/>
        <skills>
          <skill id="payroll" name="Payroll &amp; tax" category="Fin&#38;ance"
                 hoursPerLevel="30"><related skill="tax"/></skill>
          <skill id="tax" name="Ünïcödé — name" category="Tax"/>
        </skills>
        <people>
          <person id="A" name="Ådа Lovelace" department="Fin"
              manager="B" mentorHoursPerWeek="2" canMentor="true">
            <skill ref="payroll" level="3"/><skill ref="tax"
              level="2"/>
            <interest skill="tax"/>
            <absence from="2026-12-01" to="2026-12-05" kind="leave"/>
          </person>
          <person id="B" name="Bo"><skill ref="payroll" level="4"/></person>
        </people>
        <roles>
          <role id="r1" name="Payroll" criticality="high" backups="1">
            <requires skill="payroll" level="2"/>
            <incumbent person="A"/>
          </role>
        </roles>
        <policy horizonWeeks="8" start="2026-11-30" cascades="false">
          <holiday date="2026-12-25"/>
          <levelName name="Proficient" level="3"/>
        </policy>
        <plan start="2026-11-30" weeks="4">
          <pair mentor="B" mentee="A" skill="tax" to="3" status="agreed" hoursDone="2">
            <week n="1" hours="2"/>
          </pair>
          <forbid mentor="A"/>
          <forbid/>
        </plan>
      </organization>
      """
    ),
    (
      "reader-errors",
      """
      <organization xmlns="urn:understudy:org:1" asOf="2026-02-30">
        <skills><skill id="s"/><skill id="s" name="again"/></skills>
        <people>
          <person id="P" leaves="2026-13-01"><absence from="2026-05-10" to="2026-05-01"/></person>
          <person id="P"/>
          <person
            id="Q"
              maxMentees="lots"   canLearn="maybe"><skill ref="s" level="x"/></person>
        </people>
        <roles><role id="r" criticality="urgent"/><role id="r2" criticality="1e9"/></roles>
      </organization>
      """
    ),
    (
      "schema-errors",
      """
      <organization xmlns="urn:understudy:org:1">
        <people>
          <person id="P1">text &amp; more <![CDATA[ x ]]> and<skill ref="a" level="1">  </skill>
          <skill ref="a" level="1">x</skill></person>
          <person id="P2"> <![CDATA[  ]]> </person>
          <persn id="P3"><whatever/></persn>
          <person name="no id" xmlns:o="urn:other" o:extra="1" o:id="2" bogus="3"/>
        </people>
        <skills/>
        <skills><skill id="late"/></skills>
      </organization>
      """
    ),
    ("wrong-root", "<organisation xmlns=\"urn:understudy:org:1\"><people/></organisation>"),
    (
      "other-namespace",
      "<organization xmlns=\"urn:other\"><people><person id=\"a\"/></people></organization>"
    ),
    (
      "truncated",
      "<organization xmlns=\"urn:understudy:org:1\">\n  <people>\n    <person id=\"E1\">"
    ),
    (
      "doctype",
      "<?xml version=\"1.0\"?>\n<!DOCTYPE organization [<!ENTITY a \"b\">]>\n<organization xmlns=\"urn:understudy:org:1\"/>"
    ),
    ("empty", ""),
    ("undefined-entity", "<organization xmlns=\"urn:understudy:org:1\" asOf=\"&x;\"/>"),
    (
      "namespace-error",
      "<organization xmlns=\"urn:understudy:org:1\"><people><p:person id=\"a\"/></people></organization>"
    ),
    (
      "too-many-attributes",
      "<organization xmlns=\"urn:understudy:org:1\">\n<people><person id=\"a\" "
        + (0..<300).map { "a\($0)=\"1\"" }.joined(separator: " ") + "/></people></organization>"
    ),
    (
      "crlf",
      "<organization xmlns=\"urn:understudy:org:1\"\r\n asOf=\"2026-01-01\">\r\n<people>\r\n<person\r\n id=\"a\" leaves=\"bad\"/>\r\n</people>\r\n</organization>\r\n"
    ),
    (
      "bom",
      "\u{FEFF}<organization xmlns=\"urn:understudy:org:1\"><people><person id=\"a\" leaves=\"x\"/></people></organization>"
    ),
    (
      "latin1",
      "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<organization xmlns=\"urn:understudy:org:1\"><people><person id=\"a\" leaves=\"x\"/></people></organization>"
    ),
    (
      "many-errors",
      "<organization xmlns=\"urn:understudy:org:1\"><people>\n"
        + (0..<70).map { "  <person id=\"p\($0)\" maxMentees=\"n\" leaves=\"d\"/>" }.joined(
          separator: "\n")
        + "\n</people></organization>"
    ),
  ]

  /// Everything a read gives, as text: the records (every field) and the diagnostics.
  static func describe(_ read: (file: NativeFile?, diagnostics: [Diagnostic])) -> String {
    var text = ""
    dump(read.file, to: &text)
    return text + read.diagnostics.map(\.description).joined(separator: "\n")
  }

  static func inMemory(_ path: String) throws -> String {
    describe(try NativeImporter.read(path: path, displayPath: path, streamAbove: .max))
  }

  static func streamed(_ path: String, blockSize: Int = NativeStream.defaultBlockSize) -> String {
    switch NativeStream.read(path: path, displayPath: path, blockSize: blockSize) {
    case .read(let file, let diagnostics): describe((file, diagnostics))
    case .needsMemory: "needs memory"
    }
  }

  static func write(_ document: (name: String, text: String)) throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "understudy-native-stream-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = folder.appendingPathComponent(document.name + ".xml").path
    var bytes = Array(document.text.utf8)
    if document.name == "latin1" {
      // Latin-1 bytes for its non-ASCII characters: libxml2 converts, so the file is read in
      // memory.
      bytes = Array(document.text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) })
    }
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
  }

  @Test("fixtures: same records and diagnostics", arguments: fixtures)
  func fixture(name: String) throws {
    let path = Fixtures.path(name)
    #expect(Self.streamed(path) == (try Self.inMemory(path)))
  }

  @Test(
    "written documents: same records and diagnostics, whatever the block size",
    arguments: documents.map(\.name))
  func document(name: String) throws {
    let document = try #require(Self.documents.first { $0.name == name })
    let path = try Self.write(document)
    let expected = try Self.inMemory(path)
    if name == "latin1" {
      #expect(Self.streamed(path) == "needs memory")
      let read = try NativeImporter.read(path: path, displayPath: path, streamAbove: 0)
      #expect(Self.describe(read) == expected)
      return
    }
    for blockSize in [1, 3, 17, 4096, NativeStream.defaultBlockSize] {
      #expect(Self.streamed(path, blockSize: blockSize) == expected, "block size \(blockSize)")
    }
  }

  @Test("a generated organization: the same organization and warnings either way")
  func generated() throws {
    let path = try Self.write(
      (
        "generated",
        NativeWriter.render(RoundTripTests.organization(people: 300, seed: 3, tight: false))
      ))
    let memory = try NativeImporter.load(paths: [path], streamingThreshold: .max)
    let streamed = try NativeImporter.load(paths: [path], streamingThreshold: 0)
    #expect(streamed.organization == memory.organization)
    #expect(streamed.warnings.map(\.description) == memory.warnings.map(\.description))
    let imported = try Importer.load(paths: [path], options: ImportOptions(streamingThreshold: 0))
    #expect(imported.organization == memory.organization)
  }
}

@Suite("The native reader's quick date parse")
struct NativeDayParseTests {
  @Test("gives Day(iso:)'s result for every text")
  func agreesWithISO() {
    let texts = [
      "2026-11-24", "2026-02-30", "2024-02-29", "2023-02-29", "0000-01-01", "9999-12-31",
      "10000-01-01", "+999-01-01", "-999-01-01", "2026-1-01", "2026-01-1", "2026/01/01",
      "2026-13-01", "2026-00-10", "2026-01-00", "２０２６-01-01", "", "abcd-ef-gh", "1970-01-01",
      "2026-01-01 ", "0001-01-01",
    ]
    for text in texts {
      #expect(NativeFileReader.parseDay(text) == Day(iso: text), "\(text)")
    }
  }
}

@Suite("Native files streamed and read in memory agree on damaged files")
struct NativeStreamMutationTests {
  /// A read's description with two messages of broken files made alike.
  ///
  /// libxml2 words them by what its input buffer holds (the whole file in memory, 4,000 bytes at
  /// a time from a stream): a comment's excerpt, and what it calls an entity reference in a file
  /// whose DOCTYPE follows a broken XML declaration (so no callback saw the DOCTYPE). Both paths
  /// report the same errors at the same places either way.
  static func normalized(_ text: String) -> String {
    var lines: [String] = []
    for var line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
      for phrase in ["Double hyphen within comment", "Comment not terminated"] {
        if let range = line.range(of: phrase) { line = String(line[..<range.upperBound]) }
      }
      if line.contains("Detected an entity reference loop")
        || (line.contains("error: Entity '") && line.hasSuffix("' not defined"))
      {
        line = String(line.prefix { $0 != " " }) + " entity error"
      }
      if lines.last != line { lines.append(line) }
    }
    return lines.joined(separator: "\n")
  }

  /// Every native fixture and written document, each damaged in a few hundred seeded ways
  /// (bytes replaced, deleted, duplicated, cut short): both paths must still agree.
  @Test("seeded damage: same records and diagnostics")
  func damaged() throws {
    var sources = try NativeStreamTests.fixtures.map {
      try Data(contentsOf: URL(fileURLWithPath: Fixtures.path($0)))
    }
    sources += NativeStreamTests.documents.filter { $0.name != "latin1" }.map {
      Data($0.text.utf8)
    }
    var random = UInt64(0x9E37_79B9_7F4A_7C15)
    func next(_ bound: Int) -> Int {
      random ^= random << 13
      random ^= random >> 7
      random ^= random << 17
      return Int(random % UInt64(max(bound, 1)))
    }
    let alphabet = Array("<>/=\"' &;#x:-abcdefghijklmnopqrstuvwxyz0123456789\n\t!?[]é".utf8)
    var mismatches: [String] = []
    for round in 0..<600 {
      var bytes = [UInt8](sources[next(sources.count)])
      for _ in 0..<(1 + next(4)) where !bytes.isEmpty {
        let at = next(bytes.count)
        switch next(4) {
        case 0: bytes[at] = alphabet[next(alphabet.count)]
        case 1: bytes.remove(at: at)
        case 2:
          let end = min(bytes.count, at + 1 + next(40))
          bytes.insert(contentsOf: bytes[at..<end], at: at)
        default: bytes.removeSubrange(at...)
        }
      }
      let path = try NativeStreamTests.write(
        ("damaged-\(round)", String(decoding: bytes, as: UTF8.self)))
      try Data(bytes).write(to: URL(fileURLWithPath: path))
      let memory = Self.normalized(try NativeStreamTests.inMemory(path))
      let streamed = Self.normalized(NativeStreamTests.streamed(path, blockSize: 1 + next(64)))
      if streamed != memory, streamed != "needs memory" {
        mismatches.append("\(path):\n--- memory\n\(memory)\n--- streamed\n\(streamed)")
      }
    }
    #expect(mismatches.isEmpty, "\(mismatches.count) differ; first: \(mismatches.first ?? "")")
  }
}
