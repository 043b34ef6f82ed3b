import SkillsGraph

/// A plan under construction, week by week: every person's hours left in every week, the pairs
/// with their schedules, and each role's week depth `d_w(r)` with the coverage-weeks it earns.
///
/// Bundles are added one at a time: ``evaluate(mentee:role:)`` lays the missing pairs out as
/// early as the mentee's and the mentors' weekly hours allow and values what they bring,
/// ``commit(_:)`` makes it so. Every rule of docs/model.md holds after each commit: weekly limits,
/// presence, mentee slots, one pair per mentee and skill, mentors teaching only levels they hold
/// in the week (their own trainings count from the week after they end, with cascades).
struct WeeklyState: Sendable {
  let problem: Problem
  let weeks: Int
  /// Person × week → mentee hours left (row `person`, column `week − 1`).
  private(set) var learnLeft: [Double]
  /// Person × week → mentor hours left.
  private(set) var mentorLeft: [Double]
  private(set) var pairs: [WeeklyPair] = []
  /// `mentee · skillCount + skill` → index of the pair in `pairs`.
  private(set) var pairOf: [Int: Int] = [:]
  /// Mentor → distinct mentees.
  private(set) var mentees: [[Int]]
  /// Skill → people the plan trains to a mentoring level of it (cascades only): the level, the
  /// first week they may teach, and the pair that trained them.
  private(set) var trainedMentors: [[(person: Int, level: Int, from: Int, pair: Int)]]
  /// Mentee → roles they newly qualify for, with the week.
  private(set) var qualifications: [[Qualification]]
  /// Role × week → `d_w(r)`.
  private(set) var depth: [Int32]
  private(set) var objective: WeeklyObjective
  /// The bundles added, in order: replaying them rebuilds the plan.
  private(set) var accepted: [(mentee: Int, role: Int)] = []

  init(_ problem: Problem) {
    self.problem = problem
    let weeks = problem.weeks
    self.weeks = weeks
    let people = problem.personCount
    var learn = [Double](repeating: 0, count: people * weeks)
    var mentor = [Double](repeating: 0, count: people * weeks)
    for person in 0..<people {
      let rate = problem.learnPerWeek[person]
      let give = problem.maxMentees[person] > 0 ? problem.mentorPerWeek[person] : 0
      guard rate > 0 || give > 0 else { continue }
      for week in 1...max(1, weeks) where week <= weeks && problem.isPresent(person, week: week) {
        learn[person * weeks + week - 1] = rate
        mentor[person * weeks + week - 1] = give
      }
    }
    learnLeft = learn
    mentorLeft = mentor
    mentees = Array(repeating: [], count: people)
    trainedMentors = Array(repeating: [], count: problem.skillCount)
    qualifications = Array(repeating: [], count: people)
    var depth = [Int32](repeating: 0, count: problem.roleCount * weeks)
    var score = 0.0
    var end = 0.0
    for role in 0..<problem.roleCount {
      let row = role * weeks
      for person in problem.qualifiedToday[role] {
        let last = problem.lastCountedWeek[person]
        for week in stride(from: 0, to: last, by: 1) { depth[row + week] += 1 }
      }
      let target = problem.target[role]
      for week in 0..<weeks {
        score += problem.weight[role] * Double(min(Int(depth[row + week]), target))
      }
      if weeks > 0 {
        end += problem.weight[role] * Double(min(Int(depth[row + weeks - 1]), target))
      } else {
        end += problem.weight[role] * Double(min(problem.depthToday[role], target))
      }
    }
    self.depth = depth
    objective = WeeklyObjective(
      coverageWeeks: score, coverageEnd: end, hours: 0, interest: 0, cross: 0)
  }

  /// How many trainings have made a new mentor so far.
  private(set) var trainedMentorCount = 0

  /// `d_w(r)` for 1-based `week`.
  func depth(_ role: Int, week: Int) -> Int { Int(depth[role * weeks + week - 1]) }

  /// The level `person` holds in `skill` once the plan's pairs are done, and the week from which
  /// they hold it (0 for today's level).
  func plannedLevel(_ person: Int, _ skill: Int) -> (level: Int, week: Int) {
    let today = problem.level(person, skill)
    if let index = pairOf[person * problem.skillCount + skill] {
      let pair = pairs[index]
      if pair.to > today { return (pair.to, pair.endWeek) }
    }
    return (today, 0)
  }

  /// The week from which `person` holds `level` in `skill`; `nil` when nothing reaches it.
  ///
  /// 0 when they hold it today, else the end week of the pair that teaches it (`made`, about to
  /// be added, or one in the plan). A level held today never waits for a pair that raises it
  /// further.
  func readyWeek(_ person: Int, _ skill: Int, level: Int, made: WeeklyPair? = nil) -> Int? {
    if problem.level(person, skill) >= level { return 0 }
    if let made, made.to >= level { return made.endWeek }
    if let index = pairOf[person * problem.skillCount + skill], pairs[index].to >= level {
      return pairs[index].endWeek
    }
    return nil
  }

  /// Whether `mentor` may take `mentee` on: already theirs, or a slot left.
  func hasSlot(_ mentor: Int, for mentee: Int, extra: [Int] = []) -> Bool {
    let list = mentees[mentor]
    if list.contains(mentee) || extra.contains(mentee) { return true }
    return list.count + extra.count < problem.maxMentees[mentor]
  }

  // MARK: Evaluating a bundle

  /// Lays out the pairs that would make `mentee` qualified for `role`, as early as the weekly
  /// hours left allow, and values the roles they would gain (spill-over included).
  func evaluate(mentee: Int, role: Int) -> Result<Insertion, InsertionFailureBox> {
    let problem = self.problem
    if problem.qualifiedToday[role].binarySearchContains(mentee)
      || qualifications[mentee].contains(where: { $0.role == role })
    {
      return .failure(InsertionFailureBox(.notNeeded))
    }
    var wanted: [(skill: Int, level: Int, hours: Double)] = []
    for requirement in problem.requirements[role] {
      let held = plannedLevel(mentee, requirement.skill)
      if held.level >= requirement.level { continue }
      if pairOf[mentee * problem.skillCount + requirement.skill] != nil {
        return .failure(InsertionFailureBox(.conflicting, skill: requirement.skill))
      }
      let hours = problem.menteeHours(mentee, requirement.skill, to: requirement.level)
      wanted.append((requirement.skill, requirement.level, hours))
    }
    if wanted.isEmpty { return .failure(InsertionFailureBox(.notNeeded)) }
    // Longest first: it sets the bundle's end, and shorter pairs fill the weeks around it.
    wanted.sort { $0.hours != $1.hours ? $0.hours > $1.hours : $0.skill < $1.skill }

    var made: [WeeklyPair]
    switch layOut(mentee: mentee, wanted: wanted, only: nil) {
    case .failure(let box): return .failure(box)
    case .success(let pairs): made = pairs
    }
    if let joint = jointLayOut(mentee: mentee, wanted: wanted, separate: made) { made = joint }

    // Roles of the raised skills the mentee now meets, with the week they count from.
    var candidates: [Int] = []
    for pair in made { candidates.append(contentsOf: problem.rolesOfSkill[pair.skill]) }
    candidates.sort()
    var gained: [Qualification] = []
    var gain = 0.0
    var endGain = 0.0
    var previous = -1
    for other in candidates where other != previous {
      previous = other
      if problem.qualifiedToday[other].binarySearchContains(mentee)
        || qualifications[mentee].contains(where: { $0.role == other })
      {
        continue
      }
      var week = 0
      var meets = true
      for requirement in problem.requirements[other] {
        guard
          let ready = readyWeek(
            mentee, requirement.skill, level: requirement.level,
            made: made.first(where: { $0.skill == requirement.skill }))
        else {
          meets = false
          break
        }
        week = max(week, ready)
      }
      guard meets else { continue }
      gained.append(Qualification(role: other, week: max(1, week)))
      let target = problem.target[other]
      let base = other * weeks
      var counted = 0
      for column in (max(1, week) - 1)..<weeks where Int(depth[base + column]) < target {
        counted += 1
      }
      gain += problem.weight[other] * Double(counted)
      if weeks > 0, Int(depth[base + weeks - 1]) < target { endGain += problem.weight[other] }
    }
    let hours = made.reduce(0) { $0 + $1.hours }
    return .success(
      Insertion(
        mentee: mentee, role: role, pairs: made, qualifications: gained, gain: gain,
        endGain: endGain, hours: hours))
  }

  /// Schedules `wanted` for `mentee` one pair after the other, longest first, each with the
  /// mentor that ends it earliest (only `only`, when given), on the hours the earlier ones left.
  ///
  /// - Returns: the pairs, or why one of them found no mentor or no time.
  private func layOut(
    mentee: Int, wanted: [(skill: Int, level: Int, hours: Double)], only: Int?
  ) -> Result<[WeeklyPair], InsertionFailureBox> {
    let row = mentee * weeks
    var learn = Array(learnLeft[row..<(row + weeks)])
    var mentorOverlay: [Int: [Double]] = [:]
    var newLinks: [Int: [Int]] = [:]  // mentor → mentees this insertion adds
    var made: [WeeklyPair] = []
    for want in wanted {
      guard
        let pair = schedulePair(
          mentee: mentee, skill: want.skill, level: want.level, hours: want.hours, learn: learn,
          mentorOverlay: mentorOverlay, newLinks: newLinks, only: only)
      else {
        let alone = earliestEnd(hours: want.hours, learn: learn)
        return .failure(
          InsertionFailureBox(alone == nil ? .learnerTime : .mentorCapacity, skill: want.skill))
      }
      var mentorRow =
        mentorOverlay[pair.mentor]
        ?? Array(mentorLeft[(pair.mentor * weeks)..<(pair.mentor * weeks + weeks)])
      for (week, amount) in zip(pair.weeks, pair.amounts) {
        learn[week - 1] -= amount
        mentorRow[week - 1] -= amount / 4
      }
      mentorOverlay[pair.mentor] = mentorRow
      if !mentees[pair.mentor].contains(mentee) { newLinks[pair.mentor, default: []] = [mentee] }
      made.append(pair)
    }
    return .success(made)
  }

  /// The bundle taught by one mentor, when the earliest-ending mentors would take two or more
  /// new mentee slots and one mentor holding every missing skill ends it at most
  /// ``jointSlackWeeks`` later.
  ///
  /// Where mentors are scarce their slots, not their hours, decide how many learners qualify
  /// (on the `hard` family nearly every mentor's slots are taken): a mentor teaching a learner
  /// both skills they miss leaves a slot for someone else, at the price of a little time.
  /// Only the first 32 mentors of the first skill are tried (most expert first), so the cost
  /// stays bounded where mentors are many.
  ///
  /// - Returns: the pairs with the one mentor ending earliest (first in list order on a tie),
  ///   or `nil` to keep `separate`.
  private func jointLayOut(
    mentee: Int, wanted: [(skill: Int, level: Int, hours: Double)], separate: [WeeklyPair]
  ) -> [WeeklyPair]? {
    guard separate.count >= 2 else { return nil }
    var newMentors: [Int] = []
    for pair in separate where !mentees[pair.mentor].contains(mentee) {
      if !newMentors.contains(pair.mentor) { newMentors.append(pair.mentor) }
    }
    guard newMentors.count >= 2 else { return nil }
    let end = separate.reduce(0) { max($0, $1.endWeek) }
    let first = wanted[0]
    let list = problem.mentors[first.skill]
    let count = min(problem.eligibleMentorCount(first.skill, first.level), 32)
    var joint: (end: Int, pairs: [WeeklyPair])?
    for position in 0..<count {
      let mentor = list[position]
      guard
        wanted.allSatisfy({
          problem.level(mentor, $0.skill) >= problem.mentorLevel(for: $0.level)
        }),
        case .success(let pairs) = layOut(mentee: mentee, wanted: wanted, only: mentor)
      else { continue }
      let jointEnd = pairs.reduce(0) { max($0, $1.endWeek) }
      if jointEnd <= end + Self.jointSlackWeeks, joint.map({ jointEnd < $0.end }) ?? true {
        joint = (jointEnd, pairs)
      }
    }
    return joint?.pairs
  }

  /// How many weeks later a bundle may end so that one mentor teaches all of it.
  ///
  /// Used by ``jointLayOut(mentee:wanted:separate:)``. On the `hard` family at 1,000 and 3,000
  /// people two weeks gave more coverage-weeks than none or four (BENCHMARKS.md).
  static let jointSlackWeeks = 2

  /// The earliest a pair of `hours` could end on the mentee's hours alone, or `nil` past `H`.
  func earliestEnd(hours: Double, learn: [Double], from first: Int = 1) -> Int? {
    var remaining = hours
    var week = first
    while week <= weeks {
      remaining -= learn[week - 1]
      if remaining <= hourEpsilon { return week }
      week += 1
    }
    return nil
  }

  /// The pair teaching `mentee` `skill` up to `level` that ends earliest, over the eligible
  /// mentors: people holding the mentoring level today and, with cascades, people this plan
  /// trained to it, from the week after their training ends.
  ///
  /// Ties go to a mentor already teaching this mentee (no new slot), then to one from another
  /// department, then to the mentor listed first (highest level today, then id order).
  private func schedulePair(
    mentee: Int, skill: Int, level: Int, hours: Double, learn: [Double],
    mentorOverlay: [Int: [Double]], newLinks: [Int: [Int]], only: Int? = nil
  ) -> WeeklyPair? {
    let problem = self.problem
    guard let floor = earliestEnd(hours: hours, learn: learn) else { return nil }
    var best: (end: Int, linked: Bool, cross: Bool, mentor: Int, from: Int, trainedBy: Int?)?
    func consider(_ mentor: Int, from first: Int, trainedBy: Int?) {
      guard mentor != mentee, hasSlot(mentor, for: mentee, extra: newLinks[mentor] ?? []),
        !problem.ruleOuts.contains(mentor: mentor, mentee: mentee, skill: skill)
      else {
        return
      }
      let base = mentor * weeks
      let overlay = mentorOverlay[mentor]
      var remaining = hours
      var week = max(1, first)
      var end = 0
      while week <= weeks {
        if let best, week > best.end { return }
        let give = overlay?[week - 1] ?? mentorLeft[base + week - 1]
        let amount = min(remaining, learn[week - 1], give * 4)
        if amount > hourEpsilon { remaining -= amount }
        if remaining <= hourEpsilon {
          end = week
          break
        }
        week += 1
      }
      guard end > 0 else { return }
      let linked = mentees[mentor].contains(mentee) || newLinks[mentor]?.contains(mentee) == true
      let cross = problem.department[mentor] != problem.department[mentee]
      if let current = best {
        if end != current.end {
          if end > current.end { return }
        } else if linked != current.linked {
          if !linked { return }
        } else if cross != current.cross {
          if !cross { return }
        } else {
          return
        }
      }
      best = (end, linked, cross, mentor, first, trainedBy)
    }
    let list = problem.mentors[skill]
    let count = problem.eligibleMentorCount(skill, level)
    // Past the earliest possible end, a better tie-break is worth only a short look further.
    var lookedPastFloor = 0
    if let only { consider(only, from: 1, trainedBy: nil) }
    for position in 0..<count where only == nil {
      consider(list[position], from: 1, trainedBy: nil)
      guard let best, best.end == floor else { continue }
      lookedPastFloor += 1
      if best.linked || best.cross || lookedPastFloor > 16 { break }
    }
    if problem.options.cascades, only == nil {
      let needed = problem.mentorLevel(for: level)
      for entry in trainedMentors[skill] where entry.level >= needed {
        if let best, best.end <= entry.from { continue }
        consider(entry.person, from: entry.from, trainedBy: entry.pair)
      }
    }
    guard let best else { return nil }
    // The schedule itself: the same fill, recorded.
    let base = best.mentor * weeks
    let overlay = mentorOverlay[best.mentor]
    var remaining = hours
    var weeksUsed: [Int] = []
    var amounts: [Double] = []
    var week = max(1, best.from)
    while week <= best.end {
      let give = overlay?[week - 1] ?? mentorLeft[base + week - 1]
      var amount = min(remaining, learn[week - 1], give * 4)
      if week == best.end { amount = remaining }
      if amount > hourEpsilon {
        weeksUsed.append(week)
        amounts.append(amount)
        remaining -= amount
      }
      week += 1
    }
    return WeeklyPair(
      mentee: mentee, mentor: best.mentor, skill: skill, from: problem.level(mentee, skill),
      to: level, hours: hours, weeks: weeksUsed, amounts: amounts, trainedBy: best.trainedBy)
  }

  // MARK: Committing

  /// Books `pair`'s hours, its mentee slot and, with cascades, the new mentor it makes.
  private mutating func add(_ pair: WeeklyPair) {
    let problem = self.problem
    let mentee = pair.mentee
    let index = pairs.count
    for (week, amount) in zip(pair.weeks, pair.amounts) {
      learnLeft[mentee * weeks + week - 1] = max(0, learnLeft[mentee * weeks + week - 1] - amount)
      mentorLeft[pair.mentor * weeks + week - 1] = max(
        0, mentorLeft[pair.mentor * weeks + week - 1] - amount / 4)
    }
    if !mentees[pair.mentor].contains(mentee) { mentees[pair.mentor].append(mentee) }
    pairOf[mentee * problem.skillCount + pair.skill] = index
    pairs.append(pair)
    if problem.options.cascades, pair.to >= problem.options.mentorMinLevel,
      problem.mentorPerWeek[mentee] > 0, problem.maxMentees[mentee] > 0,
      pair.endWeek < weeks
    {
      trainedMentors[pair.skill].append((mentee, pair.to, pair.endWeek + 1, index))
      trainedMentorCount += 1
    }
    objective.hours += pair.hours
    if problem.isInterested(mentee, pair.skill) { objective.interest += 1 }
    if problem.department[pair.mentor] != problem.department[mentee] { objective.cross += 1 }
  }

  /// Schedules a pair that an earlier plan keeps (agreed, or active with the hours it has left)
  /// with its own mentor, as early as both people's weekly hours allow.
  ///
  /// Kept pairs are booked before the search starts and never taken out: it plans around them.
  /// Call ``creditKeptPairs()`` once all are booked.
  /// - Returns: `nil` when booked; otherwise why not.
  mutating func keep(
    mentee: Int, mentor: Int, skill: Int, to level: Int, hours: Double, status: PairStatus,
    hoursDone: Double
  ) -> KeepFailure? {
    guard hasSlot(mentor, for: mentee) else {
      return .noMenteeSlot(taken: mentees[mentor].count)
    }
    var remaining = hours
    var used: [Int] = []
    var amounts: [Double] = []
    var week = 1
    while week <= weeks, remaining > hourEpsilon {
      let amount = min(
        remaining, learnLeft[mentee * weeks + week - 1], mentorLeft[mentor * weeks + week - 1] * 4)
      if amount > hourEpsilon {
        used.append(week)
        amounts.append(amount)
        remaining -= amount
      }
      week += 1
    }
    if remaining > hourEpsilon { return .doesNotFit(fits: hours - remaining) }
    if let last = amounts.indices.last { amounts[last] += remaining }
    add(
      WeeklyPair(
        mentee: mentee, mentor: mentor, skill: skill, from: problem.level(mentee, skill),
        to: level, hours: hours, weeks: used, amounts: amounts, trainedBy: nil, status: status,
        hoursDone: hoursDone))
    return nil
  }

  /// Counts the roles that the kept pairs alone make their mentees qualify for, from the week
  /// the last pair they need ends.
  mutating func creditKeptPairs() {
    let problem = self.problem
    var byMentee: [Int: [Int]] = [:]
    for pair in pairs { byMentee[pair.mentee, default: []].append(pair.skill) }
    for mentee in byMentee.keys.sorted() {
      var roles: [Int] = []
      problem.appendNewlyQualified(
        mentee, raising: byMentee[mentee] ?? [], level: { plannedLevel(mentee, $0).level },
        to: &roles)
      for role in roles where !qualifications[mentee].contains(where: { $0.role == role }) {
        let week = problem.requirements[role].reduce(1) {
          max($0, readyWeek(mentee, $1.skill, level: $1.level) ?? weeks)
        }
        let base = role * weeks
        let target = problem.target[role]
        for column in (week - 1)..<weeks {
          if Int(depth[base + column]) < target { objective.coverageWeeks += problem.weight[role] }
          depth[base + column] += 1
        }
        if weeks > 0, Int(depth[base + weeks - 1]) <= target {
          objective.coverageEnd += problem.weight[role]
        }
        qualifications[mentee].append(Qualification(role: role, week: week))
      }
    }
  }

  /// Adds `insertion`, computed on this very state by ``evaluate(mentee:role:)``.
  mutating func commit(_ insertion: Insertion) {
    let mentee = insertion.mentee
    for pair in insertion.pairs { add(pair) }
    for gained in insertion.qualifications {
      let base = gained.role * weeks
      for column in (gained.week - 1)..<weeks { depth[base + column] += 1 }
      qualifications[mentee].append(gained)
    }
    objective.coverageWeeks += insertion.gain
    objective.coverageEnd += insertion.endGain
    accepted.append((mentee, insertion.role))
  }
}

/// Why a pair an earlier plan keeps cannot be booked.
enum KeepFailure: Sendable, Equatable {
  /// The mentor's mentee slots are taken by other kept pairs.
  case noMenteeSlot(taken: Int)
  /// The two people's weekly hours left within the horizon hold only `fits` of its hours.
  case doesNotFit(fits: Double)
}

/// An ``InsertionFailure`` as an `Error`, for `Result`.
struct InsertionFailureBox: Error {
  var failure: InsertionFailure
  /// The skill whose pair failed (`conflicting`, `learnerTime`, `mentorCapacity`), else -1.
  var skill: Int
  init(_ failure: InsertionFailure, skill: Int = -1) {
    self.failure = failure
    self.skill = skill
  }
}

// MARK: What-if

extension WeeklyState {
  /// What ``loosen(mentor:extraHours:freeSlot:)`` changed, to put it back.
  struct Loosening {
    var mentor: Int
    var mentorRow: [Double]
    var mentees: [Int]
  }

  /// Gives `mentor` `extraHours` more mentoring hours in every week they are present and, with
  /// `freeSlot`, one more mentee slot (their last mentee is forgotten, which only frees the
  /// slot): to ask, on a working copy, what change would let a bundle in.
  ///
  /// - Complexity: O(H).
  mutating func loosen(mentor: Int, extraHours: Double, freeSlot: Bool) -> Loosening {
    let row = mentor * weeks
    let undo = Loosening(
      mentor: mentor, mentorRow: Array(mentorLeft[row..<(row + weeks)]), mentees: mentees[mentor])
    if extraHours > 0 {
      for week in 1...max(1, weeks) where week <= weeks && problem.isPresent(mentor, week: week) {
        mentorLeft[row + week - 1] += extraHours
      }
    }
    if freeSlot, !mentees[mentor].isEmpty { mentees[mentor].removeLast() }
    return undo
  }

  /// Gives `learner` `extraHours` more learning hours in every week they are present, returning
  /// their row of hours left as it was: to ask, on a working copy, whether the mentors would
  /// bind once the learner had the time.
  ///
  /// - Complexity: O(H).
  mutating func loosen(learner: Int, extraHours: Double) -> [Double] {
    let row = learner * weeks
    let saved = Array(learnLeft[row..<(row + weeks)])
    for week in 1...max(1, weeks) where week <= weeks && problem.isPresent(learner, week: week) {
      learnLeft[row + week - 1] += extraHours
    }
    return saved
  }

  /// Puts back the row ``loosen(learner:extraHours:)`` returned.
  mutating func restore(learner: Int, row saved: [Double]) {
    let row = learner * weeks
    learnLeft.replaceSubrange(row..<(row + weeks), with: saved)
  }

  /// Puts back what ``loosen(mentor:extraHours:freeSlot:)`` changed.
  mutating func restore(_ undo: Loosening) {
    let row = undo.mentor * weeks
    mentorLeft.replaceSubrange(row..<(row + weeks), with: undo.mentorRow)
    mentees[undo.mentor] = undo.mentees
  }
}
