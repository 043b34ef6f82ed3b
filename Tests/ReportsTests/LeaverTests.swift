import Reports
import SkillsGraph
import Testing

@Suite("People who left before the horizon")
struct LeaverTests {
  @Test("count for nothing, and the role they held keeps its target")
  func pastLeaver() throws {
    let start = try #require(Day(iso: "2026-11-30"))
    let gone = try #require(Day(iso: "2026-10-01"))
    let organization = Organization(
      skills: [Skill(id: "a")],
      people: [
        Person(id: "P1", levels: ["a": 3], leaves: gone), Person(id: "P2", levels: ["a": 3]),
      ],
      roles: [Role(id: "r", requirements: [.init(skill: "a", level: 3)], incumbents: ["P1"])])
    let content = GapReportContent.analyse(
      organization, horizon: Horizon(start: start, weeks: 4))
    let role = try #require(content.coverage[role: "r"])
    #expect(role.qualified == ["P2"])
    #expect(role.target == 2)
    #expect(content.coverage.singlePointsOfFailure.isEmpty)  // weight 1
  }
}
