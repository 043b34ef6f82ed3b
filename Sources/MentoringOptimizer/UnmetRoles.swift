import SkillsGraph

/// Explains each role still below target in the horizon's last week: the nearest person who
/// could still learn it, the limit that stops them and what would lift it, from the plan's final
/// state (the hours and slots it leaves).
///
/// - Complexity: only roles below target are explained; each costs the holders of its skills
///   (``NearestCandidates``), one bundle evaluation, and, when mentors bind, a few what-if
///   evaluations on at most ``mentorsTried`` mentors.
func unmetRoles(_ state: WeeklyState, problem: Problem) -> [UnmetRole] {
  let weeks = problem.weeks
  var below: [Int] = []
  for role in 0..<problem.roleCount {
    let depth = weeks > 0 ? state.depth(role, week: weeks) : problem.depthToday[role]
    if depth < problem.target[role] { below.append(role) }
  }
  guard !below.isEmpty else { return [] }
  var explainer = UnmetExplainer(state: state)
  return below.map { role in
    let depth = weeks > 0 ? state.depth(role, week: weeks) : problem.depthToday[role]
    return UnmetRole(
      role: problem.roleIDs[role], gap: problem.target[role] - depth,
      reason: explainer.reason(role: role))
  }
}

/// The most mentors of one skill tried in what-if evaluations, and named in a reason.
let mentorsTried = 8
let mentorsNamed = 3

/// Works out the reason for one role at a time over the same final plan state.
struct UnmetExplainer {
  private var nearest: NearestCandidates
  /// A copy of the final state that what-if questions change and put back.
  private var scratch: WeeklyState
  private var problem: Problem { scratch.problem }

  init(state: WeeklyState) {
    nearest = NearestCandidates(state: state)
    scratch = state
  }

  /// The reason `role` stays below target: the nearest learner's binding limit, checked as
  /// ``UnmetLimit`` lists them, or why nobody can learn.
  mutating func reason(role: Int) -> UnmetReason {
    let found = nearest.nearest(role: role)
    guard let learner = found.learner else {
      let nearestAway = found.unavailable.map {
        UnavailableCandidate(
          person: problem.personIDs[$0.person], menteeHours: $0.hours,
          why: unavailability($0.person))
      }
      return UnmetReason(candidate: nil, menteeHours: 0, limit: .noLearner(nearest: nearestAway))
    }
    return UnmetReason(
      candidate: problem.personIDs[learner.person], menteeHours: learner.hours,
      limit: limit(learner.person, hours: learner.hours, role: role))
  }

  private mutating func limit(_ person: Int, hours: Double, role: Int) -> UnmetLimit {
    let problem = self.problem
    let missing = problem.requirements[role].filter {
      scratch.plannedLevel(person, $0.skill).level < $0.level
    }
    for requirement in missing where !problem.hasMentorAtLevel(for: person, requirement) {
      return .noMentor(
        skill: problem.skillIDs[requirement.skill],
        level: problem.mentorLevel(for: requirement.level)
      )
    }
    if hours > problem.learnBudget[person] + hourEpsilon {
      var time = learningTime(person, hours: hours)
      time.mentorsNext = mentorsNext(person, role: role, hoursPerWeek: time.hoursPerWeekThatWouldDo)
      return .horizon(time)
    }
    if hours > hoursLeft(person) + hourEpsilon { return .learnerBusy(busy(person)) }
    switch scratch.evaluate(mentee: person, role: role) {
    case .success: return .searchStopped
    case .failure(let box):
      switch box.failure {
      case .conflicting: return .pairTaken(skill: problem.skillIDs[box.skill])
      case .learnerTime: return .learnerBusy(busy(person))
      case .mentorCapacity:
        let level = missing.first { $0.skill == box.skill }?.level ?? 0
        return .mentors(shortage(person, role: role, skill: box.skill, level: level))
      case .notNeeded: return .searchStopped
      }
    }
  }

  /// Whether, with `hoursPerWeek` learning hours a week, the mentors would stop `person`'s
  /// pairs for `role`: their shortage then (with the change that would lift it), else `nil`.
  private mutating func mentorsNext(_ person: Int, role: Int, hoursPerWeek: Int) -> MentorShortage?
  {
    let extra = Double(hoursPerWeek) - problem.learnPerWeek[person]
    let saved = scratch.loosen(learner: person, extraHours: max(0, extra))
    defer { scratch.restore(learner: person, row: saved) }
    guard case .failure(let box) = scratch.evaluate(mentee: person, role: role),
      box.failure == .mentorCapacity
    else { return nil }
    let level = problem.requirements[role].first { $0.skill == box.skill }?.level ?? 0
    return shortage(person, role: role, skill: box.skill, level: level)
  }

  // MARK: The learner

  private func hoursLeft(_ person: Int) -> Double {
    let row = person * problem.weeks
    return scratch.learnLeft[row..<(row + problem.weeks)].reduce(0, +)
  }

  private func busy(_ person: Int) -> LearnerBusy {
    var skills = scratch.pairs.filter { $0.mentee == person }.map(\.skill)
    skills.sort { problem.skillRank[$0] < problem.skillRank[$1] }
    return LearnerBusy(
      hoursLeft: hoursLeft(person), budget: problem.learnBudget[person],
      learning: skills.map { problem.skillIDs[$0] })
  }

  /// The learner's hours against `hours`, with the shortest horizon and the whole weekly hours
  /// that would hold them.
  func learningTime(_ person: Int, hours: Double) -> LearningTime {
    let rate = problem.learnPerWeek[person]
    let present = problem.presentWeekCount[person]
    return LearningTime(
      hoursPerWeek: rate, weeksPresent: present, horizonWeeks: problem.weeks,
      hoursThatFit: problem.learnBudget[person],
      weeksThatWouldDo: weeksThatWouldDo(person, hours: hours),
      hoursPerWeekThatWouldDo: wholeCeiling(hours / Double(max(1, present))))
  }

  /// The shortest horizon from the same start whose weeks present hold `hours` at the person's
  /// weekly rate, `nil` when they would leave within it first (a leaver is never trained) or
  /// it would take more than ten years.
  private func weeksThatWouldDo(_ person: Int, hours: Double) -> Int? {
    let rate = problem.learnPerWeek[person]
    guard rate > 0 else { return nil }
    guard let calendar = problem.options.horizon.calendar else {
      return wholeCeiling(hours / rate)
    }
    let longest = problem.weeks + 520
    let extended = Horizon(start: calendar.start, weeks: longest, holidays: calendar.holidays)
    let individual = problem.organization.people[problem.personSource[person]]
    var total = 0.0
    for week in 1...longest {
      if let leaves = individual.leaves, leaves < extended.firstDay(ofWeek: week + 1) { return nil }
      let present =
        week <= problem.weeks
        ? problem.isPresent(person, week: week) : individual.isPresent(inWeek: week, of: extended)
      if present { total += rate }
      if total >= hours - hourEpsilon { return week }
    }
    return nil
  }

  private func unavailability(_ person: Int) -> Unavailability {
    let individual = problem.organization.people[problem.personSource[person]]
    if !individual.canLearn { return .optedOut }
    if let calendar = problem.options.horizon.calendar, let leaves = individual.leaves,
      leaves < calendar.end
    {
      return .leaves(leaves)
    }
    if problem.presentWeekCount[person] == 0 { return .away }
    return .noHours
  }

  // MARK: The mentors

  /// The eligible mentors of `skill` for `person` up to `level`, what the plan asks of them,
  /// and the smallest change to one of them that lets the person's pairs for `role` in.
  private mutating func shortage(
    _ person: Int, role: Int, skill: Int, level: Int
  ) -> MentorShortage {
    let problem = self.problem
    var eligible: [(mentor: Int, from: Int)] = []
    let list = problem.mentors[skill]
    for position in 0..<problem.eligibleMentorCount(skill, level) where list[position] != person {
      eligible.append((list[position], 1))
    }
    if problem.options.cascades {
      let needed = problem.mentorLevel(for: level)
      for entry in scratch.trainedMentors[skill]
      where entry.level >= needed && entry.person != person && entry.from <= problem.weeks {
        eligible.append((entry.person, entry.from))
      }
    }
    var best: (cost: Double, change: MentorChange, position: Int)?
    for (position, entry) in eligible.prefix(mentorsTried).enumerated() {
      guard let found = smallestChange(entry.mentor, for: person, role: role) else { continue }
      if best.map({ found.cost < $0.cost }) ?? true { best = (found.cost, found.change, position) }
      if found.cost == 0 { break }
    }
    // The mentor the change is for comes first, so the sentence shows what binds them.
    if let position = best?.position, position >= mentorsNamed {
      eligible.insert(eligible.remove(at: position), at: 0)
    }
    let loads = eligible.prefix(mentorsNamed).map { load($0.mentor, from: $0.from, for: person) }
    return MentorShortage(
      skill: problem.skillIDs[skill], level: problem.mentorLevel(for: level),
      menteeHours: problem.menteeHours(person, skill, to: level), mentorCount: eligible.count,
      mentors: loads, change: best?.change)
  }

  private func load(_ mentor: Int, from: Int, for person: Int) -> MentorLoad {
    let weeks = problem.weeks
    var left = 0.0
    for week in stride(from: max(1, from), through: weeks, by: 1)
    where problem.isPresent(person, week: week) {
      left += scratch.mentorLeft[mentor * weeks + week - 1]
    }
    return MentorLoad(
      person: problem.personIDs[mentor], maxMentees: problem.maxMentees[mentor],
      mentees: scratch.mentees[mentor].sorted().map { problem.personIDs[$0] },
      hoursPerWeek: problem.mentorPerWeek[mentor], hoursLeft: left, fromWeek: from)
  }

  /// The smallest change to `mentor` (a mentee slot first, then the fewest added hours a week,
  /// in whole hours a week) that lets `person`'s pairs for `role` into the plan, if any does.
  private mutating func smallestChange(
    _ mentor: Int, for person: Int, role: Int
  ) -> (cost: Double, change: MentorChange)? {
    let freeSlot = !scratch.hasSlot(mentor, for: person)
    let current = problem.mentorPerWeek[mentor]
    let fits = { (state: WeeklyState) -> Bool in
      if case .success = state.evaluate(mentee: person, role: role) { return true }
      return false
    }
    if freeSlot {
      let undo = scratch.loosen(mentor: mentor, extraHours: 0, freeSlot: true)
      let ok = fits(scratch)
      scratch.restore(undo)
      if ok {
        return (
          0, MentorChange(mentor: problem.personIDs[mentor], extraSlot: true, hoursPerWeek: nil)
        )
      }
    }
    // Past a quarter of the learner's weekly hours, more mentor time cannot speed this pair.
    let steps = wholeCeiling(problem.learnPerWeek[person] / 4) + 1
    for step in 1...max(1, steps) {
      let total = (current + hourEpsilon).rounded(.down) + Double(step)
      let undo = scratch.loosen(mentor: mentor, extraHours: total - current, freeSlot: freeSlot)
      let ok = fits(scratch)
      scratch.restore(undo)
      if ok {
        return (
          total - current,
          MentorChange(
            mentor: problem.personIDs[mentor], extraSlot: freeSlot, hoursPerWeek: total)
        )
      }
    }
    return nil
  }
}

/// `⌈value⌉` as an `Int`, forgiving rounding noise just above a whole number.
func wholeCeiling(_ value: Double) -> Int {
  Int(exactly: (value - hourEpsilon).rounded(.up)) ?? 0
}
