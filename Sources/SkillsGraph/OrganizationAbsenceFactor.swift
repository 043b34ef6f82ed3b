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
  /// Each unit is one person looked at while bounding a branch. Ten million units take about a tenth of a second in a release build
  /// (several seconds in a debug one), which settles organizations of a few hundred people
  /// exactly and leaves larger ones to the greedy group with its proven lower bound.
  public static let defaultWorkLimit = 10_000_000

  /// Finds the group, exactly when the search finishes within `workLimit`.
  ///
  /// - Parameters:
  ///   - roles: every role with its weight, qualified people and how many must be away.
  ///   - workLimit: the most units of work (people looked at while bounding) the exact search
  ///     may spend; 0 gives the greedy answer with the lower bound 1 (or 0).
  /// - Complexity: the greedy is O(k · s) for a group of k and s (set of roles, role) entries,
  ///   at most the (person, role) ones; the exact search is bounded by `workLimit`.
  public init(roles: [RoleInput], workLimit: Int = defaultWorkLimit) {
    let search = AbsenceFactorSearch(roles: roles)
    totalWeight = search.totalWeight
    let greedy = search.greedy()
    var work = 0
    var proven = search.alreadyStopped >= search.threshold ? 0 : 1
    var exact: [Int]? = proven == 0 ? [] : nil
    deepening: while exact == nil, proven < greedy.count {
      switch search.findGroup(ofSize: proven, work: &work, limit: workLimit) {
      case .found(let group): exact = group
      case .none: proven += 1
      case .timedOut: break deepening
      }
    }
    let chosen = exact ?? greedy
    if exact == nil, proven >= greedy.count { exact = greedy }
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
  private let roles: [(weight: Double, needed: Int, members: [Int])]
  /// Per person: the roles they are qualified for (that are not already stopped).
  private let rolesOf: [[Int]]
  /// Per person: their set of roles, numbered from 0 in order of first appearance.
  ///
  /// People with the same set are interchangeable: the greedy scores a set once, and the exact
  /// search never tries one in place of another it has already tried at the same point.
  private let roleSetOf: [Int]
  /// How many sets of roles there are.
  private let roleSetCount: Int
  let totalWeight: Double
  let threshold: Double
  let alreadyStopped: Double

  init(roles input: [OrganizationAbsenceFactor.RoleInput]) {
    var index: [PersonID: Int] = [:]
    var people: [PersonID] = []
    for role in input where role.needed > 0 {
      for person in role.qualified where index[person] == nil {
        index[person] = people.count
        people.append(person)
      }
    }
    self.people = people
    var roles: [(weight: Double, needed: Int, members: [Int])] = []
    var rolesOf = [[Int]](repeating: [], count: people.count)
    var stopped = 0.0
    for role in input {
      if role.needed == 0 {
        stopped += role.weight
        continue
      }
      let members = role.qualified.compactMap { index[$0] }
      for member in members { rolesOf[member].append(roles.count) }
      roles.append((role.weight, role.needed, members))
    }
    self.roles = roles
    self.rolesOf = rolesOf
    var setNumbers: [[Int]: Int] = [:]
    roleSetOf = rolesOf.map { roles in
      if let number = setNumbers[roles] { return number }
      setNumbers[roles] = setNumbers.count
      return setNumbers.count - 1
    }
    roleSetCount = setNumbers.count
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
  func greedy() -> [Int] {
    var groups: [(roles: [Int], people: [Int])] = Array(repeating: ([], []), count: roleSetCount)
    for person in people.indices {
      groups[roleSetOf[person]].roles = rolesOf[person]
      groups[roleSetOf[person]].people.append(person)
    }
    var next = [Int](repeating: 0, count: groups.count)
    var away = [Int](repeating: 0, count: roles.count)
    var chosen: [Int] = []
    var weight = alreadyStopped
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
      chosen.append(bestScore.person)
      for role in groups[best].roles {
        away[role] += 1
        if away[role] == roles[role].needed { weight += roles[role].weight }
      }
    }
    return chosen
  }

  /// Searches every group of exactly `size` people for one that stops half the weight, adding
  /// the work it does to `work` and giving up once that passes `limit`.
  func findGroup(ofSize size: Int, work: inout Int, limit: Int) -> Outcome {
    var away = [Int](repeating: 0, count: roles.count)
    var group: [Int] = []
    var spent = work
    var timedOut = false
    defer { work = spent }
    let order = people.indices.sorted { rolesOf[$0].count > rolesOf[$1].count }

    /// An upper bound on the weight reachable with `remaining` more people from `order[start...]`:
    /// a stopped role's weight can be shared equally among the people still needed to stop it,
    /// so no group gains more than the sum of its members' largest shares.
    func bound(_ weight: Double, remaining: Int, start: Int) -> Double {
      var shares: [Double] = []
      shares.reserveCapacity(order.count - start)
      for position in start..<order.count {
        var share = 0.0
        for role in rolesOf[order[position]] where away[role] < roles[role].needed {
          share += roles[role].weight / Double(roles[role].needed - away[role])
        }
        if share > 0 { shares.append(share) }
      }
      shares.sort(by: >)
      return weight + shares.prefix(remaining).reduce(0, +)
    }

    func search(from start: Int, weight: Double) -> Bool {
      if weight >= threshold { return true }
      let remaining = size - group.count
      if remaining == 0 || timedOut { return false }
      // A node costs one unit, and its bound one per person it looks at.
      spent += 1 + order.count - start
      if spent > limit {
        timedOut = true
        return false
      }
      if bound(weight, remaining: remaining, start: start) < threshold { return false }
      // Taking someone interchangeable with a person already tried here leads to the groups
      // that person's branch searched (swap the two), so each set of roles is tried once.
      var tried = Set<Int>()
      var position = start
      while position <= order.count - remaining {
        let person = order[position]
        guard tried.insert(roleSetOf[person]).inserted else {
          position += 1
          continue
        }
        var gained = 0.0
        for role in rolesOf[person] {
          away[role] += 1
          if away[role] == roles[role].needed { gained += roles[role].weight }
        }
        group.append(person)
        if search(from: position + 1, weight: weight + gained) { return true }
        group.removeLast()
        for role in rolesOf[person] { away[role] -= 1 }
        position += 1
      }
      return false
    }

    let found = search(from: 0, weight: alreadyStopped)
    return found ? .found(group) : (timedOut ? .timedOut : .none)
  }
}
