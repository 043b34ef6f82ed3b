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
/// - each mentor's mentee slots are priced by `ν`;
/// - each learner's hours are kept at the same checkpoints: the pairs they learn that end by
///   `w_j` fit in their learning hours of weeks `1…w_j` (priced by `λ(e, j)`).
/// What remains splits by candidate `(e, r)`: count for `r` from a week `k ≥ ready(e, r)`
/// (the learner's own hours) and pay, for each skill missed, the cheapest mentor's price at `k`,
/// or nothing from the week after someone could first be trained to teach it (cascades). A pair
/// can serve several of the mentee's roles and one mentor several of their pairs, so each
/// candidate pays a share: the pair's price divided by the number of the mentee's candidate
/// roles missing that skill, the slot price further divided by the number of skills the mentee
/// misses for any role. Shares never add up to more than the real price, prices fall as `k`
/// grows and a role counts only once all its pairs end, so every multiplier vector gives a value
/// no plan exceeds (weak duality; the approach of docs/model.md, "The certified bound").
///
/// A projected subgradient method with Polyak steps lowers the value from the multipliers that
/// reproduce the simple bound; every iterate is valid, so the loop stops on its iteration or
/// time budget with the smallest value seen.
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
  /// The slot share: 1 / (skills the mentee misses · roles sharing this skill).
  let missSlotShare: [Double]
  /// The first week a mentor trained in the plan could teach this (`Int.max` without cascades).
  let missFreeFrom: [Int]
  /// Start offsets into `mentorList` of the eligible mentors (dense mentor numbers).
  let missMentors: [Int]
  let mentorList: [Int]
  /// Dense mentor → person, and capacity by checkpoint (mentor hours up to it), and slots.
  let mentorPerson: [Int]
  let mentorCapacity: [Double]
  let mentorSlots: [Double]
  /// Role × week → depth without a plan.
  let baseDepth: [Int]

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
    var skillsMissed: [Int: Int] = [:]  // mentee → distinct skills missed
    for bundle in bundles {
      for requirement in bundle.missing {
        let key = bundle.mentee * problem.skillCount + requirement.skill
        if missingCount[key] == nil { skillsMissed[bundle.mentee, default: 0] += 1 }
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
    var missSlotShare: [Double] = []
    var missFreeFrom: [Int] = []
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
      let skills = Double(skillsMissed[bundle.mentee] ?? 1)
      for requirement in bundle.missing {
        let share = Double(
          missingCount[bundle.mentee * problem.skillCount + requirement.skill] ?? 1)
        let hours = problem.menteeHours(bundle.mentee, requirement.skill, to: requirement.level)
        missHours.append(hours / 4 / share)
        missLearnHours.append(hours / share)
        missSlotShare.append(1 / (skills * share))
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
    self.candidateRole = candidateRole
    self.candidateLearner = candidateLearner
    self.learnerCapacity = learnerCapacity
    self.missLearnHours = missLearnHours
    self.candidateReady = candidateReady
    self.missStart = missStart
    self.missHours = missHours
    self.missSlotShare = missSlotShare
    self.missFreeFrom = missFreeFrom
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
    var lambda = [Double](repeating: 0, count: learnerCapacity.count)
    var learnUse = [Double](repeating: 0, count: lambda.count)
    // Learner → price suffix by checkpoint.
    let learners = learnerCapacity.count / max(1, points)
    var learnPriceFrom = [Double](repeating: 0, count: learners * (points + 1))
    var best = simple
    var theta = 0.1
    var sinceBest = 0
    var suffix = [Double](repeating: 0, count: weeks + 2)
    var roleSuffix = [Double](repeating: 0, count: roles * (weeks + 1))
    var counted = [Int](repeating: 0, count: roles * weeks)
    var usage = [Double](repeating: 0, count: mu.count)
    var slotUse = [Double](repeating: 0, count: nu.count)
    // Mentor → price suffix by checkpoint: S(m, j) = Σ_{j' ≥ j} μ(m, j').
    var priceFrom = [Double](repeating: 0, count: mentorPerson.count * (points + 1))

    for iteration in 0..<iterations {
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
          suffix[week] = running
          roleSuffix[role * (weeks + 1) + week] = running
        }
        roleSuffix[role * (weeks + 1)] = running
      }
      for number in mentorPerson.indices {
        var running = 0.0
        priceFrom[number * (points + 1) + points] = 0
        for point in stride(from: points - 1, through: 0, by: -1) {
          running += mu[number * points + point]
          value += mu[number * points + point] * mentorCapacity[number * points + point]
          priceFrom[number * (points + 1) + point] = running
        }
        value += nu[number] * mentorSlots[number]
      }
      for learner in 0..<learners {
        var running = 0.0
        learnPriceFrom[learner * (points + 1) + points] = 0
        for point in stride(from: points - 1, through: 0, by: -1) {
          running += lambda[learner * points + point]
          value += lambda[learner * points + point] * learnerCapacity[learner * points + point]
          learnPriceFrom[learner * (points + 1) + point] = running
        }
      }
      // Each candidate's best week: the first one it may count from, or the week after a
      // checkpoint or a cascade makes its mentors cheaper.
      for index in counted.indices { counted[index] = 0 }
      for index in usage.indices { usage[index] = 0 }
      for index in slotUse.indices { slotUse[index] = 0 }
      for index in learnUse.indices { learnUse[index] = 0 }
      for candidate in candidateRole.indices {
        let role = candidateRole[candidate]
        let first = candidateReady[candidate]
        var bestGain = 0.0
        var bestWeek = 0
        var week = first
        while week <= weeks {
          let learner = candidateLearner[candidate]
          let learnPrice = learnPriceFrom[learner * (points + 1) + checkpointFrom[week]]
          let gain =
            roleSuffix[role * (weeks + 1) + week] - cost(candidate, week, priceFrom, nu)
            - learnPrice * candidateLearnHours(candidate)
          if gain > bestGain + 1e-12 {
            bestGain = gain
            bestWeek = week
          }
          week = nextBreak(after: week, candidate: candidate)
        }
        guard bestWeek > 0 else { continue }
        value += bestGain
        counted[role * weeks + bestWeek - 1] += 1
        charge(candidate, bestWeek, priceFrom, nu, &usage, &slotUse)
        let learner = candidateLearner[candidate]
        let hours = candidateLearnHours(candidate)
        for point in checkpointFrom[bestWeek]..<points {
          learnUse[learner * points + point] += hours
        }
      }
      if value < best {
        best = value
        sinceBest = 0
      } else {
        sinceBest += 1
      }
      if best - lowerBound <= 1e-9 * max(1, best) { break }
      if sinceBest >= 8 {
        theta /= 2
        sinceBest = 0
        if theta < 1e-4 { break }
      }
      // Subgradient of the value in each multiplier; step towards a lower value.
      var norm = 0.0
      var gradAlpha = [Double](repeating: 0, count: alpha.count)
      for role in 0..<roles {
        var running = 0
        let target = problem.target[role]
        for week in 1...weeks {
          running += counted[role * weeks + week - 1]
          let g = Double(baseDepth[role * weeks + week - 1] + running - target)
          let a = alpha[role * weeks + week - 1]
          // Only directions that stay inside [0, w] count towards the step.
          if (g > 0 && a > 0) || (g < 0 && a < problem.weight[role]) {
            gradAlpha[role * weeks + week - 1] = g
            norm += g * g
          }
        }
      }
      let gradMu = Self.projectedGradient(mentorCapacity, usage, mu, norm: &norm)
      let gradNu = Self.projectedGradient(mentorSlots, slotUse, nu, norm: &norm)
      let gradLambda = Self.projectedGradient(learnerCapacity, learnUse, lambda, norm: &norm)
      guard norm > 0 else { break }
      let stepSize = theta * max(value - lowerBound, 1e-6 * max(1, value)) / norm
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
    }
    return best
  }

  /// The subgradient `capacity − use` of a capacity row's prices, kept only in directions that
  /// leave the prices non-negative; adds its squares to `norm`.
  private static func projectedGradient(
    _ capacity: [Double], _ use: [Double], _ price: [Double], norm: inout Double
  ) -> [Double] {
    var gradient = [Double](repeating: 0, count: price.count)
    for index in price.indices {
      let g = capacity[index] - use[index]
      if g < 0 || price[index] > 0 {
        gradient[index] = g
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
  private func nextBreak(after week: Int, candidate: Int) -> Int {
    let point = checkpointFrom[week]
    var next = point < checkpoints.count ? checkpoints[point] + 1 : weeks + 1
    for miss in missStart[candidate]..<missStart[candidate + 1] {
      let free = missFreeFrom[miss]
      if free > week, free < next { next = free }
    }
    return next
  }

  /// What counting from `week` costs the candidate: for each skill missed, the cheapest
  /// mentor's share of hour and slot prices, or nothing once a trained mentor could teach it.
  private func cost(
    _ candidate: Int, _ week: Int, _ priceFrom: [Double], _ nu: [Double]
  )
    -> Double
  {
    var total = 0.0
    for miss in missStart[candidate]..<missStart[candidate + 1] {
      if week >= missFreeFrom[miss] { continue }
      let cheapest = cheapestMentor(miss, week, priceFrom, nu).price
      if cheapest.isInfinite { return .infinity }
      total += cheapest
    }
    return total
  }

  /// The eligible mentor with the lowest price share for a missed skill counted from `week`.
  @inline(__always)
  private func cheapestMentor(
    _ miss: Int, _ week: Int, _ priceFrom: [Double], _ nu: [Double]
  )
    -> (price: Double, mentor: Int)
  {
    let points = checkpoints.count
    let point = checkpointFrom[week]
    var cheapest = Double.infinity
    var chosen = -1
    for position in missMentors[miss]..<missMentors[miss + 1] {
      let number = mentorList[position]
      let price =
        missHours[miss] * priceFrom[number * (points + 1) + point] + missSlotShare[miss]
        * nu[number]
      if price < cheapest {
        cheapest = price
        chosen = number
      }
    }
    return (cheapest, chosen)
  }

  /// Adds the candidate's use of its cheapest mentors to the subgradient's tallies.
  private func charge(
    _ candidate: Int, _ week: Int, _ priceFrom: [Double], _ nu: [Double],
    _ usage: inout [Double], _ slotUse: inout [Double]
  ) {
    let points = checkpoints.count
    let point = checkpointFrom[week]
    for miss in missStart[candidate]..<missStart[candidate + 1] {
      if week >= missFreeFrom[miss] { continue }
      let chosen = cheapestMentor(miss, week, priceFrom, nu).mentor
      guard chosen >= 0 else { continue }
      for later in point..<points { usage[chosen * points + later] += missHours[miss] }
      slotUse[chosen] += missSlotShare[miss]
    }
  }
}
