import MentoringOptimizer
import Reports
import SkillsGraph
import Testing

@Suite("One plan pipeline: every part of a plan report follows the same options")
struct PlanPipelineTests {
  /// The organization of the test: one key role, its incumbent and one candidate.
  ///
  /// `desk` (high) needs 'a' at 2 and 'b' at 1; its incumbent I holds exactly that. C holds 'a'
  /// at 1 and 'b' at 1, so C is a succession candidate missing 'a' at 2. Nobody holds 'a' at 3:
  /// at the policy's mentoring level (3) nobody can teach it and C is blocked; at level 2, I can
  /// teach it, and C's 40 hours (one level) fit 12 weeks at 4 hours a week, so the plan has the
  /// pair I → C as well.
  static func organization() throws -> Organization {
    Organization(
      skills: [Skill(id: "a"), Skill(id: "b")],
      people: [
        Person(id: "C", levels: ["a": 1, "b": 1]),
        Person(id: "I", levels: ["a": 2, "b": 1]),
      ],
      roles: [
        Role(
          id: "desk",
          requirements: [.init(skill: "a", level: 2), .init(skill: "b", level: 1)],
          incumbents: ["I"], criticality: .high)
      ],
      policy: Policy(horizonWeeks: 12, mentorMinLevel: 3))
  }

  func bench(mentorMinLevel: Int?) throws -> (Readiness?, Int) {
    let organization = try Self.organization()
    let horizon = Horizon(start: try #require(Day(iso: "2027-01-04")), weeks: 12)
    let content = PlanReportContent.plan(
      organization, horizon: horizon,
      options: PlanOptions(
        policy: organization.policy, mentorMinLevel: mentorMinLevel, timeLimit: .seconds(5)))
    let candidate = content.before.succession.first?.candidates.first { $0.person == "C" }
    return (candidate?.readiness, content.plan.pairs.count)
  }

  @Test("the mentoring level given for the plan is the level the succession bench judges by")
  func mentorLevelReachesTheBench() throws {
    let policy = try bench(mentorMinLevel: nil)
    #expect(policy.0 == .blocked(skill: "a"))
    #expect(policy.1 == 0)
    let lowered = try bench(mentorMinLevel: 2)
    #expect(lowered.0 == .withinHorizon)
    #expect(lowered.1 == 1)
  }
}
