import MentoringOptimizer
import SkillsGraph
import Testing

@Suite("Edge cases found in review")
struct EdgeCaseTests {
  @Test("near-zero hours per level does not overflow the mentor ranking")
  func tinyHours() {
    let organization = Organization(
      skills: [Skill(id: "a", hoursPerLevel: 1e-22)],
      people: [
        Person(id: "M1", levels: ["a": 4]), Person(id: "M2", levels: ["a": 4]),
        Person(id: "E", levels: ["a": 2]),
      ],
      roles: [
        Role(
          id: "r", requirements: [.init(skill: "a", level: 3)], incumbents: ["M1"],
          criticality: .critical)
      ])
    let plan = planMentoring(organization, options: PlanOptions(policy: organization.policy))
    #expect(plan.pairs.map(\.mentee) == ["E"])
  }

  @Test("a mentor who holds the skill but has too little time is not 'no eligible mentor'")
  func mentorsLackTime() throws {
    // M alone holds 'a' at 4, but mentors 0.5 h a week: 6 h over 12 weeks, and the pair needs
    // 40 / 4 = 10 mentor hours.
    let organization = Organization(
      skills: [Skill(id: "a")],
      people: [
        Person(id: "M", levels: ["a": 4], mentorHoursPerWeek: 0.5),
        Person(id: "E", levels: ["a": 2]),
      ],
      roles: [Role(id: "r", requirements: [.init(skill: "a", level: 3)], incumbents: ["M"])])
    let plan = planMentoring(organization, options: PlanOptions(policy: organization.policy))
    #expect(plan.pairs.isEmpty)
    let unmet = try #require(plan.unmet.first)
    #expect(unmet.reason == .mentorsLackTime(skill: "a", level: 3))
  }
}
