import Foundation
import HRImport
import SkillsGraph
import Testing

@Suite("A roles file names skills ignoring case and white space")
struct SkillReferenceTests {
  static let organization = """
    <organization xmlns="urn:understudy:org:1">
      <skills>
        <skill id="payroll" name="Payroll"/>
        <skill id="payroll-run" name="Payroll run"/>
      </skills>
      <people>
        <person id="A"><skill ref=" payroll " level="3"/><skill ref="payroll-run" level="2"/></person>
        <person id="B"><skill ref="PAYROLL" level="2"/><interest skill="  Payroll   Run "/></person>
      </people>
      <roles>
        <role id="clerk" name="Payroll clerk">
          <requires skill="  Payroll " level="2"/>
          <requires skill="PAYROLL  run" level="2"/>
        </role>
      </roles>
    </organization>
    """

  @Test("leading, trailing and repeated inner spaces and upper case all find the skill")
  func matches() throws {
    let result = try NativeImporter.load(xml: Self.organization, name: "roles.xml")
    let role = try #require(result.organization.roles.first)
    #expect(role.requirements.map(\.skill) == ["payroll", "payroll-run"])
    let people = result.organization.people
    #expect(people.map { $0.level("payroll") } == [3, 2])
    #expect(people.map { $0.level("payroll-run") } == [2, 0])
    #expect(people.last?.interests == ["payroll-run"])
    #expect(result.warnings.isEmpty)
  }

  @Test("a reference of spaces only is still refused by the schema")
  func blank() {
    let xml = Self.organization.replacingOccurrences(of: "PAYROLL  run", with: "   ")
    #expect(throws: ImportError.self) {
      try NativeImporter.load(xml: xml, name: "roles.xml")
    }
  }
}
