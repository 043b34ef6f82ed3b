import SkillsGraph

/// An earlier plan given back as input, read into this run (docs/model.md, "Progress,
/// agreements and re-planning"): active pairs that are over become done or dropped, kept pairs
/// are booked before the search, and every contradiction is an issue at the line to edit.
struct RecordedProgress {
  var issues: [PlanInputIssue] = []
  /// Active pairs this run found finished (hours all spent, or the level already held).
  var finishedNow: [RecordedPair] = []
  /// Active pairs this run calls off because their mentor or mentee has left or leaves.
  var droppedNow: [RecordedPair] = []
  /// Leaving dates by person, for messages about pairs whose people left (built when needed).
  private var leavers: [PersonID: Day]?

  /// Settles the active pairs of `organization`'s plan section before the problem is built:
  /// one whose hours are all spent is done (its mentee holds the level from now on), one whose
  /// mentor or mentee has left, or whose mentee leaves within the horizon, is dropped.
  ///
  /// - Returns: the organization to plan, and what was settled.
  static func settle(
    _ organization: Organization, options: PlanOptions
  ) -> (organization: Organization, progress: RecordedProgress) {
    var progress = RecordedProgress()
    guard var plan = organization.plan else { return (organization, progress) }
    var organization = organization
    var position: [PersonID: Int] = [:]
    for (index, person) in organization.people.enumerated() where position[person.id] == nil {
      position[person.id] = index
    }
    // Done pairs count as held levels. The importer has applied them already (with its
    // warnings); a program that builds the plan section itself gets the same rule here.
    for index in plan.pairs.indices where plan.pairs[index].status == .done {
      let pair = plan.pairs[index]
      guard let person = position[pair.mentee] else { continue }
      let held = organization.people[person].level(pair.skill)
      guard held < pair.toLevel else { continue }
      if plan.pairs[index].heldBefore == nil { plan.pairs[index].heldBefore = held }
      organization.people[person].levels[pair.skill] = pair.toLevel
    }
    organization.plan = plan
    guard plan.pairs.contains(where: { $0.status == .active }) else {
      return (organization, progress)
    }
    let problem = Problem(organization, options: options)
    for index in plan.pairs.indices where plan.pairs[index].status == .active {
      let pair = plan.pairs[index]
      if let gone = progress.departed(pair, problem: problem, organization: organization) {
        progress.warn(
          "active pair \(pair.label): \(gone); it is treated as dropped and never proposed again",
          pair)
        plan.pairs[index].status = .dropped
        progress.droppedNow.append(pair)
        continue
      }
      guard let mentee = problem.personIndex[pair.mentee],
        let skill = problem.skillIndex[pair.skill]
      else { continue }
      let full = problem.fullMenteeHours(mentee, skill, to: pair.toLevel)
      let held = problem.level(mentee, skill)
      if full <= hourEpsilon {
        progress.warn(
          "active pair \(pair.label): \(pair.mentee) already holds level \(held); it is treated "
            + "as done", pair)
      } else if pair.hoursDone >= full - hourEpsilon {
        progress.warn(
          "active pair \(pair.label): \(formatHours(pair.hoursDone)) h done of the "
            + "\(formatHours(full)) h it needs; it is treated as done", pair)
      } else {
        continue
      }
      plan.pairs[index].status = .done
      plan.pairs[index].heldBefore = held
      var finished = pair
      finished.heldBefore = held
      progress.finishedNow.append(finished)
      if full > hourEpsilon, let person = position[pair.mentee] {
        organization.people[person].levels[pair.skill] = pair.toLevel
      }
    }
    organization.plan = plan
    return (organization, progress)
  }

  /// Books the kept pairs (active first, then agreed, each in file order) into `state`, and
  /// reports every one that cannot be kept.
  ///
  /// - Parameters:
  ///   - state: the plan without pairs, to book the kept pairs into.
  ///   - organization: the organization as given, leavers included, to say who left.
  mutating func book(into state: inout WeeklyState, organization: Organization) {
    let problem = state.problem
    guard let plan = problem.organization.plan else { return }
    let kept =
      plan.pairs.filter { $0.status == .active } + plan.pairs.filter { $0.status == .agreed }
    for pair in kept {
      let kind = pair.status.rawValue
      if let gone = departed(pair, problem: problem, organization: organization) {
        fail("\(kind) pair \(pair.label): \(gone); drop the pair", pair)
        continue
      }
      guard let mentee = problem.personIndex[pair.mentee],
        let mentor = problem.personIndex[pair.mentor],
        let skill = problem.skillIndex[pair.skill]
      else { continue }
      let held = problem.level(mentee, skill)
      if held >= pair.toLevel {
        fail(
          "\(kind) pair \(pair.label): \(pair.mentee) already holds level \(held); mark it done "
            + "or drop it", pair)
        continue
      }
      if !problem.canLearn[mentee] {
        fail("\(kind) pair \(pair.label): \(pair.mentee) does not learn (canLearn=\"false\")", pair)
        continue
      }
      if !problem.canMentor[mentor] || problem.mentorPerWeek[mentor] <= 0
        || problem.maxMentees[mentor] <= 0
      {
        fail(
          "\(kind) pair \(pair.label): \(pair.mentor) does not mentor (canMentor=\"false\", "
            + "no mentoring hours or maxMentees 0)", pair)
        continue
      }
      let needed = problem.mentorLevel(for: pair.toLevel)
      let mentorHolds = problem.level(mentor, skill)
      if mentorHolds < needed {
        fail(
          "\(kind) pair \(pair.label): \(pair.mentor) holds level \(mentorHolds) of "
            + "'\(pair.skill)', and a mentor needs \(needed)", pair)
        continue
      }
      let hours =
        pair.status == .active
        ? problem.menteeHours(mentee, skill, to: pair.toLevel)
        : problem.fullMenteeHours(mentee, skill, to: pair.toLevel)
      let failure = state.keep(
        mentee: mentee, mentor: mentor, skill: skill, to: pair.toLevel, hours: hours,
        status: pair.status, hoursDone: pair.status == .active ? pair.hoursDone : 0)
      switch failure {
      case nil:
        continue
      case .noMenteeSlot(let taken):
        fail(
          "\(kind) pair \(pair.label): \(pair.mentor) takes at most "
            + "\(problem.maxMentees[mentor]) mentee(s), and the kept pairs above already give "
            + "them \(taken)", pair)
      case .doesNotFit(let fits):
        fail(
          "\(kind) pair \(pair.label): it needs \(formatHours(hours)) mentee hours, and the "
            + "weeks both people are at work hold only \(formatHours(fits)) h within the "
            + "\(problem.weeks)-week horizon after the pairs above; lengthen the horizon "
            + "(--weeks), give them more hours a week, or drop the pair", pair)
      }
    }
    state.creditKeptPairs()
  }

  /// What became of the earlier plan, once this run's `pairs` are known.
  func changes(
    pairs: [PlannedPair], problem: Problem, organization: Organization
  ) -> PlanChanges? {
    guard let plan = organization.plan else { return nil }
    let newKeys = Set(pairs.map { PairKey(mentor: $0.mentor, mentee: $0.mentee, skill: $0.skill) })
    let earlierProposed = plan.pairs.filter { $0.status == .proposed }
    let earlierKeys = Set(
      earlierProposed.map { PairKey(mentor: $0.mentor, mentee: $0.mentee, skill: $0.skill) })
    func keys(_ status: PairStatus) -> [PairKey] {
      pairs.filter { $0.status == status }.map {
        PairKey(mentor: $0.mentor, mentee: $0.mentee, skill: $0.skill)
      }
    }
    let proposed = keys(.proposed)
    // Done pairs as the file had them, and active ones this run found finished.
    let done = plan.pairs.filter { $0.status == .done }
    // Coverage today without the done pairs' levels, then with them.
    var then = organization
    var position: [PersonID: Int] = [:]
    for (index, person) in then.people.enumerated() where position[person.id] == nil {
      position[person.id] = index
    }
    for pair in done.reversed() {
      guard let before = pair.heldBefore, let index = position[pair.mentee] else { continue }
      then.people[index].levels[pair.skill] = before
    }
    let start = problem.options.horizon.calendar?.start
    func score(_ organization: Organization) -> Double {
      let present = start.map { organization.excludingDeparted(before: $0) } ?? organization
      return CoverageAnalysis(present).coverageScore
    }
    let withdrawn = earlierProposed.filter {
      !newKeys.contains(PairKey(mentor: $0.mentor, mentee: $0.mentee, skill: $0.skill))
    }
    var learningNow: [PairKey: PersonID] = [:]
    for pair in pairs {
      let key = PairKey(mentor: "", mentee: pair.mentee, skill: pair.skill)
      if learningNow[key] == nil { learningNow[key] = pair.mentor }
    }
    var leaves: [PersonID: Day] = [:]
    if !withdrawn.isEmpty {
      for person in organization.people {
        if let day = person.leaves, leaves[person.id] == nil { leaves[person.id] = day }
      }
    }
    return PlanChanges(
      earlierStart: plan.start, earlierWeeks: plan.weeks, finished: done,
      running: keys(.active), agreed: keys(.agreed),
      added: proposed.filter { !earlierKeys.contains($0) },
      proposedAgain: proposed.filter { earlierKeys.contains($0) },
      withdrawn: withdrawn,
      withdrawnReasons: withdrawn.map {
        Self.withdrawalReason(
          $0, problem: problem, leaves: leaves,
          otherMentor: learningNow[PairKey(mentor: "", mentee: $0.mentee, skill: $0.skill)])
      },
      dropped: plan.pairs.filter { $0.status == .dropped }, forbids: plan.forbids,
      coverageThen: score(then), coverageNow: score(organization))
  }

  /// Why the earlier plan's proposed `pair` is not proposed again, the first that applies of:
  /// someone gone, the mentee leaving within the horizon, the skill already held, a forbid, the
  /// mentor no longer available or below the level, the mentee no longer available (causes
  /// before consequences), the mentee now taught by another mentor; otherwise the search
  /// preferred other pairs.
  static func withdrawalReason(
    _ pair: RecordedPair, problem: Problem, leaves: [PersonID: Day], otherMentor: PersonID?
  ) -> WithdrawalReason {
    for (id, isMentor) in [(pair.mentor, true), (pair.mentee, false)]
    where problem.personIndex[id] == nil {
      if let day = leaves[id] { return .left(person: id, isMentor: isMentor, day: day) }
      return .notInRun(person: id, isMentor: isMentor)
    }
    guard let mentor = problem.personIndex[pair.mentor],
      let mentee = problem.personIndex[pair.mentee]
    else { return .notChosen }
    if problem.lastCountedWeek[mentee] < problem.weeks,
      let day = problem.organization.people[problem.personSource[mentee]].leaves
    {
      return .menteeLeaves(day: day)
    }
    guard let skill = problem.skillIndex[pair.skill] else { return .notChosen }
    let held = problem.level(mentee, skill)
    if held >= pair.toLevel { return .alreadyHeld(level: held) }
    if problem.ruleOuts.contains(mentor: mentor, mentee: mentee, skill: skill) { return .forbidden }
    if !problem.canMentor[mentor] || problem.mentorBudget[mentor] <= 0 { return .mentorUnavailable }
    let needed = problem.mentorLevel(for: pair.toLevel)
    let level = problem.level(mentor, skill)
    if level < needed { return .mentorBelowLevel(level: level, needed: needed) }
    if !problem.canLearn[mentee] || problem.learnBudget[mentee] <= 0 { return .menteeUnavailable }
    if let otherMentor, otherMentor != pair.mentor { return .otherMentor(otherMentor) }
    return .notChosen
  }

  /// Why `pair` cannot run: someone in it has left before the horizon, is left out of this run,
  /// or (the mentee) leaves within it; `nil` when both can take part.
  private mutating func departed(
    _ pair: RecordedPair, problem: Problem, organization: Organization
  ) -> String? {
    for (id, part) in [(pair.mentor, "mentor"), (pair.mentee, "mentee")] {
      guard problem.personIndex[id] == nil else { continue }
      if leavers == nil {
        // Built once: a plan file may hold thousands of pairs whose people have left.
        var dates: [PersonID: Day] = [:]
        for person in organization.people {
          if let leaves = person.leaves, dates[person.id] == nil { dates[person.id] = leaves }
        }
        leavers = dates
      }
      if let leaves = leavers?[id] {
        return "the \(part) \(id) left on \(leaves)"
      }
      return "the \(part) \(id) is not in this run"
    }
    if let mentee = problem.personIndex[pair.mentee],
      problem.lastCountedWeek[mentee] < problem.weeks,
      let leaves = problem.organization.people[problem.personSource[mentee]].leaves
    {
      return "the mentee \(pair.mentee) leaves on \(leaves), within the horizon, and nobody who "
        + "leaves is trained as a backup"
    }
    return nil
  }

  private mutating func warn(_ message: String, _ pair: RecordedPair) {
    issues.append(PlanInputIssue(.warning, message, at: pair.place))
  }

  private mutating func fail(_ message: String, _ pair: RecordedPair) {
    issues.append(PlanInputIssue(.error, message, at: pair.place))
  }
}

/// Hours as the messages print them: whole numbers bare, others to one decimal.
func formatHours(_ hours: Double) -> String {
  let rounded = (hours * 10).rounded() / 10
  if rounded == rounded.rounded(), abs(rounded) < 1e12 { return String(Int(rounded)) }
  return String(rounded)
}
