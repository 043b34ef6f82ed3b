import Testing

@testable import HRImport

/// Who the files define and their WIDs, gathered in one pass or in two at once, as the files
/// give them in order.
@Suite("Gathering who the files define")
struct IDTablesTests {
  static func person(_ id: String, wid: String? = nil, reference: Bool = false) -> VendorPerson {
    var person = VendorPerson(id: id, at: SourceLocation(file: "export.xml"))
    person.wid = wid
    person.isReference = reference
    return person
  }

  /// Four files: a native one, a page converted while read, a file kept as read with a
  /// reference, and a later page giving a WID to someone else.
  static let files: [IDTables] = [
    .native([PersonRecord(id: Located(value: "N1", location: SourceLocation(file: "n.xml")))]),
    .gathered(defined: ["E1", "E2"], wids: ["w1": "E1", "w2": "E2"]),
    .vendor([person("E3", wid: "w3"), person("X9", wid: "w9", reference: true)]),
    .gathered(defined: ["E4"], wids: ["w2": "E4"]),
  ]

  @Test("one pass: every defined id, references left out, a later file's WID winning")
  func onePass() {
    let gathered = IDTables.gather(Self.files, splitFrom: .max)
    #expect(gathered.defined == ["N1", "E1", "E2", "E3", "E4"])
    #expect(gathered.wids == ["w1": "E1", "w2": "E4", "w3": "E3"])
  }

  @Test("two at once give what one pass gives, on small and large files")
  func bothAtOnce() {
    #expect(
      IDTables.gather(Self.files, splitFrom: 0) == IDTables.gather(Self.files, splitFrom: .max))
    // Large tables, overlapping WIDs: the last file to name a WID gives its id.
    var files: [IDTables] = []
    for page in 0..<4 {
      var defined = Set<String>()
      var wids: [String: String] = [:]
      for worker in 0..<3000 {
        let id = "E\(page)-\(worker)"
        defined.insert(id)
        wids["w\(worker % 4000 + page * 500)"] = id
      }
      files.append(.gathered(defined: defined, wids: wids))
    }
    let one = IDTables.gather(files, splitFrom: .max)
    let two = IDTables.gather(files, splitFrom: 0)
    #expect(one == two)
    #expect(one.defined.count == 12_000)
    #expect(one.wids["w500"] == "E1-0")
    #expect(one.wids["w0"] == "E0-0")
  }
}
