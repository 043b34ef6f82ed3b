/// A binary max-heap of greedy entries; the standard library has none and the package takes no
/// dependency for forty lines.
struct GreedyHeap {
  struct Entry {
    var key: Double
    var interest: Int
    var bundle: Int
    var stamp: Int
  }
  private var items: [Entry] = []

  var isEmpty: Bool { items.isEmpty }
  var top: Entry? { items.first }

  /// Total order: larger key, then more interest matches, then the lower bundle index.
  @inline(__always)
  static func above(_ a: Entry, _ b: Entry) -> Bool {
    if a.key != b.key { return a.key > b.key }
    if a.interest != b.interest { return a.interest > b.interest }
    return a.bundle < b.bundle
  }

  mutating func push(_ entry: Entry) {
    items.append(entry)
    var child = items.count - 1
    while child > 0 {
      let parent = (child - 1) / 2
      if !Self.above(items[child], items[parent]) { break }
      items.swapAt(child, parent)
      child = parent
    }
  }

  mutating func pop() -> Entry? {
    guard let first = items.first else { return nil }
    let last = items.removeLast()
    if !items.isEmpty {
      items[0] = last
      var parent = 0
      while true {
        let left = 2 * parent + 1
        let right = left + 1
        var best = parent
        if left < items.count, Self.above(items[left], items[best]) { best = left }
        if right < items.count, Self.above(items[right], items[best]) { best = right }
        if best == parent { break }
        items.swapAt(parent, best)
        parent = best
      }
    }
    return first
  }
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
    var heap = GreedyHeap()
    var stamps = [Int](repeating: 0, count: bundles.count)
    func entry(_ index: Int, _ state: PlanState) -> GreedyHeap.Entry? {
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
      if let item = entry(index, state) { heap.push(item) }
    }
    while let item = heap.pop() {
      if item.stamp != stamps[item.bundle] { continue }
      stats.iterations += 1
      guard let fresh = entry(item.bundle, state) else { continue }
      if let next = heap.top, GreedyHeap.above(next, fresh) {
        heap.push(fresh)
        continue
      }
      let bundle = bundles[item.bundle]
      guard
        case .success(let list) = state.buildList(bundle.mentee, role: bundle.role, replace: false)
      else { continue }
      state.setPlan(of: bundle.mentee, to: list)
      for other in bundlesOfMentee[bundle.mentee] where other != item.bundle {
        stamps[other] += 1
        if let updated = entry(other, state) { heap.push(updated) }
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
      if index & 255 == 0, timeIsUp { return improved }
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

  /// Frees one eligible mentor of `skill` at `level` for `mentee` by moving one of their pairs to
  /// another mentor with room: a depth-one augmenting path in the mentor assignment.
  func freeMentor(
    for mentee: Int, skill: Int, level: Int, in state: inout PlanState,
    undo: inout [(Int, [PairSlot])]
  ) -> Bool {
    let candidates = problem.mentors[skill]
    let hours = problem.menteeHours(mentee, skill, to: level) / 4
    for position in 0..<problem.eligibleMentorCount(skill, level) {
      let mentor = candidates[position]
      if mentor == mentee || problem.mentorBudget[mentor] + hourEpsilon < hours { continue }
      for link in state.links[mentor] where link.mentee != mentee {
        let other = link.mentee
        for (slot, pair) in state.pairs[other].enumerated() where pair.mentor == mentor {
          var rest = state.pairs[other]
          rest.remove(at: slot)
          guard
            let replacement = state.chooseMentor(
              for: other, skill: pair.skill, level: pair.to, mentorHours: pair.mentorHours,
              list: rest), replacement != mentor
          else { continue }
          // Would the mentor then have room for the new pair?
          let freedSlot = link.count == 1
          let hoursAfter = state.mentorUsed[mentor] - pair.mentorHours + hours
          let slotsAfter = state.links[mentor].count - (freedSlot ? 1 : 0) + 1
          if hoursAfter > problem.mentorBudget[mentor] + hourEpsilon
            || slotsAfter > problem.maxMentees[mentor]
          {
            continue
          }
          var moved = state.pairs[other]
          moved[slot].mentor = replacement
          undo.append((other, state.setPlan(of: other, to: moved)))
          return true
        }
      }
    }
    return false
  }

  /// For each trained mentee: drop their training, refill greedily around the freed capacity,
  /// keep the result when it is better and undo it otherwise.
  mutating func dropRefillPass(_ state: inout PlanState) -> Bool {
    var improved = false
    for person in 0..<problem.personCount where !state.pairs[person].isEmpty {
      if timeIsUp { return improved }
      stats.iterations += 1
      let before = state.objective
      let lost = state.newRoles[person]
      let freed = state.pairs[person].map(\.mentor)
      var undo: [(Int, [PairSlot])] = [(person, state.setPlan(of: person, to: []))]
      // Candidates: the roles that lost a person, the roles the freed mentors can teach for,
      // and the mentee's own other options.
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
      candidates.append(contentsOf: bundlesOfMentee[person])
      candidates.sort()
      refill(candidates, &state, undo: &undo)
      if state.objective.isBetter(than: before) {
        improved = true
        stats.improvements += 1
      } else {
        for (who, list) in undo.reversed() { state.setPlan(of: who, to: list) }
      }
    }
    return improved
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
      var needed: [Int: Int] = [:]
      for role in state.newRoles[person] {
        for requirement in problem.requirements[role] {
          needed[requirement.skill] = max(needed[requirement.skill] ?? 0, requirement.level)
        }
      }
      var changed = false
      var index = 0
      while index < list.count {
        let pair = list[index]
        let want = needed[pair.skill] ?? 0
        let today = problem.level(person, pair.skill)
        if want <= today {
          list.remove(at: index)
          changed = true
          continue
        }
        if want < pair.to {
          let hours = problem.menteeHours(person, pair.skill, to: want)
          list[index] = PairSlot(
            skill: pair.skill, to: want, mentor: pair.mentor, menteeHours: hours,
            mentorHours: hours / 4)
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
          let oldShare = state.mentorShare(mentor, in: state.pairs[person])
          let newShare = state.mentorShare(mentor, in: rest)
          let hoursAfter =
            state.mentorUsed[mentor] - oldShare.hours + newShare.hours + pair.mentorHours
          if hoursAfter > problem.mentorBudget[mentor] + hourEpsilon { continue }
          let slotsAfter = state.links[mentor].count - (oldShare.used ? 1 : 0) + 1
          if slotsAfter > problem.maxMentees[mentor] { continue }
          var moved = state.pairs[person]
          moved[slot].mentor = mentor
          state.setPlan(of: person, to: moved)
          break
        }
      }
    }
  }
}
