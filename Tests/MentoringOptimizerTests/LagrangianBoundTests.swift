import SkillsGraph
import TestSupport
import Testing

@testable import MentoringOptimizer

@Suite("The Lagrangian bound against exhaustive search") struct LagrangianBoundTests {
  /// Pricing each learner exactly (one pair serving all the roles that need its skill, charged
  /// once) and pricing each candidate with shares are both relaxations: neither may fall below
  /// the optimum, with cascades or without, and neither may rise above the simple bound it
  /// starts from.
  @Test(arguments: [true, false])
  func neverBelowTheOptimum(cascades: Bool) {
    var failures: [String] = []
    for seed in UInt64(1)...60 {
      let organization = oracleOrganization(seed: seed)
      let weeks = 3 + Int(seed % 3)
      let options = PlanOptions(
        horizon: .weeks(weeks), timeLimit: .seconds(5), cascades: cascades)
      let best = Oracle.optimum(
        organization, weeks: weeks, mentorMinLevel: 3, cascades: cascades)
      let bounds = relaxationBounds(organization, options: options)
      for (name, value) in [("exact", bounds.exact), ("shares", bounds.shares)] {
        if value < best - 1e-6 {
          failures.append("seed \(seed): \(name) \(value) below the optimum \(best)")
        }
        if value > bounds.simple + 1e-9 {
          failures.append("seed \(seed): \(name) \(value) above the simple \(bounds.simple)")
        }
      }
    }
    #expect(failures == [])
  }

  /// On organizations where learners are candidates for several roles sharing skills, pricing
  /// learners exactly gives a bound no weaker than shares, and tighter on some.
  ///
  /// At the same prices exact is never above shares, but the two runs move their prices apart,
  /// and with the trained mentors' rows (cascades are on here) exact may end a hair above:
  /// 0.1 % is allowed.
  @Test func exactLearnersAreNoWeaker() {
    var failures: [String] = []
    var tighter = 0
    for seed in UInt64(1)...40 {
      let organization = tinyOrganization(seed: seed &+ 500, people: 12, skills: 4, roles: 5)
      let options = PlanOptions(
        policy: organization.policy, horizon: .weeks(8), timeLimit: .seconds(5))
      let plan = planMentoring(organization, options: options)
      let bounds = relaxationBounds(organization, options: options)
      if bounds.exact > bounds.shares * 1.001 + 1e-6 {
        failures.append("seed \(seed): exact \(bounds.exact) above shares \(bounds.shares)")
      }
      if bounds.exact < plan.coverageWeeks - 1e-6 {
        failures.append("seed \(seed): exact \(bounds.exact) below a plan \(plan.coverageWeeks)")
      }
      if bounds.exact < bounds.shares - 1e-6 { tighter += 1 }
    }
    #expect(failures == [])
    #expect(tighter > 0)
  }
}

/// The simple bound and the Lagrangian bound with learners priced exactly and with shares, set
/// up as the planner does, with the plan's coverage-weeks as the step target.
func relaxationBounds(
  _ organization: Organization, options: PlanOptions
) -> (simple: Double, exact: Double, shares: Double) {
  let plan = planMentoring(organization, options: options)
  let (settled, _) = RecordedProgress.settle(organization, options: options)
  let problem = Problem(settled, options: options)
  let bundles = problem.candidateBundles()
  let empty = WeeklyState(problem)
  let search = WeeklySearch(
    problem: problem, bundles: bundles, empty: empty, deadline: .now + .seconds(60))
  let ready = ReadyWeeks(problem: problem, bundles: bundles, empty: empty, alone: search.earliest)
  let simple = coverageWeeksBound(problem: problem, bundles: bundles, empty: empty, ready: ready)
  var relaxation = LagrangianWeeksBound(
    problem: problem, bundles: bundles, empty: empty, ready: ready)
  let exact = relaxation.solve(
    simple: simple, lowerBound: plan.coverageWeeks, iterations: 400,
    deadline: .now + .seconds(60))
  relaxation.exactLearners = false
  let shares = relaxation.solve(
    simple: simple, lowerBound: plan.coverageWeeks, iterations: 400,
    deadline: .now + .seconds(60))
  return (simple, exact, shares)
}
