import SkillsGraph
import Testing

@testable import MentoringOptimizer

/// Tiny teams whose optimum was worked out by hand.
@Suite("Hand-made plans") struct HandMadeTests {
  let options = PlanOptions(horizon: .weeks(12), timeLimit: .seconds(5))

  /// A expert teaches B, one level short: 40 h for B, 10 h for A; the role reaches its target.
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
    #expect(plan.upperBound == 2)
    #expect(plan.gapPercent == 0)
    let pair = try #require(plan.pairs.first)
    #expect(plan.pairs.count == 1)
    #expect(pair.mentor == "A" && pair.mentee == "B" && pair.skill == "payroll")
    #expect(pair.fromLevel == 2 && pair.toLevel == 3)
    #expect(pair.menteeHours == 40 && pair.mentorHours == 10)
    #expect(pair.startWeek == 1 && pair.endWeek == 10)
    #expect(pair.checkInWeeks == [1, 3, 5, 7, 9])
    #expect(pair.crossDepartment && pair.matchesInterest)
    #expect(pair.roles == [RoleImpact(role: "run", depthBefore: 1, depthAfter: 2)])
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
    #expect(plan.upperBound == 7)
    #expect(plan.pairs.map(\.mentee) == ["E2"])
    let unmet = try #require(plan.unmet.first)
    #expect(unmet.role == "normal" && unmet.gap == 1)
    #expect(unmet.reason == .mentorCapacityUsedUp)
  }

  /// Two roles need the same skill at levels 2 and 3: one pair to level 3 serves both.
  @Test func sharedSkillIsOnePairToTheHigherLevel() throws {
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
    #expect(plan.coverageAfter == 4)
    let pair = try #require(plan.pairs.first)
    #expect(plan.pairs.count == 1)
    #expect(pair.toLevel == 3 && pair.menteeHours == 40)
    #expect(pair.roles.map(\.role) == ["high", "low"])
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
}

/// Crafted cases for every reason a role can stay below target.
@Suite("Why roles stay below target") struct UnmetReasonTests {
  let options = PlanOptions(horizon: .weeks(12), timeLimit: .seconds(5))

  func reason(_ people: [Person], _ requirements: [Requirement]) -> UnmetReason? {
    let organization = Organization(
      skills: [Skill(id: "s"), Skill(id: "t")], people: people,
      roles: [Role(id: "r", requirements: requirements, incumbents: [people[0].id])])
    return planMentoring(organization, options: options).unmet.first?.reason
  }

  @Test func noEligibleMentor() {
    // Nobody but the learner holds 't' at 3 or more.
    let result = reason(
      [Person(id: "A", levels: ["s": 4, "t": 2]), Person(id: "B", levels: ["s": 4, "t": 1])],
      [.init(skill: "s", level: 3), .init(skill: "t", level: 2)])
    #expect(result == .noEligibleMentor(skill: "t", level: 3))
    #expect(result?.description == "no eligible mentor holds 't' at level 3 or above")
  }

  @Test func cannotQualifyWithinHorizon() {
    // Three steps of 40 h need 120 h; B has 48 h.
    let result = reason(
      [Person(id: "A", levels: ["s": 4]), Person(id: "B", levels: ["s": 1])],
      [.init(skill: "s", level: 4)])
    #expect(result == .cannotQualifyWithinHorizon)
  }

  @Test func noLearnerWithTime() {
    let result = reason(
      [Person(id: "A", levels: ["s": 4]), Person(id: "B", levels: ["s": 2], canLearn: false)],
      [.init(skill: "s", level: 3)])
    #expect(result == .noLearnerWithTime)
  }

  @Test func learnersBusy() throws {
    // B is the only candidate for both roles and has time for one; the critical one wins.
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
    #expect(unmet.reason == .learnersBusy)
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
