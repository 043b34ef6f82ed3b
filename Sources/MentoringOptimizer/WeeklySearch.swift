import HeapModule

/// One bundle waiting in the lazy greedy's queue (highest key first), with the state version its
/// key was computed at.
struct WeeklyEntry: Comparable {
  var key: Double
  var bundle: Int
  var stamp: Int

  /// Larger key first, then the lower bundle index, then the fresher valuation: a total order,
  /// so the run is deterministic.
  static func above(_ a: Self, _ b: Self) -> Bool {
    if a.key != b.key { return a.key > b.key }
    if a.bundle != b.bundle { return a.bundle < b.bundle }
    return a.stamp > b.stamp
  }

  static func < (lhs: Self, rhs: Self) -> Bool { above(rhs, lhs) }
  static func == (lhs: Self, rhs: Self) -> Bool { !above(lhs, rhs) && !above(rhs, lhs) }
}

/// What a search run did, for the plan's statistics.
struct SearchStats: Sendable {
  var iterations = 0
  var improvements = 0
  var stoppedOnTimeLimit = false
  var greedyScore = 0.0
}

/// The search for coverage-weeks: lazy greedy constructions over candidate bundles, then a
/// large-neighbourhood search that takes bundles out of the best plan (one and those sharing its
/// mentors, or a few at random), replays the rest and refills greedily with perturbed priorities,
/// keeping the result when it is better.
///
/// Randomness comes from a fixed seed and the number of rounds from the instance, not the clock,
/// so a run that ends before its time limit gives the same plan every time.
struct WeeklySearch {
  let problem: Problem
  let bundles: [Bundle]
  /// Bundle → its value if it ended as early as the mentee's own hours allow and nothing else
  /// covered the role: the greedy's first, optimistic key.
  let optimistic: [Double]
  /// `mentee · roleCount + role` → the bundle's index.
  let bundleOf: [Int: Int]
  /// Role → its bundles.
  let bundlesOfRole: [[Int]]
  /// Bundle → the earliest week its mentee could finish it on their own hours.
  let earliest: [Int]
  let deadline: ContinuousClock.Instant
  /// Where every construction starts: no pairs but the ones an earlier plan keeps.
  let baseline: WeeklyState
  var stats = SearchStats()
  var reporter: ProgressReporter?
  private var clockChecks = 0
  private var timeUp = false

  /// Prepares the search over `bundles`; `empty` is the plan without pairs, which the caller
  /// builds anyway, and `baseline` the plan with only the kept pairs (the same without any).
  init(
    problem: Problem, bundles: [Bundle], empty: WeeklyState, baseline: WeeklyState? = nil,
    deadline: ContinuousClock.Instant
  ) {
    self.problem = problem
    self.baseline = baseline ?? empty
    self.bundles = bundles
    self.deadline = deadline
    var bundleOf: [Int: Int] = [:]
    for (index, bundle) in bundles.enumerated() {
      bundleOf[bundle.mentee * problem.roleCount + bundle.role] = index
    }
    self.bundleOf = bundleOf
    var ofRole = [[Int]](repeating: [], count: problem.roleCount)
    for (index, bundle) in bundles.enumerated() { ofRole[bundle.role].append(index) }
    bundlesOfRole = ofRole
    let earliest = bundles.map { bundle in
      let row = bundle.mentee * problem.weeks
      let learn = Array(empty.learnLeft[row..<(row + problem.weeks)])
      return empty.earliestEnd(hours: bundle.hours, learn: learn) ?? 0
    }
    self.earliest = earliest
    optimistic = zip(bundles, earliest).map { bundle, end in
      end == 0 ? 0 : problem.weight[bundle.role] * Double(problem.weeks - end + 1)
    }
  }

  /// Whether the time limit has passed (the clock is read every 32nd call).
  mutating func timeIsUp() -> Bool {
    if timeUp { return true }
    clockChecks &+= 1
    if clockChecks & 31 == 0, ContinuousClock.now >= deadline {
      timeUp = true
      stats.stoppedOnTimeLimit = true
    }
    return timeUp
  }

  /// Adds bundles to `state` best first, re-valuing lazily.
  ///
  /// A bundle whose fresh value still beats every other key is added. `noise` seeds a factor per bundle that perturbs the keys;
  /// `excluded` bundles are left out, and `only` limits the bundles considered.
  mutating func greedy(
    _ state: inout WeeklyState, perHour: Bool, noise: UInt64? = nil, excluded: Set<Int> = [],
    only: [Int]? = nil
  ) {
    var heap = Heap<WeeklyEntry>()
    func key(_ bundle: Int, _ value: Double, hours: Double) -> Double {
      var key = perHour ? value / max(hours, 1e-6) : value
      if let noise {
        // A factor in [0.8, 1.2) drawn from the round's seed and the bundle.
        var mix = SplitMix(seed: noise ^ (UInt64(bundle) &* 0x9E37_79B9_7F4A_7C15))
        key *= 0.8 + 0.4 * mix.unit()
      }
      return key
    }
    for index in only ?? Array(bundles.indices)
    where optimistic[index] > 0 && !excluded.contains(index) {
      heap.insert(
        WeeklyEntry(
          key: key(index, optimistic[index], hours: bundles[index].hours), bundle: index,
          stamp: -1))
    }
    // Bundles that found no mentor with time: new mentors trained by the plan may change that.
    var parked: [Int] = []
    var trainedCount = 0
    while let top = heap.popMax() {
      if timeIsUp() { break }
      stats.iterations += 1
      let bundle = bundles[top.bundle]
      // A role already at its target from the earliest week this bundle could count is worth
      // nothing more through it (spill-over aside, which the key never promised).
      let first = earliest[top.bundle]
      if state.depth(bundle.role, week: first) >= problem.target[bundle.role],
        state.depth(bundle.role, week: problem.weeks) >= problem.target[bundle.role]
      {
        continue
      }
      let version = state.accepted.count
      switch state.evaluate(mentee: bundle.mentee, role: bundle.role) {
      case .failure(let box):
        if box.failure == .mentorCapacity, problem.options.cascades { parked.append(top.bundle) }
      case .success(let insertion):
        guard insertion.gain > 1e-9 else { continue }
        let fresh = key(top.bundle, insertion.gain, hours: insertion.hours)
        if top.stamp == version || heap.max.map({ fresh >= $0.key - 1e-12 }) ?? true {
          state.commit(insertion)
          reporter?.tick(.constructing, score: state.objective.coverageWeeks)
          let trained = state.trainedMentorCount
          if trained != trainedCount, !parked.isEmpty {
            trainedCount = trained
            for index in parked {
              heap.insert(
                WeeklyEntry(
                  key: key(index, optimistic[index], hours: bundles[index].hours), bundle: index,
                  stamp: -1))
            }
            parked.removeAll()
          }
        } else {
          heap.insert(WeeklyEntry(key: fresh, bundle: top.bundle, stamp: version))
        }
      }
    }
  }

  /// Large-neighbourhood search from `start`; returns the best plan found.
  mutating func improve(_ start: WeeklyState) -> WeeklyState {
    var best = start
    var random = SplitMix(seed: 0x5EED_CAFE)
    var idle = 0
    // Rounds without a gain before stopping. On the `hard` family ten times the earlier
    // 40–400 still found gains (BENCHMARKS.md); the work limit below caps the large runs.
    let idleLimit = max(400, min(4_000, 40 * best.accepted.count))
    // A count of work, not a time, so the result never depends on the machine: at most about
    // three million bundle valuations, a few seconds on the largest organizations.
    let workLimit = stats.iterations + 3_000_000
    // Which accepted bundles use which mentor, rebuilt when the best plan changes.
    while idle < idleLimit, stats.iterations < workLimit, !best.accepted.isEmpty, !timeIsUp() {
      let count = best.accepted.count
      var removed = Set<Int>()
      let seed = Int(random.next() % UInt64(count))
      removed.insert(seed)
      if random.next() & 1 == 0 {
        // The seed and the bundles sharing one of its mentors.
        var mentorsOf: [Int: [Int]] = [:]
        for pair in best.pairs { mentorsOf[pair.mentee, default: []].append(pair.mentor) }
        let mentors = Set(mentorsOf[best.accepted[seed].mentee] ?? [])
        for (index, other) in best.accepted.enumerated() where removed.count < 8 {
          if (mentorsOf[other.mentee] ?? []).contains(where: mentors.contains) {
            removed.insert(index)
          }
        }
      } else {
        let extra = 1 + Int(random.next() % 3)
        for _ in 0..<extra { removed.insert(Int(random.next() % UInt64(count))) }
      }
      var trial = baseline
      for (index, bundle) in best.accepted.enumerated() where !removed.contains(index) {
        if case .success(let insertion) = trial.evaluate(mentee: bundle.mentee, role: bundle.role),
          insertion.gain > 1e-9
        {
          trial.commit(insertion)
        }
      }
      let noise = random.next()
      var excluded = Set<Int>()
      if random.next() & 1 == 0 {
        for index in removed {
          let bundle = best.accepted[index]
          if let position = bundleOf[bundle.mentee * problem.roleCount + bundle.role] {
            excluded.insert(position)
          }
        }
      }
      // Refill only where the removal left room: the roles the removed bundles served, and the
      // roles still short in the last week.
      var roles = Set<Int>()
      for index in removed {
        let bundle = best.accepted[index]
        roles.insert(bundle.role)
        for gained in best.qualifications[bundle.mentee] { roles.insert(gained.role) }
      }
      for role in 0..<problem.roleCount
      where problem.weeks > 0 && trial.depth(role, week: problem.weeks) < problem.target[role] {
        roles.insert(role)
      }
      let only = roles.sorted().flatMap { bundlesOfRole[$0] }
      greedy(
        &trial, perHour: random.next() & 1 == 0, noise: noise, excluded: excluded, only: only)
      stats.iterations += 1
      if trial.objective.isBetter(than: best.objective) {
        best = trial
        stats.improvements += 1
        idle = 0
        reporter?.tick(.improving, score: best.objective.coverageWeeks)
      } else {
        idle += 1
      }
    }
    return best
  }
}

/// A small, fast, seeded random source (SplitMix64), so the search repeats exactly.
struct SplitMix {
  private var state: UInt64
  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A number in `0..<1`.
  mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
