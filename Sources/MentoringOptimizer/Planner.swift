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
      organization, coverage: before, horizon: horizon, searchBudget: .zero)
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

/// Explains each role still below target, looking at the people who could still learn it.
func unmetRoles(_ state: PlanState, problem: Problem, search: Search) -> [UnmetRole] {
  var result: [UnmetRole] = []
  let learners = (0..<problem.personCount).filter { problem.learnBudget[$0] > 0 }
  for role in 0..<problem.roleCount where state.depth[role] < problem.target[role] {
    let gap = problem.target[role] - state.depth[role]
    let id = problem.roleIDs[role]
    let open = learners.filter {
      !problem.qualifiedToday[role].binarySearchContains($0)
        && !state.newRoles[$0].binarySearchContains(role)
    }
    if open.isEmpty {
      result.append(UnmetRole(role: id, gap: gap, reason: .noLearnerWithTime))
      continue
    }
    // Who could fit the role in a whole horizon, and which skills lack a mentor for them.
    var fitting = 0
    var blocked: [Int: Int] = [:]  // requirement index → learners it blocks
    var nobodyAtLevel: Set<Int> = []  // requirement indices no one at all could teach
    var withMentors: [Int] = []
    let requirements = problem.requirements[role]
    for person in open {
      var hours = 0.0
      for requirement in requirements {
        hours += problem.menteeHours(person, requirement.skill, to: requirement.level)
      }
      if hours > problem.learnBudget[person] + hourEpsilon { continue }
      fitting += 1
      var ok = true
      for (index, requirement) in requirements.enumerated()
      where problem.level(person, requirement.skill) < requirement.level
        && !problem.hasEligibleMentor(for: person, requirement)
      {
        blocked[index, default: 0] += 1
        if !problem.hasMentorAtLevel(for: person, requirement) { nobodyAtLevel.insert(index) }
        ok = false
      }
      if ok { withMentors.append(person) }
    }
    if fitting == 0 {
      result.append(UnmetRole(role: id, gap: gap, reason: .cannotQualifyWithinHorizon))
      continue
    }
    if withMentors.isEmpty {
      let worst = blocked.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key ?? 0
      let requirement = requirements[worst]
      let skill = problem.skillIDs[requirement.skill]
      let level = problem.mentorLevel(for: requirement.level)
      // Someone holds the skill but cannot fit this pair at all (too few hours, or no weeks in
      // common with the learner): that is a matter of time, not of expertise.
      let reason: UnmetReason =
        nobodyAtLevel.contains(worst)
        ? .noEligibleMentor(skill: skill, level: level)
        : .mentorsLackTime(skill: skill, level: level)
      result.append(UnmetRole(role: id, gap: gap, reason: reason))
      continue
    }
    var timeLeft = false
    var wouldFit = false
    for person in withMentors {
      switch state.buildList(person, role: role, replace: false) {
      case .success(let list):
        if state.delta(person, to: list).score > 1e-9 { wouldFit = true }
        timeLeft = true
      case .failure(let box):
        if case .noMentor = box.failure { timeLeft = true }
      }
      if wouldFit { break }
    }
    let reason: UnmetReason =
      wouldFit ? .searchStopped : timeLeft ? .mentorCapacityUsedUp : .learnersBusy
    result.append(UnmetRole(role: id, gap: gap, reason: reason))
  }
  return result
}

/// The week-by-week schedule of a plan.
///
/// Each mentee works through their pairs one after another at their weekly learning hours; a
/// pair's mentor gives a quarter of the mentee's hours in the same week, within the mentor's
/// weekly hours. Nobody teaches or learns in a week they are away (with a calendar, see
/// ``PlanOptions/horizon``): such weeks are skipped and the pair ends later.
///
/// Priority: weeks are simulated in order and, inside a week, pairs in one global order, which
/// also orders each mentee's own sequence and decides who gets a shared mentor's weekly hours:
/// 1. the earliest *first uncovered day* of the roles the pair serves (the first working day of
///    the horizon on which the role, as it is today, has fewer than `minPresent` qualified people
///    at work; roles never uncovered, or any role without a calendar, come last), so that
///    training ends first for the roles whose uncovered days come first;
/// 2. then the pair's value (the weight of the roles it serves), highest first;
/// 3. then fewer mentee hours, then mentee index, then skill index.
///
/// The plan keeps each person's charges within weekly rate × weeks present, where a pair is
/// charged as if run evenly over the weeks its mentor and mentee share. The sequence usually
/// finishes inside the horizon; where it does not, the group of people linked by pairs falls
/// back to exactly that even pace, which always fits.
struct Schedule {
  struct Timing {
    var start: Int
    var end: Int
    var hours: [Double]
  }
  /// Mentee → timing of each pair, in the order of `state.pairs[mentee]`.
  var timing: [[Timing]]
  /// Pairs that end after the horizon (only when the horizon is zero weeks).
  var overruns = 0
  /// Pairs run at an even pace over the whole horizon because the sequence did not fit.
  var evenPaced = 0

  /// Lays the pairs of `state` out week by week.
  ///
  /// - Parameters:
  ///   - state: the plan's pairs.
  ///   - problem: capacities, presence and hours.
  ///   - firstUncovered: dense role → ordinal of its first uncovered working day before the
  ///     plan, `Int.max` when it has none (or there is no calendar).
  init(state: PlanState, problem: Problem, firstUncovered: [Int]) {
    timing = state.pairs.map { list in list.map { _ in Timing(start: 0, end: 0, hours: []) } }
    // Global order; a mentee's own pairs appear in their sequence order. Entries are kept in
    // parallel arrays of plain numbers and sorted as indices.
    var entryMentee: [Int] = []
    var entrySlot: [Int] = []
    var entryUrgency: [Int] = []
    var entryValue: [Double] = []
    for person in 0..<problem.personCount {
      for (slot, pair) in state.pairs[person].enumerated() {
        let from = problem.level(person, pair.skill)
        var value = 0.0
        var urgency = Int.max
        for role in state.newRoles[person]
        where problem.requirements[role].contains(where: {
          $0.skill == pair.skill && $0.level > from
        }) {
          value += problem.weight[role]
          urgency = min(urgency, firstUncovered[role])
        }
        entryMentee.append(person)
        entrySlot.append(slot)
        entryUrgency.append(urgency)
        entryValue.append(value)
      }
    }
    let order = entryMentee.indices.sorted { a, b in
      if entryUrgency[a] != entryUrgency[b] { return entryUrgency[a] < entryUrgency[b] }
      if entryValue[a] != entryValue[b] { return entryValue[a] > entryValue[b] }
      let ha = state.pairs[entryMentee[a]][entrySlot[a]].menteeHours
      let hb = state.pairs[entryMentee[b]][entrySlot[b]].menteeHours
      if ha != hb { return ha < hb }
      if entryMentee[a] != entryMentee[b] { return entryMentee[a] < entryMentee[b] }
      return state.pairs[entryMentee[a]][entrySlot[a]].skill
        < state.pairs[entryMentee[b]][entrySlot[b]].skill
    }
    var sequence = [[Int]](repeating: [], count: problem.personCount)
    for entry in order { sequence[entryMentee[entry]].append(entrySlot[entry]) }
    var cursor = [Int](repeating: 0, count: problem.personCount)
    var remaining = state.pairs.map { $0.map(\.menteeHours) }
    var left = order.count
    let horizon = problem.weeks
    // Past the horizon there is no calendar; those weeks only measure overruns.
    func works(_ person: Int, _ week: Int) -> Bool {
      week > horizon || problem.isPresent(person, week: week)
    }
    var week = 0
    var menteeLeft = [Double](repeating: 0, count: problem.personCount)
    var mentorLeft = [Double](repeating: 0, count: problem.personCount)
    while left > 0, week < 4 * horizon + 52 {
      week += 1
      for entry in order {
        let mentee = entryMentee[entry]
        let mentor = state.pairs[mentee][entrySlot[entry]].mentor
        menteeLeft[mentee] = works(mentee, week) ? problem.learnPerWeek[mentee] : 0
        mentorLeft[mentor] = works(mentor, week) ? problem.mentorPerWeek[mentor] : 0
      }
      for entry in order {
        let mentee = entryMentee[entry]
        let slot = entrySlot[entry]
        guard cursor[mentee] < sequence[mentee].count, sequence[mentee][cursor[mentee]] == slot
        else { continue }
        let mentor = state.pairs[mentee][slot].mentor
        let amount = min(remaining[mentee][slot], menteeLeft[mentee], mentorLeft[mentor] * 4)
        if amount <= hourEpsilon && remaining[mentee][slot] > hourEpsilon { continue }
        if timing[mentee][slot].start == 0 { timing[mentee][slot].start = week }
        // Hours by week from the start, gaps as zeros (made dense to the end below).
        let offset = week - timing[mentee][slot].start
        while timing[mentee][slot].hours.count <= offset { timing[mentee][slot].hours.append(0) }
        timing[mentee][slot].hours[offset] += max(0, amount)
        remaining[mentee][slot] -= amount
        menteeLeft[mentee] -= amount
        mentorLeft[mentor] -= amount / 4
        if remaining[mentee][slot] <= 1e-7 {
          timing[mentee][slot].end = week
          cursor[mentee] += 1
          left -= 1
        }
      }
    }
    // Where the sequence does not fit, fall back for that group of people (mentors and mentees
    // linked by pairs) to running every pair at an even pace over the weeks its mentor and
    // mentee share, which always fits: the plan keeps Σ hours · present / common within
    // weekly rate × weeks present for everyone, so no week holds more than the weekly rate.
    var group = Array(0..<problem.personCount)
    func root(_ person: Int) -> Int {
      var person = person
      while group[person] != person {
        group[person] = group[group[person]]
        person = group[person]
      }
      return person
    }
    for mentee in state.pairs.indices {
      for pair in state.pairs[mentee] { group[root(pair.mentor)] = root(mentee) }
    }
    var evenPace = [Bool](repeating: false, count: problem.personCount)
    for mentee in timing.indices {
      for slot in timing[mentee].indices
      where timing[mentee][slot].end == 0
        || timing[mentee][slot].end > horizon
      {
        evenPace[root(mentee)] = true
      }
    }
    // Dense hour lists: `hours[k]` is week `start + k`, zeros included.
    for mentee in timing.indices {
      for slot in timing[mentee].indices {
        var entry = timing[mentee][slot]
        let mentor = state.pairs[mentee][slot].mentor
        let shared =
          horizon > 0 && evenPace[root(mentee)]
          ? (1...horizon).filter {
            problem.isPresent(mentee, week: $0) && problem.isPresent(mentor, week: $0)
          } : []
        if let first = shared.first, let last = shared.last {
          let hours = state.pairs[mentee][slot].menteeHours
          var dense = [Double](repeating: 0, count: last - first + 1)
          for week in shared { dense[week - first] = hours / Double(shared.count) }
          entry = Timing(start: first, end: last, hours: dense)
          evenPaced += 1
          timing[mentee][slot] = entry
          continue
        }
        if entry.start == 0 { entry.start = week }
        if entry.end == 0 { entry.end = week }
        if entry.end > horizon { overruns += 1 }
        let length = max(1, entry.end - entry.start + 1)
        if entry.hours.count > length { entry.hours.removeLast(entry.hours.count - length) }
        while entry.hours.count < length { entry.hours.append(0) }
        timing[mentee][slot] = entry
      }
    }
  }
}
