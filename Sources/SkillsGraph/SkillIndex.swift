/// People indexed by skill and level, so finding who is qualified for a role never scans
/// everyone.
///
/// For each skill the holders are kept sorted by level, highest first; the people at level `≥ ℓ`
/// are a prefix of that list. A role's qualified set starts from its scarcest requirement's
/// prefix and filters it by the other requirements.
package struct SkillIndex: Sendable {
  /// Dense person index → the person's levels, for the filtering step.
  private let levels: [[SkillID: Int]]
  /// Skill → (person index, level), highest level first, then person order.
  private let holders: [SkillID: [(person: Int, level: Int)]]

  /// Builds the index over `people`; person indices are positions in that array.
  ///
  /// - Complexity: O(n log n) in the number of (person, skill) entries.
  package init(people: [Person]) {
    levels = people.map(\.levels)
    var byLevel: [SkillID: [(person: Int, level: Int)]] = [:]
    for (index, person) in people.enumerated() {
      for (skill, level) in person.levels where level > 0 {
        byLevel[skill, default: []].append((index, level))
      }
    }
    for skill in byLevel.keys {
      byLevel[skill]?.sort { $0.level != $1.level ? $0.level > $1.level : $0.person < $1.person }
    }
    holders = byLevel
  }

  /// How many people hold `skill` at `level` or above.
  ///
  /// - Complexity: O(log h) in the number of holders of the skill.
  package func holderCount(of skill: SkillID, atLeast level: Int) -> Int {
    guard level > 0 else { return levels.count }
    guard let list = holders[skill] else { return 0 }
    var low = 0
    var high = list.count
    while low < high {
      let mid = (low + high) / 2
      if list[mid].level >= level { low = mid + 1 } else { high = mid }
    }
    return low
  }

  /// Indices of the people who meet every requirement, in ascending index order.
  ///
  /// - Complexity: O(k · r) where k is the number of holders of the scarcest requirement and r
  ///   the number of requirements.
  package func qualified(for requirements: [Requirement]) -> [Int] {
    let demanding = requirements.filter { $0.level > 0 }
    guard
      let scarcest = demanding.min(by: {
        holderCount(of: $0.skill, atLeast: $0.level) < holderCount(of: $1.skill, atLeast: $1.level)
      })
    else { return Array(levels.indices) }
    let count = holderCount(of: scarcest.skill, atLeast: scarcest.level)
    guard count > 0, let list = holders[scarcest.skill] else { return [] }
    var result: [Int] = []
    for entry in list.prefix(count) {
      let personLevels = levels[entry.person]
      let requirements = demanding.lazy.map { (skill: $0.skill, level: $0.level) }
      if meetsEveryRequirement(requirements, level: { personLevels[$0] ?? 0 }) {
        result.append(entry.person)
      }
    }
    result.sort()
    return result
  }
}
