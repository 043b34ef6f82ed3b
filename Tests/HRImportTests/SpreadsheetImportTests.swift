import Foundation
import SkillsGraph
import TestSupport
import Testing

@testable import HRImport

/// Skills matrices that LibreOffice 7.4 wrote (see `Fixtures/sheets/README.md`): the quirks of
/// real spreadsheets, in every format the importer reads.
@Suite("Skills matrices from spreadsheets")
struct SpreadsheetImportTests {
  static func person(_ organization: Organization, _ id: String) throws -> Person {
    try #require(organization.people.first { $0.id.rawValue == id })
  }

  @Test(
    "people × skills: title row, blank row, text numbers, a formula, named levels",
    arguments: ["sheets/people.xlsx", "sheets/people.ods", "sheets/people.xml"])
  func peopleBySkills(file: String) throws {
    let result = try Vendor.load([file])
    let organization = result.organization
    #expect(organization.people.map(\.id.rawValue) == ["E1", "E2", "1003", "E4"])
    #expect(
      organization.skills.map(\.id.rawValue) == [
        "payroll-processing", "general-ledger-accounting", "excel",
      ])
    let ada = try Self.person(organization, "E1")
    #expect(ada.name == "Ada Moreau")
    #expect(ada.department == "Finance")
    #expect(ada.email == "ada.moreau@example.com")
    #expect(ada.mentorHoursPerWeek == 2)
    // "Expert" is a named level: the top of the 0–4 scale.
    #expect(ada.levels == ["payroll-processing": 4, "general-ledger-accounting": 4, "excel": 3])
    let ben = try Self.person(organization, "E2")
    // Both stored as text ("3", "2") by the spreadsheet.
    #expect(ben.mentorHoursPerWeek == 3)
    #expect(ben.levels == ["payroll-processing": 2, "excel": 3])
    #expect(ben.manager == "E1")
    // An id stored as a number, and a level that is a formula's cached value (=1+2).
    let chloe = try Self.person(organization, "1003")
    #expect(chloe.department == "Controlling")
    #expect(chloe.levels == ["payroll-processing": 3, "general-ledger-accounting": 1])
    let dan = try Self.person(organization, "E4")
    #expect(dan.levels == ["payroll-processing": 0, "general-ledger-accounting": 2])
    let source = try #require(result.sources.first)
    #expect(source.profile.hasPrefix("spreadsheet ("))
    #expect(source.people == 4)
    #expect(
      source.notes.first?.hasSuffix("people × skills, header in row 3, 3 skill columns") == true)
  }

  @Test(
    "merged cells: a title, an id over two rows, a 'Skills' group above the skill names",
    arguments: ["sheets/merged.xlsx", "sheets/merged.ods", "sheets/merged.xml"])
  func mergedHeader(file: String) throws {
    let organization = try Vendor.load([file]).organization
    #expect(organization.people.map(\.id.rawValue) == ["W1", "W2"])
    #expect(
      organization.skills.map(\.name) == ["Forklift", "Inventory control", "SAP EWM"])
    let wanda = try Self.person(organization, "W1")
    #expect(wanda.name == "Wanda Lind")
    #expect(wanda.department == "Warehouse")
    #expect(wanda.levels == ["forklift": 4, "inventory-control": 3, "sap-ewm": 4])
    #expect(try Self.person(organization, "W2").levels == ["forklift": 2, "sap-ewm": 1])
  }

  @Test("a header cell merged across two columns is one skill column, its copy not another")
  func headerMergedAcross() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("across.xml")
    try """
    <?xml version="1.0"?>
    <Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"
      xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
    <ss:Worksheet ss:Name="Matrix"><Table>
    <Row><Cell><Data ss:Type="String">Employee ID</Data></Cell>
      <Cell ss:MergeAcross="1"><Data ss:Type="String">SQL</Data></Cell>
      <Cell ss:Index="4"><Data ss:Type="String">Excel</Data></Cell></Row>
    <Row><Cell><Data ss:Type="String">E1</Data></Cell><Cell><Data ss:Type="Number">3</Data></Cell>
      <Cell ss:Index="4"><Data ss:Type="Number">2</Data></Cell></Row>
    </Table></ss:Worksheet></Workbook>
    """.write(toFile: path, atomically: true, encoding: .utf8)
    let result = try Importer.load(paths: [path])
    #expect(result.organization.skills.map(\.name) == ["SQL", "Excel"])
    #expect(try Self.person(result.organization, "E1").levels == ["sql": 3, "excel": 2])
    #expect(
      result.sources.first?.notes.contains(
        "sheet 'Matrix': people × skills, header in row 1, 2 skill columns") == true)
  }

  @Test("a CSV with a byte order mark, ';' between fields and a quoted ';'")
  func semicolonCSV() throws {
    let result = try Vendor.load(["sheets/people-semicolon.csv"])
    let organization = result.organization
    #expect(organization.people.map(\.name) == ["Ada Moreau", "Okafor; Ben"])
    #expect(try Self.person(organization, "E1").levels == ["payroll-processing": 4, "excel": 2])
    #expect(try Self.person(organization, "E2").levels == ["excel": 4])
    #expect(result.sources.first?.notes.first == "fields separated by ';'")
  }

  @Test("a CSV under another name is read as a spreadsheet when the user names it one")
  func namedSpreadsheet() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("matrix.txt")
    try "ID;Name;Excel\nE1;Ada;3\n".write(toFile: path, atomically: true, encoding: .utf8)
    var options = Vendor.options()
    options.profileByPath[path] = .spreadsheet
    let organization = try Importer.load(paths: [path], options: options).organization
    #expect(organization.people.first?.levels == ["excel": 3])
  }

  @Test("roles × skills: criticality, backups, incumbents and required levels by skill name")
  func rolesBySkills() throws {
    let organization = try Vendor.load(["sheets/people.xlsx", "sheets/roles.xlsx"]).organization
    #expect(organization.roles.map(\.id.rawValue) == ["payroll-run", "month-end"])
    let payroll = try #require(organization.roles.first)
    #expect(payroll.name == "Payroll run")
    #expect(payroll.criticality == .critical)
    #expect(payroll.backups == 2)
    #expect(payroll.incumbents == ["E1"])
    #expect(
      payroll.requirements == [
        Requirement(skill: "payroll-processing", level: 3),
        Requirement(skill: "general-ledger-accounting", level: 2),
      ])
    let close = try #require(organization.roles.last)
    #expect(close.criticality == .high)
    #expect(close.incumbents == ["E1", "E2"])
    #expect(close.requirements == [Requirement(skill: "general-ledger-accounting", level: 3)])
  }

  @Test("long form (person, skill, level) adds to and overrides an earlier matrix by id")
  func longForm() throws {
    let organization = try Vendor.load(["sheets/people.xlsx", "sheets/long.ods"]).organization
    #expect(organization.people.count == 4)
    #expect(try Self.person(organization, "E1").levels["excel"] == 4)  // was 3
    // "Advanced" is a built-in name for 3; the matrix said 2.
    #expect(try Self.person(organization, "E2").levels["payroll-processing"] == 3)
    #expect(try Self.person(organization, "E2").levels["excel"] == 2)
    // Alone, the long form's people are read as people.
    let alone = try Vendor.load(["sheets/long.ods"]).organization
    #expect(alone.people.map(\.id.rawValue) == ["E1", "E2"])
  }

  @Test("errors point at the cell: an unknown level name, a missing id, a level off the scale")
  func errorsAtCells() {
    #expect(
      Vendor.errors(["sheets/errors.xlsx"]) == [
        "sheets/errors.xlsx:Sheet1!C7: error: unknown level name 'Rockstar' (used 1 time); say "
          + "where it sits on the 0–4 scale by adding <levelName name=\"Rockstar\" level=\"N\"/> "
          + "to the <policy> of a native file",
        "sheets/errors.xlsx:Sheet1!A8: error: person id missing: row 8 has values but nothing "
          + "under 'Employee ID'",
        "sheets/errors.xlsx:Sheet1!C9: error: level 7 of 'Payroll' is outside the scale 0–4",
      ])
  }

  @Test("a CSV keeps a formula's text, not its value: the cell says so")
  func formulaInCSV() {
    #expect(
      Vendor.errors(["sheets/people.csv"]) == [
        "sheets/people.csv:G7: error: 'Payroll processing' holds the formula '=1+2' without its "
          + "value (a CSV file keeps no results); save the sheet with values, or as .xlsx or .ods"
      ])
  }

  @Test("sheet names that need quoting are quoted as spreadsheets quote them")
  func cellNames() {
    #expect(SheetGrid(name: "Sheet1").cellName(row: 6, column: 2) == "Sheet1!C7")
    #expect(SheetGrid(name: "Q4 skills").cellName(row: 0, column: 27) == "'Q4 skills'!AB1")
    #expect(SheetGrid(name: nil).cellName(row: 9, column: 0) == "A10")
    #expect(CellReference("$AB$12") == CellReference(row: 11, column: 27))
    #expect(CellReference("XFE1") == nil)
  }

  @Test("column letters and row numbers at their carries and at the sheet's last cell")
  func cellNameBoundaries() {
    let columns = [(0, "A"), (25, "Z"), (26, "AA"), (51, "AZ"), (52, "BA"), (701, "ZZ")]
    for (column, letters) in columns + [(702, "AAA"), (16_383, "XFD")] {
      #expect(CellReference.columnName(column) == letters)
    }
    #expect(CellReference(row: 9, column: 0).a1 == "A10")
    #expect(CellReference(row: 1_048_575, column: 16_383).a1 == "XFD1048576")
    #expect(CellReference("XFD1048576") == CellReference(row: 1_048_575, column: 16_383))
    #expect(
      SheetGrid(name: "It's Q4").cellName(row: 99_999, column: 702) == "'It''s Q4'!AAA100000")
  }

  @Test("number cells: plain digits, spaces, decimals, exponents, and text that is no number")
  func numberCells() {
    let grid = SheetGrid(name: "Skills")
    var diagnostics: [Diagnostic] = []
    func read(_ text: String) -> SheetCell {
      grid.numberCell(text, row: 1, column: 2, file: "m.xlsx", diagnostics: &diagnostics)
    }
    #expect(read("3") == .number(3))
    #expect(read("007") == .number(7))
    #expect(read("123456789") == .number(123_456_789))
    #expect(read("1234567890") == .number(1_234_567_890))
    #expect(read(" 4 ") == .number(4))
    #expect(read("2.5") == .number(2.5))
    #expect(read("1e3") == .number(1000))
    #expect(read("") == .empty)
    #expect(diagnostics.isEmpty)
    #expect(read("3x") == .empty)
    #expect(diagnostics.map(\.message) == ["cell holds '3x' where the file promises a number"])
    #expect(diagnostics.first?.location.cell == "Skills!C2")
  }

  @Test("a row of hundreds of skills keeps each skill's highest level, in column order")
  func wideRow() throws {
    // Past 16 levels a person's list is indexed; a skill named twice keeps its higher level.
    let skills = (1...40).map { "Skill \($0)" } + ["Skill 3", "Skill 30"]
    let levels = (1...40).map { String($0 % 5) } + ["4", "0"]
    let text =
      "Person ID," + skills.joined(separator: ",") + "\nP1," + levels.joined(separator: ",") + "\n"
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "wide-row-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("wide.csv").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    let result = try Importer.load(paths: [path])
    let person = try Self.person(result.organization, "P1")
    #expect(person.levels.count == 40)
    #expect(person.levels["skill-3"] == 4)  // 3 in its own column, 4 in a later one
    #expect(person.levels["skill-30"] == 0)
    #expect(person.levels["skill-39"] == 4)
    #expect(person.levels["skill-1"] == 1)
    #expect(result.organization.skills.map(\.id.rawValue) == (1...40).map { "skill-\($0)" })
  }

  @Test(
    "headers match whatever the case, spacing and punctuation",
    arguments: [
      ("  Employee_ID ", SheetColumn.personID), ("Emp. No.", .personID), ("DEPT", .department),
      ("E-mail", .email), ("Reports to", .manager), ("Mentor hours (per week)", .mentorHours),
      ("Role ID", .roleID), ("Payroll processing", nil),
    ])
  func headers(text: String, column: SheetColumn?) {
    #expect(HeaderMatcher.match(text) == column)
  }

  @Test("CSV records: quotes hold delimiters, line breaks and doubled quotes")
  func csvRecords() {
    let text = "a,\"b,1\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",x\n"
    #expect(
      CSVReader.records(text, delimiter: ",") == [
        ["a", "b,1", "say \"hi\""], ["two\nlines", "x"],
      ])
    #expect(CSVReader.sniffDelimiter("a;b;c\n1;2;3\n") == ";")
    #expect(CSVReader.sniffDelimiter("a\tb\n1\t2\n") == "\t")
    #expect(CSVReader.sniffDelimiter("name,note\n\"x; y\",z\n") == ",")
  }
}

@Suite("Spreadsheets are untrusted input")
struct SpreadsheetSafetyTests {
  @Test("an archive that inflates past the limit is refused, whatever its headers claim")
  func zipBomb() throws {
    var package = try ZipPackage(path: Fixtures.path("sheets/people.xlsx"), limit: 1000)
    #expect(throws: ZipPackage.Failure.self) { try package.data("xl/styles.xml") }
    var roomy = try ZipPackage(path: Fixtures.path("sheets/people.xlsx"))
    #expect(try roomy.data("xl/styles.xml")?.isEmpty == false)
  }

  @Test("names that climb out of the archive are never looked up")
  func pathTraversal() {
    #expect(ZipPackage.normalized("../etc/passwd") == nil)
    #expect(ZipPackage.normalized("/etc/passwd") == nil)
    #expect(ZipPackage.normalized("xl/../../x") == nil)
    #expect(ZipPackage.normalized("xl/./worksheets/../sharedStrings.xml") == "xl/sharedStrings.xml")
    #expect(ZipPackage.resolve("../../../etc/passwd", relativeTo: "xl/workbook.xml") == nil)
    #expect(
      ZipPackage.resolve("worksheets/sheet1.xml", relativeTo: "xl/workbook.xml")
        == "xl/worksheets/sheet1.xml")
  }

  @Test("a DOCTYPE in a sheet's XML stops the read")
  func doctype() {
    let xml = """
      <?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>
      <worksheet><sheetData><row><c t="inlineStr"><is><t>&e;</t></is></c></row></sheetData></worksheet>
      """
    let stream = SheetXMLStream(bytes: Array(xml.utf8), partName: "evil.xlsx (sheet1.xml)")
    var texts: [String] = []
    while let event = stream.next() {
      if case .text(let text) = event { texts.append(text) }
    }
    #expect(texts.isEmpty)
    #expect(stream.diagnostics.first?.message.hasPrefix("DOCTYPE declarations") == true)
  }

  @Test("a DOCTYPE in a worksheet stops the SAX read before any cell")
  func worksheetDoctype() {
    let xml = """
      <?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>
      <worksheet><sheetData><row><c t="inlineStr"><is><t>&e;</t></is></c></row></sheetData></worksheet>
      """
    let (grid, diagnostics) = WorksheetSAXReader.read(
      bytes: Array(xml.utf8), name: "Sheet1", partName: "evil.xlsx (sheet1.xml)",
      path: "evil.xlsx", strings: [])
    #expect(grid.rows.isEmpty)
    #expect(diagnostics.count == 1)
    #expect(diagnostics.first?.message.hasPrefix("DOCTYPE declarations") == true)
  }

  @Test("a worksheet nested past the depth limit is refused before libxml2 reads it")
  func worksheetDepth() {
    let xml = String(repeating: "<a>", count: 300) + String(repeating: "</a>", count: 300)
    let (grid, diagnostics) = WorksheetSAXReader.read(
      bytes: Array(xml.utf8), name: "Sheet1", partName: "deep.xlsx (sheet1.xml)",
      path: "deep.xlsx", strings: [])
    #expect(grid.rows.isEmpty)
    #expect(diagnostics.count == 1)
    #expect(diagnostics.first?.location.file == "deep.xlsx (sheet1.xml)")
  }

  @Test("worksheet cells: <c/> holds nothing, <c></c> its type's empty value, text in pieces")
  func worksheetCells() {
    let xml = """
      <worksheet><sheetData><row r="2"><c r="B2" t="b"/><c t="b"></c><c t="e"/>\
      <c t="s"><v>0</v></c><c t="inlineStr"><is><t>a &amp; </t><t><![CDATA[<b>]]></t></is></c>\
      <c><v> 3 </v></c><c t="s"><v>7</v></c></row></sheetData></worksheet>
      """
    let (grid, diagnostics) = WorksheetSAXReader.read(
      bytes: Array(xml.utf8), name: "Sheet1", partName: "m.xlsx (sheet1.xml)", path: "m.xlsx",
      strings: ["x"])
    #expect(grid.rows.count == 2)
    #expect(
      grid.rows.last == [
        .empty, .empty, .boolean(false), .empty, .text("x"), .text("a & <b>"),
        .number(3),
      ])
    #expect(
      diagnostics.map(\.message) == [
        "cell refers to shared string 7, which the workbook does not hold"
      ])
    #expect(diagnostics.first?.location.cell == "Sheet1!H2")
  }

  @Test("a file that is not a zip archive, named .xlsx, is an error, not a crash")
  func notAZip() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("fake.xlsx")
    try Data("PK\u{3}\u{4}not really".utf8).write(to: URL(fileURLWithPath: path))
    do {
      _ = try Importer.load(paths: [path])
      Issue.record("a broken archive imported")
    } catch {
      guard case .invalidData(let diagnostics) = error else {
        Issue.record("\(error)")
        return
      }
      #expect(diagnostics.first?.message.hasPrefix("file is not a readable zip archive") == true)
    }
  }
}
