import Foundation
import HRImport
import SkillsGraph
import TestSupport
import Testing

/// Files written as an attacker or a careless export would.
///
/// Each once crashed the tool with a Swift runtime trap (exit 132) or kept it busy for tens of
/// seconds; each is now an error at the value or tag to fix (exit 65).
@Suite("Hostile input never crashes or hangs")
struct HostileInputTests {
  static let atom =
    "xmlns=\"http://www.w3.org/2005/Atom\" "
    + "xmlns:m=\"http://schemas.microsoft.com/ado/2007/08/dataservices/metadata\" "
    + "xmlns:d=\"http://schemas.microsoft.com/ado/2007/08/dataservices\""

  /// The diagnostics of importing `text` as the file `name`, the folder stripped; empty when the
  /// import succeeds.
  static func diagnostics(
    _ text: String, name: String, streaming: Bool = false
  ) throws -> [String] {
    let folder = try TemporaryFolder()
    let path = folder.file(name)
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    do {
      _ = try Importer.load(paths: [path], options: Vendor.options(streamAll: streaming))
      return []
    } catch {
      guard case .invalidData(let list) = error else { return [error.description] }
      return list.map { $0.description.replacingOccurrences(of: folder.url.path + "/", with: "") }
    }
  }

  static func errors(_ text: String, name: String, streaming: Bool = false) throws -> [String] {
    // A file of requests or times alone holds nobody, which is an error of its own; these tests
    // look at the value errors.
    try diagnostics(text, name: name, streaming: streaming).filter {
      $0.contains(": error: ") && !$0.contains("error: no people read from this file")
    }
  }

  @Test("OData milliseconds at Int.min (the floor division overflowed) are an error at the date")
  func odataOverflow() throws {
    let feed = """
      <?xml version="1.0"?>
      <feed \(Self.atom)>
        <entry><category term="SFOData.EmployeeTime"/><content><m:properties>
          <d:userId>u1</d:userId><d:startDate>/Date(-9223372036854775808)/</d:startDate>
        </m:properties></content></entry>
      </feed>
      """
    #expect(
      try Self.errors(feed, name: "sf.xml") == [
        "sf.xml:4:28: error: date '/Date(-9223372036854775808)/' lies outside the years "
          + "1...9999 a date can have"
      ])
    #expect(
      try Self.errors(feed, name: "sf.xml", streaming: true) == [
        "sf.xml:4: error: date '/Date(-9223372036854775808)/' lies outside the years 1...9999 "
          + "a date can have"
      ])
  }

  @Test("an OData date with a broken zone offset is an error, not a date")
  func odataZone() throws {
    let feed = """
      <?xml version="1.0"?>
      <feed \(Self.atom)>
        <entry><category term="SFOData.EmployeeTime"/><content><m:properties>
          <d:userId>u1</d:userId><d:startDate>/Date(1444003200000+99999)/</d:startDate>
        </m:properties></content></entry>
      </feed>
      """
    #expect(
      try Self.errors(feed, name: "sf.xml") == [
        "sf.xml:4:28: error: date '/Date(1444003200000+99999)/' has an unreadable zone offset "
          + "(expected /Date(milliseconds+hhmm)/)"
      ])
  }

  @Test("a US-style date with a year near Int.max (Day's arithmetic overflowed) is an error")
  func usDateHugeYear() throws {
    let requests = """
      <?xml version="1.0"?>
      <requests>
        <request id="1"><employee id="7">Ann</employee><start>4/1/9223372036854775807</start></request>
      </requests>
      """
    #expect(
      try Self.errors(requests, name: "requests.xml") == [
        "requests.xml:3:50: error: date '4/1/9223372036854775807' has the year "
          + "9223372036854775807, outside the years 1...9999 a date can have"
      ])
  }

  @Test("a rating or scale that is not finite (NaN reached Int(_:)) is an error at the rating")
  func infiniteRating() throws {
    let resume = """
      <?xml version="1.0"?>
      <Resume xmlns="http://ns.hr-xml.org/2007-04-15"><ResumeId><IdValue>R-1</IdValue></ResumeId>
        <Competency name="Payroll"><CompetencyEvidence><NumericValue minValue="1" maxValue="inf">inf</NumericValue></CompetencyEvidence></Competency>
        <Competency name="Audit"><CompetencyEvidence><NumericValue minValue="1" maxValue="1e309">3</NumericValue></CompetencyEvidence></Competency>
      </Resume>
      """
    #expect(
      try Self.errors(resume, name: "resume.xml") == [
        "resume.xml:3:50: error: level of 'Payroll': rating 'inf' is not a finite number",
        "resume.xml:4:48: error: level of 'Audit': scale maximum '1e309' is not a finite number",
      ])
  }

  @Test("a scale as wide as Double allows maps without overflowing to NaN")
  func widestScale() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("resume.xml")
    try """
    <?xml version="1.0"?>
    <Resume xmlns="http://ns.hr-xml.org/2007-04-15"><ResumeId><IdValue>R-1</IdValue></ResumeId>
      <Competency name="Payroll"><CompetencyEvidence><NumericValue minValue="-1e308" maxValue="1e308">1e308</NumericValue></CompetencyEvidence></Competency>
    </Resume>
    """.write(toFile: path, atomically: true, encoding: .utf8)
    let result = try Importer.load(paths: [path], options: Vendor.options())
    #expect(result.level("R-1", "Payroll") == 4)
  }

  /// A start tag with 100,000 attributes, 1.8 MB.
  ///
  /// libxml2 2.9 compares each attribute with every earlier one, so this file took it tens of
  /// seconds. Refused by the byte scan before libxml2 sees it: `understudy validate` on it took 0.54 s in a debug build and 0.06 s in a release
  /// build (2026-12-05, 2 shared cores), most of it process start-up and reading the file.
  static let manyAttributes: String = {
    var text = "<?xml version=\"1.0\"?>\n<employees>\n  <employee"
    text.reserveCapacity(1_900_000)
    for index in 0..<100_000 { text += " attr\(index)=\"v\(index % 1000)\"" }
    return text + "/>\n</employees>\n"
  }()

  @Test("100,000 attributes on one element are refused at the tag", arguments: [false, true])
  func manyAttributes(streaming: Bool) throws {
    #expect(
      try Self.diagnostics(Self.manyAttributes, name: "attributes.xml", streaming: streaming) == [
        "attributes.xml:3:3: error: element <employee> has more than 256 attributes (limit 256)"
      ])
  }

  @Test("a spreadsheet's XML gets the same byte scan: 100,000 attributes on a cell are refused")
  func manyAttributesInASheet() throws {
    var rows = ""
    for index in 1...30 {
      rows += "<Row><Cell><Data ss:Type=\"String\">P\(index)</Data></Cell></Row>\n"
    }
    var cell = "<Row><Cell"
    for index in 0..<100_000 { cell += " a\(index)=\"v\"" }
    cell += "/></Row>\n"
    let workbook = """
      <?xml version="1.0"?>
      <Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" \
      xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
      <Worksheet ss:Name="Sheet1"><Table>
      <Row><Cell><Data ss:Type="String">Employee ID</Data></Cell></Row>

      """ + rows + cell + "</Table></Worksheet></Workbook>\n"
    let errors = try Self.errors(workbook, name: "matrix.xml")
    #expect(errors.count == 1)
    #expect(
      errors.first?.hasSuffix("error: element <Cell> has more than 256 attributes (limit 256)")
        == true, "\(errors)")
  }

  @Test("inspect refuses the same shapes before libxml2 reads them")
  func inspectManyAttributes() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("attributes.xml")
    try Self.manyAttributes.write(toFile: path, atomically: true, encoding: .utf8)
    let structure = try XMLStructure.read(path: path)
    #expect(structure.elements == 0)
    #expect(
      structure.diagnostics.map(\.description) == [
        "\(path):3:3: error: element <employee> has more than 256 attributes (limit 256)"
      ])
  }

  @Test("an attribute value over 1 MiB is refused at its attribute")
  func longAttributeValue() throws {
    let text =
      "<?xml version=\"1.0\"?>\n<employees>\n  <employee id=\"1\" note=\""
      + String(repeating: "x", count: (1 << 20) + 1) + "\"/>\n</employees>\n"
    #expect(
      try Self.diagnostics(text, name: "value.xml") == [
        "value.xml:3:20: error: an attribute value in element <employee> is longer than 1 MiB "
          + "(limit 1048576 bytes)"
      ])
  }

  @Test("an element name over 16 KiB is refused at its tag")
  func longName() throws {
    let text =
      "<?xml version=\"1.0\"?>\n<employees>\n  <"
      + String(repeating: "e", count: (16 << 10) + 1) + "/>\n</employees>\n"
    #expect(
      try Self.diagnostics(text, name: "name.xml") == [
        "name.xml:3:3: error: an element name is longer than 16384 bytes (limit 16384)"
      ])
  }

  @Test("a Workday page number outside its pages is a warning, not a note")
  func workdayPage() throws {
    let text = """
      <?xml version="1.0"?>
      <wd:Get_Workers_Response xmlns:wd="urn:com.workday/bsvc"><wd:Response_Results><wd:Page>9223372036854775807</wd:Page><wd:Total_Pages>2</wd:Total_Pages></wd:Response_Results>
      <wd:Response_Data><wd:Worker><wd:Worker_Reference><wd:ID wd:type="Employee_ID">1</wd:ID></wd:Worker_Reference></wd:Worker></wd:Response_Data></wd:Get_Workers_Response>
      """
    let folder = try TemporaryFolder()
    let path = folder.file("workday.xml")
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    let result = try Importer.load(paths: [path], options: Vendor.options())
    #expect(
      result.warnings.map { $0.message } == [
        "Page 9223372036854775807 of Total_Pages 2 is no page of the response; the paging note "
          + "is left out",
        "person '1' has no skills; they count only for roles that require none",
      ])
  }
}
