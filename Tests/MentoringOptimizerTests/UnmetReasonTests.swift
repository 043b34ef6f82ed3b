import SkillsGraph
import Testing

@testable import MentoringOptimizer

/// Crafted teams for every limit that keeps a role below target, each with the numbers worked
/// out by hand: 40 h per level, 4 learning hours and 2 mentoring hours a week, 12 weeks.
@Suite("Why roles stay below target") struct UnmetReasonTests {
  let options = PlanOptions(horizon: .weeks(12), timeLimit: .seconds(5))

  /// The reason for role 'r' (incumbent: the first person), requiring `requirements`.
  func reason(
    _ people: [Person], _ requirements: [Requirement], options: PlanOptions? = nil,
    skills: [Skill] = [Skill(id: "s"), Skill(id: "t")]
  ) -> UnmetReason? {
    let organization = Organization(
      skills: skills, people: people,
      roles: [Role(id: "r", requirements: requirements, incumbents: [people[0].id])])
    return planMentoring(organization, options: options ?? self.options).unmet.first?.reason
  }

  @Test("a skill nobody eligible holds at the mentoring level")
  func noMentor() {
    // Only A holds 't' at all, at 2; B needs 't' 1 → 2, 40 h, and a mentor needs level 3.
    let result = reason(
      [Person(id: "A", levels: ["s": 4, "t": 2]), Person(id: "B", levels: ["s": 4, "t": 1])],
      [.init(skill: "s", level: 3), .init(skill: "t", level: 2)])
    #expect(result?.candidate == "B" && result?.menteeHours == 40)
    #expect(result?.limit == .noMentor(skill: "t", level: 3))
    #expect(result?.description == "B needs 40 h; no eligible mentor holds level 3 of 't'")
  }

  @Test("the horizon: the weeks and the weekly hours that would hold the hours")
  func horizon() throws {
    // B needs 's' 1 → 4: 3 · 40 = 120 h; 12 weeks at 4 h hold 48. 120 / 4 = 30 weeks, or
    // ⌈120 / 12⌉ = 10 h a week. At 10 h a week A, at 2 h a week, carries only 8 of them (96 h
    // in 12 weeks); at 3 h a week, 12: enough.
    let result = try #require(
      reason(
        [Person(id: "A", levels: ["s": 4]), Person(id: "B", levels: ["s": 1])],
        [.init(skill: "s", level: 4)]))
    guard case .horizon(let time) = result.limit else {
      Issue.record("expected the horizon's limit, got \(result)")
      return
    }
    #expect(time.hoursPerWeek == 4 && time.weeksPresent == 12 && time.horizonWeeks == 12)
    #expect(time.hoursThatFit == 48)
    #expect(time.weeksThatWouldDo == 30 && time.hoursPerWeekThatWouldDo == 10)
    #expect(
      time.mentorsNext?.change == MentorChange(mentor: "A", extraSlot: false, hoursPerWeek: 3))
    #expect(
      result.description
        == "B needs 120 h; 48 h fit in 12 weeks at 4 h a week: 30 weeks or 10 h a week would do; "
        + "at 10 h a week the mentors of 's' bind next: the only mentor, A, has 24 h of mentoring "
        + "time left (2 h a week): 3 h a week would do")
  }

  @Test("nobody can learn: the nearest one who cannot, and why")
  func noLearner() {
    let result = reason(
      [Person(id: "A", levels: ["s": 4]), Person(id: "B", levels: ["s": 2], canLearn: false)],
      [.init(skill: "s", level: 3)])
    #expect(result?.candidate == nil)
    #expect(
      result?.limit
        == .noLearner(nearest: UnavailableCandidate(person: "B", menteeHours: 40, why: .optedOut)))
    #expect(
      result?.description
        == "nobody who is not qualified can learn it in this horizon: the nearest, B (40 h), has "
        + "opted out of learning")
  }

  @Test("the learner's hours go to a more valuable pair")
  func learnerBusy() throws {
    // B is the only candidate for both roles and has 48 h: the critical one takes 40.
    let organization = Organization(
      skills: [Skill(id: "s"), Skill(id: "t")],
      people: [
        Person(id: "A", levels: ["s": 4, "t": 4], maxMentees: 3),
        Person(id: "B", levels: ["s": 2, "t": 2]),
      ],
      roles: [
        Role(id: "one", requirements: [.init(skill: "s", level: 3)], incumbents: ["A"]),
        Role(
          id: "two", requirements: [.init(skill: "t", level: 3)], incumbents: ["A"],
          criticality: .critical, backups: 1),
      ])
    let plan = planMentoring(organization, options: options)
    #expect(plan.pairs.map(\.skill) == ["t"])
    let unmet = try #require(plan.unmet.first)
    #expect(unmet.role == "one")
    #expect(
      unmet.reason.limit == .learnerBusy(LearnerBusy(hoursLeft: 8, budget: 48, learning: ["t"])))
    #expect(
      unmet.reason.description
        == "B needs 40 h; only 8 h of their 48 h are left after learning 't' in this plan")
  }

  @Test("every mentor's slot is taken: one more slot for the first would do")
  func mentorSlots() throws {
    // Target 1 + 4 = 5; M1 and M2 count today, and each takes one of E1, E2, E3 (one slot
    // each). E3, 40 h, is left; M1 teaches E1 at 1 h a week, so a second slot leaves 1 h a
    // week for E3: 4 h a week, done in week 10.
    var organization = Organization(
      skills: [Skill(id: "s")],
      people: [
        Person(id: "M1", levels: ["s": 4], maxMentees: 1),
        Person(id: "M2", levels: ["s": 4], maxMentees: 1),
        Person(id: "E1", levels: ["s": 2]),
        Person(id: "E2", levels: ["s": 2]),
        Person(id: "E3", levels: ["s": 2]),
      ],
      roles: [
        Role(id: "r", requirements: [.init(skill: "s", level: 3)], incumbents: ["M1"], backups: 4)
      ])
    organization.policy.cascades = false
    let plan = planMentoring(
      organization, options: PlanOptions(policy: organization.policy, horizon: .weeks(12)))
    #expect(plan.pairs.map(\.mentee) == ["E1", "E2"])
    let unmet = try #require(plan.unmet.first)
    #expect(unmet.gap == 1)
    #expect(
      unmet.reason.description
        == "E3 needs 40 h of 's'; the 2 mentors at level 3: M1 takes 1 mentee and teaches E1; M2 "
        + "takes 1 mentee and teaches E2: one more mentee slot for M1 would do")
  }

  @Test("the mentor whose change is smallest is named first, even past the first three")
  func changedMentorFirst() throws {
    // Depth 4 today (M1–M4), target 1 + 5 = 6. M1–M3 give 0.5 h a week: 2 h of a mentee's a
    // week, 24 h in 12 weeks, short of the 40 h E1 or E2 need; M4 gives 2 h but takes one
    // mentee, E1. For E2 a second slot for M4 costs no hours; 1 h a week for M1 would do too.
    var organization = Organization(
      skills: [Skill(id: "s")],
      people: [
        Person(id: "M1", levels: ["s": 4], mentorHoursPerWeek: 0.5),
        Person(id: "M2", levels: ["s": 4], mentorHoursPerWeek: 0.5),
        Person(id: "M3", levels: ["s": 4], mentorHoursPerWeek: 0.5),
        Person(id: "M4", levels: ["s": 4], maxMentees: 1),
        Person(id: "E1", levels: ["s": 2]),
        Person(id: "E2", levels: ["s": 2]),
      ],
      roles: [
        Role(id: "r", requirements: [.init(skill: "s", level: 3)], incumbents: ["M1"], backups: 5)
      ])
    organization.policy.cascades = false
    let plan = planMentoring(
      organization, options: PlanOptions(policy: organization.policy, horizon: .weeks(12)))
    #expect(plan.pairs.map(\.mentee) == ["E1"])
    let unmet = try #require(plan.unmet.first)
    #expect(
      unmet.reason.description
        == "E2 needs 40 h of 's'; the 4 mentors at level 3: M4 takes 1 mentee and teaches E1; M1 "
        + "has 6 h of mentoring time left (0.5 h a week); M2 has 6 h of mentoring time left "
        + "(0.5 h a week); and 1 more: one more mentee slot for M4 would do")
  }

  @Test("the nearest is found outside the skill's holders: a related skill, then id order")
  func nearestOutsideTheHolders() {
    // Nobody may mentor 's', so the limit is the same for everyone; who is named shows the
    // search. P9 and P10 hold nothing of the role: 40 h each, and natural id order puts P9
    // first; P11 holds 'u', related to 's', at 2: 30 h, the nearest.
    let skills = [Skill(id: "s", related: ["u"]), Skill(id: "u")]
    let people = [
      Person(id: "A", levels: ["s": 4], canMentor: false),
      Person(id: "P10", levels: [:]),
      Person(id: "P9", levels: [:]),
    ]
    let plain = reason(people, [.init(skill: "s", level: 1)], skills: skills)
    #expect(plain?.candidate == "P9" && plain?.menteeHours == 40)
    let related = reason(
      people + [Person(id: "P11", levels: ["u": 2])], [.init(skill: "s", level: 1)],
      skills: skills)
    #expect(related?.candidate == "P11" && related?.menteeHours == 30)
    #expect(related?.limit == .noMentor(skill: "s", level: 3))
  }
}

/// The same limits on a calendar, where presence decides the weeks: 12 weeks from Monday
/// 2025-01-06, so week `w` starts on `2025-01-06 + 7·(w − 1)`.
@Suite("Why roles stay below target, on a calendar") struct UnmetReasonCalendarTests {
  static let horizon = Horizon(start: CalendarTests.day(2025, 1, 6), weeks: 12)
  let options = PlanOptions(horizon: .calendar(Self.horizon), timeLimit: .seconds(5))

  func plan(learner: Person) -> MentoringPlan {
    let organization = Organization(
      skills: [Skill(id: "payroll", hoursPerLevel: 30)],
      people: [Person(id: "A", levels: ["payroll": 4]), learner],
      roles: [Role(id: "run", requirements: [.init(skill: "payroll", level: 3)], incumbents: ["A"])]
    )
    return planMentoring(organization, options: options)
  }

  @Test("away two weeks: the horizon that holds the hours counts weeks present only")
  func awayTwoWeeks() throws {
    // L needs payroll 1 → 3: 2 · 30 = 60 h. Away in weeks 4 and 5: 10 weeks present, 40 h.
    // 60 h at 4 h a week take 15 weeks present: weeks 1–3 and 6–17, so 17 weeks; or
    // ⌈60 / 10⌉ = 6 h a week.
    let away = [4, 5].map { CalendarTests.workWeek($0) }
    let unmet = try #require(
      plan(learner: Person(id: "L", levels: ["payroll": 1], absences: away)).unmet.first)
    #expect(
      unmet.reason.description
        == "L needs 60 h; 40 h fit in the 10 of 12 weeks at work, at 4 h a week: 17 weeks or "
        + "6 h a week would do")
  }

  @Test("leaving after the horizon: no longer horizon helps, more hours a week would")
  func leavingSoonAfter() throws {
    // L leaves on Friday of week 13 (2025-04-04): any horizon past 12 weeks makes them a
    // leaver, who is never trained. 60 h over 12 weeks: 5 h a week.
    let unmet = try #require(
      plan(learner: Person(id: "L", levels: ["payroll": 1], leaves: CalendarTests.day(2025, 4, 4)))
        .unmet.first)
    guard case .horizon(let time) = unmet.reason.limit else {
      Issue.record("expected the horizon's limit, got \(unmet.reason)")
      return
    }
    #expect(time.weeksThatWouldDo == nil && time.hoursPerWeekThatWouldDo == 5)
    #expect(
      unmet.reason.description
        == "L needs 60 h; 48 h fit in 12 weeks at 4 h a week: 5 h a week would do")
  }

  @Test("the only candidate leaves within the horizon")
  func leaverIsNoCandidate() throws {
    let unmet = try #require(
      plan(learner: Person(id: "L", levels: ["payroll": 2], leaves: CalendarTests.day(2025, 2, 14)))
        .unmet.first)
    #expect(
      unmet.reason.description
        == "nobody who is not qualified can learn it in this horizon: the nearest, L (30 h), leaves "
        + "on 2025-02-14")
  }
}
