import SkillsGraph
import TestSupport
import Testing

@testable import MentoringOptimizer

@Suite("The bound where trained mentors matter") struct CascadeBoundTests {
  /// The bound that prices the training of trained mentors never falls below the exhaustive
  /// optimum with cascades.
  ///
  /// On tiny organizations with one scarce expert and learners one level short of mentoring a
  /// mentor trained in the plan can teach the others. The bound must also stay at or below the
  /// simple bound, and cascades must change the optimum on some of them, or the test would not
  /// test them.
  @Test func neverBelowTheOptimumWithCascades() {
    var failures: [String] = []
    var cascadesMatter = 0
    for seed in UInt64(1)...40 {
      let organization = cascadeOrganization(seed: seed)
      let weeks = 4 + Int(seed % 3)
      let withCascades = Oracle.optimum(
        organization, weeks: weeks, mentorMinLevel: 3, cascades: true)
      let without = Oracle.optimum(organization, weeks: weeks, mentorMinLevel: 3, cascades: false)
      if withCascades > without + 1e-9 { cascadesMatter += 1 }
      let options = PlanOptions(horizon: .weeks(weeks), timeLimit: .seconds(5), cascades: true)
      let bounds = relaxationBounds(organization, options: options)
      let plan = planMentoring(organization, options: options)
      for (name, value) in [
        ("exact", bounds.exact), ("shares", bounds.shares), ("plan's", plan.coverageWeeksBound),
      ] {
        if value < withCascades - 1e-6 {
          failures.append("seed \(seed): \(name) \(value) below the optimum \(withCascades)")
        }
      }
      if bounds.exact > bounds.simple + 1e-9 {
        failures.append("seed \(seed): exact \(bounds.exact) above the simple \(bounds.simple)")
      }
    }
    #expect(failures == [])
    #expect(cascadesMatter > 0)
  }
}

/// Tiny organizations where teaching cascades pay.
///
/// One expert (level 4) with a single mentee slot, learners at level 1 or 2 who may mentor once
/// trained, one or two roles needing the skill at level 2 or 3 with two or three backups. Hours
/// in the oracle's whole units (hours per level 4 or 8, learning 4 or 8 h a week, mentoring 1 or
/// 2 h a week).
func cascadeOrganization(seed: UInt64) -> Organization {
  var rng = SeededRandom(seed: seed &* 0x9E37_79B9_7F4A_7C15 &+ 3)
  let skill = SkillID("s0")
  let skills = [Skill(id: skill, hoursPerLevel: [4.0, 8][rng.below(2)])]
  var people = [
    Person(
      id: PersonID("p0"), department: "A", levels: [skill: 4], canMentor: true,
      mentorHoursPerWeek: Double(1 + rng.below(2)), learningHoursPerWeek: 4, maxMentees: 1)
  ]
  let count = 3 + rng.below(2)
  for index in 1..<count {
    people.append(
      Person(
        id: PersonID("p\(index)"), department: rng.chance(50) ? "A" : "B",
        levels: [skill: 1 + rng.below(2)], canMentor: !rng.chance(20),
        mentorHoursPerWeek: Double(1 + rng.below(2)),
        learningHoursPerWeek: [4.0, 8][rng.below(2)], maxMentees: 1 + rng.below(2)))
  }
  var roles: [Role] = []
  for index in 0..<(1 + rng.below(2)) {
    roles.append(
      Role(
        id: RoleID("r\(index)"), requirements: [Requirement(skill: skill, level: 2 + rng.below(2))],
        incumbents: [], criticality: [.normal, .high, .critical][rng.below(3)],
        backups: 2 + rng.below(2)))
  }
  return Organization(skills: skills, people: people, roles: roles)
}
