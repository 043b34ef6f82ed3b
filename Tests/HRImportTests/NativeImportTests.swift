import HRImport
import SkillsGraph
import Testing

@Suite("Native import of the six-person team from an export and a roles file")
struct NativeImportTests {
  let result: ImportResult

  init() throws {
    result = try NativeImporter.load(paths: [
      Fixtures.path("team-export.xml"), Fixtures.path("team-roles.xml"),
    ])
  }

  @Test(
    "depth and gap agree with the figures worked out by hand",
    arguments: [
      ("payroll-run", 2, 1), ("month-close", 2, 0), ("tax-filing", 1, 1), ("audit-prep", 1, 1),
      ("vat", 1, 0),
    ])
  func figures(role: String, depth: Int, gap: Int) throws {
    let coverage = try #require(CoverageAnalysis(result.organization)[role: RoleID(role)])
    #expect(coverage.depth == depth)
    #expect(coverage.gap == gap)
  }

  @Test("the second file overrides attributes and levels of the first, by id")
  func merging() throws {
    let fei = try #require(result.organization.people.first { $0.id == "F" })
    #expect(fei.name == "Fei Chen-Berg")
    #expect(fei.department == "Tax")
    #expect(fei.level("tax") == 0)
    #expect(result.organization.people.map(\.id.rawValue) == ["A", "B", "C", "D", "E", "F"])
  }

  @Test("attributes, defaults and children land in the model")
  func attributes() throws {
    let organization = result.organization
    #expect(organization.asOf == Day(iso: "2026-11-24"))
    #expect(organization.scaleMax == 4)
    let payroll = try #require(organization.skills.first { $0.id == "payroll" })
    #expect(payroll.hoursPerLevel == 30)
    #expect(payroll.related == ["accounting"])
    #expect(payroll.category == "Finance")
    let emre = try #require(organization.people.first { $0.id == "E" })
    #expect(emre.learningHoursPerWeek == 6)
    #expect(emre.mentorHoursPerWeek == 2)
    #expect(emre.maxMentees == 3)
    #expect(emre.interests == ["tax"])
    #expect(emre.manager == "D")
    let from = try #require(Day(iso: "2026-12-21"))
    let to = try #require(Day(iso: "2027-01-01"))
    #expect(emre.absences == [Absence(from: from, to: to, kind: "vacation")])
    let dana = try #require(organization.people.first { $0.id == "D" })
    #expect(dana.canMentor == false)
    let vat = try #require(organization.roles.first { $0.id == "vat" })
    #expect(vat.weight == 2.5)
    #expect(vat.backups == 1)
    let payrollRun = try #require(organization.roles.first { $0.id == "payroll-run" })
    #expect(payrollRun.backups == 2)
    #expect(organization.policy.horizonWeeks == 8)
    #expect(organization.policy.start == Day(iso: "2026-11-30"))
    let christmas = try #require(Day(iso: "2026-12-25"))
    #expect(organization.policy.holidays == [christmas])
  }

  @Test("source summaries count what each file contributed")
  func sources() {
    #expect(result.sources.map(\.people) == [6, 1])
    #expect(result.sources.map(\.roles) == [0, 5])
    #expect(result.sources.map(\.absences) == [1, 0])
    #expect(result.sources.allSatisfy { $0.profile == "native" })
  }

  @Test("a person whose every level is zero gets a warning, not an error")
  func emptyProfileWarning() {
    #expect(
      result.warnings.map(\.description) == [
        "\(Fixtures.path("team-export.xml")):35:13: warning: person 'F' has no skills; they "
          + "count only for roles that require none"
      ])
  }

  @Test("the same input gives the same organization")
  func deterministic() throws {
    let again = try NativeImporter.load(paths: [
      Fixtures.path("team-export.xml"), Fixtures.path("team-roles.xml"),
    ])
    #expect(again.organization == result.organization)
  }
}
