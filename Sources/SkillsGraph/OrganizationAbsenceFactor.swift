/// The smallest group of people whose simultaneous absence stops roles carrying at least half of
/// the organization's total weight.
///
/// A role stops when `needed` of its qualified people are away at once; choosing the fewest
/// people to stop enough weight is a partial multi-hitting set, NP-hard in general. An exact
/// branch and bound (iterative deepening on the group size) runs within a budget of work; when it
/// does not finish, the answer is a greedy group together with the proven lower bound (every
/// smaller size was searched exhaustively and failed).
///
/// The budget counts steps of the search, not seconds, so the same organization always gives
/// the same answer, however busy the machine is: a report's bytes never depend on its speed.
public struct OrganizationAbsenceFactor: Hashable, Sendable {
  /// What the search needs to know of one role.
  public struct RoleInput: Hashable, Sendable {
    public var weight: Double
    public var qualified: [PersonID]
    /// People of `qualified` who must be away to stop the role (0: it is already stopped).
    public var needed: Int

    public init(weight: Double, qualified: [PersonID], needed: Int) {
      self.weight = weight
      self.qualified = qualified
      self.needed = needed
    }
  }

  /// The group, in natural id order.
  public var people: [PersonID]
  /// True when `people` is proven smallest; false when it is the greedy answer.
  public var isExact: Bool
  /// No group smaller than this can stop half the weight.
  public var lowerBound: Int
  /// The weight of the roles the group stops.
  public var stoppedWeight: Double
  /// The organization's total role weight.
  public var totalWeight: Double

  /// The group's size: the organization's absence factor.
  public var size: Int { people.count }

  /// The work the exact search may do by default.
  ///
  /// A unit is one set of interchangeable people, or one of its roles, looked at while
  /// bounding a branch, or one edge of the closure bound's minimum cuts (which may use a
  /// tenth).
  /// The generated organizations of 500 to 10,000 people and a 40,000-person export with four
  /// roles settle within a hundredth of it (milliseconds); an organization the closure bound
  /// leaves one or two people open gets the rest, up to about a second in a release build,
  /// then falls back to the best group found with its proven lower bound.
  public static let defaultWorkLimit = 20_000_000

  /// Finds the group, exactly when the search finishes within `workLimit`.
  ///
  /// The best of two greedy groups (person by person, role by role) is the first answer. The
  /// search deepens from size 1 within a hundredth of the budget; when that is not enough,
  /// `AbsenceFactorSearch.closureBound()` lifts the lower bound (and offers groups better than
  /// the greedy one), and the deepening goes on from there with the whole budget.
  ///
  /// - Parameters:
  ///   - roles: every role with its weight, qualified people and how many must be away.
  ///   - workLimit: the most units of work (sets of people looked at while bounding) the exact
  ///     search may spend; 0 gives the greedy answer with the lower bound 1 (or 0).
  /// - Complexity: the role-by-role greedy is O(e log e) for e (person, role) entries; the
  ///   person-by-person one, O(k · s) for a group of k and s (set of roles, role) entries, and
  ///   the exact search are bounded by `workLimit`.
  public init(roles: [RoleInput], workLimit: Int = defaultWorkLimit) {
    let search = AbsenceFactorSearch(roles: roles)
    totalWeight = search.totalWeight
    // The role-by-role greedy always runs (O(e log e)); the person-by-person one costs a scan
    // of every set's roles per person chosen, so it runs when that fits the budget (on an
    // organization of 50,000 roles it would take minutes), and so do the completions of the
    // closure bound's groups.
    let byRoles = search.roleGreedy()
    let scans = search.setRoleEntries.multipliedReportingOverflow(by: max(1, byRoles.count))
    let affordable = !scans.overflow && scans.partialValue <= workLimit
    var incumbent = byRoles
    if affordable {
      let byPeople = search.greedy()
      if byPeople.count <= byRoles.count || search.stoppedWeight(by: byRoles) < search.threshold {
        incumbent = byPeople
      }
    }
    var work = 0
    var proven = search.alreadyStopped >= search.threshold ? 0 : 1
    var exact: [Int]? = proven == 0 ? [] : nil
    if exact == nil {
      proven = max(
        proven, search.rootLowerBound(below: incumbent.count, work: &work, limit: workLimit / 10))
    }
    // Most organizations settle within a hundredth of the budget; the rest get the closure bound
    // (and its groups), then the remaining budget from there.
    var stage = 0
    var preferred: [Bool]?
    deepening: while exact == nil, proven < incumbent.count {
      let stageLimit = stage == 0 ? workLimit / 100 : workLimit
      switch search.findGroup(
        ofSize: proven, work: &work, limit: stageLimit, preferring: preferred)
      {
      case .found(let group): exact = group
      case .none: proven += 1
      case .timedOut:
        guard stage == 0, workLimit > 0 else { break deepening }
        stage = 1
        let closure = search.closureBound(workLimit: workLimit / 10, completing: affordable)
        proven = max(proven, closure.lowerBound)
        preferred = closure.preferred
        if let group = closure.group, group.count < incumbent.count { incumbent = group }
        // The search proves one size at a time: with more than two sizes left between the
        // bound and the best group it cannot settle the answer, so its budget is not spent.
        if incumbent.count - proven > 2 { break deepening }
      }
    }
    if exact == nil, proven >= incumbent.count { exact = incumbent }
    let chosen = exact ?? incumbent
    people = chosen.map { search.people[$0] }.sorted()
    isExact = exact != nil
    lowerBound = exact.map(\.count) ?? proven
    stoppedWeight = search.stoppedWeight(by: chosen)
  }
}

/// The search state behind `OrganizationAbsenceFactor`, over dense person indices.
struct AbsenceFactorSearch {
  enum Outcome {
    case found([Int])
    case none
    case timedOut
  }

  let people: [PersonID]
  /// Per role: weight, needed count, and member person indices.
  let roles: [(weight: Double, needed: Int, members: [Int])]
  /// Per person: the roles they are qualified for (that are not already stopped).
  let rolesOf: [[Int]]
  /// Per set of roles (the roles some people share exactly, numbered in order of first
  /// appearance): the roles, and the people with that set in index order.
  ///
  /// People with the same set are interchangeable: the greedy scores a set once, and the exact
  /// search counts how many people it takes from each set instead of which ones.
  private let setRoles: [[Int]]
  private let setMembers: [[Int]]
  /// Σ over sets of (1 + its roles): what one scan of every set's roles costs.
  let setRoleEntries: Int
  /// The sets in the order the exact search takes them: most weight per person first.
  private let setOrder: [Int]
  /// Weight per person of each set, the default order's key.
  private let weightPerPerson: [Double]
  let totalWeight: Double
  let threshold: Double
  let alreadyStopped: Double

  init(roles input: [OrganizationAbsenceFactor.RoleInput]) {
    // People are numbered in order of first appearance, in the same pass that lists each
    // role's members (one lookup per qualified person of a role).
    var index: [PersonID: Int] = [:]
    var people: [PersonID] = []
    var roles: [(weight: Double, needed: Int, members: [Int])] = []
    var rolesOf: [[Int]] = []
    var stopped = 0.0
    for role in input {
      if role.needed == 0 {
        stopped += role.weight
        continue
      }
      var members: [Int] = []
      members.reserveCapacity(role.qualified.count)
      for person in role.qualified {
        let number: Int
        if let known = index[person] {
          number = known
        } else {
          number = people.count
          index[person] = number
          people.append(person)
          rolesOf.append([])
        }
        members.append(number)
        rolesOf[number].append(roles.count)
      }
      roles.append((role.weight, role.needed, members))
    }
    self.people = people
    self.roles = roles
    self.rolesOf = rolesOf
    var setNumbers: [[Int]: Int] = [:]
    var setRoles: [[Int]] = []
    var setMembers: [[Int]] = []
    for (person, roles) in rolesOf.enumerated() {
      if let number = setNumbers[roles] {
        setMembers[number].append(person)
      } else {
        setNumbers[roles] = setRoles.count
        setRoles.append(roles)
        setMembers.append([person])
      }
    }
    self.setRoles = setRoles
    self.setMembers = setMembers
    setRoleEntries = setRoles.reduce(0) { $0 + 1 + $1.count }
    let weightPerPerson = setRoles.map { set in
      set.reduce(0.0) { $0 + roles[$1].weight / Double(roles[$1].needed) }
    }
    self.weightPerPerson = weightPerPerson
    setOrder = setRoles.indices.sorted {
      (weightPerPerson[$0], $1) > (weightPerPerson[$1], $0)
    }
    totalWeight = input.reduce(0) { $0 + $1.weight }
    threshold = totalWeight / 2
    alreadyStopped = stopped
  }

  func stoppedWeight(by group: [Int]) -> Double {
    var away = [Int](repeating: 0, count: roles.count)
    for person in group { for role in rolesOf[person] { away[role] += 1 } }
    var weight = alreadyStopped
    for (role, count) in away.enumerated() where count >= roles[role].needed {
      weight += roles[role].weight
    }
    return weight
  }

  /// Adds, one at a time, the person who stops the most weight now, or (when nobody stops a role
  /// alone) who brings the most weight closer to stopping, per person still needed; among
  /// equals, the first in index order.
  ///
  /// People qualified for the same roles always score the same, so the scores are worked out
  /// per set of roles and each set hands out its people in index order: the choices are the
  /// ones a scan of every person would make, at the cost of one scan of the sets per choice.
  /// (An organization with four large roles has four sets and needed 13,334 choices: scanning
  /// 40,000 people for each took over a second.)
  /// - Complexity: O(s) per choice for s (set, role) entries, at most the (person, role) ones.
  func greedy(startingFrom start: [Int] = []) -> [Int] {
    let groups = zip(setRoles, setMembers).map { (roles: $0, people: $1) }
    var next = [Int](repeating: 0, count: groups.count)
    var away = [Int](repeating: 0, count: roles.count)
    var taken = [Bool](repeating: false, count: start.isEmpty ? 0 : people.count)
    var chosen = start
    var weight = alreadyStopped
    for person in start {
      taken[person] = true
      for role in rolesOf[person] {
        away[role] += 1
        if away[role] == roles[role].needed { weight += roles[role].weight }
      }
    }
    /// Moves a set's next person past those already in the group.
    func skipTaken(_ group: Int) {
      guard !taken.isEmpty else { return }
      while next[group] < groups[group].people.count, taken[groups[group].people[next[group]]] {
        next[group] += 1
      }
    }
    for group in groups.indices { skipTaken(group) }
    while weight < threshold {
      var best = -1
      var bestScore = (gain: 0.0, progress: 0.0, person: 0)
      for group in groups.indices where next[group] < groups[group].people.count {
        var gain = 0.0
        var progress = 0.0
        for role in groups[group].roles where away[role] < roles[role].needed {
          let remaining = roles[role].needed - away[role]
          if remaining == 1 { gain += roles[role].weight }
          progress += roles[role].weight / Double(remaining)
        }
        let person = groups[group].people[next[group]]
        if best < 0 || (gain, progress) > (bestScore.gain, bestScore.progress)
          || ((gain, progress) == (bestScore.gain, bestScore.progress) && person < bestScore.person)
        {
          best = group
          bestScore = (gain, progress, person)
        }
      }
      guard best >= 0, bestScore.progress > 0 else { break }
      next[best] += 1
      skipTaken(best)
      chosen.append(bestScore.person)
      for role in groups[best].roles {
        away[role] += 1
        if away[role] == roles[role].needed { weight += roles[role].weight }
      }
    }
    return chosen
  }

  /// The smallest size below `size` that the bound at the root does not rule out.
  ///
  /// It is `size` when the bound rules them all out. Found by bisection: the bound only grows
  /// with the size, and each look costs one root node. The bisection stops, with what it has
  /// proven, once `work` passes `limit`.
  func rootLowerBound(below size: Int, work: inout Int, limit: Int) -> Int {
    var low = 1  // every size below `low` is ruled out
    var high = size
    while low < high, work < limit {
      let middle = low + (high - low) / 2
      // A limit that pays for the root only: past it, the search would have to branch.
      var spent = 0
      if case .none = findGroup(ofSize: middle, work: &spent, limit: setRoleEntries + 1) {
        low = middle + 1
      } else {
        high = middle
      }
      work += spent
    }
    return low
  }

  /// The sets with the people of `preferred` first (a relaxation's answer, where a group that
  /// meets its bound is most likely found), each part by weight per person.
  func order(preferring preferred: [Bool]) -> [Int] {
    let share = setMembers.map { members in
      Double(members.count { preferred[$0] }) / Double(max(1, members.count))
    }
    return setRoles.indices.sorted {
      (share[$0], weightPerPerson[$0], $1) > (share[$1], weightPerPerson[$1], $0)
    }
  }

  /// Searches every group of exactly `size` people for one that stops half the weight, adding
  /// the work it does to `work` and giving up once that passes `limit`.
  ///
  /// People with the same set of roles are interchangeable, so a group is searched as how many
  /// people it takes from each set (the first ones of the set, in index order): the sets are
  /// taken in a fixed order and a branch never goes back to an earlier set, so each such count
  /// is visited once. A node costs one unit plus one per set its bound looks at.
  func findGroup(
    ofSize size: Int, work: inout Int, limit: Int, preferring preferred: [Bool]? = nil
  ) -> Outcome {
    let setOrder = preferred.map(order(preferring:)) ?? self.setOrder
    // What the bound of a node starting at each position costs: the sets from there on, and
    // their roles (each looked at a few times).
    var cost = [Int](repeating: 1, count: setOrder.count + 1)
    for position in setOrder.indices.reversed() {
      cost[position] = cost[position + 1] + 1 + setRoles[setOrder[position]].count
    }
    var away = [Int](repeating: 0, count: roles.count)
    var taken = [Int](repeating: 0, count: setRoles.count)
    var group: [Int] = []
    var spent = work
    var timedOut = false
    defer { work = spent }
    var shares: [(share: Double, count: Int)] = []
    // Scratch space of the bound, all zero and false between calls.
    var availableOf = [Int](repeating: 0, count: roles.count)
    var counted = [Bool](repeating: false, count: roles.count)
    shares.reserveCapacity(setOrder.count)
    // Sums of shares are rounded differently from sums of weights: never prune on a hair.
    let tolerance = 1e-9 * max(1, totalWeight)

    /// What one more person of `set` brings toward stopping roles that `remaining` people can
    /// still stop: each such role's weight shared equally among the people it still needs.
    func share(of set: Int, remaining: Int) -> Double {
      var share = 0.0
      for role in setRoles[set] {
        let need = roles[role].needed - away[role]
        if need > 0, need <= remaining { share += roles[role].weight / Double(need) }
      }
      return share
    }

    /// An upper bound on the weight reachable with `remaining` more people from the sets at
    /// `setOrder[start...]`.
    ///
    /// A role stops only if it still needs at most `remaining` people and at most as many as
    /// those sets still hold of its members; the bound is the smaller of two: the weight of such
    /// roles, and the sum of the `remaining` largest shares (a role stopped later has at least
    /// `need` of the new people in it, so its weight is covered by their shares).
    func bound(_ weight: Double, remaining: Int, start: Int) -> Double {
      for position in start..<setOrder.count {
        let set = setOrder[position]
        let available = setMembers[set].count - taken[set]
        for role in setRoles[set] { availableOf[role] += available }
      }
      var stoppable = weight
      shares.removeAll(keepingCapacity: true)
      for position in start..<setOrder.count {
        let set = setOrder[position]
        let available = setMembers[set].count - taken[set]
        var share = 0.0
        for role in setRoles[set] {
          let need = roles[role].needed - away[role]
          if need > 0, need <= remaining, need <= availableOf[role] {
            share += roles[role].weight / Double(need)
            if !counted[role] {
              counted[role] = true
              stoppable += roles[role].weight
            }
          }
        }
        if available > 0, share > 0 { shares.append((share, min(available, remaining))) }
      }
      for position in start..<setOrder.count {
        for role in setRoles[setOrder[position]] {
          availableOf[role] = 0
          counted[role] = false
        }
      }
      shares.sort { $0.share > $1.share }
      var total = weight
      var left = remaining
      for entry in shares where left > 0 {
        let count = min(entry.count, left)
        total += entry.share * Double(count)
        left -= count
      }
      return min(total, stoppable)
    }

    func search(from start: Int, weight: Double) -> Bool {
      if weight >= threshold { return true }
      let remaining = size - group.count
      if remaining == 0 || timedOut { return false }
      spent += cost[start]
      if spent > limit {
        timedOut = true
        return false
      }
      if bound(weight, remaining: remaining, start: start) < threshold - tolerance { return false }
      for position in start..<setOrder.count {
        let set = setOrder[position]
        // Someone who brings nothing now never helps: a group with them and without them
        // stops the same roles, and every smaller size has already failed.
        guard taken[set] < setMembers[set].count, share(of: set, remaining: remaining) > 0
        else { continue }
        let person = setMembers[set][taken[set]]
        var gained = 0.0
        for role in setRoles[set] {
          away[role] += 1
          if away[role] == roles[role].needed { gained += roles[role].weight }
        }
        taken[set] += 1
        group.append(person)
        if search(from: position, weight: weight + gained) { return true }
        group.removeLast()
        taken[set] -= 1
        for role in setRoles[set] { away[role] -= 1 }
        if timedOut { return false }
      }
      return false
    }

    let found = search(from: 0, weight: alreadyStopped)
    return found ? .found(group) : (timedOut ? .timedOut : .none)
  }
}
