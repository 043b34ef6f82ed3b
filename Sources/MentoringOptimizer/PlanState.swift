/// One planned pair inside the search: mentee (the owner of the list), skill, target level and
/// mentor, with its hours and the capacity it takes cached.
struct PairSlot: Sendable, Equatable {
  var skill: Int
  var to: Int
  var mentor: Int
  var menteeHours: Double
  var mentorHours: Double
  /// The share of the mentee's and the mentor's budgets the pair takes (``Problem/load(of:with:hours:)``):
  /// its hours unless absences leave the two fewer common weeks than each has.
  var menteeLoad: Double
  var mentorLoad: Double
}

/// The lexicographic objective (docs/model.md, "The objective"): coverage first, then fewer mentee hours, then more
/// interest-matching pairs, then more cross-department pairs.
struct Objective: Sendable {
  var score: Double
  var hours: Double
  var interest: Int
  var cross: Int

  /// Whether `self` is strictly better than `other`, comparing sums of doubles with a tolerance.
  func isBetter(than other: Objective) -> Bool {
    if score > other.score + 1e-9 { return true }
    if score < other.score - 1e-9 { return false }
    if hours < other.hours - 1e-7 { return true }
    if hours > other.hours + 1e-7 { return false }
    if interest != other.interest { return interest > other.interest }
    return cross > other.cross
  }
}

/// Why a mentee's new pair list could not be built.
enum BuildFailure: Sendable {
  /// No eligible mentor has capacity left for this skill at this level.
  case noMentor(skill: Int, level: Int)
  /// The mentee's learning budget is too small.
  case learnerBudget
}

/// The mutable plan the search works on: pairs per mentee plus every counter the objective and
/// the constraints need, kept up to date incrementally.
///
/// The only mutation is ``setPlan(of:to:)``, which replaces one mentee's whole pair list; it is
/// its own inverse, so every move is undone by replaying the old lists in reverse order.
struct PlanState: Sendable {
  let problem: Problem
  private(set) var pairs: [[PairSlot]]
  private(set) var menteeUsed: [Double]
  private(set) var mentorUsed: [Double]
  /// Mentor → (mentee, number of pairs) for each distinct mentee.
  private(set) var links: [[(mentee: Int, count: Int)]]
  /// Mentee → roles newly qualified thanks to their pairs, ascending.
  private(set) var newRoles: [[Int]]
  private(set) var depth: [Int]
  private(set) var objective: Objective

  init(_ problem: Problem) {
    self.problem = problem
    pairs = Array(repeating: [], count: problem.personCount)
    menteeUsed = Array(repeating: 0, count: problem.personCount)
    mentorUsed = Array(repeating: 0, count: problem.personCount)
    links = Array(repeating: [], count: problem.personCount)
    newRoles = Array(repeating: [], count: problem.personCount)
    depth = problem.depthToday
    var score = 0.0
    for role in 0..<problem.roleCount {
      score += problem.weight[role] * Double(min(depth[role], problem.target[role]))
    }
    objective = Objective(score: score, hours: 0, interest: 0, cross: 0)
  }

  // MARK: Reading

  /// The level `person` reaches in `skill` with the pair list `list`.
  @inline(__always)
  func level(_ person: Int, _ skill: Int, in list: [PairSlot]) -> Int {
    for pair in list where pair.skill == skill { return pair.to }
    return problem.level(person, skill)
  }

  /// Roles `person` is qualified for with `list` but not today, ascending.
  func newlyQualified(_ person: Int, with list: [PairSlot]) -> [Int] {
    var result: [Int] = []
    problem.appendNewlyQualified(
      person, raising: list.lazy.map(\.skill), level: { level(person, $0, in: list) },
      to: &result)
    return result
  }

  /// Capacity `mentor` gives `mentee` in `list` (their pairs' mentor loads), and whether the list
  /// uses the mentor at all.
  @inline(__always)
  func mentorShare(_ mentor: Int, in list: [PairSlot]) -> (hours: Double, used: Bool) {
    var hours = 0.0
    var used = false
    for pair in list where pair.mentor == mentor {
      hours += pair.mentorLoad
      used = true
    }
    return (hours, used)
  }

  /// A pair of `person` in `skill` up to `level` with `mentor`, hours and loads computed.
  @inline(__always)
  func makeSlot(_ person: Int, skill: Int, to level: Int, mentor: Int) -> PairSlot {
    let hours = problem.menteeHours(person, skill, to: level)
    return PairSlot(
      skill: skill, to: level, mentor: mentor, menteeHours: hours, mentorHours: hours / 4,
      menteeLoad: problem.load(of: person, with: mentor, hours: hours),
      mentorLoad: problem.load(of: mentor, with: person, hours: hours / 4))
  }

  /// Learning capacity `person` would have left with the pairs of `list`.
  @inline(__always)
  func learnRoom(_ person: Int, besides list: [PairSlot]) -> Double {
    var used = 0.0
    for pair in list { used += pair.menteeLoad }
    return problem.learnBudget[person] - used
  }

  /// Distinct mentees of `mentor` today in the plan.
  @inline(__always)
  func menteeCount(_ mentor: Int) -> Int { links[mentor].count }

  /// The change of objective if `person`'s pair list became `list`.
  func delta(_ person: Int, to list: [PairSlot]) -> Objective {
    let old = pairs[person]
    let before = newRoles[person]
    let after = newlyQualified(person, with: list)
    var score = 0.0
    // Merge the two sorted role lists: roles only in `after` gain a person, only in `before` lose.
    var a = 0
    var b = 0
    while a < after.count || b < before.count {
      if b == before.count || (a < after.count && after[a] < before[b]) {
        let role = after[a]
        if depth[role] < problem.target[role] { score += problem.weight[role] }
        a += 1
      } else if a == after.count || before[b] < after[a] {
        let role = before[b]
        if depth[role] <= problem.target[role] { score -= problem.weight[role] }
        b += 1
      } else {
        a += 1
        b += 1
      }
    }
    var hours = 0.0
    var interest = 0
    var cross = 0
    for pair in list {
      hours += pair.menteeHours
      if problem.isInterested(person, pair.skill) { interest += 1 }
      if problem.department[pair.mentor] != problem.department[person] { cross += 1 }
    }
    for pair in old {
      hours -= pair.menteeHours
      if problem.isInterested(person, pair.skill) { interest -= 1 }
      if problem.department[pair.mentor] != problem.department[person] { cross -= 1 }
    }
    return Objective(score: score, hours: hours, interest: interest, cross: cross)
  }

  // MARK: Building pair lists

  /// Picks the mentor for a pair of `person` in `skill` up to `level`, given the pairs already
  /// decided in `list`, or nil when every eligible mentor is out of hours or mentee slots.
  ///
  /// Preference: a mentor who already teaches this mentee (no new slot), then the most spare
  /// capacity afterwards counted in pairs of this size (so scarce mentors are saved for later),
  /// then the fewest of the mentee's hours taken (most weeks in common), then another
  /// department, then the lowest id. A mentor must leave the mentee's pairs, `list` plus this
  /// one, within the mentee's budget.
  func chooseMentor(
    for person: Int, skill: Int, level: Int, mentorHours: Double, list: [PairSlot],
    keeping current: Int? = nil, excluding excluded: Int? = nil
  ) -> Int? {
    let candidates = problem.mentors[skill]
    let count = problem.eligibleMentorCount(skill, level)
    var best: Int?
    var bestKey = (linked: false, spare: Int.min, menteeLoad: Double.infinity, cross: false)
    let old = pairs[person]
    let room = learnRoom(person, besides: list) + hourEpsilon
    for position in 0..<count {
      let mentor = candidates[position]
      if mentor == person || mentor == excluded { continue }
      let menteeLoad = problem.load(of: person, with: mentor, hours: mentorHours * 4)
      if menteeLoad > room { continue }
      let load = problem.load(of: mentor, with: person, hours: mentorHours)
      let oldShare = mentorShare(mentor, in: old)
      let newShare = mentorShare(mentor, in: list)
      let hoursAfter = mentorUsed[mentor] - oldShare.hours + newShare.hours + load
      let budget = problem.mentorBudget[mentor]
      if hoursAfter > budget + hourEpsilon { continue }
      let slotsAfter = links[mentor].count - (oldShare.used ? 1 : 0) + 1
      if slotsAfter > problem.maxMentees[mentor] { continue }
      if mentor == current { return mentor }
      // Clamped before conversion: a tiny load (hours per level near zero) would overflow Int.
      let spareHours =
        load > 0 ? Int(min((budget - hoursAfter) / load + 1e-9, Double(Int32.max))) : Int.max
      let key = (
        linked: newShare.used,
        spare: min(spareHours, problem.maxMentees[mentor] - slotsAfter),
        menteeLoad: menteeLoad,
        cross: problem.department[mentor] != problem.department[person]
      )
      if best == nil || key.linked && !bestKey.linked
        || (key.linked == bestKey.linked
          && (key.spare > bestKey.spare
            || key.spare == bestKey.spare
              && (key.menteeLoad < bestKey.menteeLoad - hourEpsilon
                || abs(key.menteeLoad - bestKey.menteeLoad) <= hourEpsilon && key.cross
                  && !bestKey.cross)))
      {
        best = mentor
        bestKey = key
      }
    }
    return best
  }

  /// Whether `mentor` can take `slot` of `person`, whose other pairs are `list`: within the
  /// mentor's hours and mentee slots and the mentee's budget.
  func accepts(_ mentor: Int, for person: Int, slot: PairSlot, besides list: [PairSlot]) -> Bool {
    if mentor == person || slot.menteeLoad > learnRoom(person, besides: list) + hourEpsilon {
      return false
    }
    let oldShare = mentorShare(mentor, in: pairs[person])
    let newShare = mentorShare(mentor, in: list)
    let hoursAfter = mentorUsed[mentor] - oldShare.hours + newShare.hours + slot.mentorLoad
    if hoursAfter > problem.mentorBudget[mentor] + hourEpsilon { return false }
    let slotsAfter = links[mentor].count - (oldShare.used ? 1 : 0) + 1
    return slotsAfter <= problem.maxMentees[mentor]
  }

  /// The pair list `person` would have after also qualifying for `role`.
  ///
  /// With `replace`, the mentee's other pairs are dropped first (a swap of their training);
  /// otherwise existing pairs are kept and raised where the role needs more, one pair per skill.
  func buildList(_ person: Int, role: Int, replace: Bool) -> Result<[PairSlot], BuildFailureBox> {
    var list = replace ? [] : pairs[person]
    // Loads, not hours: with absences a pair may take more of the budget than its hours.
    var load = 0.0
    for pair in list { load += pair.menteeLoad }
    for requirement in problem.requirements[role] {
      let have = level(person, requirement.skill, in: list)
      if have >= requirement.level { continue }
      let menteeHours = problem.menteeHours(person, requirement.skill, to: requirement.level)
      var current: Int?
      if let existing = list.firstIndex(where: { $0.skill == requirement.skill }) {
        load -= list[existing].menteeLoad
        current = list[existing].mentor
        list.remove(at: existing)
      }
      if load + menteeHours > problem.learnBudget[person] + hourEpsilon {
        return .failure(BuildFailureBox(.learnerBudget))
      }
      guard
        let mentor = chooseMentor(
          for: person, skill: requirement.skill, level: requirement.level,
          mentorHours: menteeHours / 4, list: list, keeping: current)
      else {
        return .failure(
          BuildFailureBox(.noMentor(skill: requirement.skill, level: requirement.level)))
      }
      let slot = makeSlot(person, skill: requirement.skill, to: requirement.level, mentor: mentor)
      load += slot.menteeLoad
      list.append(slot)
    }
    return .success(list)
  }

  // MARK: Mutating

  /// Replaces `person`'s pair list, updating every counter; returns the old list for undo.
  @discardableResult
  mutating func setPlan(of person: Int, to list: [PairSlot]) -> [PairSlot] {
    let change = delta(person, to: list)
    let old = pairs[person]
    for pair in old {
      menteeUsed[person] -= pair.menteeLoad
      mentorUsed[pair.mentor] -= pair.mentorLoad
      unlink(pair.mentor, person)
    }
    for pair in list {
      menteeUsed[person] += pair.menteeLoad
      mentorUsed[pair.mentor] += pair.mentorLoad
      link(pair.mentor, person)
    }
    if list.isEmpty { menteeUsed[person] = 0 }
    for role in newRoles[person] { depth[role] -= 1 }
    let after = newlyQualified(person, with: list)
    for role in after { depth[role] += 1 }
    newRoles[person] = after
    pairs[person] = list
    objective.score += change.score
    objective.hours += change.hours
    objective.interest += change.interest
    objective.cross += change.cross
    return old
  }

  private mutating func link(_ mentor: Int, _ mentee: Int) {
    if let index = links[mentor].firstIndex(where: { $0.mentee == mentee }) {
      links[mentor][index].count += 1
    } else {
      links[mentor].append((mentee, 1))
    }
  }

  private mutating func unlink(_ mentor: Int, _ mentee: Int) {
    guard let index = links[mentor].firstIndex(where: { $0.mentee == mentee }) else { return }
    links[mentor][index].count -= 1
    if links[mentor][index].count == 0 {
      links[mentor].remove(at: index)
      if links[mentor].isEmpty { mentorUsed[mentor] = 0 }
    }
  }

  /// Recomputes the score from scratch, to keep floating-point drift out of the result.
  mutating func resynchronize() {
    var score = 0.0
    var hours = 0.0
    for role in 0..<problem.roleCount {
      score += problem.weight[role] * Double(min(depth[role], problem.target[role]))
    }
    for person in pairs.indices { for pair in pairs[person] { hours += pair.menteeHours } }
    objective.score = score
    objective.hours = hours
  }
}

/// A ``BuildFailure`` that can travel in a `Result`.
struct BuildFailureBox: Error, Sendable {
  var failure: BuildFailure
  init(_ failure: BuildFailure) { self.failure = failure }
}
