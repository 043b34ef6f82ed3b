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
    guard case .mentors(let shortage) = unmet.reason.limit else {
      Issue.record("expected the mentors' limit, got \(unmet.reason)")
      return
    }
    #expect(shortage.skill == "a" && shortage.level == 3 && shortage.mentorCount == 1)
    // At 1 h a week M gives E's 4 h a week: 40 h by week 10.
    #expect(shortage.change == MentorChange(mentor: "M", extraSlot: false, hoursPerWeek: 1))
    #expect(
      unmet.reason.description
        == "E needs 40 h of 'a'; the only mentor, M, has 6 h of mentoring time left (0.5 h a "
        + "week): 1 h a week would do")
  }
}
