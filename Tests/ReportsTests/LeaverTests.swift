import Reports
import SkillsGraph
import Testing

@Suite("People who left before the horizon")
struct LeaverTests {
  /// A leaver's role, worked out by hand.
  ///
  /// Role `r` is high (weight 2), needs `a` at 3, and P1 holds it; high roles want one backup,
  /// so the target is 1 + 1 = 2. P1 and P2 hold `a` at 3, P3 only at 2. P1's last day
  /// (2026-10-01) is before the horizon (from 2026-11-30), so P1 counts for nothing: `r` keeps
  /// its target of 2 (the vacant seat becomes a second backup), its depth drops from 2 to 1
  /// (P2 alone), gap 1, score 2 · 1 = 2 of 2 · 2 = 4. A role of weight 2 or more with depth 1
  /// is a single point of failure: P2 for `r`. Were P1 still counted, depth would be 2, score
  /// 4 of 4, and nobody a single point of failure.
  @Test("count for nothing: the role keeps its target and its depth drops to the one left")
  func pastLeaver() throws {
    let start = try #require(Day(iso: "2026-11-30"))
    let gone = try #require(Day(iso: "2026-10-01"))
    let organization = Organization(
      skills: [Skill(id: "a")],
      people: [
        Person(id: "P1", levels: ["a": 3], leaves: gone), Person(id: "P2", levels: ["a": 3]),
        Person(id: "P3", levels: ["a": 2]),
      ],
      roles: [
        Role(
          id: "r", requirements: [.init(skill: "a", level: 3)], incumbents: ["P1"],
          criticality: .high)
      ])
    let content = GapReportContent.analyse(
      organization, horizon: Horizon(start: start, weeks: 4))
    let role = try #require(content.coverage[role: "r"])
    #expect(role.qualified == ["P2"])
    #expect(role.target == 2)
    #expect(role.depth == 1)
    #expect(role.gap == 1)
    #expect(content.coverage.coverageScore == 2)
    #expect(content.coverage.coverageCeiling == 4)
    #expect(
      content.coverage.singlePointsOfFailure == [
        CoverageAnalysis.SinglePointOfFailure(person: "P2", roles: ["r"])
      ])
  }
}
