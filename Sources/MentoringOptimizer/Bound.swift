/// A certified upper bound on the best coverage score any feasible plan can reach.
///
/// Lagrangian relaxation of the exact model (research notes §3.3, item 2):
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
  struct Step {
    var skill: Int
    var mentorHours: Double
    /// Eligible mentors (not the mentee, with enough hours on their own).
    var mentors: [Int]
  }
  struct Option {
    var roles: [Int]
    var steps: [Step]
  }
  struct Mentee {
    var options: [Option]
    /// Set when the options were too many to list: the mentee's roles, valued at no cost.
    var fallbackRoles: [Int]?
  }

  let problem: Problem
  var mentees: [Mentee] = []
  /// For each role, how many distinct people could newly qualify at all.
  var reachable: [Int]
  static let optionLimit = 256

  init(problem: Problem, bundles: [Bundle], bundlesOfMentee: [[Int]]) {
    self.problem = problem
    reachable = Array(repeating: 0, count: problem.roleCount)
    for person in 0..<problem.personCount where !bundlesOfMentee[person].isEmpty {
      let own = bundlesOfMentee[person].map { bundles[$0] }
      for bundle in own { reachable[bundle.role] += 1 }
      mentees.append(Self.options(for: person, own, problem))
    }
  }

  /// Lists the distinct level vectors reachable as unions of the mentee's bundles.
  static func options(for person: Int, _ own: [Bundle], _ problem: Problem) -> Mentee {
    var seen: Set<[Int]> = []
    var result: [Option] = []
    var overflow = false
    let state = PlanState(problem)
    func visit(_ start: Int, _ levels: [(skill: Int, level: Int)], _ hours: Double) {
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
        let key = next.flatMap { [$0.skill, $0.level] }
        if seen.insert(key).inserted {
          if result.count >= optionLimit {
            overflow = true
            return
          }
          let slots = next.map {
            PairSlot(
              skill: $0.skill, to: $0.level, mentor: -1, menteeHours: 0, mentorHours: 0,
              menteeLoad: 0, mentorLoad: 0)
          }
          let roles = state.newlyQualified(person, with: slots)
          let steps = next.map { step -> Step in
            let hours = problem.menteeHours(person, step.skill, to: step.level) / 4
            let list = problem.mentors[step.skill]
            var eligible: [Int] = []
            for position in 0..<problem.eligibleMentorCount(step.skill, step.level)
            where list[position] != person
              && problem.canPair(mentor: list[position], mentee: person, hours: hours * 4)
            {
              eligible.append(list[position])
            }
            return Step(skill: step.skill, mentorHours: hours, mentors: eligible)
          }
          result.append(Option(roles: roles, steps: steps))
          visit(index + 1, next, total)
        }
      }
    }
    visit(0, [], 0)
    if overflow {
      return Mentee(options: [], fallbackRoles: Array(Set(own.map(\.role))).sorted())
    }
    return Mentee(options: result, fallbackRoles: nil)
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

    var lambda = [Double](repeating: 0, count: roleCount)
    for role in 0..<roleCount where gap[role] > 0 { lambda[role] = 1 }
    var mu = [Double](repeating: 0, count: personCount)
    var nu = [Double](repeating: 0, count: personCount)
    var gradLambda = [Double](repeating: 0, count: roleCount)
    var gradMu = [Double](repeating: 0, count: personCount)
    var gradNu = [Double](repeating: 0, count: personCount)
    var priced: [Int] = []
    var isPriced = [Bool](repeating: false, count: personCount)
    var theta = 1.0
    var sinceImprovement = 0
    let budget = problem.mentorBudget
    let slots = problem.maxMentees

    for iteration in 0..<iterations {
      if iteration & 7 == 7, ContinuousClock.now >= deadline { break }
      var value = base
      for role in 0..<roleCount where gap[role] > 0 {
        value += problem.weight[role] * (1 - lambda[role]) * Double(gap[role])
        gradLambda[role] = -problem.weight[role] * Double(gap[role])
      }
      for mentor in priced {
        value += mu[mentor] + nu[mentor]
        gradMu[mentor] = 1
        gradNu[mentor] = 1
      }
      for mentee in mentees {
        if let roles = mentee.fallbackRoles {
          var total = 0.0
          for role in roles where lambda[role] > 0 {
            total += problem.weight[role] * lambda[role]
            gradLambda[role] += problem.weight[role]
          }
          value += total
          continue
        }
        var bestValue = 0.0
        var bestOption = -1
        for (index, option) in mentee.options.enumerated() {
          var gain = 0.0
          for role in option.roles { gain += problem.weight[role] * lambda[role] }
          if gain <= bestValue { continue }
          let share = 1 / Double(option.steps.count)
          for step in option.steps {
            var cheapest = Double.infinity
            for mentor in step.mentors {
              if !isPriced[mentor] {
                cheapest = 0
                break
              }
              let price =
                mu[mentor] * step.mentorHours / budget[mentor]
                + nu[mentor] * share / Double(slots[mentor])
              if price < cheapest { cheapest = price }
            }
            gain -= cheapest
            if gain <= bestValue { break }
          }
          if gain > bestValue {
            bestValue = gain
            bestOption = index
          }
        }
        guard bestOption >= 0 else { continue }
        value += bestValue
        let option = mentee.options[bestOption]
        for role in option.roles { gradLambda[role] += problem.weight[role] }
        let share = 1 / Double(option.steps.count)
        for step in option.steps {
          var chosen = -1
          var cheapest = Double.infinity
          for mentor in step.mentors {
            let price =
              isPriced[mentor]
              ? mu[mentor] * step.mentorHours / budget[mentor] + nu[mentor] * share
                / Double(slots[mentor]) : 0
            if price < cheapest {
              cheapest = price
              chosen = mentor
            }
            if price == 0 { break }
          }
          guard chosen >= 0 else { continue }
          if !isPriced[chosen] {
            isPriced[chosen] = true
            priced.append(chosen)
            gradMu[chosen] = 1
            gradNu[chosen] = 1
          }
          gradMu[chosen] -= step.mentorHours / budget[chosen]
          gradNu[chosen] -= share / Double(slots[chosen])
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
      for role in 0..<roleCount where gap[role] > 0 {
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
      for role in 0..<roleCount where gap[role] > 0 {
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
