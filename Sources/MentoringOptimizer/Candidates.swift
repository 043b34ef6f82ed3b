/// A candidate bundle: one mentee who could qualify for one role within their learning budget,
/// with at least one eligible mentor for each missing skill (capacity aside).
struct Bundle: Sendable {
  var mentee: Int
  var role: Int
  /// Mentee hours to close the gap from today's levels, shared skills not counted twice.
  var hours: Double
  /// Requirements the mentee misses today.
  var missing: [(skill: Int, level: Int)]
}

extension Problem {
  /// Every candidate bundle, ordered by role then mentee.
  ///
  /// A role needing more learning than anybody's budget can only be reached by people who hold
  /// some of its skills already, so for such roles only holders are scanned; that keeps the
  /// pass near-linear in the skill matrix instead of people × roles.
  ///
  /// - Complexity: O(Σ_r Σ_{s ∈ req(r)} holders(s) + bundles · requirements · log k).
  func candidateBundles() -> [Bundle] {
    let bestBudget = learnBudget.max() ?? 0
    guard bestBudget > 0 else { return [] }
    var holders = [[Int]](repeating: [], count: skillCount)
    for person in 0..<personCount where learnBudget[person] > 0 {
      for entry in levelStart[person]..<levelStart[person + 1] {
        holders[levelSkill[entry]].append(person)
      }
    }
    var bundles: [Bundle] = []
    var seen = [Int](repeating: -1, count: personCount)
    for role in 0..<roleCount where depthAtEnd(role) < target[role] {
      let reqs = requirements[role]
      if reqs.isEmpty { continue }
      // Cheapest conceivable gap for someone holding none of the skills.
      let emptyHanded = reqs.reduce(0.0) { $0 + Double($1.level) * hoursPerLevel[$1.skill] * 0.75 }
      var scan: [Int] = []
      if emptyHanded <= bestBudget + hourEpsilon {
        scan = (0..<personCount).filter { learnBudget[$0] > 0 }
      } else {
        for requirement in reqs {
          for person in holders[requirement.skill] where seen[person] != role {
            seen[person] = role
            scan.append(person)
          }
        }
        scan.sort()
      }
      let qualified = qualifiedToday[role]
      for person in scan {
        if qualified.binarySearchContains(person) { continue }
        var hours = 0.0
        var missing: [(skill: Int, level: Int)] = []
        var possible = true
        for requirement in reqs {
          let have = level(person, requirement.skill)
          if have >= requirement.level { continue }
          hours +=
            Double(requirement.level - have) * hoursPerLevel[requirement.skill]
            * relatedFactor(person, requirement.skill)
          if hours > learnBudget[person] + hourEpsilon {
            possible = false
            break
          }
          missing.append(requirement)
        }
        guard possible, !missing.isEmpty else { continue }
        // With cascades a mentor trained in the plan may teach too, so anyone holding the
        // mentoring level today will do; without, one of them must fit the pair on their own.
        for requirement in missing
        where options.cascades
          ? !hasMentorAtLevel(for: person, requirement)
          : !hasEligibleMentor(for: person, requirement)
        {
          possible = false
          break
        }
        if possible {
          bundles.append(Bundle(mentee: person, role: role, hours: hours, missing: missing))
        }
      }
    }
    return bundles
  }

  /// `d_H(r)`: people qualified today who still count in the horizon's last week.
  func depthAtEnd(_ role: Int) -> Int {
    qualifiedToday[role].count { lastCountedWeek[$0] >= weeks }
  }

  /// Whether anyone but `person` holds the skill at the mentoring level, whatever their hours.
  func hasMentorAtLevel(for person: Int, _ requirement: (skill: Int, level: Int)) -> Bool {
    (0..<eligibleMentorCount(requirement.skill, requirement.level)).contains {
      mentors[requirement.skill][$0] != person
    }
  }

  /// Whether anyone but `person` could teach `requirement` to them in the time they have.
  ///
  /// Each within their own capacity, and in weeks both are present.
  func hasEligibleMentor(for person: Int, _ requirement: (skill: Int, level: Int)) -> Bool {
    let hours = menteeHours(person, requirement.skill, to: requirement.level)
    let list = mentors[requirement.skill]
    for position in 0..<eligibleMentorCount(requirement.skill, requirement.level)
    where list[position] != person && canPair(mentor: list[position], mentee: person, hours: hours)
    {
      return true
    }
    return false
  }

  /// Whether `mentor` could teach `mentee` a pair of `hours` mentee hours on their own, each
  /// within their whole budget, in the weeks both are present.
  @inline(__always)
  func canPair(mentor: Int, mentee: Int, hours: Double) -> Bool {
    load(of: mentor, with: mentee, hours: hours / 4) <= mentorBudget[mentor] + hourEpsilon
      && load(of: mentee, with: mentor, hours: hours) <= learnBudget[mentee] + hourEpsilon
  }
}

extension Array where Element == Int {
  /// Whether a sorted array contains `value`.
  func binarySearchContains(_ value: Int) -> Bool {
    var low = 0
    var high = count
    while low < high {
      let mid = (low + high) >> 1
      if self[mid] < value { low = mid + 1 } else { high = mid }
    }
    return low < count && self[low] == value
  }
}
