import HRImport
import SkillsGraph
import Testing

@Suite("Workday Get_Workers: two pages and a roles file")
struct WorkdayImportTests {
  let result: ImportResult

  init() throws {
    result = try Vendor.load(["workday-page1.xml", "workday-page2.xml", "workday-roles.xml"])
  }

  @Test("people are keyed by Employee_ID or Contingent_Worker_ID; the others are left out")
  func people() {
    #expect(result.organization.people.map(\.id.rawValue) == ["1001", "C-77", "1006"])
    #expect(result.person("1001")?.name == "Ada Park")
    #expect(result.person("C-77")?.name == "Bo Ek")
    #expect(result.person("1006")?.name == "Cy Dunn")
    #expect(result.person("1001")?.email == "ada.park@example.com")
  }

  @Test("the supervisory organization is the department, double escaping undone")
  func departments() {
    #expect(result.person("1001")?.department == "Finance & Tax")
    #expect(result.person("C-77")?.department == "Payroll")
  }

  @Test("manager: last chain entry, skipping the worker; a WID resolves across pages")
  func managers() {
    #expect(result.person("1001")?.manager == nil)
    #expect(result.person("C-77")?.manager == "1001")
    #expect(result.person("1006")?.manager == "1001")
  }

  @Test("descriptors map through the built-in names; skills without level count at 2")
  func levels() {
    #expect(result.level("1001", "Payroll Processing") == 4)
    #expect(result.level("1001", "Accounting") == 3)
    #expect(result.level("1001", "Excel") == 2)
    #expect(result.level("C-77", "Payroll Processing") == 3)
    #expect(result.level("1006", "Accounting") == 3)
    #expect(result.organization.skills.count { $0.name.lowercased().contains("payroll") } == 1)
  }

  @Test("a valid certification counts at 3; an expired one is left out and reported")
  func certifications() throws {
    #expect(result.level("1001", "CPA") == 3)
    #expect(result.skill(named: "First Aid") == nil)
    let page1 = try #require(result.sources.first)
    #expect(
      page1.skipped.contains(
        SkippedRecords(reason: "certifications expired or not yet valid on 2026-12-01", count: 1)))
  }

  @Test("leaves of absence with zone-suffixed, partial and missing dates")
  func leaves() throws {
    let ada = try #require(result.person("1001"))
    let from = try #require(Day(iso: "2027-01-04"))
    let to = try #require(Day(iso: "2027-01-15"))
    #expect(ada.absences == [Absence(from: from, to: to, kind: "Training Leave")])
    let bo = try #require(result.person("C-77"))
    #expect(bo.absences.first?.from == Day(iso: "2027-02-01"))
    #expect(bo.absences.first?.to == Day(iso: "9999-12-31"))
  }

  @Test("the data sources say what was read, skipped and how levels were mapped")
  func sources() throws {
    #expect(result.sources.map(\.profile) == ["workday", "workday", "native"])
    #expect(result.sources.map(\.people) == [2, 1, 0])
    let page1 = try #require(result.sources.first)
    #expect(
      page1.skipped == [
        SkippedRecords(reason: "inactive workers (Active = 0)", count: 1),
        SkippedRecords(reason: "terminated workers", count: 1),
        SkippedRecords(
          reason: "workers with only a WID (no Employee_ID or Contingent_Worker_ID)", count: 1),
        SkippedRecords(reason: "certifications expired or not yet valid on 2026-12-01", count: 1),
      ])
    #expect(
      page1.levelMapping == [
        "named levels: 'Expert' → 4 (built-in, 1×), 'Proficient' → 3 (built-in, 2×), "
          + "'Developing' → 2 (built-in, 1×)",
        "1 skill without a level (Workday skills (Skill_Data has no level)) counted at level 2 "
          + "(the configured default)",
        "1 certification valid on 2026-12-01 counted at level 3; 1 expired or not yet valid "
          + "then, left out",
      ])
    #expect(page1.notes.contains("page 1 of 2 of a paged Get_Workers response: 4 of 5 workers"))
    #expect(
      page1.notes.contains(
        "1 leave of absence with no end date read as lasting until further notice"))
    #expect(result.sources[1].notes.contains("page 2 of 2 of a paged Get_Workers response"))
  }

  @Test("the roles file reaches skills by the export's names and people by their ids")
  func roles() throws {
    let analysis = CoverageAnalysis(result.organization)
    let payroll = try #require(analysis[role: "payroll-run"])
    #expect(payroll.qualified == ["1001", "C-77"])
    let tax = try #require(analysis[role: "tax-return"])
    #expect(tax.qualified == ["1006"])
    #expect(result.organization.roles.allSatisfy { !$0.isDerived })
  }

  @Test("an unknown skill or person in the roles file is an error with suggestions")
  func badRoles() {
    #expect(
      Vendor.errors(["workday-page1.xml", "workday-page2.xml", "workday-bad-roles.xml"])
        .filter { $0.contains(": error: ") } == [
          "workday-bad-roles.xml:5:17: error: unknown skill 'Payrol Processing' (did you mean "
            + "'Payroll Processing'?)",
          "workday-bad-roles.xml:6:18: error: unknown person '10O6' (did you mean '1006'?)",
        ])
  }

  @Test("--derive-roles makes one role per critical job profile, from shared skills at 3+")
  func derivedRoles() throws {
    let derived = try Vendor.load(
      ["workday-page1.xml", "workday-page2.xml"], options: Vendor.options(derive: .critical))
    let role = try #require(derived.organization.roles.first)
    #expect(derived.organization.roles.count == 1)
    #expect(role.id == "derived-JP-PAY")
    #expect(role.name == "Payroll Lead")
    #expect(role.isDerived)
    #expect(role.criticality == .critical)
    #expect(role.incumbents == ["1001", "C-77"])
    #expect(role.requirements.map(\.level) == [3])
    #expect(role.requirements.map(\.skill) == [derived.skill(named: "Payroll Processing")])
    #expect(derived.sources.first?.roles == 1)
    let all = try Vendor.load(
      ["workday-page1.xml", "workday-page2.xml"], options: Vendor.options(derive: .all))
    #expect(all.organization.roles.map(\.name) == ["Payroll Lead", "Tax Specialist"])
    #expect(all.organization.roles.last?.criticality == .normal)
  }

  @Test("streaming gives the same organization, placed by line")
  func streaming() throws {
    let streamed = try Vendor.load(
      ["workday-page1.xml", "workday-page2.xml", "workday-roles.xml"],
      options: Vendor.options(streamAll: true))
    #expect(streamed.organization == result.organization)
    #expect(streamed.sources == result.sources)
    let warning = try #require(streamed.warnings.first { $0.message.contains("only a WID") })
    #expect(warning.location.line == 79)
  }
}
