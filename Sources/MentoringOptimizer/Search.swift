import HeapModule

/// One bundle waiting in the lazy greedy's priority queue (swift-collections' `Heap`, highest
/// first), with the gain it had when it was valued.
struct GreedyEntry: Comparable {
  var key: Double
  var interest: Int
  var bundle: Int
  /// The state version the key was computed at; an entry older than the state is re-valued.
  var stamp: Int

  /// The queue's order, highest first: larger key, then more interest matches, then the lower
  /// bundle index, then the fresher valuation (so the order is total and the run deterministic).
  @inline(__always)
  static func above(_ a: Self, _ b: Self) -> Bool {
    if a.key != b.key { return a.key > b.key }
    if a.interest != b.interest { return a.interest > b.interest }
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

/// Bundle search: a lazy greedy construction by gain per learner hour, then local search with
/// insertion (re-choosing mentors to free capacity), swap and drop/refill moves.
struct Search {
  let problem: Problem
  let bundles: [Bundle]
  let bundlesOfMentee: [[Int]]
  let bundlesOfRole: [[Int]]
  let deadline: ContinuousClock.Instant
  var stats = SearchStats()
  /// Told how the search goes, when the caller asked; never read back.
  var reporter: ProgressReporter?

  init(problem: Problem, bundles: [Bundle], deadline: ContinuousClock.Instant) {
    self.problem = problem
    self.bundles = bundles
    self.deadline = deadline
    var ofMentee = [[Int]](repeating: [], count: problem.personCount)
    var ofRole = [[Int]](repeating: [], count: problem.roleCount)
    for (index, bundle) in bundles.enumerated() {
      ofMentee[bundle.mentee].append(index)
      ofRole[bundle.role].append(index)
    }
    bundlesOfMentee = ofMentee
    bundlesOfRole = ofRole
  }

  var timeIsUp: Bool { ContinuousClock.now >= deadline }

  /// How a greedy ranks a bundle: coverage gain per learner hour, or plain gain.
  enum Ranking { case perHour, gain }

  /// Builds a plan from scratch by lazy greedy.
  ///
  /// Gains only fall as the plan grows (roles fill up, capacity is used), except for the
  /// bundles of the mentee just trained, whose shared skills make them cheaper; those are
  /// re-evaluated at once, so the lazy order stays faithful to the plain greedy.
  ///
  /// - Complexity: O(B · e) to start plus O(picks · re-evaluations · e), e the cost of one
  ///   evaluation (requirements × eligible mentors).
  mutating func greedy(_ ranking: Ranking) -> PlanState {
    var state = PlanState(problem)
    var heap = Heap<GreedyEntry>()
    var stamps = [Int](repeating: 0, count: bundles.count)
    func entry(_ index: Int, _ state: PlanState) -> GreedyEntry? {
      let bundle = bundles[index]
      guard
        case .success(let list) = state.buildList(bundle.mentee, role: bundle.role, replace: false)
      else { return nil }
      let change = state.delta(bundle.mentee, to: list)
      guard change.score > 1e-9, change.hours > 0 else { return nil }
      let key = ranking == .perHour ? change.score / change.hours : change.score
      return .init(key: key, interest: change.interest, bundle: index, stamp: stamps[index])
    }
    for index in bundles.indices {
      if let item = entry(index, state) { heap.insert(item) }
    }
    reporter?.tick(.constructing, score: state.objective.score)
    while let item = heap.popMax() {
      if item.stamp != stamps[item.bundle] { continue }
      stats.iterations += 1
      reporter?.tick(.constructing, score: state.objective.score)
      guard let fresh = entry(item.bundle, state) else { continue }
      if let next = heap.max, GreedyEntry.above(next, fresh) {
        heap.insert(fresh)
        continue
      }
      let bundle = bundles[item.bundle]
      guard
        case .success(let list) = state.buildList(bundle.mentee, role: bundle.role, replace: false)
      else { continue }
      state.setPlan(of: bundle.mentee, to: list)
      for other in bundlesOfMentee[bundle.mentee] where other != item.bundle {
        stamps[other] += 1
        if let updated = entry(other, state) { heap.insert(updated) }
      }
    }
    stats.greedyScore = max(stats.greedyScore, state.objective.score)
    return state
  }

  // MARK: Local search

  /// Improves `state` until no move helps or the deadline passes.
  mutating func improve(_ state: inout PlanState) {
    var changed = true
    while changed {
      if timeIsUp {
        stats.stoppedOnTimeLimit = true
        return
      }
      changed = false
      if insertionPass(&state) { changed = true }
      if timeIsUp {
        stats.stoppedOnTimeLimit = true
        return
      }
      if dropRefillPass(&state) { changed = true }
    }
  }

  /// Tries every bundle of a role still below target: add it, re-choosing mentors to make room
  /// when every eligible mentor is full, or swap it for the mentee's current training.
  mutating func insertionPass(_ state: inout PlanState) -> Bool {
    var improved = false
    for index in bundles.indices {
      if index & 255 == 0 {
        if timeIsUp { return improved }
        reporter?.tick(.improving, score: state.objective.score)
      }
      let bundle = bundles[index]
      if state.depth[bundle.role] >= problem.target[bundle.role] { continue }
      if state.newRoles[bundle.mentee].binarySearchContains(bundle.role) { continue }
      stats.iterations += 1
      if tryInsert(bundle, into: &state) {
        improved = true
        stats.improvements += 1
      }
    }
    return improved
  }

  /// One insertion attempt; commits and returns true only when the objective improves.
  mutating func tryInsert(_ bundle: Bundle, into state: inout PlanState) -> Bool {
    let before = state.objective
    for replace in [false, true] {
      if replace && state.pairs[bundle.mentee].isEmpty { break }
      var undo: [(Int, [PairSlot])] = []
      var attempts = 0
      while attempts < 3 {
        attempts += 1
        switch state.buildList(bundle.mentee, role: bundle.role, replace: replace) {
        case .success(let list):
          undo.append((bundle.mentee, state.setPlan(of: bundle.mentee, to: list)))
          if state.objective.isBetter(than: before) { return true }
          attempts = 99
        case .failure(let box):
          guard case .noMentor(let skill, let level) = box.failure,
            freeMentor(for: bundle.mentee, skill: skill, level: level, in: &state, undo: &undo)
          else {
            attempts = 99
            break
          }
        }
      }
      for (person, list) in undo.reversed() { state.setPlan(of: person, to: list) }
    }
    return false
  }

  /// Frees one eligible mentor of `skill` at `level` for `mentee` by moving pairs between
  /// mentors: an augmenting path in the mentor assignment, up to ``augmentingDepth`` moves
  /// long, each mentor visited once (so one call is linear in the links it looks at).
  func freeMentor(
    for mentee: Int, skill: Int, level: Int, in state: inout PlanState,
    undo: inout [(Int, [PairSlot])]
  ) -> Bool {
    let candidates = problem.mentors[skill]
    let menteeHours = problem.menteeHours(mentee, skill, to: level)
    var visited: Set<Int> = []
    for position in 0..<problem.eligibleMentorCount(skill, level) {
      let mentor = candidates[position]
      if mentor == mentee || !problem.canPair(mentor: mentor, mentee: mentee, hours: menteeHours) {
        continue
      }
      visited.insert(mentor)
      let need = problem.load(of: mentor, with: mentee, hours: menteeHours / 4)
      if makeRoom(
        on: mentor, for: mentee, load: need, depth: Self.augmentingDepth, visited: &visited,
        in: &state, undo: &undo)
      {
        return true
      }
    }
    return false
  }

  /// Moves in one augmenting path; 3 is enough for chains of one-mentee mentors.
  static let augmentingDepth = 3

  /// Frees room on `mentor` for a new pair of `load` hours with `mentee`.
  ///
  /// Moves one of `mentor`'s pairs with another mentee to a different mentor (freeing that one
  /// first, recursively, when `depth` allows). Every move keeps the plan feasible.
  func makeRoom(
    on mentor: Int, for mentee: Int, load: Double, depth: Int, visited: inout Set<Int>,
    in state: inout PlanState, undo: inout [(Int, [PairSlot])]
  ) -> Bool {
    for link in state.links[mentor] where link.mentee != mentee {
      let other = link.mentee
      for (slot, pair) in state.pairs[other].enumerated() where pair.mentor == mentor {
        // Would the mentor then have room for the new pair?
        let freedSlot = link.count == 1
        let hoursAfter = state.mentorUsed[mentor] - pair.mentorLoad + load
        let slotsAfter = state.links[mentor].count - (freedSlot ? 1 : 0) + 1
        if hoursAfter > problem.mentorBudget[mentor] + hourEpsilon
          || slotsAfter > problem.maxMentees[mentor]
        {
          continue
        }
        var rest = state.pairs[other]
        rest.remove(at: slot)
        if let replacement = state.chooseMentor(
          for: other, skill: pair.skill, level: pair.to, mentorHours: pair.mentorHours,
          list: rest, excluding: mentor)
        {
          var moved = state.pairs[other]
          moved[slot] = state.makeSlot(other, skill: pair.skill, to: pair.to, mentor: replacement)
          undo.append((other, state.setPlan(of: other, to: moved)))
          return true
        }
        guard depth > 1 else { continue }
        let candidates = problem.mentors[pair.skill]
        for position in 0..<problem.eligibleMentorCount(pair.skill, pair.to) {
          let next = candidates[position]
          if next == other || visited.contains(next)
            || !problem.canPair(mentor: next, mentee: other, hours: pair.menteeHours)
          {
            continue
          }
          visited.insert(next)
          let moved = state.makeSlot(other, skill: pair.skill, to: pair.to, mentor: next)
          let mark = undo.count
          guard
            makeRoom(
              on: next, for: other, load: moved.mentorLoad, depth: depth - 1, visited: &visited,
              in: &state, undo: &undo)
          else { continue }
          // The path may have touched this mentee's pairs: rebuild from the current list.
          if let at = state.pairs[other].firstIndex(where: {
            $0.skill == pair.skill && $0.mentor == mentor
          }) {
            var rest = state.pairs[other]
            rest.remove(at: at)
            if state.accepts(next, for: other, slot: moved, besides: rest) {
              var list = state.pairs[other]
              list[at] = moved
              undo.append((other, state.setPlan(of: other, to: list)))
              return true
            }
          }
          while undo.count > mark {
            let (who, list) = undo.removeLast()
            state.setPlan(of: who, to: list)
          }
        }
      }
    }
    return false
  }

  /// Drops one trained mentee (or two sharing a mentor), refills greedily, keeps what is better.
  ///
  /// For each trained mentee: drop their training, refill greedily around the freed capacity,
  /// keep the result when it is better and undo it otherwise. When no single drop helps, the
  /// same with two mentees who share a mentor: with mentors of one or two mentee slots, freeing
  /// one mentee's mentors is often not enough to let another plan in.
  mutating func dropRefillPass(_ state: inout PlanState) -> Bool {
    var improved = false
    for person in 0..<problem.personCount where !state.pairs[person].isEmpty {
      if timeIsUp { return improved }
      reporter?.tick(.improving, score: state.objective.score)
      if tryDropRefill([person], &state) { improved = true }
    }
    if improved { return true }
    for person in 0..<problem.personCount where !state.pairs[person].isEmpty {
      if timeIsUp { return improved }
      reporter?.tick(.improving, score: state.objective.score)
      var partners: [Int] = []
      for pair in state.pairs[person] {
        for link in state.links[pair.mentor] where link.mentee > person {
          partners.append(link.mentee)
        }
      }
      partners.sort()
      var previous = -1
      for other in partners where other != previous {
        previous = other
        if state.pairs[person].isEmpty { break }
        if state.pairs[other].isEmpty { continue }
        if tryDropRefill([person, other], &state) { improved = true }
      }
    }
    return improved
  }

  /// Drops the training of `people`, refills greedily, keeps the result only when it is better.
  mutating func tryDropRefill(_ people: [Int], _ state: inout PlanState) -> Bool {
    stats.iterations += 1
    let before = state.objective
    var lost: [Int] = []
    var freed: [Int] = []
    var undo: [(Int, [PairSlot])] = []
    for person in people {
      lost.append(contentsOf: state.newRoles[person])
      freed.append(contentsOf: state.pairs[person].map(\.mentor))
      undo.append((person, state.setPlan(of: person, to: [])))
    }
    // Candidates: the roles that lost a person, the roles the freed mentors can teach for,
    // and the mentees' own other options.
    var roles = lost
    for mentor in freed {
      for entry in problem.levelStart[mentor]..<problem.levelStart[mentor + 1]
      where problem.levelValue[entry] >= problem.options.mentorMinLevel {
        roles.append(contentsOf: problem.rolesOfSkill[problem.levelSkill[entry]])
      }
    }
    roles.sort()
    var candidates: [Int] = []
    var previous = -1
    for role in roles where role != previous {
      previous = role
      if state.depth[role] < problem.target[role] {
        candidates.append(contentsOf: bundlesOfRole[role])
      }
    }
    for person in people { candidates.append(contentsOf: bundlesOfMentee[person]) }
    candidates.sort()
    refill(candidates, &state, undo: &undo)
    if state.objective.isBetter(than: before) {
      stats.improvements += 1
      return true
    }
    for (who, list) in undo.reversed() { state.setPlan(of: who, to: list) }
    return false
  }

  /// Greedy over a candidate list: repeatedly commits the bundle with the best gain per hour.
  func refill(_ candidates: [Int], _ state: inout PlanState, undo: inout [(Int, [PairSlot])]) {
    var live = candidates
    var lastIndex = -1
    while true {
      var best: (key: Double, interest: Int, index: Int, list: [PairSlot])?
      var keep: [Int] = []
      for index in live where index != lastIndex {
        let bundle = bundles[index]
        if state.depth[bundle.role] >= problem.target[bundle.role] { continue }
        guard
          case .success(let list) = state.buildList(
            bundle.mentee, role: bundle.role, replace: false)
        else { continue }
        let change = state.delta(bundle.mentee, to: list)
        guard change.score > 1e-9, change.hours > 0 else { continue }
        keep.append(index)
        let key = change.score / change.hours
        if let current = best,
          key < current.key || key == current.key && change.interest <= current.interest
        {
          continue
        }
        best = (key, change.interest, index, list)
      }
      guard let chosen = best else { return }
      let mentee = bundles[chosen.index].mentee
      undo.append((mentee, state.setPlan(of: mentee, to: chosen.list)))
      lastIndex = chosen.index
      live = keep
    }
  }

  // MARK: Polishing

  /// Removes what earns nothing: pairs raised past what the mentee's new roles need, and pairs
  /// whose removal keeps the coverage score (roles already at target).
  func prune(_ state: inout PlanState) {
    for person in 0..<problem.personCount where !state.pairs[person].isEmpty {
      var list = state.pairs[person]
      // Skill → the highest level the mentee's new roles need (a few entries: a plain list).
      var needed: [(skill: Int, level: Int)] = []
      for role in state.newRoles[person] {
        for requirement in problem.requirements[role] {
          if let at = needed.firstIndex(where: { $0.skill == requirement.skill }) {
            needed[at].level = max(needed[at].level, requirement.level)
          } else {
            needed.append(requirement)
          }
        }
      }
      var changed = false
      var index = 0
      while index < list.count {
        let pair = list[index]
        let want = needed.first { $0.skill == pair.skill }?.level ?? 0
        let today = problem.level(person, pair.skill)
        if want <= today {
          list.remove(at: index)
          changed = true
          continue
        }
        if want < pair.to {
          list[index] = state.makeSlot(person, skill: pair.skill, to: want, mentor: pair.mentor)
          changed = true
        }
        index += 1
      }
      if changed {
        let scoreBefore = state.objective.score
        let old = state.setPlan(of: person, to: list)
        if state.objective.score < scoreBefore - 1e-9 { state.setPlan(of: person, to: old) }
      }
      // Then single pairs that no counted role needs.
      var position = 0
      while position < state.pairs[person].count {
        var shorter = state.pairs[person]
        shorter.remove(at: position)
        let change = state.delta(person, to: shorter)
        if change.score > -1e-9 {
          state.setPlan(of: person, to: shorter)
        } else {
          position += 1
        }
      }
    }
  }

  /// Moves pairs to a mentor in another department when one with room is equally good, the
  /// objective's last criterion before ids.
  func preferCrossDepartment(_ state: inout PlanState) {
    for person in 0..<problem.personCount where !state.pairs[person].isEmpty {
      for slot in state.pairs[person].indices {
        let pair = state.pairs[person][slot]
        if problem.department[pair.mentor] != problem.department[person] { continue }
        var rest = state.pairs[person]
        rest.remove(at: slot)
        let candidates = problem.mentors[pair.skill]
        for position in 0..<problem.eligibleMentorCount(pair.skill, pair.to) {
          let mentor = candidates[position]
          if mentor == person || problem.department[mentor] == problem.department[person] {
            continue
          }
          let candidate = state.makeSlot(person, skill: pair.skill, to: pair.to, mentor: mentor)
          if candidate.menteeLoad > state.learnRoom(person, besides: rest) + hourEpsilon {
            continue
          }
          let oldShare = state.mentorShare(mentor, in: state.pairs[person])
          let newShare = state.mentorShare(mentor, in: rest)
          let hoursAfter =
            state.mentorUsed[mentor] - oldShare.hours + newShare.hours + candidate.mentorLoad
          if hoursAfter > problem.mentorBudget[mentor] + hourEpsilon { continue }
          let slotsAfter = state.links[mentor].count - (oldShare.used ? 1 : 0) + 1
          if slotsAfter > problem.maxMentees[mentor] { continue }
          var moved = state.pairs[person]
          moved[slot] = candidate
          state.setPlan(of: person, to: moved)
          break
        }
      }
    }
  }
}
