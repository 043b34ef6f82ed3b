import SkillsGraph
import TestSupport
import Testing

@testable import MentoringOptimizer

@Suite("Exhaustive search on tiny organizations") struct OracleTests {
  /// Against every whole-unit schedule: the plan never beats the optimum (it would be infeasible),
  /// reaches it nearly always, and the certified bound never falls below it; with cascades and
  /// without.
  @Test(arguments: [true, false])
  func planAndBoundAgainstBruteForce(cascades: Bool) {
    var optimal = 0
    var failures: [String] = []
    let seeds = UInt64(1)...60
    for seed in seeds {
      let organization = oracleOrganization(seed: seed)
      let weeks = 3 + Int(seed % 3)
      let options = PlanOptions(
        horizon: .weeks(weeks), timeLimit: .seconds(5), cascades: cascades)
      let best = Oracle.optimum(
        organization, weeks: weeks, mentorMinLevel: 3, cascades: cascades)
      let plan = planMentoring(organization, options: options)
      failures += violations(of: plan, in: organization, options: options).map {
        "seed \(seed): \($0)"
      }
      if plan.coverageWeeks > best + 1e-9 {
        failures.append("seed \(seed): plan \(plan.coverageWeeks) beats the optimum \(best)")
      }
      if plan.coverageWeeksBound < best - 1e-9 {
        failures.append("seed \(seed): bound \(plan.coverageWeeksBound) below the optimum \(best)")
      }
      if abs(plan.coverageWeeks - best) < 1e-9 { optimal += 1 }
    }
    #expect(failures == [])
    #expect(Double(optimal) >= 0.9 * Double(seeds.count), "optimal on \(optimal) of \(seeds.count)")
  }
}

@Suite("Plans obey the model") struct FeasibilityTests {
  @Test(arguments: [(8, 4, 3), (12, 6, 4), (20, 8, 6)])
  func everyRuleHolds(people: Int, skills: Int, roles: Int) {
    var failures: [String] = []
    for seed in UInt64(1)...100 {
      let organization = tinyOrganization(
        seed: seed &+ 1000, people: people, skills: skills, roles: roles)
      let options = PlanOptions(policy: organization.policy, timeLimit: .seconds(5))
      let plan = planMentoring(organization, options: options)
      failures += violations(of: plan, in: organization, options: options).map {
        "seed \(seed): \($0)"
      }
      if plan.stats.stoppedOnTimeLimit { failures.append("seed \(seed): hit the time limit") }
      for unmet in plan.unmet where unmet.reason.limit == .searchStopped {
        failures.append("seed \(seed): \(unmet.role) unmet although a pair would fit")
      }
    }
    #expect(failures == [])
  }

  /// The same instances on a calendar with vacations, a holiday week and leavers.
  @Test(arguments: [(8, 4, 3), (12, 6, 4), (20, 8, 6)])
  func everyRuleHoldsOnACalendar(people: Int, skills: Int, roles: Int) {
    var failures: [String] = []
    var trained = 0
    for seed in UInt64(1)...100 {
      let (organization, horizon) = withCalendar(
        tinyOrganization(seed: seed &+ 1000, people: people, skills: skills, roles: roles),
        seed: seed)
      // Cascades on even seeds, off on odd ones: the rules hold either way.
      let options = PlanOptions(
        policy: organization.policy, horizon: .calendar(horizon), timeLimit: .seconds(5),
        cascades: seed % 2 == 0)
      let plan = planMentoring(organization, options: options)
      trained += plan.pairs.count
      failures += violations(of: plan, in: organization, options: options).map {
        "seed \(seed): \($0)"
      }
      if plan.stats.stoppedOnTimeLimit { failures.append("seed \(seed): hit the time limit") }
    }
    #expect(failures == [])
    #expect(trained > 0)
  }

  @Test func sameInputSamePlan() {
    for seed in UInt64(1)...20 {
      let organization = tinyOrganization(seed: seed, people: 30, skills: 8, roles: 10)
      let options = PlanOptions(policy: organization.policy, timeLimit: .seconds(30))
      var first = planMentoring(organization, options: options)
      var second = planMentoring(organization, options: options)
      first.stats.elapsed = .zero
      second.stats.elapsed = .zero
      #expect(first == second)
    }
  }

  @Test func emptyOrganization() {
    let plan = planMentoring(Organization(), options: PlanOptions())
    #expect(plan.pairs.isEmpty)
    #expect(plan.coverageAfter == 0 && plan.coverageWeeksBound == 0 && plan.gapPercent == 0)
  }
}

/// Puts a tiny organization on an 8-week calendar from Monday 2025-01-06: week 5 is all
/// holidays, some people take 1–3 weeks off from a random weekday, and some leave.
func withCalendar(_ organization: Organization, seed: UInt64) -> (Organization, Horizon) {
  var rng = SeededRandom(seed: seed &* 0x9E37_79B9 &+ 3)
  let start = Day(year: 2025, month: 1, day: 6) ?? Day(ordinal: 0)
  let holidays = (0..<5).map { start.adding(days: 28 + $0) }
  let horizon = Horizon(start: start, weeks: 8, holidays: holidays)
  var copy = organization
  for index in copy.people.indices {
    if rng.chance(40) {
      let from = start.adding(days: rng.below(49))
      copy.people[index].absences.append(
        Absence(from: from, to: from.adding(days: 7 * (1 + rng.below(3)) - 1 - rng.below(3))))
    }
    if rng.chance(15) { copy.people[index].leaves = start.adding(days: rng.below(70)) }
  }
  return (copy, horizon)
}
