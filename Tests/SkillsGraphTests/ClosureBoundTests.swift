import TestSupport
import Testing

@testable import SkillsGraph

@Suite("Maximum closure and the absence factor's closure bound, against brute force")
struct ClosureBoundTests {
  @Test("the minimum cut finds the best closure of every small graph")
  func closureMatchesEnumeration() {
    var generator = SeededRandom(seed: 3)
    for round in 0..<200 {
      let peopleCount = Int(generator.next() % 7) + 1
      let requires = (0..<Int(generator.next() % 6 + 1)).map { _ in
        (0..<peopleCount).filter { _ in generator.next() % 3 == 0 }
      }
      let itemProfit = requires.map { _ in Double(generator.next() % 9) / 2 }
      let personProfit = (0..<peopleCount).map { _ in Double(generator.next() % 7) / 2 - 2.5 }
      var closure = MaximumClosure(requires: requires, peopleCount: peopleCount)
      var work = 0
      let solved = closure.solve(itemProfit: itemProfit, personProfit: personProfit, work: &work)
      // Every choice of items, with the people they need plus everyone who pays to be taken.
      var best = -Double.infinity
      for mask in 0..<(1 << requires.count) {
        var taken = (0..<peopleCount).map { personProfit[$0] > 0 }
        var profit = 0.0
        for item in requires.indices where mask & (1 << item) != 0 {
          profit += itemProfit[item]
          for person in requires[item] { taken[person] = true }
        }
        for person in 0..<peopleCount where taken[person] { profit += personProfit[person] }
        best = max(best, profit)
      }
      #expect(abs(solved.profit - best) < 1e-9, "round \(round)")
      // What it chose is a closure with that profit.
      var profit = 0.0
      for item in requires.indices where solved.items[item] {
        profit += itemProfit[item]
        #expect(requires[item].allSatisfy { solved.people[$0] }, "round \(round)")
      }
      for person in 0..<peopleCount where solved.people[person] { profit += personProfit[person] }
      #expect(abs(profit - best) < 1e-9, "round \(round)")
    }
  }

  @Test("the closure bound never exceeds the smallest group, and its groups stop half")
  func boundBelowOptimum() {
    var generator = SeededRandom(seed: 17)
    let people: [PersonID] = (0..<10).map { PersonID("P\($0)") }
    var tight = 0
    for _ in 0..<150 {
      let roles = (0..<Int(generator.next() % 6 + 2)).map { _ in
        let qualified = people.filter { _ in generator.next() % 4 == 0 }
        // Mostly every qualified person needed (one must be present), sometimes fewer.
        let needed =
          generator.next() % 3 == 0 && qualified.count > 1
          ? Int(generator.next() % UInt64(qualified.count - 1)) + 1 : qualified.count
        return OrganizationAbsenceFactor.RoleInput(
          weight: Double(generator.next() % 3 + 1), qualified: qualified, needed: needed)
      }
      let best = AbsenceFactorSearchTests.smallestGroup(roles, among: people)
      let search = AbsenceFactorSearch(roles: roles)
      guard search.alreadyStopped < search.threshold else { continue }
      let closure = search.closureBound()
      #expect(closure.lowerBound <= best)
      // Cuts stopped short of their maximum flow still bound from below.
      for limit in [0, 5, 40] {
        let cut = search.closureBound(workLimit: limit)
        #expect(cut.lowerBound <= best)
        #expect(cut.group.map { search.stoppedWeight(by: $0) >= search.threshold } ?? true)
      }
      if let group = closure.group {
        #expect(search.stoppedWeight(by: group) >= search.threshold)
        #expect(group.count >= best)
        if group.count == best { tight += 1 }
      }
    }
    // The bound is useful, not only valid: its groups are often the smallest ones.
    #expect(tight >= 50)
  }

  @Test("with almost no budget for the search, the closure bound alone proves the answer")
  func closureProvesWithoutSearch() {
    // Roles A and B need all of their three people and share two: together four people stop
    // weight 4. Four one-person roles of weight 1 are the other way to weight 4, half of 8.
    // Every person is worth at most one unit of weight, so four is the fewest, and the
    // relaxation says so: the greedy's four singles are proven smallest with no search at all.
    let roles = [
      OrganizationAbsenceFactor.RoleInput(weight: 2, qualified: ["P0", "P1", "P2"], needed: 3),
      OrganizationAbsenceFactor.RoleInput(weight: 2, qualified: ["P0", "P1", "P3"], needed: 3),
      OrganizationAbsenceFactor.RoleInput(weight: 1, qualified: ["S1"], needed: 1),
      OrganizationAbsenceFactor.RoleInput(weight: 1, qualified: ["S2"], needed: 1),
      OrganizationAbsenceFactor.RoleInput(weight: 1, qualified: ["S3"], needed: 1),
      OrganizationAbsenceFactor.RoleInput(weight: 1, qualified: ["S4"], needed: 1),
    ]
    #expect(AbsenceFactorSearch(roles: roles).closureBound().lowerBound == 4)
    // A budget of 100 leaves the first deepening one unit: it stops at once.
    let proven = OrganizationAbsenceFactor(roles: roles, workLimit: 100)
    #expect(proven.isExact)
    #expect(proven.size == 4)
    #expect(proven.people == ["S1", "S2", "S3", "S4"])
    let unsearched = OrganizationAbsenceFactor(roles: roles, workLimit: 0)
    #expect(!unsearched.isExact)
    #expect(unsearched.lowerBound == 1)
  }

  @Test("whole roles first: a pair who stop a heavy role beat three who stop light ones")
  func roleByRoleGreedy() {
    // A needs both of its people and weighs 3; three one-person roles weigh 1 each. Half of 6
    // is 3: A's two people, or the three singles. Person by person, each single completes a
    // role at once and is taken first; role by role, A brings 1.5 per person and wins.
    let roles = [
      OrganizationAbsenceFactor.RoleInput(weight: 3, qualified: ["A1", "A2"], needed: 2),
      OrganizationAbsenceFactor.RoleInput(weight: 1, qualified: ["B"], needed: 1),
      OrganizationAbsenceFactor.RoleInput(weight: 1, qualified: ["C"], needed: 1),
      OrganizationAbsenceFactor.RoleInput(weight: 1, qualified: ["D"], needed: 1),
    ]
    let search = AbsenceFactorSearch(roles: roles)
    #expect(search.greedy().count == 3)
    #expect(search.roleGreedy().map { search.people[$0] } == ["A1", "A2"])
    // With no budget to search, the answer is still the better of the two.
    let unsearched = OrganizationAbsenceFactor(roles: roles, workLimit: 0)
    #expect(unsearched.people == ["A1", "A2"])
    #expect(!unsearched.isExact)
  }
}
