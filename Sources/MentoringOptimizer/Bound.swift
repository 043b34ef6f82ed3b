/// A certified upper bound on the best coverage score any feasible plan can reach.
///
/// Lagrangian relaxation of the exact model (docs/model.md, "The certified bound"):
/// - each role's concave term is linearised: `min(new, gap) ≤ λ·new + (1−λ)·gap` for any
///   `λ ∈ [0, 1]`;
/// - mentor hours and mentee slots are dualised with multipliers `μ, ν ≥ 0` (scaled by each
///   mentor's budget, so all subgradient entries are of order one);
/// - what is left separates by mentee: choose the best *option*, a set of level raises that fits
///   the learning budget, valued by the roles it qualifies for (spill-over included) minus the
///   cheapest eligible mentor's price per pair.
///
/// Every multiplier vector gives a valid bound, so the subgradient loop can stop anywhere; the
/// smallest value seen is reported. Options are unions of candidate bundles; a feasible plan's
/// per-mentee result is always dominated by one of them (fewer or lower steps, cheaper mentors),
/// which is what makes the bound valid. A mentee with too many options to list gets the loose
/// but valid value "every role of theirs, at no cost".
struct BoundComputation {
  /// The mentees' options in flat arrays of plain numbers (offsets in CSR form): one
  /// allocation per field instead of one per option, and no type the process has not used yet.
  struct Model {
    /// Mentee `k`'s options are `menteeOption[k]..<menteeOption[k + 1]`; none for a fallback.
    var menteeOption: [Int] = [0]
    /// Mentee → whether the options were too many to list: then their roles, valued at no
    /// cost, are `roleList[fallbackStart[k]..<fallbackEnd[k]]`.
    var isFallback: [Bool] = []
    var fallbackStart: [Int] = []
    var fallbackEnd: [Int] = []
    /// Option `o` qualifies for `roleList[optionRole[o]..<optionRole[o + 1]]` (spill-over
    /// included) through the level raises `optionStep[o]..<optionStep[o + 1]`.
    var optionRole: [Int] = [0]
    var optionStep: [Int] = [0]
    var roleList: [Int] = []
    /// Step → mentor hours of the raise, and its eligible mentors (not the mentee, with enough
    /// hours on their own) `mentorList[stepMentorStart[s]..<stepMentorEnd[s]]`; steps of one
    /// mentee that raise the same skill to the same level share them.
    var stepHours: [Double] = []
    var stepMentorStart: [Int] = []
    var stepMentorEnd: [Int] = []
    /// Eligible mentors with the capacities their price divides by.
    var mentorList: [Int] = []
    var mentorBudget: [Double] = []
    var mentorSlots: [Double] = []
  }

  let problem: Problem
  let bundles: [Bundle]
  let bundlesOfMentee: [[Int]]
  /// For each role, how many distinct people could newly qualify at all.
  var reachable: [Int]
  static let optionLimit = 256

  init(problem: Problem, bundles: [Bundle], bundlesOfMentee: [[Int]]) {
    self.problem = problem
    self.bundles = bundles
    self.bundlesOfMentee = bundlesOfMentee
    reachable = Array(repeating: 0, count: problem.roleCount)
    for person in 0..<problem.personCount {
      for index in bundlesOfMentee[person] { reachable[bundles[index].role] += 1 }
    }
  }

  /// Lists every mentee's options; only needed when the simple bound does not settle the gap.
  func model() -> Model {
    var model = Model()
    for person in 0..<problem.personCount where !bundlesOfMentee[person].isEmpty {
      Self.addOptions(for: person, bundlesOfMentee[person].map { bundles[$0] }, problem, &model)
    }
    return model
  }

  /// Lists the distinct level vectors reachable as unions of the mentee's bundles.
  static func addOptions(
    for person: Int, _ own: [Bundle], _ problem: Problem, _ model: inout Model
  ) {
    // Options seen, as flat (skill, level, skill, level, …) keys with a hash each: a mentee
    // has at most `optionLimit`, so a scan of the hashes is enough.
    var keys: [Int] = []
    var keyStart: [Int] = [0]
    var keyHash: [Int] = []
    var overflow = false
    let mark = (
      options: model.optionRole.count - 1, roles: model.roleList.count,
      steps: model.stepHours.count, mentors: model.mentorList.count
    )
    // (skill, level) → the first step listed for it, whose hours and mentors others share.
    var knownSkill: [Int] = []
    var knownLevel: [Int] = []
    var knownStep: [Int] = []
    func insert(_ next: [(skill: Int, level: Int)]) -> Bool {
      var hash = next.count
      for step in next { hash = hash &* 31 &+ step.skill &* 8 &+ step.level }
      for (index, other) in keyHash.enumerated() where other == hash {
        let start = keyStart[index]
        if keyStart[index + 1] - start == 2 * next.count,
          next.indices.allSatisfy({
            keys[start + 2 * $0] == next[$0].skill && keys[start + 2 * $0 + 1] == next[$0].level
          })
        {
          return false
        }
      }
      for step in next {
        keys.append(step.skill)
        keys.append(step.level)
      }
      keyStart.append(keys.count)
      keyHash.append(hash)
      return true
    }
    func visit(_ start: Int, _ levels: [(skill: Int, level: Int)]) {
      if overflow { return }
      for index in start..<own.count {
        var next = levels
        for requirement in own[index].missing {
          if let at = next.firstIndex(where: { $0.skill == requirement.skill }) {
            next[at].level = max(next[at].level, requirement.level)
          } else {
            next.append(requirement)
          }
        }
        var total = 0.0
        for step in next { total += problem.menteeHours(person, step.skill, to: step.level) }
        if total > problem.learnBudget[person] + hourEpsilon { continue }
        next.sort { $0.skill < $1.skill }
        if insert(next) {
          if keyHash.count > optionLimit {
            overflow = true
            return
          }
          problem.appendNewlyQualified(
            person, raising: next.lazy.map(\.skill),
            level: { skill in
              next.first { $0.skill == skill }?.level ?? problem.level(person, skill)
            },
            to: &model.roleList)
          model.optionRole.append(model.roleList.count)
          for step in next {
            if let known = knownSkill.indices.first(where: {
              knownSkill[$0] == step.skill && knownLevel[$0] == step.level
            }) {
              let first = knownStep[known]
              model.stepHours.append(model.stepHours[first])
              model.stepMentorStart.append(model.stepMentorStart[first])
              model.stepMentorEnd.append(model.stepMentorEnd[first])
              continue
            }
            let hours = problem.menteeHours(person, step.skill, to: step.level) / 4
            let list = problem.mentors[step.skill]
            knownSkill.append(step.skill)
            knownLevel.append(step.level)
            knownStep.append(model.stepHours.count)
            model.stepHours.append(hours)
            model.stepMentorStart.append(model.mentorList.count)
            for position in 0..<problem.eligibleMentorCount(step.skill, step.level)
            where list[position] != person
              && problem.canPair(mentor: list[position], mentee: person, hours: hours * 4)
            {
              let mentor = list[position]
              model.mentorList.append(mentor)
              model.mentorBudget.append(problem.mentorBudget[mentor])
              model.mentorSlots.append(Double(problem.maxMentees[mentor]))
            }
            model.stepMentorEnd.append(model.mentorList.count)
          }
          model.optionStep.append(model.stepHours.count)
          visit(index + 1, next)
        }
      }
    }
    visit(0, [])
    if overflow {
      model.optionRole.removeLast(model.optionRole.count - 1 - mark.options)
      model.optionStep.removeLast(model.optionStep.count - 1 - mark.options)
      model.roleList.removeLast(model.roleList.count - mark.roles)
      model.stepHours.removeLast(model.stepHours.count - mark.steps)
      model.stepMentorStart.removeLast(model.stepMentorStart.count - mark.steps)
      model.stepMentorEnd.removeLast(model.stepMentorEnd.count - mark.steps)
      model.mentorList.removeLast(model.mentorList.count - mark.mentors)
      model.mentorBudget.removeLast(model.mentorBudget.count - mark.mentors)
      model.mentorSlots.removeLast(model.mentorSlots.count - mark.mentors)
      model.isFallback.append(true)
      model.fallbackStart.append(model.roleList.count)
      model.roleList.append(contentsOf: sortedUnique(own.map(\.role)))
      model.fallbackEnd.append(model.roleList.count)
    } else {
      model.isFallback.append(false)
      model.fallbackStart.append(0)
      model.fallbackEnd.append(0)
    }
    model.menteeOption.append(model.optionRole.count - 1)
  }

  /// Runs the subgradient method and returns the smallest bound seen; the caller takes the
  /// larger of it and the plan's score, which can only matter if the bound had a bug.
  ///
  /// - Parameters:
  ///   - lowerBound: the score of a feasible plan, the Polyak step's target.
  ///   - iterations: the most subgradient steps to take.
  ///   - deadline: stops early when reached; any iterate is already a valid bound.
  ///   - reporter: told the best bound so far, for the caller's progress display.
  /// - Returns: the smallest Lagrangian value seen, floored when all weights are integers.
  /// - Complexity: O(iterations · Σ options · steps · mentors scanned).
  func solve(
    lowerBound: Double, iterations: Int, deadline: ContinuousClock.Instant,
    reporter: ProgressReporter? = nil
  ) -> Double {
    let roleCount = problem.roleCount
    let personCount = problem.personCount
    var base = 0.0
    var gap = [Int](repeating: 0, count: roleCount)
    for role in 0..<roleCount {
      base += problem.weight[role] * Double(min(problem.depthToday[role], problem.target[role]))
      gap[role] = max(0, problem.target[role] - problem.depthToday[role])
    }
    // The simplest bound: each role gains at most as many people as could qualify for it.
    var simple = base
    for role in 0..<roleCount {
      simple += problem.weight[role] * Double(min(gap[role], reachable[role]))
    }
    let integral = problem.weight.allSatisfy { $0 == $0.rounded() }
    func certify(_ value: Double) -> Double {
      integral ? (value + 1e-7).rounded(.down) : value
    }
    var best = certify(simple)
    if best <= lowerBound + 1e-9 { return best }

    let model = model()
    var lambda = [Double](repeating: 0, count: roleCount)
    for role in 0..<roleCount where gap[role] > 0 { lambda[role] = 1 }
    // The inner loop reads these for every eligible mentor of every option, so they live in
    // plain buffers: no bounds checks or uniqueness checks there. Sizes are fixed up front.
    let mu = Buffer<Double>(repeating: 0, count: personCount)
    let nu = Buffer<Double>(repeating: 0, count: personCount)
    let isPriced = Buffer<Bool>(repeating: false, count: personCount)
    let gradMu = Buffer<Double>(repeating: 0, count: personCount)
    let gradNu = Buffer<Double>(repeating: 0, count: personCount)
    let mentorList = Buffer(model.mentorList)
    let mentorBudget = Buffer(model.mentorBudget)
    let mentorSlots = Buffer(model.mentorSlots)
    let stepHours = Buffer(model.stepHours)
    let stepMentorStart = Buffer(model.stepMentorStart)
    let stepMentorEnd = Buffer(model.stepMentorEnd)
    defer {
      mu.free()
      nu.free()
      isPriced.free()
      gradMu.free()
      gradNu.free()
      mentorList.free()
      mentorBudget.free()
      mentorSlots.free()
      stepHours.free()
      stepMentorStart.free()
      stepMentorEnd.free()
    }
    var gradLambda = [Double](repeating: 0, count: roleCount)
    /// weight · λ per role, computed once an iteration.
    var weighted = [Double](repeating: 0, count: roleCount)
    var priced: [Int] = []
    // The cheapest mentor (a position in `mentorList`) of each step of the option being
    // priced, and of the best option so far.
    var chosen: [Int] = []
    var bestChosen: [Int] = []
    var theta = 1.0
    var sinceImprovement = 0
    let weight = problem.weight
    let openRoles = (0..<roleCount).filter { gap[$0] > 0 }
    let roleList = model.roleList
    let optionRole = model.optionRole
    let optionStep = model.optionStep

    for iteration in 0..<iterations {
      if iteration & 7 == 7, ContinuousClock.now >= deadline { break }
      var value = base
      for role in openRoles {
        value += weight[role] * (1 - lambda[role]) * Double(gap[role])
        gradLambda[role] = -weight[role] * Double(gap[role])
      }
      for mentor in priced {
        value += mu[mentor] + nu[mentor]
        gradMu[mentor] = 1
        gradNu[mentor] = 1
      }
      for role in 0..<roleCount { weighted[role] = weight[role] * lambda[role] }
      for mentee in model.isFallback.indices {
        if model.isFallback[mentee] {
          var total = 0.0
          for role in roleList[model.fallbackStart[mentee]..<model.fallbackEnd[mentee]]
          where lambda[role] > 0 {
            total += weighted[role]
            gradLambda[role] += weight[role]
          }
          value += total
          continue
        }
        // One pass per option: each step's cheapest mentor and its price. Scanning stops at
        // the first zero price (an unpriced mentor costs nothing), the first of equal prices
        // wins, and an option stops as soon as it cannot beat the best so far.
        var bestValue = 0.0
        var bestOption = -1
        for option in model.menteeOption[mentee]..<model.menteeOption[mentee + 1] {
          var gain = 0.0
          for role in roleList[optionRole[option]..<optionRole[option + 1]] {
            gain += weighted[role]
          }
          if gain <= bestValue { continue }
          let steps = optionStep[option]..<optionStep[option + 1]
          let share = 1 / Double(steps.count)
          chosen.removeAll(keepingCapacity: true)
          for step in steps {
            let hours = stepHours[step]
            var pick = -1
            var cheapest = Double.infinity
            for position in stepMentorStart[step]..<stepMentorEnd[step] {
              let mentor = mentorList[position]
              let price =
                isPriced[mentor]
                ? Self.price(
                  mu[mentor], nu[mentor], hours, share, mentorBudget[position],
                  mentorSlots[position]) : 0
              if price < cheapest {
                cheapest = price
                pick = position
              }
              if price == 0 { break }
            }
            gain -= cheapest
            if gain <= bestValue { break }
            chosen.append(pick)
          }
          if gain > bestValue {
            bestValue = gain
            bestOption = option
            swap(&chosen, &bestChosen)
          }
        }
        guard bestOption >= 0 else { continue }
        value += bestValue
        for role in roleList[optionRole[bestOption]..<optionRole[bestOption + 1]] {
          gradLambda[role] += weight[role]
        }
        let steps = optionStep[bestOption]..<optionStep[bestOption + 1]
        let share = 1 / Double(steps.count)
        for (step, position) in zip(steps, bestChosen) {
          let pick = mentorList[position]
          if !isPriced[pick] {
            isPriced[pick] = true
            priced.append(pick)
            gradMu[pick] = 1
            gradNu[pick] = 1
          }
          gradMu[pick] -= stepHours[step] / mentorBudget[position]
          gradNu[pick] -= share / mentorSlots[position]
        }
      }
      let certified = certify(value)
      reporter?.tick(
        .bounding, score: lowerBound, upperBound: max(min(best, certified), lowerBound))
      if certified < best - 1e-12 {
        best = certified
        sinceImprovement = 0
      } else {
        sinceImprovement += 1
        if sinceImprovement >= 12 {
          theta /= 2
          sinceImprovement = 0
        }
      }
      if best <= lowerBound + 1e-9 || theta < 1e-4 { break }
      var norm = 0.0
      for role in openRoles {
        // Projected: a coordinate stuck at its box edge does not count in the step length.
        let g = gradLambda[role]
        if (lambda[role] <= 0 && g > 0) || (lambda[role] >= 1 && g < 0) { continue }
        norm += g * g
      }
      for mentor in priced {
        if !(mu[mentor] <= 0 && gradMu[mentor] > 0) { norm += gradMu[mentor] * gradMu[mentor] }
        if !(nu[mentor] <= 0 && gradNu[mentor] > 0) { norm += gradNu[mentor] * gradNu[mentor] }
      }
      if norm < 1e-18 { break }
      let step = theta * max(value - lowerBound, 1e-6) / norm
      for role in openRoles {
        lambda[role] = min(1, max(0, lambda[role] - step * gradLambda[role]))
      }
      for mentor in priced {
        mu[mentor] = max(0, mu[mentor] - step * gradMu[mentor])
        nu[mentor] = max(0, nu[mentor] - step * gradNu[mentor])
      }
    }
    return best
  }
}

/// A fixed-size buffer the subgradient loop owns; freed by its owner.
struct Buffer<Element> {
  let base: UnsafeMutablePointer<Element>
  let count: Int

  init(repeating value: Element, count: Int) {
    self.count = count
    base = .allocate(capacity: max(count, 1))
    base.initialize(repeating: value, count: count)
  }

  init(_ values: [Element]) {
    count = values.count
    base = .allocate(capacity: max(count, 1))
    _ = UnsafeMutableBufferPointer(start: base, count: count).initialize(from: values)
  }

  @inline(__always)
  subscript(index: Int) -> Element {
    get { base[index] }
    nonmutating set { base[index] = newValue }
  }

  func free() {
    base.deinitialize(count: count)
    base.deallocate()
  }
}

extension BoundComputation {
  /// A mentor's Lagrangian price for one pair: `μ · hours / budget + ν · share / slots`.
  ///
  /// A zero multiplier makes its term exactly zero, so the division is skipped then; the value is
  /// bit for bit the same as evaluating the whole expression.
  @inline(__always)
  static func price(
    _ mu: Double, _ nu: Double, _ hours: Double, _ share: Double, _ budget: Double,
    _ slots: Double
  ) -> Double {
    let hoursTerm = mu == 0 ? 0 : mu * hours / budget
    let slotTerm = nu == 0 ? 0 : nu * share / slots
    return hoursTerm + slotTerm
  }
}
