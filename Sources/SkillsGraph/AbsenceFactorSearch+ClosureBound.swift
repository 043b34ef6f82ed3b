import HeapModule

extension AbsenceFactorSearch {
  /// A lower bound on the absence factor, and often a group that meets it, from a relaxation
  /// that a minimum cut solves exactly.
  ///
  /// Most roles are stopped only when every qualified person is away (one person must be
  /// present, so all of them must go). For such a role, "stop it" means "take all of its
  /// people", and choosing which of them to stop is a closure problem. For a price `λ` on a unit
  /// of stopped weight, every group `X` that stops at least the `target` weight still missing
  /// satisfies `|X| ≥ λ · target − (λ · stopped(X) − |X|)`, and the best value of
  /// `λ · stopped − size` over all groups is at most the maximum-weight closure in which each of
  /// those roles earns `λ · weight` and requires its people, each person costs 1, and each
  /// other role pays every member `λ · weight / needed` up front (it needs `needed` of them, so
  /// this overpays). Each price therefore gives a lower bound; the best price is found by
  /// bisection on whether the closure stops less than the target. This is the linear
  /// relaxation in which a role stopped needs each of its people away, which on generated
  /// organizations was within one person of the optimum where the search's own bound was not.
  ///
  /// The closures themselves are groups: the smallest that stops half the weight is returned.
  ///
  /// - Parameters:
  ///   - solves: how many minimum cuts to compute at most.
  ///   - workLimit: the most edges the cuts may look at in all; a cut stopped short still gives
  ///     a valid (weaker) bound, and no further price is tried.
  ///   - completing: whether closures short of the target may be completed by the greedy
  ///     (which scans every set's roles per person added).
  /// - Returns: the lower bound, the smallest group found that stops half the weight, and the
  ///   people of the closure that gave the bound (where the search looks first).
  func closureBound(
    solves: Int = 48, workLimit: Int = .max, completing: Bool = true
  ) -> (
    lowerBound: Int, group: [Int]?, preferred: [Bool]?
  ) {
    let target = threshold - alreadyStopped
    guard target > 0, !people.isEmpty else { return (0, nil, nil) }
    var tightRoles: [Int] = []
    var payment = [Double](repeating: 0, count: people.count)
    for (index, role) in roles.enumerated() {
      if role.needed >= role.members.count {
        tightRoles.append(index)
      } else {
        for member in role.members { payment[member] += role.weight / Double(role.needed) }
      }
    }
    // Building the graph and setting its capacities costs about an edge's work each: when a
    // few cuts do not fit the budget, no bound comes of it.
    let edges = tightRoles.reduce(tightRoles.count + people.count) { $0 + roles[$1].members.count }
    guard
      edges.multipliedReportingOverflow(by: 4).partialValue <= workLimit
        || workLimit == .max
    else { return (0, nil, nil) }
    var closure = MaximumClosure(
      requires: tightRoles.map { roles[$0].members }, peopleCount: people.count)
    var best = 0.0
    var preferred: [Bool]?
    // The closures met on either side of the target, by size (closures grow with the price,
    // so a size names one), for groups to be made from.
    var short: [Int: [Int]] = [:]
    var reached: [Int: [Int]] = [:]

    var work = 0

    /// Solves the closure at price `price`; returns whether it stops at least the target.
    func evaluate(_ price: Double) -> Bool {
      let solved = closure.solve(
        itemProfit: tightRoles.map { price * roles[$0].weight },
        personProfit: payment.map { price * $0 - 1 }, work: &work, limit: workLimit)
      let bound = price * target - solved.profit
      if bound > best || preferred == nil {
        best = max(best, bound)
        preferred = solved.people
      }
      var gained = 0.0
      for (position, role) in tightRoles.enumerated() where solved.items[position] {
        gained += roles[role].weight
      }
      var chosen: [Int] = []
      for person in people.indices where solved.people[person] {
        gained += payment[person]
        chosen.append(person)
      }
      if gained >= target {
        reached[chosen.count] = chosen
        return true
      }
      short[chosen.count] = chosen
      return false
    }

    var low = 0.0
    var high = 1.0
    var left = solves
    while left > 0, work < workLimit, !evaluate(high) {
      low = high
      high *= 2
      left -= 1
    }
    while left > 0, work < workLimit {
      let middle = (low + high) / 2
      if evaluate(middle) { high = middle } else { low = middle }
      left -= 1
    }
    // The largest few closures short of the target are completed by the greedy, and people
    // that these and the smallest few that reached it can spare are let go.
    let nearest = 4
    let completed =
      completing
      ? short.keys.sorted().suffix(nearest).compactMap { short[$0] }.map {
        greedy(startingFrom: $0)
      } : []
    let grown = reached.keys.sorted().prefix(nearest).compactMap { reached[$0] }
    var group: [Int]?
    for candidate in completed + grown {
      guard stoppedWeight(by: candidate) >= threshold else { continue }
      let pruned = withoutSpareMembers(candidate)
      if pruned.count < (group?.count ?? Int.max) { group = pruned }
    }
    // The bound is a ratio of sums of weights: allow for rounding before taking the ceiling.
    let rounded = (best - 1e-6 * max(1, best)).rounded(.up)
    let lowerBound = rounded <= 0 ? 0 : Int(min(rounded, Double(people.count)))
    return (lowerBound, group, preferred)
  }

  /// The group without the people it can spare: each member, last first, leaves when the rest
  /// still stop half the weight.
  func withoutSpareMembers(_ group: [Int]) -> [Int] {
    var away = [Int](repeating: 0, count: roles.count)
    for person in group { for role in rolesOf[person] { away[role] += 1 } }
    var weight = alreadyStopped
    for (role, count) in away.enumerated() where count >= roles[role].needed {
      weight += roles[role].weight
    }
    var kept = [Bool](repeating: true, count: group.count)
    for position in group.indices.reversed() {
      let person = group[position]
      // Leaving drops every role the person completes exactly.
      var lost = 0.0
      for role in rolesOf[person] where away[role] == roles[role].needed {
        lost += roles[role].weight
      }
      guard weight - lost >= threshold else { continue }
      weight -= lost
      for role in rolesOf[person] { away[role] -= 1 }
      kept[position] = false
    }
    return group.indices.filter { kept[$0] }.map { group[$0] }
  }
}

extension AbsenceFactorSearch {
  /// A group built role by role: each step stops the role with the most weight per person it
  /// still needs (its members not yet in the group, first in index order; the first role in
  /// index order among equals), until half the weight stops; then people the group can spare
  /// are let go.
  ///
  /// The person-by-person greedy is short-sighted when roles need all of their people: it
  /// takes whoever brings a role closest, and may spread over many roles. This one compares
  /// whole roles, which is what the answer is made of.
  /// - Complexity: O(e log e) for e (person, role) entries: a role's ratio only rises as
  ///   people join, so it is pushed again on a heap and its stale entries are skipped.
  func roleGreedy() -> [Int] {
    struct Entry: Comparable {
      var ratio: Double
      var role: Int
      var need: Int
      static func < (lhs: Entry, rhs: Entry) -> Bool {
        (lhs.ratio, rhs.role) < (rhs.ratio, lhs.role)
      }
    }
    var inGroup = [Bool](repeating: false, count: people.count)
    var away = [Int](repeating: 0, count: roles.count)
    var stopped = [Bool](repeating: false, count: roles.count)
    var heap = Heap<Entry>()
    for (index, role) in roles.enumerated() {
      heap.insert(Entry(ratio: role.weight / Double(role.needed), role: index, need: role.needed))
    }
    var group: [Int] = []
    var weight = alreadyStopped
    while weight < threshold, let entry = heap.popMax() {
      let role = entry.role
      guard !stopped[role], entry.need == roles[role].needed - away[role] else { continue }
      var need = entry.need
      for member in roles[role].members where need > 0 && !inGroup[member] {
        inGroup[member] = true
        group.append(member)
        need -= 1
        for touched in rolesOf[member] where !stopped[touched] {
          away[touched] += 1
          let left = roles[touched].needed - away[touched]
          if left <= 0 {
            stopped[touched] = true
            weight += roles[touched].weight
          } else {
            heap.insert(
              Entry(ratio: roles[touched].weight / Double(left), role: touched, need: left))
          }
        }
      }
    }
    return withoutSpareMembers(group)
  }
}
