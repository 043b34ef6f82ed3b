import MentoringOptimizer
import SkillsGraph
import TestSupport
import Testing

@Suite("People who left before the horizon count for nothing in the optimizer")
struct DepartureTests {
  /// The organization of the test: one leaver, one mentor who stays, one learner.
  ///
  /// M1 left on 31 December, before the horizon starts on 4 January; M2 holds the skill too.
  /// The role needs 'a' at 3, M1 was its incumbent: the seat becomes a second backup, so the
  /// target stays 2. Today only M2 qualifies (depth 1); E (at 2, 40 h to level 3, 48 h of
  /// learning in 12 weeks) can be trained, and only by M2.
  static func organization() throws -> Organization {
    Organization(
      skills: [Skill(id: "a")],
      people: [
        Person(id: "E", levels: ["a": 2]),
        Person(id: "M1", levels: ["a": 4], leaves: .fixture("2026-12-31")),
        Person(id: "M2", levels: ["a": 4]),
      ],
      roles: [
        Role(
          id: "r", requirements: [.init(skill: "a", level: 3)], incumbents: ["M1"],
          criticality: .high)
      ])
  }

  static func calendar() throws -> PlanOptions {
    PlanOptions(
      horizon: .calendar(Horizon(start: try #require(Day(iso: "2027-01-04")), weeks: 12)),
      timeLimit: .seconds(5))
  }

  @Test("a past leaver is neither qualified nor a mentor, and their seat stays to be filled")
  func plannerLeavesThemOut() throws {
    let plan = planMentoring(try Self.organization(), options: try Self.calendar())
    let role = try #require(plan.before[role: "r"])
    #expect(role.qualified == ["M2"])
    #expect(role.target == 2)
    #expect(role.incumbents == [])
    #expect(plan.pairs.map { "\($0.mentor)→\($0.mentee)" } == ["M2→E"])
    #expect(plan.after[role: "r"]?.depth == 2)
    #expect(plan.before.singlePointsOfFailure.map(\.person) == ["M2"])
  }

  @Test("without a calendar nobody has left: the same organization counts M1")
  func withoutCalendarEveryoneCounts() throws {
    let plan = planMentoring(
      try Self.organization(), options: PlanOptions(horizon: .weeks(12), timeLimit: .seconds(5)))
    #expect(plan.before[role: "r"]?.qualified == ["M1", "M2"])
    #expect(plan.before.singlePointsOfFailure.isEmpty)
  }

  @Test("the succession bench has no entry for an incumbent who has left")
  func benchLeavesThemOut() throws {
    let organization = try Self.organization()
    #expect(successionBench(organization, options: try Self.calendar()).isEmpty)
    let static12 = PlanOptions(horizon: .weeks(12))
    #expect(successionBench(organization, options: static12).map(\.incumbent) == ["M1"])
  }

  @Test("the analysis on a day leaves them out too")
  func analysisOnADay() throws {
    let organization = try Self.organization()
    let start = try #require(Day(iso: "2027-01-04"))
    #expect(CoverageAnalysis(organization, on: start)[role: "r"]?.qualified == ["M2"])
    #expect(CoverageAnalysis(organization)[role: "r"]?.qualified == ["M1", "M2"])
  }
}
