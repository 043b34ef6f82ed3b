/// A maximum-weight closure of a two-layer graph, found as a minimum cut (Dinic's algorithm).
///
/// The organization absence factor's lower bound asks, many times over, which roles are worth
/// stopping when stopping a role means taking every one of its people: a role is an item with a
/// profit that requires its people, each of whom has a cost (or a profit of their own). The best
/// choice is a closure of that dependency graph, and a minimum s–t cut finds it exactly
/// (the project-selection construction: profits hang on the source, costs on the sink, each
/// requirement is an uncuttable edge).
///
/// Capacities are `Double`; a residual under `epsilon` counts as none.
struct MaximumClosure {
  /// What requires what: `requires[item]` lists the people item `item` needs.
  let requires: [[Int]]
  let peopleCount: Int

  private let nodeCount: Int
  private var first: [Int]
  private var target: [Int] = []
  private var next: [Int] = []
  private var capacity: [Double] = []

  private var source: Int { 0 }
  private var sink: Int { 1 }
  private func itemNode(_ item: Int) -> Int { 2 + item }
  private func personNode(_ person: Int) -> Int { 2 + requires.count + person }

  init(requires: [[Int]], peopleCount: Int) {
    self.requires = requires
    self.peopleCount = peopleCount
    nodeCount = 2 + requires.count + peopleCount
    first = [Int](repeating: -1, count: nodeCount)
    let edges = requires.reduce(requires.count + peopleCount) { $0 + $1.count }
    target.reserveCapacity(2 * edges)
    next.reserveCapacity(2 * edges)
    capacity.reserveCapacity(2 * edges)
    // Edge 2k is forward, 2k + 1 its reverse; capacities are set per solve.
    for item in requires.indices { addEdge(from: source, to: itemNode(item)) }
    for (item, people) in requires.enumerated() {
      for person in people { addEdge(from: itemNode(item), to: personNode(person)) }
    }
    for person in 0..<peopleCount { addEdge(from: personNode(person), to: sink) }
  }

  private mutating func addEdge(from: Int, to: Int) {
    target.append(to)
    next.append(first[from])
    first[from] = target.count - 1
    capacity.append(0)
    target.append(from)
    next.append(first[to])
    first[to] = target.count - 1
    capacity.append(0)
  }

  /// The closure with the largest total profit, or a bound on it when the work runs out.
  ///
  /// - Parameters:
  ///   - itemProfit: the profit of each item (non-negative).
  ///   - personProfit: each person's profit when taken (negative: a cost).
  ///   - work: units of work spent so far (edges looked at), added to.
  ///   - limit: the most units `work` may reach; the flow stops there, short of its maximum.
  /// - Returns: the chosen items and people (always a closure: what requires a person is only
  ///   chosen with them), and `profit`: the best closure's profit or, when the flow stopped
  ///   short, more than it (the total profit less a flow that is not yet maximum): a bound from
  ///   above either way.
  mutating func solve(
    itemProfit: [Double], personProfit: [Double], work: inout Int, limit: Int = .max
  ) -> (
    items: [Bool], people: [Bool], profit: Double
  ) {
    var positive = 0.0
    var edge = 0
    for profit in itemProfit {
      capacity[edge] = max(0, profit)
      capacity[edge + 1] = 0
      positive += max(0, profit)
      edge += 2
    }
    for people in requires {
      for _ in people {
        capacity[edge] = .infinity
        capacity[edge + 1] = 0
        edge += 2
      }
    }
    // A person who is a profit in their own right is always worth taking: count the profit and
    // leave them free (no cost toward the sink).
    for profit in personProfit {
      capacity[edge] = max(0, -profit)
      capacity[edge + 1] = 0
      positive += max(0, profit)
      edge += 2
    }
    // Setting every capacity is work too: one unit an edge.
    work += capacity.count / 2
    let epsilon = 1e-12 * max(1, positive)
    let flow = maximumFlow(epsilon: epsilon, work: &work, limit: limit)
    let reached = reachableFromSource(epsilon: epsilon)
    let items = requires.indices.map { reached[itemNode($0)] }
    let people = (0..<peopleCount).map { reached[personNode($0)] || personProfit[$0] > 0 }
    return (items, people, positive - flow)
  }

  private mutating func maximumFlow(epsilon: Double, work: inout Int, limit: Int) -> Double {
    var total = 0.0
    var level = [Int](repeating: -1, count: nodeCount)
    var cursor = [Int](repeating: -1, count: nodeCount)
    var queue = [Int](repeating: 0, count: nodeCount)
    var path: [Int] = []  // edges from the source to the current node
    while true {
      // Levels by breadth-first search over edges with room left.
      for node in level.indices { level[node] = -1 }
      level[source] = 0
      var head = 0
      var tail = 1
      queue[0] = source
      while head < tail {
        let node = queue[head]
        head += 1
        var edge = first[node]
        while edge >= 0 {
          work += 1
          let to = target[edge]
          if capacity[edge] > epsilon, level[to] < 0 {
            level[to] = level[node] + 1
            queue[tail] = to
            tail += 1
          }
          edge = next[edge]
        }
      }
      guard level[sink] >= 0, work < limit else { return total }
      for node in cursor.indices { cursor[node] = first[node] }
      // Blocking flow by depth-first search without recursion: advance along the level graph,
      // retreat from dead ends, push the bottleneck whenever the sink is reached.
      path.removeAll(keepingCapacity: true)
      var node = source
      while true {
        if work >= limit { return total }
        if node == sink {
          var bottleneck = Double.infinity
          for edge in path { bottleneck = min(bottleneck, capacity[edge]) }
          for edge in path {
            capacity[edge] -= bottleneck
            capacity[edge ^ 1] += bottleneck
          }
          total += bottleneck
          // Restart from the source; saturated edges are skipped by the cursors.
          path.removeAll(keepingCapacity: true)
          node = source
          continue
        }
        var advanced = false
        while cursor[node] >= 0 {
          work += 1
          let edge = cursor[node]
          let to = target[edge]
          if capacity[edge] > epsilon, level[to] == level[node] + 1 {
            path.append(edge)
            node = to
            advanced = true
            break
          }
          cursor[node] = next[edge]
        }
        if advanced { continue }
        // A dead end: no path to the sink through `node` in this phase.
        level[node] = -1
        guard let last = path.popLast() else { break }
        node = target[last ^ 1]
        cursor[node] = next[cursor[node]]
      }
    }
  }

  private func reachableFromSource(epsilon: Double) -> [Bool] {
    var reached = [Bool](repeating: false, count: nodeCount)
    reached[source] = true
    var stack = [source]
    while let node = stack.popLast() {
      var edge = first[node]
      while edge >= 0 {
        let to = target[edge]
        if capacity[edge] > epsilon, !reached[to] {
          reached[to] = true
          stack.append(to)
        }
        edge = next[edge]
      }
    }
    return reached
  }
}
