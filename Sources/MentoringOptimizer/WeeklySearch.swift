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
  let deadline: ContinuousClock.Instant
  var stats = SearchStats()
  var reporter: ProgressReporter?
  private var clockChecks = 0
  private var timeUp = false

  init(problem: Problem, bundles: [Bundle], deadline: ContinuousClock.Instant) {
    self.problem = problem
    self.bundles = bundles
    self.deadline = deadline
    var bundleOf: [Int: Int] = [:]
    for (index, bundle) in bundles.enumerated() {
      bundleOf[bundle.mentee * problem.roleCount + bundle.role] = index
    }
    self.bundleOf = bundleOf
    let empty = WeeklyState(problem)
    optimistic = bundles.map { bundle in
      let row = bundle.mentee * problem.weeks
      let learn = Array(empty.learnLeft[row..<(row + problem.weeks)])
      guard let end = empty.earliestEnd(hours: bundle.hours, learn: learn) else { return 0 }
      return problem.weight[bundle.role] * Double(problem.weeks - end + 1)
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

  /// Adds bundles to `state` best first, re-valuing lazily: a bundle whose fresh value still
  /// beats every other key is added. `noise` (one factor per bundle) perturbs the keys;
  /// `excluded` bundles are left out.
  mutating func greedy(
    _ state: inout WeeklyState, perHour: Bool, noise: [Double]? = nil, excluded: Set<Int> = []
  ) {
    var heap = Heap<WeeklyEntry>()
    func key(_ bundle: Int, _ value: Double, hours: Double) -> Double {
      var key = perHour ? value / max(hours, 1e-6) : value
      if let noise { key *= noise[bundle] }
      return key
    }
    for index in bundles.indices where optimistic[index] > 0 && !excluded.contains(index) {
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
    let idleLimit = max(40, min(400, 4 * best.accepted.count))
    // Which accepted bundles use which mentor, rebuilt when the best plan changes.
    while idle < idleLimit, !best.accepted.isEmpty, !timeIsUp() {
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
      var trial = WeeklyState(problem)
      for (index, bundle) in best.accepted.enumerated() where !removed.contains(index) {
        if case .success(let insertion) = trial.evaluate(mentee: bundle.mentee, role: bundle.role),
          insertion.gain > 1e-9
        {
          trial.commit(insertion)
        }
      }
      var noise = [Double](repeating: 1, count: bundles.count)
      for index in noise.indices { noise[index] = 0.8 + 0.4 * random.unit() }
      var excluded = Set<Int>()
      if random.next() & 1 == 0 {
        for index in removed {
          let bundle = best.accepted[index]
          if let position = bundleOf[bundle.mentee * problem.roleCount + bundle.role] {
            excluded.insert(position)
          }
        }
      }
      greedy(&trial, perHour: random.next() & 1 == 0, noise: noise, excluded: excluded)
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
