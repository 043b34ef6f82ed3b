import SkillsGraph

/// Proposes mentoring pairs that raise the organization's coverage score as far as the people's
/// time allows, with a certified bound on how much better any plan could do.
///
/// The search works on bundles (one mentee qualifying for one role): a lazy greedy by coverage
/// gain per learner hour (and one by plain gain; the better is kept), then local search, then a
/// pass that drops what earns nothing. The plan is always feasible: every capacity and
/// eligibility rule of the model holds. People who left before a calendar horizon starts count
/// for nothing; others to leave out are removed by the caller with `Organization.excluding(_:)`.
///
/// - Parameters:
///   - organization: the organization as it is today.
///   - options: horizon, mentor level and time limit.
/// - Returns: the plan, scheduled week by week, with explanations for every unmet role.
/// - Complexity: near-linear in the skill matrix to set up; the search is bounded by
///   `options.timeLimit` (the improvement phase gets 70 % of it, the bound the rest).
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
  let problem = Problem(organization, options: options)
  let bundles = problem.candidateBundles()
  var search = Search(problem: problem, bundles: bundles, deadline: start + options.timeLimit * 0.7)
  search.reporter = reporter

  var state = search.greedy(.perHour)
  if !search.timeIsUp {
    let other = search.greedy(.gain)
    if other.objective.isBetter(than: state.objective) { state = other }
  }
  // Pruning frees capacity, so insertions may help again; each round strictly improves the
  // objective or ends the loop.
  while true {
    search.improve(&state)
    search.prune(&state)
    search.preferCrossDepartment(&state)
    if search.timeIsUp || !search.insertionPass(&state) { break }
  }
  state.resynchronize()

  let bound = BoundComputation(
    problem: problem, bundles: bundles, bundlesOfMentee: search.bundlesOfMentee
  ).solve(
    lowerBound: state.objective.score, iterations: 600, deadline: start + options.timeLimit,
    reporter: reporter)
  let upperBound = max(bound, state.objective.score)
  reporter?.tick(.bounding, score: state.objective.score, upperBound: upperBound, force: true)

  var plan = assemble(state, problem: problem, search: search)
  plan.upperBound = upperBound
  plan.stats.elapsed = clock.now - start
  return plan
}

/// Turns the search state into the public plan: ids, schedule, impacts and unmet reasons.
func assemble(_ state: PlanState, problem: Problem, search: Search) -> MentoringPlan {
  let organization = problem.organization
  let (before, after) = coverageAnalyses(state, problem: problem)

  // Dense role → first uncovered working day before the plan, for the schedule's priority.
  var firstUncovered = [Int](repeating: .max, count: problem.roleCount)
  if let horizon = problem.options.horizon.calendar, problem.roleCount > 0 {
    let absences = AbsenceAnalysis(
      organization, coverage: before, horizon: horizon, searchWorkLimit: 0)
    var dense = [Int](repeating: 0, count: organization.roles.count)
    for (index, source) in problem.roleSource.enumerated() { dense[source] = index }
    for (source, role) in absences.roles.enumerated() {
      if let day = role.uncoveredDays.first?.from { firstUncovered[dense[source]] = day.ordinal }
    }
  }
  let schedule = Schedule(state: state, problem: problem, firstUncovered: firstUncovered)
  // Output order: mentee id, start week, skill id. Dense indices follow id order (people with
  // equal ids share the first one's rank), so the sort never compares id strings.
  var pairs: [PlannedPair] = []
  var keys: [Int] = []  // (mentee rank, start week, skill rank) for each pair, flat
  for person in 0..<problem.personCount where !state.pairs[person].isEmpty {
    var rank = person
    while rank > 0, problem.personIDs[rank - 1] == problem.personIDs[person] { rank -= 1 }
    for (slot, pair) in state.pairs[person].enumerated() {
      let from = problem.level(person, pair.skill)
      let helped = state.newRoles[person].filter { role in
        problem.requirements[role].contains { $0.skill == pair.skill && $0.level > from }
      }
      let timing = schedule.timing[person][slot]
      keys += [rank, timing.start, problem.skillRank[pair.skill]]
      pairs.append(
        PlannedPair(
          mentor: problem.personIDs[pair.mentor], mentee: problem.personIDs[person],
          skill: problem.skillIDs[pair.skill], fromLevel: from, toLevel: pair.to,
          menteeHours: pair.menteeHours, mentorHours: pair.mentorHours,
          startWeek: timing.start, endWeek: timing.end, hoursByWeek: timing.hours,
          checkInWeeks: Array(stride(from: timing.start, through: timing.end, by: 2)),
          roles: helped.map {
            RoleImpact(
              role: problem.roleIDs[$0], depthBefore: problem.depthToday[$0],
              depthAfter: state.depth[$0])
          },
          crossDepartment: problem.department[pair.mentor] != problem.department[person],
          matchesInterest: problem.isInterested(person, pair.skill)))
    }
  }
  let order = pairs.indices.sorted {
    (keys[3 * $0], keys[3 * $0 + 1], keys[3 * $0 + 2], $0)
      < (keys[3 * $1], keys[3 * $1 + 1], keys[3 * $1 + 2], $1)
  }
  pairs = order.map { pairs[$0] }

  return MentoringPlan(
    pairs: pairs, before: before, after: after, upperBound: after.coverageScore,
    unmet: unmetRoles(state, problem: problem, search: search),
    horizonWeeks: problem.weeks,
    stats: PlanStats(
      candidateBundles: search.bundles.count, iterations: search.stats.iterations,
      improvements: search.stats.improvements, greedyScore: search.stats.greedyScore,
      stoppedOnTimeLimit: search.stats.stoppedOnTimeLimit, evenlyPacedPairs: schedule.evenPaced,
      elapsed: .zero))
}
