/// A certified upper bound on coverage-weeks: no plan within the model's rules earns more.
///
/// The relaxation keeps each learner's own weekly hours and drops everything mentors limit
/// (their hours, their mentee slots, the weeks they are away), which over-approximates mentor
/// supply and so stays valid with teaching cascades: a trained mentor can only add supply that
/// the relaxation already assumes. In it, candidate `e` can count for role `r` at the earliest
/// from the first week by which their learning hours, in the weeks they are present, add up to
/// the hours they miss for `r`, and no later than one mentor alone could teach each missing
/// skill (``ReadyWeeks``, `ready(e, r)`); and nobody who has no candidate bundle for `r` can
/// qualify for it at all (a bundle exists for every learner whose budget fits the role and whose
/// missing skills someone can teach). So in every plan
/// `d_w(r) ≤ d⁰_w(r) + |{e : ready(e, r) ≤ w}|`, where `d⁰_w` is the week depth without a plan,
/// and `CW ≤ Σ_r w(r) Σ_w min(T(r), d⁰_w(r) + |{e : ready(e, r) ≤ w}|)`.
///
/// - Complexity: O(bundles · H + roles · H).
func coverageWeeksBound(
  problem: Problem, bundles: [Bundle], empty: WeeklyState, ready readyWeeks: ReadyWeeks
) -> Double {
  let weeks = problem.weeks
  guard weeks > 0 else { return empty.objective.coverageWeeks }
  // Role × week → candidates ready from that week.
  var ready = [Int32](repeating: 0, count: problem.roleCount * weeks)
  for (bundle, week) in zip(bundles, readyWeeks.week) where week > 0 {
    ready[bundle.role * weeks + week - 1] += 1
  }
  var total = 0.0
  for role in 0..<problem.roleCount {
    let target = problem.target[role]
    var extra = 0
    for week in 1...weeks {
      extra += Int(ready[role * weeks + week - 1])
      total += problem.weight[role] * Double(min(target, empty.depth(role, week: week) + extra))
    }
  }
  return total
}
