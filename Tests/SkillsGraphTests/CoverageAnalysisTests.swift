import SkillsGraph
import Testing

@Suite("Coverage of the hand-made six-person team")
struct CoverageAnalysisTests {
  let analysis = CoverageAnalysis(SixPeople.organization)

  @Test(
    "depth, target and gap of each role",
    arguments: [
      ("payroll-run", 2, 3, 1, ["A", "B"]),
      ("month-close", 2, 2, 0, ["A", "C"]),
      ("tax-filing", 1, 2, 1, ["D"]),
      ("audit-prep", 1, 2, 1, ["C"]),
      ("vat", 1, 1, 0, ["C"]),
    ])
  func roleFigures(role: String, depth: Int, target: Int, gap: Int, qualified: [String]) throws {
    let coverage = try #require(analysis[role: RoleID(role)])
    #expect(coverage.depth == depth)
    #expect(coverage.target == target)
    #expect(coverage.gap == gap)
    #expect(coverage.qualified == qualified.map { PersonID($0) })
  }

  @Test("coverage score, ceiling and percent")
  func score() {
    // 3·min(2,3) + 2·2 + 2·1 + 1·1 + 2.5·1 = 15.5; ceiling 3·3 + 2·2 + 2·2 + 1·2 + 2.5·1 = 21.5.
    #expect(analysis.coverageScore == 15.5)
    #expect(analysis.coverageCeiling == 21.5)
    #expect(abs((analysis.coveragePercent ?? 0) - 72.093_023) < 1e-5)
    #expect(analysis.rolesBelowTarget == 3)
  }

  @Test("single points of failure are sole holders of roles of weight 2 or more")
  func singlePoints() {
    // audit-prep also has one qualified person (C) but weighs 1, so it does not count.
    #expect(
      analysis.singlePointsOfFailure == [
        .init(person: "C", roles: ["vat"]),
        .init(person: "D", roles: ["tax-filing"]),
      ])
  }

  @Test("scarcity lists each required (skill, level), scarcest first")
  func scarcity() {
    let rows = analysis.scarcity.map { "\($0.skill)@\($0.level)=\($0.holders)" }
    #expect(
      rows == [
        "accounting@4=1", "tax@4=1", "accounting@3=2", "payroll@3=2", "tax@3=2", "payroll@2=3",
        "tax@2=3", "accounting@2=4",
      ])
  }

  @Test("an excluded person stops counting, but the seat they held keeps its target")
  func exclusion() throws {
    let without = CoverageAnalysis(SixPeople.organization.excluding(["C"]))
    let vat = try #require(without[role: "vat"])
    #expect(vat.depth == 0)
    let audit = try #require(without[role: "audit-prep"])
    #expect(audit.incumbents.isEmpty)
    #expect(audit.target == 2)
    #expect(audit.gap == 2)
  }

  @Test("an empty organization has no coverage percentage, not 100 % of nothing")
  func empty() {
    let empty = CoverageAnalysis(Organization())
    #expect(empty.coveragePercent == nil)
    #expect(empty.roles.isEmpty)
  }
}
