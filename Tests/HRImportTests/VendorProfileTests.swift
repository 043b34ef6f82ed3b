import HRImport
import SkillsGraph
import TestSupport
import Testing

@Suite("SuccessFactors OData v2 Atom")
struct SuccessFactorsTests {
  let result: ImportResult
  init() throws { result = try Vendor.load(["sf-feed.xml"]) }

  @Test("EmpJob gives department and manager (latest started row); names from PerPersonal and User")
  func people() throws {
    #expect(result.organization.people.map(\.id.rawValue) == ["u1", "u2"])
    let ana = try #require(result.person("u1"))
    #expect(ana.name == "Ana Ruiz")
    #expect(ana.department == "D_FIN_PAY")
    #expect(ana.manager == nil)
    let ben = try #require(result.person("u2"))
    #expect(ben.name == "Ben Ode")
    #expect(ben.manager == "u1")
    #expect(ben.email == "ben.ode@example.com")
  }

  @Test("ratings on 1–5 map onto 1–4, halves down")
  func ratings() {
    #expect(result.level("u1", "Payroll") == 4)
    #expect(result.level("u2", "Payroll") == 2)
  }

  @Test("approved time off only, OData JSON dates included")
  func timeOff() throws {
    let ana = try #require(result.person("u1"))
    #expect(ana.absences.map(\.from.description) == ["2027-01-01"])
    #expect(ana.absences.map(\.to.description) == ["2027-01-08"])
    #expect(result.person("u2")?.absences.isEmpty == true)
  }

  @Test("what was skipped, and why")
  func skipped() throws {
    let source = try #require(result.sources.first)
    #expect(source.profile == "successfactors")
    #expect(
      source.skipped == [
        SkippedRecords(reason: "EmpJob rows superseded by a later row", count: 1),
        SkippedRecords(reason: "EmpJob rows that start after 2026-11-24 (future-dated)", count: 1),
        SkippedRecords(reason: "inactive users", count: 1),
        SkippedRecords(reason: "time off not approved (REJECTED)", count: 1),
        SkippedRecords(
          reason: "FODepartment entries (not read by the successfactors profile)", count: 1),
        SkippedRecords(reason: "records of people no input file lists (ratings)", count: 1),
      ])
    #expect(
      source.levelMapping == [
        "CompetencyRating.rating (configured rating scale) on 1–5, mapped linearly onto the "
          + "0–4 scale, halves down (2 ratings)"
      ])
  }
}

@Suite("BambooHR directory, custom report, time off and who's out")
struct BambooHRTests {
  let result: ImportResult
  init() throws {
    result = try Vendor.load([
      "bamboohr-report.xml", "bamboohr-requests.xml", "bamboohr-whosout.xml",
    ])
  }

  @Test("supervisorEId is the manager; inactive employees and empty fields are handled")
  func people() {
    #expect(result.organization.people.map(\.id.rawValue) == ["1", "2"])
    #expect(result.person("1")?.manager == nil)
    #expect(result.person("2")?.manager == "1")
    #expect(result.person("2")?.name == "Eli Moss")
    #expect(result.person("1")?.email == "dee@example.com")
  }

  @Test("approved requests and who's-out entries are absences; holidays join the policy")
  func absences() {
    #expect(result.person("2")?.absences.map(\.from.description) == ["2026-12-21"])
    #expect(result.person("1")?.absences.map(\.from.description) == ["2027-01-11"])
    #expect(
      result.organization.policy.holidays
        == [Day(iso: "2026-12-24"), Day(iso: "2026-12-25")]
        .compactMap { $0 })
  }

  @Test("denied and superseded requests, and people not in the report, are counted as skipped")
  func skipped() {
    #expect(result.sources[0].skipped == [SkippedRecords(reason: "inactive employees", count: 1)])
    #expect(
      result.sources[1].skipped == [
        SkippedRecords(reason: "time-off requests not approved (denied)", count: 1),
        SkippedRecords(reason: "time-off requests not approved (superceded)", count: 1),
        SkippedRecords(reason: "records of people no input file lists (absences)", count: 1),
      ])
    #expect(result.sources.map(\.absences) == [0, 1, 1])
    #expect(result.sources[2].notes == ["2 holidays read"])
  }
}

@Suite("HR-XML 3 BODs, HR-XML 2 résumés, Europass CVs")
struct StandardsTests {
  @Test("IndicativeData, OrganizationChart and TimeCard in one wrapper")
  func hrxml3() throws {
    let result = try Vendor.load(["hrxml3-bods.xml"])
    #expect(result.organization.people.map(\.id.rawValue) == ["P1"])
    let fay = try #require(result.person("P1"))
    #expect(fay.name == "Fay Gold")
    #expect(fay.email == "fay@example.com")
    #expect(fay.department == "Payroll Operations")
    #expect(result.level("P1", "Payroll") == 3)
    #expect(fay.absences.map(\.from.description) == ["2027-03-01", "2027-07-14"])
    #expect(fay.absences.map(\.to.description) == ["2027-03-14", "2027-07-25"])
    #expect(fay.absences.map(\.kind) == ["Parental", "Annual leave"])
    #expect(
      result.sources.first?.skipped == [
        SkippedRecords(reason: "terminated people", count: 1),
        SkippedRecords(
          reason: "StaffingAssignment records (not read by the hrxml3 profile)", count: 1),
      ])
  }

  @Test("HR-XML 2 competencies on their own scales, ProficencyLevel, certification dates")
  func hrxml2() throws {
    let result = try Vendor.load(["hrxml2-resume.xml"])
    #expect(result.organization.people.map(\.id.rawValue) == ["R-42"])
    #expect(result.person("R-42")?.name == "Ida Lowe")
    #expect(result.level("R-42", "Payroll") == 3)
    #expect(result.level("R-42", "Audit") == 2)
    #expect(result.level("R-42", "Negotiation") == 4)
    #expect(result.level("R-42", "CPA") == 3)
    #expect(result.skill(named: "Forklift") == nil)
    #expect(result.skill(named: "Finance") == nil)
  }

  @Test("Europass: CEFR median, digital skills without level, certification expiry")
  func europass() throws {
    let result = try Vendor.load(["europass-cv.xml"])
    #expect(result.organization.people.map(\.id.rawValue) == ["CV-9"])
    #expect(result.person("CV-9")?.name == "Jo Kent")
    #expect(result.level("CV-9", "Language DEU") == 3)
    #expect(result.level("CV-9", "SQL") == 2)
    #expect(result.level("CV-9", "Scrum Master") == 3)
    #expect(result.skill(named: "Old Badge") == nil)
    let source = try #require(result.sources.first)
    #expect(source.levelMapping.first == "named levels: 'B2' → 3 (built-in, 1×)")
  }
}

@Suite("Mapping files for exports no profile reads")
struct MappingTests {
  static let oracle = Vendor.packageRoot.appendingPathComponent(
    "samples/mappings/oracle-hcm-extract.xml"
  ).path
  static let workday = Vendor.packageRoot.appendingPathComponent(
    "samples/mappings/workday-custom-report.xml"
  ).path

  @Test("the shipped Oracle HCM Extract mapping")
  func oracle() throws {
    let result = try Vendor.load(
      ["oracle-extract.xml"], options: Vendor.options(mapping: Self.oracle))
    #expect(result.organization.people.map(\.id.rawValue) == ["300100", "300101"])
    #expect(result.person("300101")?.manager == "300100")
    #expect(result.person("300100")?.department == "Treasury")
    #expect(result.level("300100", "Treasury") == 4)
    #expect(result.level("300101", "Treasury") == 2)
    #expect(result.level("300100", "FX hedging") == 3)
    #expect(result.level("300100", "CTP") == 3)
    #expect(result.person("300100")?.absences.count == 1)
    let source = try #require(result.sources.first)
    #expect(source.profile == "mapping")
    #expect(
      source.skipped == [
        SkippedRecords(reason: "absences not approved ('DENIED')", count: 1),
        SkippedRecords(reason: "inactive people ('INACTIVE')", count: 1),
      ])
  }

  @Test("the shipped Workday custom report mapping, with derived roles")
  func workdayReport() throws {
    let result = try Vendor.load(
      ["workday-report.xml"], options: Vendor.options(derive: .critical, mapping: Self.workday))
    #expect(result.organization.people.map(\.id.rawValue) == ["501", "502"])
    #expect(result.person("501")?.name == "Mo Reyes")
    #expect(result.person("502")?.manager == "501")
    #expect(result.person("501")?.level("customs") == 4)
    #expect(result.person("502")?.level("customs") == 3)
    #expect(result.level("501", "ATLAS") == 2)
    #expect(result.person("501")?.absences.first?.from == Day(iso: "2027-01-04"))
    #expect(result.organization.roles.map(\.name) == ["Customs Broker"])
    #expect(
      result.organization.roles.first?.requirements == [Requirement(skill: "customs", level: 3)])
  }

  @Test("a mapping XPath that uses an undeclared prefix is an error at its attribute")
  func badMapping() throws {
    let folder = try TemporaryFolder()
    let mapping = folder.file("bad-mapping.xml")
    try """
    <mapping xmlns="urn:understudy:mapping:1">
      <person select="/x:Root/x:Person" id="x:Id"/>
    </mapping>
    """.write(toFile: mapping, atomically: true, encoding: .utf8)
    let errors = Vendor.errors(["oracle-extract.xml"], options: Vendor.options(mapping: mapping))
    #expect(
      errors == [
        "\(mapping):2:11: error: XPath '/x:Root/x:Person' uses the prefix 'x', which no "
          + "<namespace prefix=\"x\" …/> declares",
        "\(mapping):2:37: error: XPath 'x:Id' uses the prefix 'x', which no "
          + "<namespace prefix=\"x\" …/> declares",
      ])
  }
}
