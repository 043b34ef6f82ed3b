import SkillsGraph
import Testing

@testable import MentoringOptimizer

/// Tiny teams whose optimum was worked out by hand.
@Suite("Hand-made plans") struct HandMadeTests {
  let options = PlanOptions(horizon: .weeks(12), timeLimit: .seconds(5))

  /// A expert teaches B, one level short.
  ///
  /// 40 h for B at 4 h a week, 10 h for A; the role reaches its target in week 10. Without a plan the role earns 1 a week (12 over 12 weeks); B adds one
  /// for weeks 10, 11 and 12: 15 coverage-weeks, and no plan can do better (B cannot be faster).
  @Test func oneStepShort() throws {
    let organization = Organization(
      skills: [Skill(id: "payroll")],
      people: [
        Person(id: "A", department: "Finance", levels: ["payroll": 4]),
        Person(id: "B", department: "Sales", levels: ["payroll": 2], interests: ["payroll"]),
      ],
      roles: [Role(id: "run", requirements: [.init(skill: "payroll", level: 3)], incumbents: ["A"])]
    )
    let plan = planMentoring(organization, options: options)
    #expect(plan.coverageBefore == 1)
    #expect(plan.coverageAfter == 2)
    #expect(plan.coverageCeiling == 2)
    #expect(plan.coverageWeeksBefore == 12)
    #expect(plan.coverageWeeks == 15)
    #expect(plan.coverageWeeksBound == 15)
    #expect(plan.gapPercent == 0)
    #expect(plan.horizonPercent == 100.0 * 15 / 24)
    #expect(plan.coverageByWeek == Array(repeating: 1, count: 9) + [2, 2, 2])
    let pair = try #require(plan.pairs.first)
    #expect(plan.pairs.count == 1)
    #expect(pair.mentor == "A" && pair.mentee == "B" && pair.skill == "payroll")
    #expect(pair.fromLevel == 2 && pair.toLevel == 3)
    #expect(pair.menteeHours == 40 && pair.mentorHours == 10)
    #expect(pair.startWeek == 1 && pair.endWeek == 10)
    #expect(pair.crossDepartment && pair.matchesInterest)
    #expect(pair.roles == [RoleImpact(role: "run", depthBefore: 1, depthAfter: 2, readyWeek: 10)])
    #expect(pair.schedule.map(\.week) == Array(1...10))
    #expect(pair.mentorTraining == nil)
    #expect(plan.unmet.isEmpty)
  }

  /// A related skill at level 2 cuts the mentee's hours by a quarter.
  @Test func relatedSkillDiscount() throws {
    let organization = Organization(
      skills: [Skill(id: "tax", related: ["vat"]), Skill(id: "vat")],
      people: [
        Person(id: "A", levels: ["tax": 4]),
        Person(id: "B", levels: ["tax": 1, "vat": 2]),
      ],
      roles: [Role(id: "file", requirements: [.init(skill: "tax", level: 2)], incumbents: ["A"])])
    let plan = planMentoring(organization, options: options)
    let pair = try #require(plan.pairs.first)
    #expect(pair.menteeHours == 30)
    #expect(pair.mentorHours == 7.5)
  }

  /// One mentor with one mentee slot: the critical role (weight 3) wins over the normal one.
  @Test func scarceMentorGoesToTheCriticalRole() throws {
    let organization = Organization(
      skills: [Skill(id: "x"), Skill(id: "y")],
      people: [
        Person(id: "M", levels: ["x": 4, "y": 4], maxMentees: 1),
        Person(id: "E1", levels: ["x": 2]),
        Person(id: "E2", levels: ["y": 2]),
      ],
      roles: [
        Role(id: "normal", requirements: [.init(skill: "x", level: 3)], incumbents: ["M"]),
        Role(
          id: "critical", requirements: [.init(skill: "y", level: 3)], incumbents: ["M"],
          criticality: .critical, backups: 1),
      ])
    let plan = planMentoring(organization, options: options)
    #expect(plan.coverageBefore == 4)
    #expect(plan.coverageAfter == 7)
    // 4 a week for 12 weeks, and 3 more from week 10. Without mentors' limits both E1 and E2
    // could count from week 10 (60); pricing M's single slot brings the bound below that.
    #expect(plan.coverageWeeks == 57)
    #expect(plan.coverageWeeksBound >= 57 && plan.coverageWeeksBound < 60)
    #expect(plan.pairs.map(\.mentee) == ["E2"])
    let unmet = try #require(plan.unmet.first)
    #expect(unmet.role == "normal" && unmet.gap == 1)
    // E1 needs x 2 → 3, 40 h; M's only slot holds E2, and with one more the pair fits in M's
    // hour a week left (E2 takes 1 h of M's 2 in weeks 1–10).
    #expect(
      unmet.reason.description
        == "E1 needs 40 h of 'x'; the only mentor, M, takes 1 mentee and teaches E2: one more "
        + "mentee slot would do")
  }

  /// Two roles need the same skill at levels 2 and 3; a plan has one pair per mentee and skill.
  ///
  /// One pair to level 3 (40 h, week 10) serves both roles for 3 weeks each: 6
  /// coverage-weeks. One pair to level 2 (20 h, week 5) serves 'low' for 8 weeks: 8. Earlier
  /// cover is worth more, so the plan takes the shorter pair.
  @Test func earlierCoverBeatsMoreRolesLater() throws {
    let organization = Organization(
      skills: [Skill(id: "s", hoursPerLevel: 20), Skill(id: "t", hoursPerLevel: 20)],
      people: [
        Person(id: "A", levels: ["s": 4, "t": 4]),
        Person(id: "B", levels: ["s": 1, "t": 2]),
      ],
      roles: [
        Role(id: "low", requirements: [.init(skill: "s", level: 2)], incumbents: ["A"]),
        Role(
          id: "high", requirements: [.init(skill: "s", level: 3), .init(skill: "t", level: 2)],
          incumbents: ["A"]),
      ])
    let plan = planMentoring(organization, options: options)
    #expect(plan.coverageAfter == 3)
    #expect(plan.coverageWeeks == 24 + 8)
    let pair = try #require(plan.pairs.first)
    #expect(plan.pairs.count == 1)
    #expect(pair.toLevel == 2 && pair.menteeHours == 20 && pair.endWeek == 5)
    #expect(pair.roles.map(\.role) == ["low"])
  }

  /// When one cheap pair does as well as an expensive one, the cheaper plan wins.
  @Test func fewerHoursBreakTies() throws {
    let organization = Organization(
      skills: [Skill(id: "s")],
      people: [
        Person(id: "A", levels: ["s": 4]),
        Person(id: "B", levels: ["s": 1], learningHoursPerWeek: 8),
        Person(id: "C", levels: ["s": 2]),
      ],
      roles: [Role(id: "r", requirements: [.init(skill: "s", level: 3)], incumbents: ["A"])])
    let plan = planMentoring(organization, options: options)
    #expect(plan.pairs.map(\.mentee) == ["C"])
    #expect(plan.totalMenteeHours == 40)
  }

  /// Three mentors with one mentee slot each, and three learners.
  ///
  /// B and C are the experts in one skill each, A holds both at the mentoring level. L1 misses
  /// both skills, L2 only the first, L3 only the second.
  static func oneSlotEach() -> Organization {
    Organization(
      skills: [Skill(id: "s", hoursPerLevel: 10), Skill(id: "t", hoursPerLevel: 10)],
      people: [
        Person(id: "A", levels: ["s": 3, "t": 3], maxMentees: 1),
        Person(id: "B", levels: ["s": 4], maxMentees: 1),
        Person(id: "C", levels: ["t": 4], maxMentees: 1),
        Person(id: "L1", levels: ["s": 2, "t": 2]),
        Person(id: "L2", levels: ["s": 2]),
        Person(id: "L3", levels: ["t": 2]),
      ],
      roles: [
        Role(
          id: "both", requirements: [.init(skill: "s", level: 3), .init(skill: "t", level: 3)],
          incumbents: ["A"]),
        Role(
          id: "first", requirements: [.init(skill: "s", level: 3)], incumbents: ["B"], backups: 3),
        Role(
          id: "second", requirements: [.init(skill: "t", level: 3)], incumbents: ["C"], backups: 3),
      ])
  }

  /// When the earliest mentors would take two slots, one mentor holding both skills teaches the
  /// bundle if it ends no more than two weeks later: the experts' slots stay free.
  @Test func oneMentorKeepsSlotsFree() throws {
    let problem = Problem(Self.oneSlotEach(), options: options)
    let state = WeeklyState(problem)
    let mentee = try #require(problem.personIDs.firstIndex(of: "L1"))
    let role = try #require(problem.roleIDs.firstIndex(of: "both"))
    guard case .success(let insertion) = state.evaluate(mentee: mentee, role: role) else {
      Issue.record("L1 cannot be trained for both")
      return
    }
    #expect(insertion.pairs.count == 2)
    #expect(insertion.pairs.allSatisfy { problem.personIDs[$0.mentor] == "A" })
    #expect(insertion.pairs.map(\.endWeek).max() == 5)
  }

  /// With A teaching L1 both skills, B and C take L2 and L3: all three learners count.
  ///
  /// A holds both skills at 3, so A and an expert already count for 'first' and 'second'
  /// (target 4): 12 + 24 + 24 = 60 coverage-weeks without a plan. L1 counts for 'first' from
  /// week 3 (its first pair, 10) and for the other two from week 5 (2 × 8); L2 and L3 from
  /// week 3 (10 h at 4 h a week: 10 each). The bound proves it optimal.
  @Test func everyLearnerCountsWhenOneMentorTeachesBoth() {
    let plan = planMentoring(Self.oneSlotEach(), options: options)
    #expect(plan.coverageWeeks == 60 + 26 + 10 + 10)
    #expect(plan.coverageWeeksBound == plan.coverageWeeks)
    #expect(Set(plan.pairs.map(\.mentee)) == ["L1", "L2", "L3"])
    #expect(plan.pairs.filter { $0.mentee == "L1" }.allSatisfy { $0.mentor == "A" })
  }
}

/// Teaching cascades: "see one, do one, teach one".
@Suite("Teaching cascades") struct CascadeTests {
  /// One expert, X, with one mentee slot, is the bottleneck.
  ///
  /// A critical role wants three backups and A, B and C each need payroll 2 → 3 (20 h at 4 h a week: five weeks). Without cascades X
  /// trains one of them (weeks 1–5) and the others wait for ever. With cascades A, trained to
  /// level 3 (the mentoring level) by week 5, mentors B and C from week 6 (2 h a week gives 8
  /// mentee hours: both at 4 h), ready in week 10.
  static func bottleneck() -> Organization {
    Organization(
      skills: [Skill(id: "payroll", hoursPerLevel: 20)],
      people: [
        Person(id: "A", levels: ["payroll": 2], maxMentees: 3),
        Person(id: "B", levels: ["payroll": 2]),
        Person(id: "C", levels: ["payroll": 2]),
        Person(id: "X", levels: ["payroll": 4], maxMentees: 1),
      ],
      roles: [
        Role(
          id: "run", requirements: [.init(skill: "payroll", level: 3)], incumbents: ["X"],
          criticality: .critical, backups: 3)
      ])
  }

  @Test func cascadesBeatTheSamePlanWithout() throws {
    let with = planMentoring(
      Self.bottleneck(), options: PlanOptions(horizon: .weeks(12), timeLimit: .seconds(5)))
    let without = planMentoring(
      Self.bottleneck(),
      options: PlanOptions(horizon: .weeks(12), timeLimit: .seconds(5), cascades: false))
    // Without: 3 a week (X alone) for 12 weeks, plus 3 from week 5 (8 weeks).
    #expect(without.coverageWeeks == 36 + 24)
    #expect(without.pairs.count == 1)
    // With: also 3 · 2 from week 10 (3 weeks).
    #expect(with.coverageWeeks == 36 + 24 + 18)
    #expect(with.coverageWeeks > without.coverageWeeks)
    #expect(with.pairs.map(\.mentee) == ["A", "B", "C"])
    let taught = with.pairs.filter { $0.mentor == "A" }
    #expect(taught.map(\.startWeek) == [6, 6])
    #expect(taught.map(\.endWeek) == [10, 10])
    let training = try #require(taught.first?.mentorTraining)
    #expect(training == PairReference(mentor: "X", mentee: "A", skill: "payroll", endWeek: 5))
    #expect(with.coverageWeeksBound >= with.coverageWeeks)
    #expect(
      violations(
        of: with, in: Self.bottleneck(),
        options: PlanOptions(horizon: .weeks(12), timeLimit: .seconds(5))) == [])
  }

  /// The policy's `cascades` switch reaches the planner through the options' defaults.
  @Test func policyTurnsThemOff() {
    var organization = Self.bottleneck()
    organization.policy.cascades = false
    let plan = planMentoring(
      organization, options: PlanOptions(policy: organization.policy, horizon: .weeks(12)))
    #expect(plan.pairs.count == 1)
    #expect(!plan.cascades)
  }
}

@Suite("Succession bench") struct SuccessionTests {
  @Test func rankedByHoursWithReadiness() throws {
    let organization = Organization(
      skills: [Skill(id: "s"), Skill(id: "t")],
      people: [
        // Nobody who holds 't' mentors; M teaches 's'.
        Person(id: "A", levels: ["s": 4, "t": 3], canMentor: false),
        Person(id: "B", levels: ["s": 3, "t": 3], canMentor: false),
        Person(id: "C", levels: ["s": 2, "t": 3], canMentor: false),
        Person(id: "D", levels: ["s": 1, "t": 3], canMentor: false, learningHoursPerWeek: 1),
        Person(id: "E", levels: ["s": 3, "t": 1]),
        Person(id: "M", levels: ["s": 4]),
      ],
      roles: [
        Role(
          id: "r", requirements: [.init(skill: "s", level: 3), .init(skill: "t", level: 3)],
          incumbents: ["A"], criticality: .high),
        Role(id: "minor", requirements: [.init(skill: "s", level: 1)], incumbents: ["A"]),
      ])
    let bench = successionBench(organization, options: PlanOptions(), limit: 4)
    #expect(bench.map(\.role) == ["r"])
    let entry = try #require(bench.first)
    #expect(entry.incumbent == "A")
    #expect(entry.candidates.map(\.person) == ["B", "C", "D", "E"])
    #expect(
      entry.candidates.map(\.readiness) == [
        .readyNow, .withinHorizon, .later, .blocked(skill: "t"),
      ])
    #expect(entry.candidates.map(\.menteeHours) == [0, 40, 80, 80])
  }
}
