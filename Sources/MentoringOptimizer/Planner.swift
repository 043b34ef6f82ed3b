import SkillsGraph

/// Proposes mentoring pairs, scheduled week by week, that earn the most coverage-weeks the
/// people's time allows, with a certified bound on how much better any plan could do.
///
/// The search works on bundles (one mentee qualifying for one role), each laid out as early as
/// the weekly hours left allow: a lazy greedy by coverage-weeks gained (and one by gain per
/// learner hour; the better is kept), then a large-neighbourhood search. With cascades, people
/// the plan trains to the mentoring level teach from the week after. The plan is always feasible:
/// every capacity and eligibility rule of the model holds. People who left before a calendar horizon starts count
/// for nothing; others to leave out are removed by the caller with `Organization.excluding(_:)`.
///
/// - Parameters:
///   - organization: the organization as it is today.
///   - options: horizon, mentor level and time limit.
/// - Returns: the plan, scheduled week by week, with explanations for every unmet role.
/// - Complexity: near-linear in the skill matrix to set up; the search is bounded by
///   `options.timeLimit`.
public func planMentoring(_ organization: Organization, options: PlanOptions) -> MentoringPlan {
  planMentoring(organization, options: options, progress: nil)
}

/// Proposes mentoring pairs as ``planMentoring(_:options:)`` does, telling `progress` how the
/// run goes.
///
/// `progress` is called on the calling thread: once when the search starts, then at most about
/// ten times a second, then once with the final bound. It never changes the result: the plan is
/// the same with or without it.
///
/// - Parameters:
///   - organization: the organization as it is today.
///   - options: horizon, calendar, mentor level and time limit.
///   - progress: called with the phase, the best score and bound so far, and the elapsed time.
/// - Returns: the plan, scheduled week by week, with explanations for every unmet role.
/// - Complexity: as ``planMentoring(_:options:)``.
public func planMentoring(
  _ organization: Organization, options: PlanOptions,
  progress: (@Sendable (PlanProgress) -> Void)?
) -> MentoringPlan {
  let clock = ContinuousClock()
  let start = clock.now
  let reporter = progress.map { ProgressReporter($0, start: start) }
  let (settled, recorded) = RecordedProgress.settle(organization, options: options)
  var kept = recorded
  let problem = Problem(settled, options: options)
  let bundles = problem.candidateBundles()
  let empty = WeeklyState(problem)
  var baseline = empty
  kept.book(into: &baseline, organization: organization)
  if kept.issues.contains(where: { $0.severity == .error }) {
    // A plan around pairs that cannot be kept would not be the plan anyone agreed to.
    let search = WeeklySearch(problem: problem, bundles: [], empty: empty, deadline: start)
    var plan = assemble(empty, problem: problem, search: search)
    plan.inputIssues = kept.issues
    plan.coverageByWeekBefore = plan.coverageByWeek
    return plan
  }
  var search = WeeklySearch(
    problem: problem, bundles: bundles, empty: empty, baseline: baseline,
    deadline: start + options.timeLimit * 0.85)
  search.reporter = reporter
  reporter?.tick(.constructing, score: baseline.objective.coverageWeeks, force: true)

  var state = baseline
  search.greedy(&state, perHour: false)
  if !search.timeIsUp() {
    var other = baseline
    search.greedy(&other, perHour: true)
    if other.objective.isBetter(than: state.objective) { state = other }
  }
  search.stats.greedyScore = state.objective.coverageWeeks
  state = search.improve(state)

  let ready = ReadyWeeks(problem: problem, bundles: bundles, empty: empty, alone: search.earliest)
  let simple = coverageWeeksBound(problem: problem, bundles: bundles, empty: empty, ready: ready)
  var bound = simple
  // The relaxation holds a list of eligible mentors per missed skill of every candidate; past a
  // few million entries its rounds would not fit the time limit, and the simple bound stands.
  let entries = bundles.reduce(0) { total, bundle in
    bundle.missing.reduce(total) { $0 + problem.eligibleMentorCount($1.skill, $1.level) }
  }
  if simple > state.objective.coverageWeeks + 1e-9, entries <= 4_000_000 {
    bound = LagrangianWeeksBound(problem: problem, bundles: bundles, empty: empty, ready: ready)
      .solve(
        simple: simple, lowerBound: state.objective.coverageWeeks, iterations: 1_000,
        deadline: start + options.timeLimit)
  }
  // With integer weights every plan's coverage-weeks is an integer.
  if problem.weight.allSatisfy({ $0 == $0.rounded() }) { bound = (bound + 1e-6).rounded(.down) }
  bound = max(bound, state.objective.coverageWeeks)
  reporter?.tick(.bounding, score: state.objective.coverageWeeks, upperBound: bound, force: true)

  var plan = assemble(state, problem: problem, search: search)
  plan.coverageWeeksBound = bound
  plan.coverageByWeekBefore = coverageCurve(empty, problem: problem)
  plan.inputIssues = kept.issues
  plan.changes = kept.changes(pairs: plan.pairs, problem: problem, organization: settled)
  plan.stats.elapsed = clock.now - start
  return plan
}

/// Turns the search state into the public plan: ids, schedule, impacts and unmet reasons.
func assemble(_ state: WeeklyState, problem: Problem, search: WeeklySearch) -> MentoringPlan {
  let (before, after) = coverageAnalyses(state, problem: problem)
  let weeks = problem.weeks
  // Output order: mentee id, start week, skill id. Dense indices follow id order (people with
  // equal ids share the first one's rank), so the sort never compares id strings.
  func rank(_ person: Int) -> Int {
    var rank = person
    while rank > 0, problem.personIDs[rank - 1] == problem.personIDs[person] { rank -= 1 }
    return rank
  }
  var depthAfter = [Int](repeating: 0, count: problem.roleCount)
  for role in 0..<problem.roleCount {
    depthAfter[role] = weeks > 0 ? state.depth(role, week: weeks) : problem.depthToday[role]
  }
  let order = state.pairs.indices.sorted { a, b in
    let x = state.pairs[a]
    let y = state.pairs[b]
    return (rank(x.mentee), x.startWeek, problem.skillRank[x.skill], a)
      < (rank(y.mentee), y.startWeek, problem.skillRank[y.skill], b)
  }
  let pairs = order.map { index -> PlannedPair in
    let pair = state.pairs[index]
    let helped = state.qualifications[pair.mentee].filter { gained in
      problem.requirements[gained.role].contains { $0.skill == pair.skill && $0.level > pair.from }
    }.sorted { $0.role < $1.role }
    let start = pair.startWeek
    var hoursByWeek = [Double](repeating: 0, count: max(1, pair.endWeek - start + 1))
    for (week, amount) in zip(pair.weeks, pair.amounts) { hoursByWeek[week - start] += amount }
    let training = pair.trainedBy.map { state.pairs[$0] }
    var planned = PlannedPair(
      mentor: problem.personIDs[pair.mentor], mentee: problem.personIDs[pair.mentee],
      skill: problem.skillIDs[pair.skill], fromLevel: pair.from, toLevel: pair.to,
      menteeHours: pair.hours, mentorHours: pair.hours / 4, startWeek: start,
      endWeek: pair.endWeek, hoursByWeek: hoursByWeek,
      roles: helped.map {
        RoleImpact(
          role: problem.roleIDs[$0.role], depthBefore: problem.depthToday[$0.role],
          depthAfter: depthAfter[$0.role], readyWeek: $0.week)
      },
      crossDepartment: problem.department[pair.mentor] != problem.department[pair.mentee],
      matchesInterest: problem.isInterested(pair.mentee, pair.skill),
      mentorTraining: training.map {
        PairReference(
          mentor: problem.personIDs[$0.mentor], mentee: problem.personIDs[$0.mentee],
          skill: problem.skillIDs[$0.skill], endWeek: $0.endWeek)
      })
    planned.status = pair.status
    planned.hoursDone = pair.hoursDone
    return planned
  }
  return MentoringPlan(
    pairs: pairs, before: before, after: after, coverageWeeks: state.objective.coverageWeeks,
    coverageWeeksBound: state.objective.coverageWeeks,
    coverageByWeek: coverageCurve(state, problem: problem), coverageByWeekBefore: [],
    unmet: unmetRoles(state, problem: problem), horizonWeeks: weeks,
    cascades: problem.options.cascades,
    stats: PlanStats(
      candidateBundles: search.bundles.count, iterations: search.stats.iterations,
      improvements: search.stats.improvements, greedyScore: search.stats.greedyScore,
      stoppedOnTimeLimit: search.stats.stoppedOnTimeLimit, elapsed: .zero))
}

/// `Σ_r w(r) · min(d_w(r), T(r))` for each week of the horizon.
func coverageCurve(_ state: WeeklyState, problem: Problem) -> [Double] {
  var curve = [Double](repeating: 0, count: problem.weeks)
  for role in 0..<problem.roleCount {
    for week in stride(from: 1, through: problem.weeks, by: 1) {
      curve[week - 1] +=
        problem.weight[role] * Double(min(state.depth(role, week: week), problem.target[role]))
    }
  }
  return curve
}
