/// A tighter certified bound on coverage-weeks: a Lagrangian relaxation that prices what the
/// simple bound (``coverageWeeksBound(problem:bundles:empty:)``) leaves out, mentors' hours and
/// mentee slots.
///
/// The relaxation, for multipliers `α(r, w) ∈ [0, w(r)]`, `μ(m, j) ≥ 0` and `ν(m) ≥ 0`:
/// - each role-week's `w(r) · min(T, d⁰ + N)` is at most `(w(r) − α) · T + α · (d⁰ + N)`, where
///   `N` counts the candidates counting for `r` by week `w`;
/// - each mentor's hours are kept at checkpoints `w_j`: the pairs they teach that end by `w_j`
///   hold at most a quarter of their mentee hours within the mentor's hours of weeks `1…w_j`
///   (priced by `μ`); a pair ending in week `k` uses its whole hours by every checkpoint from `k`;
/// - each mentor's mentee slots are priced by `ν`, through the links of ``MentorLinks``: a
///   pair pays its link's price `β ≥ 0`, a (learner, mentor) group takes a slot when its links'
///   prices pay for `ν`;
/// - each learner's hours are kept at the same checkpoints: the pairs they learn that end by
///   `w_j` fit in their learning hours of weeks `1…w_j` (priced by `λ(e, j)`).
/// What remains splits by learner (`exactLearnerGain`, in LearnerSubproblem.swift):
/// for each skill missed, a pair to some level ending in some week `k`, paying the mentor's hour
/// price from `k` on, its link's price and the learner's own hour price, or, from the week after
/// someone could first be trained to teach it (cascades), a trained mentor's prices
/// (``CascadeTraining``, which also pays learners whose pairs make them mentors); each
/// candidate role `(e, r)` counts
/// from a week no earlier than `ready(e, r)` and the end of every pair it needs. One pair serves
/// all the roles that need its skill and is paid once. Prices fall as `k` grows and a role counts
/// only once all its pairs end, so every multiplier vector gives a value no plan exceeds (weak
/// duality; the approach of docs/model.md, "The certified bound"). A learner whose shared skills
/// allow too many combinations is priced candidate by candidate, each paying the pair's price
/// over the mentee's roles missing that skill: shares never add up to more than the real price.
///
/// The multipliers move by the volume algorithm from the ones that reproduce the simple bound;
/// every iterate is valid, so the loop stops on its iteration or time budget with the smallest
/// value seen. The trained mentors' rows are priced only once the rest has settled. Links are priced `β = ν(m) / n + δ` (`n` the links of the group), so `δ = 0`
/// splits each slot price evenly among the skills a mentor could teach a mentee, and `δ`
/// moves it to the links a learner actually uses.
struct LagrangianWeeksBound {
  let problem: Problem
  let weeks: Int
  /// Checkpoint weeks, ascending; the last is `H`.
  let checkpoints: [Int]
  /// Week → index of the first checkpoint `≥ week`.
  let checkpointFrom: [Int]
  /// Candidate data, flat.
  let candidateRole: [Int]
  /// Dense learner number of each candidate.
  let candidateLearner: [Int]
  /// Learner × checkpoint → learning hours up to it.
  let learnerCapacity: [Double]
  let candidateReady: [Int]
  /// Requirements each candidate misses: start offsets into the arrays below.
  let missStart: [Int]
  /// Mentor quarter-hours of the pair (its mentee hours / 4) divided by the share.
  let missHours: [Double]
  /// The same share of the mentee hours, charged to the learner.
  let missLearnHours: [Double]
  /// The candidate's share of a pair for this skill: 1 / (the mentee's roles missing it).
  let missRoleShare: [Double]
  /// The first week a mentor trained in the plan could teach this (`Int.max` without cascades).
  let missFreeFrom: [Int]
  /// Start offsets into `mentorList` of the eligible mentors (dense mentor numbers).
  let missMentors: [Int]
  let mentorList: [Int]
  /// Links and groups of the slot rule (``MentorLinks``), parallel to `mentorList`.
  let links: MentorLinks
  /// Dense mentor → person, and capacity by checkpoint (mentor hours up to it), and slots.
  let mentorPerson: [Int]
  let mentorCapacity: [Double]
  let mentorSlots: [Double]
  /// Role × week → depth without a plan.
  let baseDepth: [Int]
  /// Candidates grouped by learner: start offsets by dense learner number into `learnerCandidates`.
  let learnerStart: [Int]
  let learnerCandidates: [Int]
  /// Per missed requirement, for the learner's exact subproblem (``LearnerSubproblem``): the
  /// skill, the level, the whole pair's mentor hours (a quarter of its mentee hours), its mentee
  /// hours.
  let missSkill: [Int]
  let missLevel: [Int]
  let missPairHours: [Double]
  let missPairLearnHours: [Double]
  /// Per missed requirement, the index of its skill among the learner's shared skills (missed
  /// for two or more of their roles), or -1 when only this candidate misses it.
  let missShared: [Int]
  /// Shared skills by learner: start offsets into `sharedLevelStart`; each shared skill's levels
  /// (ascending, one representative missed requirement each) start at `sharedLevelStart[j]` in
  /// `sharedLevelMiss`; `sharedReady[j]` is the earliest ready week of the candidates missing it.
  let learnerSharedStart: [Int]
  let sharedLevelStart: [Int]
  let sharedLevelMiss: [Int]
  let sharedReady: [Int]
  /// The trainings of mentors with cascades, and what they supply (``CascadeTraining``).
  let training: CascadeTraining
  /// Past this many training items the trained mentors' rows are left out.
  static let cascadeItemLimit = 2_000
  /// Past this many (person who may mentor, skill) pairs they are left out without a look.
  static let cascadeScanLimit = 200_000
  /// Whether learners are solved exactly (``exactLearnerGain``) or each candidate on its own with
  /// shares; tests compare the two.
  var exactLearners = true

  init(problem: Problem, bundles: [Bundle], empty: WeeklyState, ready readyWeeks: ReadyWeeks) {
    self.problem = problem
    let weeks = problem.weeks
    self.weeks = weeks
    let step = max(1, (weeks + 12) / 13)
    var checkpoints = Array(stride(from: step, to: weeks, by: step))
    if weeks > 0 { checkpoints.append(weeks) }
    self.checkpoints = checkpoints
    var from = [Int](repeating: checkpoints.count, count: weeks + 2)
    var index = checkpoints.count - 1
    for week in stride(from: weeks, through: 1, by: -1) {
      while index > 0, checkpoints[index - 1] >= week { index -= 1 }
      from[week] = index
    }
    checkpointFrom = from

    // Skills each mentee misses, and how many of their candidate roles miss each.
    var missingCount: [Int: Int] = [:]  // mentee · skillCount + skill → roles missing it
    for bundle in bundles {
      for requirement in bundle.missing {
        let key = bundle.mentee * problem.skillCount + requirement.skill
        missingCount[key, default: 0] += 1
      }
    }
    var mentorNumber: [Int: Int] = [:]
    var mentorPerson: [Int] = []
    var candidateRole: [Int] = []
    var candidateLearner: [Int] = []
    var learnerNumber: [Int: Int] = [:]
    var learnerCapacity: [Double] = []
    var missLearnHours: [Double] = []
    var candidateReady: [Int] = []
    var missStart: [Int] = [0]
    var missHours: [Double] = []
    var missRoleShare: [Double] = []
    var missFreeFrom: [Int] = []
    var missSkill: [Int] = []
    var missLevel: [Int] = []
    var missPairHours: [Double] = []
    var missPairLearnHours: [Double] = []
    var missLearner: [Int] = []
    var missMentors: [Int] = [0]
    var mentorList: [Int] = []
    for (bundle, ready) in zip(bundles, readyWeeks.week) where ready > 0 {
      let row = bundle.mentee * weeks
      let learn = Array(empty.learnLeft[row..<(row + weeks)])
      candidateRole.append(bundle.role)
      candidateReady.append(ready)
      if let known = learnerNumber[bundle.mentee] {
        candidateLearner.append(known)
      } else {
        let number = learnerNumber.count
        learnerNumber[bundle.mentee] = number
        candidateLearner.append(number)
        var total = 0.0
        var next = 0
        for (offset, hours) in learn.enumerated() {
          total += hours
          if next < checkpoints.count, checkpoints[next] == offset + 1 {
            learnerCapacity.append(total)
            next += 1
          }
        }
      }
      for requirement in bundle.missing {
        let share = Double(
          missingCount[bundle.mentee * problem.skillCount + requirement.skill] ?? 1)
        let hours = problem.menteeHours(bundle.mentee, requirement.skill, to: requirement.level)
        missHours.append(hours / 4 / share)
        missLearnHours.append(hours / share)
        missRoleShare.append(1 / share)
        missSkill.append(requirement.skill)
        missLevel.append(requirement.level)
        missPairHours.append(hours / 4)
        missPairLearnHours.append(hours)
        missLearner.append(candidateLearner[candidateLearner.count - 1])
        missFreeFrom.append(
          readyWeeks.cascadeWeek(requirement.skill, problem.mentorLevel(for: requirement.level)))
        let list = problem.mentors[requirement.skill]
        for position in 0..<problem.eligibleMentorCount(requirement.skill, requirement.level)
        where list[position] != bundle.mentee {
          let person = list[position]
          let number: Int
          if let known = mentorNumber[person] {
            number = known
          } else {
            number = mentorPerson.count
            mentorNumber[person] = number
            mentorPerson.append(person)
          }
          mentorList.append(number)
        }
        missMentors.append(mentorList.count)
      }
      missStart.append(missHours.count)
    }
    // With cascades, everyone who may mentor can be trained in a skill some pair may have taught
    // by a trained mentor: one item each, with its own pair to the lowest level that makes them a
    // mentor (after the candidates' misses, so `missStart` still covers only those).
    // Skills some pair may have taught by a trained mentor, in the order misses name them.
    var skillIndex: [Int: Int] = [:]
    var skills: [Int] = []
    for miss in missSkill.indices where missFreeFrom[miss] <= weeks {
      if skillIndex[missSkill[miss]] == nil {
        skillIndex[missSkill[miss]] = skills.count
        skills.append(missSkill[miss])
      }
    }
    // Everyone who may mentor, per such skill: their training to the lowest level they may
    // teach from, when it can end before the last week. The first week any of them could teach
    // (a trainee at a higher level took at least as long) stands for every level's.
    var possible: [(person: Int, skill: Int, level: Int, hours: Double, earliest: Int)] = []
    var firstTaught = [Int](repeating: .max, count: skills.count)
    let trainees = (0..<problem.personCount).filter { person in
      problem.learnPerWeek[person] > 0 && problem.mentorPerWeek[person] > 0
        && problem.maxMentees[person] > 0 && problem.canMentor[person]
    }
    // Looking at every (trainee, skill) is itself the cost: past `cascadeScanLimit` of them
    // the rows are left out without looking.
    let scan = trainees.count.multipliedReportingOverflow(by: skills.count)
    let looked = !scan.overflow && scan.partialValue <= Self.cascadeScanLimit
    for person in trainees where looked && possible.count <= Self.cascadeItemLimit {
      let row = person * weeks
      let learn = Array(empty.learnLeft[row..<(row + weeks)])
      for (index, skill) in skills.enumerated() {
        let today = problem.level(person, skill)
        guard today < problem.maxLevel else { continue }
        let level = problem.mentorLevel(for: today + 1)
        guard level <= problem.maxLevel else { continue }
        let hours = problem.menteeHours(person, skill, to: level)
        guard hours > 0, let earliest = empty.earliestEnd(hours: hours, learn: learn) else {
          continue
        }
        firstTaught[index] = min(firstTaught[index], earliest + 1)
        if earliest < weeks {
          possible.append((person, index, level, hours, earliest))
        }
      }
    }
    // Past `cascadeItemLimit` items the rows are left out (they cost more rounds than the time
    // limit holds, and gained nothing on the larger instances measured): pairs stay free to a
    // trained mentor from the first week one could teach, as in the simple relaxation.
    var cascadeNumber = [Int](repeating: -1, count: skills.count)
    var skillCount = 0
    if looked, possible.count <= Self.cascadeItemLimit {
      for index in skills.indices {
        cascadeNumber[index] = skillCount
        skillCount += 1
      }
    }
    var missCascade = [Int](repeating: -1, count: missSkill.count)
    var hourTotal = [Double](repeating: 0, count: skillCount)
    var hourCount = [Double](repeating: 0, count: skillCount)
    for miss in missSkill.indices where missFreeFrom[miss] <= weeks {
      guard let index = skillIndex[missSkill[miss]], cascadeNumber[index] >= 0 else { continue }
      let number = cascadeNumber[index]
      missCascade[miss] = number
      hourTotal[number] += missPairHours[miss]
      hourCount[number] += 1
    }
    var items: [(learner: Int, miss: Int, skill: Int, earliest: Int, person: Int)] = []
    for entry in possible where cascadeNumber[entry.skill] >= 0 {
      let person = entry.person
      let skill = skills[entry.skill]
      let free = firstTaught[entry.skill]
      let list = problem.mentors[skill]
      let eligible = (0..<problem.eligibleMentorCount(skill, entry.level)).filter {
        list[$0] != person
      }
      guard !eligible.isEmpty || free <= weeks else { continue }
      let learner: Int
      if let known = learnerNumber[person] {
        learner = known
      } else {
        learner = learnerNumber.count
        learnerNumber[person] = learner
        var total = 0.0
        var next = 0
        for week in 1...weeks {
          total += empty.learnLeft[person * weeks + week - 1]
          if next < checkpoints.count, checkpoints[next] == week {
            learnerCapacity.append(total)
            next += 1
          }
        }
      }
      items.append((learner, missSkill.count, cascadeNumber[entry.skill], entry.earliest, person))
      missLearner.append(learner)
      missHours.append(entry.hours / 4)
      missLearnHours.append(entry.hours)
      missRoleShare.append(1)
      missSkill.append(skill)
      missLevel.append(entry.level)
      missPairHours.append(entry.hours / 4)
      missPairLearnHours.append(entry.hours)
      missFreeFrom.append(free)
      missCascade.append(cascadeNumber[entry.skill])
      for position in eligible {
        let mentor = list[position]
        if let known = mentorNumber[mentor] {
          mentorList.append(known)
        } else {
          mentorNumber[mentor] = mentorPerson.count
          mentorList.append(mentorPerson.count)
          mentorPerson.append(mentor)
        }
      }
      missMentors.append(mentorList.count)
    }
    self.candidateRole = candidateRole
    self.candidateLearner = candidateLearner
    self.learnerCapacity = learnerCapacity
    self.missLearnHours = missLearnHours
    self.candidateReady = candidateReady
    self.missStart = missStart
    self.missHours = missHours
    self.missRoleShare = missRoleShare
    self.missFreeFrom = missFreeFrom
    self.missSkill = missSkill
    self.missLevel = missLevel
    self.missPairHours = missPairHours
    self.missPairLearnHours = missPairLearnHours
    var learnerStart = [Int](repeating: 0, count: learnerNumber.count + 1)
    for learner in candidateLearner { learnerStart[learner + 1] += 1 }
    for learner in 0..<learnerNumber.count { learnerStart[learner + 1] += learnerStart[learner] }
    var fill = learnerStart
    var learnerCandidates = [Int](repeating: 0, count: candidateLearner.count)
    for (candidate, learner) in candidateLearner.enumerated() {
      learnerCandidates[fill[learner]] = candidate
      fill[learner] += 1
    }
    self.learnerStart = learnerStart
    self.learnerCandidates = learnerCandidates
    // Items grouped by learner, in person and skill order within each.
    items.sort { ($0.learner, $0.miss) < ($1.learner, $1.miss) }
    var itemStart = [Int](repeating: 0, count: learnerNumber.count + 1)
    for item in items { itemStart[item.learner + 1] += 1 }
    for learner in 0..<learnerNumber.count { itemStart[learner + 1] += itemStart[learner] }
    var learned = [Double](repeating: 0, count: learnerNumber.count * (weeks + 1))
    for (person, learner) in learnerNumber {
      for week in 1...weeks {
        learned[learner * (weeks + 1) + week] =
          learned[learner * (weeks + 1) + week - 1] + empty.learnLeft[person * weeks + week - 1]
      }
    }
    var cumulative: [Double] = []
    var cumulativeRow = [Int](repeating: -1, count: learnerNumber.count)
    var traineeSlots: [Double] = []
    for item in items where cumulativeRow[item.learner] < 0 {
      cumulativeRow[item.learner] = cumulative.count / (weeks + 1)
      traineeSlots.append(Double(problem.maxMentees[item.person]))
      var total = 0.0
      cumulative.append(0)
      for week in 1...weeks {
        total += empty.mentorLeft[item.person * weeks + week - 1]
        cumulative.append(total)
      }
    }
    links = MentorLinks(
      learnerStart: learnerStart, learnerCandidates: learnerCandidates, missStart: missStart,
      missSkill: missSkill, missMentors: missMentors, mentorList: mentorList,
      itemStart: itemStart, itemMiss: items.map(\.miss))
    let shared = SharedSkills(
      learnerStart: learnerStart, learnerCandidates: learnerCandidates, missStart: missStart,
      missSkill: missSkill, missLevel: missLevel, candidateReady: candidateReady,
      itemStart: itemStart, itemMiss: items.map(\.miss))
    training = CascadeTraining(
      skillCount: skillCount, missCascade: missCascade,
      hourScale: zip(hourTotal, hourCount).map { max(1, $0 / max(1, $1)) },
      itemStart: itemStart, itemLearner: items.map(\.learner), itemMiss: items.map(\.miss),
      itemSkill: items.map(\.skill), itemEarliest: items.map(\.earliest),
      itemSlots: items.map { Double(problem.maxMentees[$0.person]) },
      cumulativeRow: cumulativeRow, cumulative: cumulative, traineeSlots: traineeSlots,
      missLearner: missLearner, learned: learned,
      itemShared: shared.itemShared,
      itemSolo: shared.itemSolo, missSolo: shared.missSolo, sharedItem: shared.sharedItem)
    missShared = shared.missShared
    learnerSharedStart = shared.learnerStart
    sharedLevelStart = shared.levelStart
    sharedLevelMiss = shared.levelMiss
    sharedReady = shared.ready
    self.missMentors = missMentors
    self.mentorList = mentorList
    self.mentorPerson = mentorPerson
    var capacity = [Double](repeating: 0, count: mentorPerson.count * checkpoints.count)
    for (number, person) in mentorPerson.enumerated() {
      var total = 0.0
      var next = 0
      for week in stride(from: 1, through: weeks, by: 1) {
        total += empty.mentorLeft[person * weeks + week - 1]
        if next < checkpoints.count, checkpoints[next] == week {
          capacity[number * checkpoints.count + next] = total
          next += 1
        }
      }
    }
    mentorCapacity = capacity
    mentorSlots = mentorPerson.map { Double(problem.maxMentees[$0]) }
    var base = [Int](repeating: 0, count: problem.roleCount * weeks)
    for role in 0..<problem.roleCount {
      for week in stride(from: 1, through: weeks, by: 1) {
        base[role * weeks + week - 1] = empty.depth(role, week: week)
      }
    }
    baseDepth = base
  }

  /// The smallest relaxation value found within `iterations` and `deadline`; `simple` is the
  /// simple bound (the starting value) and `lowerBound` the plan's coverage-weeks.
  ///
  /// The multipliers move by the volume algorithm (docs/model.md, "The certified bound"): from
  /// the best point so far, against a running average of the subproblems' solutions rather than
  /// the last one, with a Polyak step towards `lowerBound`. When no step leaves the start (the
  /// links' prices can pull every way there), it starts again with `δ = 0` kept: the even split
  /// of slot prices, which moves. At the start every candidate counts
  /// from its ready week with its first mentor; a plain subgradient step then prices that one
  /// mentor, the candidates move to the next, and the value only rises: the average spreads the
  /// use over all the mentors the candidates turn to, so the step prices them together.
  /// With cascades, once the step has shrunk the trained mentors' rows (``CascadeTraining``)
  /// join with a fresh step and average and twice the patience: priced from the start, their
  /// earnings draw many learners into training at once and the first steps go far off.
  func solve(
    simple: Double, lowerBound: Double, iterations: Int, deadline: ContinuousClock.Instant
  ) -> Double {
    let roles = problem.roleCount
    guard weeks > 0, roles > 0, !candidateRole.isEmpty else { return simple }
    let points = checkpoints.count
    // Start where the relaxation equals the simple bound: α = w where the role-week could still
    // gain, 0 where it is full anyway; no prices.
    var ready = [Int](repeating: 0, count: roles * weeks)
    for (index, role) in candidateRole.enumerated() {
      ready[role * weeks + candidateReady[index] - 1] += 1
    }
    var alpha = [Double](repeating: 0, count: roles * weeks)
    for role in 0..<roles {
      var extra = 0
      for week in 1...weeks {
        extra += ready[role * weeks + week - 1]
        if baseDepth[role * weeks + week - 1] + extra < problem.target[role] {
          alpha[role * weeks + week - 1] = problem.weight[role]
        }
      }
    }
    var mu = [Double](repeating: 0, count: mentorPerson.count * points)
    var nu = [Double](repeating: 0, count: mentorPerson.count)
    // Each link's price is `β = ν(m) / n + δ`, `n` the links of its group: with `δ = 0` the
    // group's links pay exactly its slot price between them; `δ` moves price between them.
    var delta = [Double](repeating: 0, count: links.linkGroup.count)
    var beta = delta
    var lambda = [Double](repeating: 0, count: learnerCapacity.count)
    let learners = learnerCapacity.count / max(1, points)
    // Prices of the trained mentors' rows (``CascadeTraining``), skill × checkpoint.
    let cascadeRows = training.skillCount * points
    var cascadeHour = [Double](repeating: 0, count: cascadeRows)
    var cascadeSlot = cascadeHour
    let traineeRows = training.traineeSlots.count * points
    var traineeHour = [Double](repeating: 0, count: traineeRows)
    var traineeSlot = traineeHour
    // Each trainee's hours up to each checkpoint and slots: their rows' capacities.
    var traineeHourCapacity = traineeHour
    var traineeSlotCapacity = traineeHour
    for trainee in training.traineeSlots.indices {
      for point in 0..<points {
        traineeHourCapacity[trainee * points + point] =
          training.cumulative[trainee * (weeks + 1) + checkpoints[point]]
        traineeSlotCapacity[trainee * points + point] = training.traineeSlots[trainee]
      }
    }
    var cascade = CascadePrices(
      hour: cascadeHour, slot: cascadeSlot,
      hourFrom: [Double](repeating: 0, count: training.skillCount * (points + 1)),
      slotFrom: [Double](repeating: 0, count: training.skillCount * (points + 1)),
      traineeHour: traineeHour, traineeSlot: traineeSlot)
    let noCapacity = cascadeHour
    var cascadeTally = CascadeTally(count: cascadeRows, trainees: traineeRows)
    var averageCascade = cascadeTally
    var best = simple
    // The point steps start from, and its value.
    var center = (
      alpha: alpha, mu: mu, nu: nu, lambda: lambda, delta: delta, hour: cascadeHour,
      slot: cascadeSlot, traineeHour: traineeHour, traineeSlot: traineeSlot
    )
    var centerValue = Double.infinity
    var theta = 0.1
    var sinceBest = 0
    // Running averages of the subproblems' role-week counts and uses of capacity.
    var averageCounted = [Double](repeating: 0, count: roles * weeks)
    var averageUsage = [Double](repeating: 0, count: mu.count)
    var averageSlots = [Double](repeating: 0, count: nu.count)
    var averageLearn = [Double](repeating: 0, count: lambda.count)
    var averageLinks = [Double](repeating: 0, count: beta.count)
    var averageGroups = [Double](repeating: 0, count: links.groupMentor.count)
    // Role → suffix sums of α by week; mentor and learner → price suffix by checkpoint,
    // S(m, j) = Σ_{j' ≥ j} μ(m, j').
    var roleSuffix = [Double](repeating: 0, count: roles * (weeks + 1))
    var priceFrom = [Double](repeating: 0, count: mentorPerson.count * (points + 1))
    var learnPriceFrom = [Double](repeating: 0, count: learners * (points + 1))
    var counted = [Int](repeating: 0, count: roles * weeks)
    var usage = [Double](repeating: 0, count: mu.count)
    var slotUse = [Double](repeating: 0, count: nu.count)
    var linkUse = [Double](repeating: 0, count: beta.count)
    var groupOn = [Double](repeating: 0, count: links.groupMentor.count)
    var learnUse = [Double](repeating: 0, count: lambda.count)

    var linksFree = true
    // The trained mentors' rows are priced only once the rest has settled (see below).
    var cascadeOn = false
    var freshAverage = true
    var budget = iterations
    var iteration = -1
    while iteration + 1 < budget {
      iteration += 1
      if iteration & 7 == 7, ContinuousClock.now >= deadline { break }
      // Value of the fixed part.
      var value = 0.0
      for role in 0..<roles {
        let weight = problem.weight[role]
        let target = Double(problem.target[role])
        var running = 0.0
        for week in stride(from: weeks, through: 1, by: -1) {
          let a = alpha[role * weeks + week - 1]
          value += (weight - a) * target + a * Double(baseDepth[role * weeks + week - 1])
          running += a
          roleSuffix[role * (weeks + 1) + week] = running
        }
        roleSuffix[role * (weeks + 1)] = running
      }
      value += Self.suffixPrices(mu, mentorCapacity, points: points, into: &priceFrom)
      value += zip(nu, mentorSlots).reduce(0) { $0 + $1.0 * $1.1 }
      // Each group switches on when its links' prices pay for its mentor's slot price.
      for index in groupOn.indices { groupOn[index] = 0 }
      for (link, group) in links.linkGroup.enumerated() {
        beta[link] = nu[links.groupMentor[group]] / links.groupSize[group] + delta[link]
        groupOn[group] += delta[link]
      }
      for group in groupOn.indices {
        value += max(0, groupOn[group])
        groupOn[group] = groupOn[group] > 0 ? 1 : 0
      }
      value += Self.suffixPrices(lambda, learnerCapacity, points: points, into: &learnPriceFrom)
      cascade.hour = cascadeHour
      cascade.slot = cascadeSlot
      cascade.traineeHour = traineeHour
      cascade.traineeSlot = traineeSlot
      cascade.priced = cascadeOn
      _ = Self.suffixPrices(cascadeHour, noCapacity, points: points, into: &cascade.hourFrom)
      _ = Self.suffixPrices(cascadeSlot, noCapacity, points: points, into: &cascade.slotFrom)
      cascadeTally.clear()
      for index in counted.indices { counted[index] = 0 }
      for index in usage.indices { usage[index] = 0 }
      for index in linkUse.indices { linkUse[index] = 0 }
      for index in learnUse.indices { learnUse[index] = 0 }
      for index in slotUse.indices { slotUse[index] = 0 }
      for learner in 0..<learners {
        value += traineeValue(learner, cascade)
        if exactLearners,
          let gain = exactLearnerGain(
            learner, roleSuffix: roleSuffix, priceFrom: priceFrom, beta: beta,
            learnPriceFrom: learnPriceFrom, cascade: cascade, counted: &counted, usage: &usage,
            linkUse: &linkUse, learnUse: &learnUse, cascadeTally: &cascadeTally)
        {
          value += gain
          continue
        }
        for candidate in learnerCandidates[learnerStart[learner]..<learnerStart[learner + 1]] {
          value += sharedCandidateGain(
            candidate, roleSuffix: roleSuffix, priceFrom: priceFrom, beta: beta,
            learnPriceFrom: learnPriceFrom, cascade: cascade, counted: &counted,
            usage: &usage, linkUse: &linkUse, learnUse: &learnUse, cascadeTally: &cascadeTally)
        }
        value += freeTrainingEarnings(learner, cascade, &cascadeTally)
      }
      // The slot price's share of each link's price uses the slot in that share.
      for (link, group) in links.linkGroup.enumerated() where linkUse[link] > 0 {
        slotUse[links.groupMentor[group]] += linkUse[link] / links.groupSize[group]
      }
      best = min(best, value)
      if best - lowerBound <= 1e-9 * max(1, best) { break }
      // Average in this solution; keep the point if it is the best, else step again from there.
      let blend = freshAverage ? 1 : 0.1
      freshAverage = false
      Self.blend(counted.map(Double.init), into: &averageCounted, blend)
      Self.blend(usage, into: &averageUsage, blend)
      Self.blend(slotUse, into: &averageSlots, blend)
      Self.blend(learnUse, into: &averageLearn, blend)
      Self.blend(linkUse, into: &averageLinks, blend)
      Self.blend(groupOn, into: &averageGroups, blend)
      Self.blend(cascadeTally.hourUse, into: &averageCascade.hourUse, blend)
      Self.blend(cascadeTally.slotUse, into: &averageCascade.slotUse, blend)
      Self.blend(cascadeTally.hourSupply, into: &averageCascade.hourSupply, blend)
      Self.blend(cascadeTally.slotSupply, into: &averageCascade.slotSupply, blend)
      Self.blend(cascadeTally.traineeHour, into: &averageCascade.traineeHour, blend)
      Self.blend(cascadeTally.traineeSlot, into: &averageCascade.traineeSlot, blend)
      if value < centerValue {
        centerValue = value
        center = (
          alpha, mu, nu, lambda, delta, cascadeHour, cascadeSlot, traineeHour, traineeSlot
        )
        sinceBest = 0
      } else {
        (alpha, mu, nu, lambda, delta, cascadeHour, cascadeSlot, traineeHour, traineeSlot) =
          center
        sinceBest += 1
        // The trained mentors' rows settle slowly: they get twice the patience.
        if sinceBest >= (cascadeOn ? 20 : 10) {
          theta /= 2
          sinceBest = 0
          if linksFree, best >= simple, theta < 0.01 {
            // No step has left the start: the links' prices pull every way there. Start again
            // with each group's links splitting its slot price evenly, as fixed shares.
            linksFree = false
            for index in delta.indices { delta[index] = 0 }
            center.delta = delta
            theta = 0.1
            freshAverage = true
            continue
          }
          if theta < 1e-4 {
            // Pricing the trained mentors' rows from the start throws the first steps far off:
            // earnings draw many learners into training at once. From the settled point they
            // move on their own, with a fresh average.
            guard !cascadeOn, training.skillCount > 0 else { break }
            cascadeOn = true
            // They settle slowly; they are built only on small instances, where rounds are cheap.
            budget = iteration + 1 + 2 * iterations
            theta = 0.1
            freshAverage = true
            continue
          }
        }
      }
      // The averaged subgradient; step towards a lower value.
      var norm = 0.0
      var gradAlpha = [Double](repeating: 0, count: alpha.count)
      for role in 0..<roles {
        var running = 0.0
        let target = problem.target[role]
        for week in 1...weeks {
          running += averageCounted[role * weeks + week - 1]
          let g = Double(baseDepth[role * weeks + week - 1] - target) + running
          let a = alpha[role * weeks + week - 1]
          // Only directions that stay inside [0, w] count towards the step.
          if (g > 0 && a > 0) || (g < 0 && a < problem.weight[role]) {
            gradAlpha[role * weeks + week - 1] = g
            norm += g * g
          }
        }
      }
      let gradMu = Self.projectedGradient(mentorCapacity, averageUsage, mu, norm: &norm)
      let gradNu = Self.projectedGradient(mentorSlots, averageSlots, nu, norm: &norm)
      let gradLambda = Self.projectedGradient(learnerCapacity, averageLearn, lambda, norm: &norm)
      // Trained mentors' rows: supply less teaching, hours scaled to about one pair.
      var gradHour = noCapacity
      var gradSlot = noCapacity
      let gradTraineeHour =
        cascadeOn
        ? Self.projectedGradient(
          traineeHourCapacity, averageCascade.traineeHour, traineeHour, norm: &norm)
        : traineeHour
      let gradTraineeSlot =
        cascadeOn
        ? Self.projectedGradient(
          traineeSlotCapacity, averageCascade.traineeSlot, traineeSlot, norm: &norm)
        : traineeSlot
      for index in cascadeHour.indices {
        let scale = training.hourScale[index / points]
        let hourGap =
          (averageCascade.hourSupply[index] - averageCascade.hourUse[index]) / scale
        guard cascadeOn else { break }
        if hourGap < 0 || cascadeHour[index] > 0 {
          gradHour[index] = hourGap / scale
          norm += hourGap * hourGap
        }
        let slotGap = averageCascade.slotSupply[index] - averageCascade.slotUse[index]
        if slotGap < 0 || cascadeSlot[index] > 0 {
          gradSlot[index] = slotGap
          norm += slotGap * slotGap
        }
      }
      // A link is used at most where its group is on.
      var gradDelta = [Double](repeating: 0, count: delta.count)
      for (link, group) in links.linkGroup.enumerated() {
        guard linksFree else { break }
        let g = averageGroups[group] - averageLinks[link]
        let floor = -nu[links.groupMentor[group]] / links.groupSize[group]
        if g < 0 || delta[link] > floor {
          gradDelta[link] = g
          norm += g * g
        }
      }
      guard norm > 0 else { break }
      let stepSize = theta * max(centerValue - lowerBound, 1e-6 * max(1, centerValue)) / norm
      for role in 0..<roles {
        let weight = problem.weight[role]
        for week in 0..<weeks {
          let index = role * weeks + week
          alpha[index] = min(weight, max(0, alpha[index] - stepSize * gradAlpha[index]))
        }
      }
      for index in mu.indices { mu[index] = max(0, mu[index] - stepSize * gradMu[index]) }
      for index in nu.indices { nu[index] = max(0, nu[index] - stepSize * gradNu[index]) }
      for index in lambda.indices {
        lambda[index] = max(0, lambda[index] - stepSize * gradLambda[index])
      }
      for index in cascadeHour.indices {
        cascadeHour[index] = max(0, cascadeHour[index] - stepSize * gradHour[index])
        cascadeSlot[index] = max(0, cascadeSlot[index] - stepSize * gradSlot[index])
      }
      for index in traineeHour.indices {
        traineeHour[index] = max(0, traineeHour[index] - stepSize * gradTraineeHour[index])
        traineeSlot[index] = max(0, traineeSlot[index] - stepSize * gradTraineeSlot[index])
      }
      // δ keeps each link's price non-negative under the new slot prices.
      for (link, group) in links.linkGroup.enumerated() {
        let floor = -nu[links.groupMentor[group]] / links.groupSize[group]
        delta[link] = max(floor, delta[link] - stepSize * gradDelta[link])
      }
    }
    return best
  }

  /// Fills `priceFrom` (rows of `points + 1`) with each row's suffix sums of `price` by
  /// checkpoint; returns `Σ price · capacity`.
  private static func suffixPrices(
    _ price: [Double], _ capacity: [Double], points: Int, into priceFrom: inout [Double]
  ) -> Double {
    var value = 0.0
    for row in 0..<(price.count / max(1, points)) {
      var running = 0.0
      priceFrom[row * (points + 1) + points] = 0
      for point in stride(from: points - 1, through: 0, by: -1) {
        running += price[row * points + point]
        value += price[row * points + point] * capacity[row * points + point]
        priceFrom[row * (points + 1) + point] = running
      }
    }
    return value
  }

  /// `average += blend · (values − average)`.
  private static func blend(_ values: [Double], into average: inout [Double], _ blend: Double) {
    for index in average.indices { average[index] += blend * (values[index] - average[index]) }
  }

  /// One candidate's best gain on its own, with each pair's prices divided among the mentee's
  /// roles that miss its skill; adds its choice's use to the tallies.
  private func sharedCandidateGain(
    _ candidate: Int, roleSuffix: [Double], priceFrom: [Double], beta: [Double],
    learnPriceFrom: [Double], cascade: CascadePrices, counted: inout [Int],
    usage: inout [Double], linkUse: inout [Double], learnUse: inout [Double],
    cascadeTally: inout CascadeTally
  ) -> Double {
    let points = checkpoints.count
    let role = candidateRole[candidate]
    let learner = candidateLearner[candidate]
    let hours = candidateLearnHours(candidate)
    var bestGain = 0.0
    var bestWeek = 0
    var week = candidateReady[candidate]
    while week <= weeks {
      let learnPrice = learnPriceFrom[learner * (points + 1) + checkpointFrom[week]]
      let gain =
        roleSuffix[role * (weeks + 1) + week] - cost(candidate, week, priceFrom, beta, cascade)
        - learnPrice * hours
      if gain > bestGain + 1e-12 {
        bestGain = gain
        bestWeek = week
      }
      week = nextBreak(after: week, candidate: candidate, cascade)
    }
    guard bestWeek > 0 else { return 0 }
    counted[role * weeks + bestWeek - 1] += 1
    charge(candidate, bestWeek, priceFrom, beta, cascade, &usage, &linkUse, &cascadeTally)
    for point in checkpointFrom[bestWeek]..<points {
      learnUse[learner * points + point] += hours
    }
    return bestGain
  }

  /// The subgradient of a capacity row's prices, kept only in directions that leave the prices
  /// non-negative, for a step on rows scaled to capacity one.
  ///
  /// Hour rows hold tens of hours where role-weeks hold a few people: unscaled, the hour rows'
  /// `capacity − use` swamps the step, every price with slack is thrown back to zero and the
  /// method stalls at its start. Each row `use ≤ capacity` is divided by `max(1, capacity)`: its
  /// gradient `(capacity − use) / scale` enters `norm`, and since the scaled row's price is the
  /// price times the scale, the price moves by the step times `(capacity − use) / scale²`, which
  /// is what this returns.
  private static func projectedGradient(
    _ capacity: [Double], _ use: [Double], _ price: [Double], norm: inout Double
  ) -> [Double] {
    var gradient = [Double](repeating: 0, count: price.count)
    for index in price.indices {
      let scale = max(1, capacity[index])
      let g = (capacity[index] - use[index]) / scale
      if g < 0 || price[index] > 0 {
        gradient[index] = g / scale
        norm += g * g
      }
    }
    return gradient
  }

  /// The candidate's share of learning hours: each missed skill's hours over the mentee's roles
  /// that miss it.
  @inline(__always)
  private func candidateLearnHours(_ candidate: Int) -> Double {
    var total = 0.0
    for miss in missStart[candidate]..<missStart[candidate + 1] { total += missLearnHours[miss] }
    return total
  }

  /// The next week after `week` at which the candidate's price may drop: past a checkpoint, or
  /// the first week a trained mentor could teach one of its skills.
  private func nextBreak(after week: Int, candidate: Int, _ cascade: CascadePrices) -> Int {
    let point = checkpointFrom[week]
    var next = point < checkpoints.count ? checkpoints[point] + 1 : weeks + 1
    for miss in missStart[candidate]..<missStart[candidate + 1] {
      let free = missFreeFrom[miss]
      if free > week, free < next { next = free }
      if week >= free, training.missCascade[miss] >= 0,
        cascade.priced || latestTraining(miss, week) <= 0
      {
        return week + 1
      }
    }
    return next
  }

  /// What counting from `week` costs the candidate: for each skill missed, the cheapest
  /// mentor's share of hour and slot prices, a trained mentor's once one could teach it.
  private func cost(
    _ candidate: Int, _ week: Int, _ priceFrom: [Double], _ beta: [Double],
    _ cascade: CascadePrices
  )
    -> Double
  {
    var total = 0.0
    for miss in missStart[candidate]..<missStart[candidate + 1] {
      let cheapest = cheapestMentor(miss, week, priceFrom, beta, cascade).price
      if cheapest.isInfinite { return .infinity }
      total += cheapest
    }
    return total
  }

  /// The eligible mentor with the lowest price share for a missed skill counted from `week`;
  /// position -1 for a trained mentor.
  @inline(__always)
  private func cheapestMentor(
    _ miss: Int, _ week: Int, _ priceFrom: [Double], _ beta: [Double],
    _ cascade: CascadePrices
  )
    -> (price: Double, position: Int)
  {
    let points = checkpoints.count
    let point = checkpointFrom[week]
    var cheapest =
      week >= missFreeFrom[miss]
      ? missRoleShare[miss] * cascadePrice(miss, week, cascade) : Double.infinity
    var chosen = -1
    for position in missMentors[miss]..<missMentors[miss + 1] {
      let number = mentorList[position]
      let price =
        missHours[miss] * priceFrom[number * (points + 1) + point] + missRoleShare[miss]
        * beta[links.entryLink[position]]
      if price < cheapest {
        cheapest = price
        chosen = position
      }
    }
    return (cheapest, chosen)
  }

  /// Adds the candidate's use of its cheapest mentors to the subgradient's tallies.
  private func charge(
    _ candidate: Int, _ week: Int, _ priceFrom: [Double], _ beta: [Double],
    _ cascade: CascadePrices, _ usage: inout [Double], _ linkUse: inout [Double],
    _ cascadeTally: inout CascadeTally
  ) {
    let points = checkpoints.count
    let point = checkpointFrom[week]
    for miss in missStart[candidate]..<missStart[candidate + 1] {
      let position = cheapestMentor(miss, week, priceFrom, beta, cascade).position
      guard position >= 0 else {
        if week >= missFreeFrom[miss] {
          chargeCascade(miss, week, share: missRoleShare[miss], &cascadeTally)
        }
        continue
      }
      let chosen = mentorList[position]
      for later in point..<points { usage[chosen * points + later] += missHours[miss] }
      linkUse[links.entryLink[position]] += missRoleShare[miss]
    }
  }
}
