/// People indexed by skill and level, so finding who is qualified for a role never scans
/// everyone.
///
/// For each skill the holders are kept sorted by level, highest first; the people at level `≥ ℓ`
/// are a prefix of that list. A role's qualified set starts from its scarcest requirement's
/// prefix and filters it by the other requirements.
///
/// Skills are numbered once, and a person's levels are read by number (from a dense table when
/// people × skills is small enough, else by binary search in the person's sorted levels): an
/// organization of 10,000 people and 50,000 roles hashed a skill id per candidate and
/// requirement, most of the time of importing it.
package struct SkillIndex: Sendable {
  private let personCount: Int
  /// Skill id → its number.
  private let skillNumber: [SkillID: Int]
  /// Per skill number: (person index, level), highest level first, then person order.
  private let holders: [[(person: Int, level: Int)]]
  /// `levels[person * skillCount + skill]` when that table is small and every level fits a
  /// byte; empty otherwise.
  private let dense: [UInt8]
  /// Otherwise each person's levels, sorted by skill number: `levelSkill[levelStart[p]..<levelStart[p + 1]]`.
  private let levelStart: [Int]
  private let levelSkill: [Int]
  private let levelValue: [Int]

  /// The largest dense table, in bytes.
  private static let denseLimit = 1 << 25

  /// Builds the index over `people`; person indices are positions in that array.
  ///
  /// - Complexity: O(e log e) in the number of (person, skill) entries.
  package init(people: [Person]) {
    personCount = people.count
    var numbers: [SkillID: Int] = [:]
    var start = [0]
    var skills: [Int] = []
    var values: [Int] = []
    var byteSized = true
    start.reserveCapacity(people.count + 1)
    // One person's (skill number, level) pairs, sorted by number for binary search (a person
    // holds each skill once); the buffer is reused from person to person.
    var entries: [(skill: Int, level: Int)] = []
    for person in people {
      entries.removeAll(keepingCapacity: true)
      for (skill, level) in person.levels {
        let number: Int
        if let known = numbers[skill] {
          number = known
        } else {
          number = numbers.count
          numbers[skill] = number
        }
        entries.append((number, level))
        if level < 0 || level > Int(UInt8.max) { byteSized = false }
      }
      entries.sort { $0.skill < $1.skill }
      for entry in entries {
        skills.append(entry.skill)
        values.append(entry.level)
      }
      start.append(skills.count)
    }
    var byLevel = [[(person: Int, level: Int)]](repeating: [], count: numbers.count)
    for person in people.indices {
      for entry in start[person]..<start[person + 1] where values[entry] > 0 {
        byLevel[skills[entry]].append((person, values[entry]))
      }
    }
    for skill in byLevel.indices {
      byLevel[skill].sort { $0.level != $1.level ? $0.level > $1.level : $0.person < $1.person }
    }
    skillNumber = numbers
    holders = byLevel
    let cells = people.count.multipliedReportingOverflow(by: numbers.count)
    if byteSized, !cells.overflow, cells.partialValue <= Self.denseLimit {
      var table = [UInt8](repeating: 0, count: cells.partialValue)
      for person in people.indices {
        for entry in start[person]..<start[person + 1] {
          table[person * numbers.count + skills[entry]] = UInt8(values[entry])
        }
      }
      dense = table
      levelStart = []
      levelSkill = []
      levelValue = []
    } else {
      dense = []
      levelStart = start
      levelSkill = skills
      levelValue = values
    }
  }

  /// The level `person` holds in skill number `skill`.
  @inline(__always)
  private func level(_ person: Int, _ skill: Int) -> Int {
    if !dense.isEmpty { return Int(dense[person * holders.count + skill]) }
    var low = levelStart[person]
    var high = levelStart[person + 1]
    while low < high {
      let middle = (low + high) / 2
      if levelSkill[middle] < skill { low = middle + 1 } else { high = middle }
    }
    return low < levelStart[person + 1] && levelSkill[low] == skill ? levelValue[low] : 0
  }

  /// The number the index gives `skill`, or `nil` when no person lists it (every level in it
  /// is then 0).
  package func number(of skill: SkillID) -> Int? { skillNumber[skill] }

  /// The level the person at `person` holds in the skill numbered `skillNumber`: the import
  /// checks tens of thousands of incumbents, and reading a table beats hashing each skill into
  /// each person's own levels.
  package func level(ofPerson person: Int, skillNumber: Int) -> Int { level(person, skillNumber) }

  /// How many people hold skill number `skill` at `level` or above (`level` > 0).
  private func holderCount(ofNumber skill: Int, atLeast level: Int) -> Int {
    let list = holders[skill]
    var low = 0
    var high = list.count
    while low < high {
      let mid = (low + high) / 2
      if list[mid].level >= level { low = mid + 1 } else { high = mid }
    }
    return low
  }

  /// How many people hold `skill` at `level` or above.
  ///
  /// - Complexity: O(log h) in the number of holders of the skill.
  package func holderCount(of skill: SkillID, atLeast level: Int) -> Int {
    guard level > 0 else { return personCount }
    guard let number = skillNumber[skill] else { return 0 }
    return holderCount(ofNumber: number, atLeast: level)
  }

  /// Indices of the people who meet every requirement, in ascending index order.
  ///
  /// - Complexity: O(k · r) where k is the number of holders of the scarcest requirement and r
  ///   the number of requirements.
  package func qualified(for requirements: [Requirement]) -> [Int] {
    guard let search = Search(requirements, in: self) else { return [] }
    guard let scarcest = search.scarcest else { return Array(0..<personCount) }
    var result: [Int] = []
    for entry in holders[scarcest.skill].prefix(scarcest.count)
    where meetsEveryRequirement(search.demanding, level: { level(entry.person, $0) }) {
      result.append(entry.person)
    }
    result.sort()
    return result
  }

  /// Whether anybody meets every requirement: the import's "nobody qualified" warning needs no
  /// more, and stopping at the first one found spares listing and sorting everyone qualified
  /// for each of tens of thousands of roles.
  ///
  /// - Complexity: O(k · r) at worst, as ``qualified(for:)``, and usually far less.
  package func anyoneQualified(for requirements: [Requirement]) -> Bool {
    guard let search = Search(requirements, in: self) else { return false }
    guard let scarcest = search.scarcest else { return personCount > 0 }
    for entry in holders[scarcest.skill].prefix(scarcest.count)
    where meetsEveryRequirement(search.demanding, level: { level(entry.person, $0) }) {
      return true
    }
    return false
  }

  /// A role's requirements that demand a level, by skill number, and the scarcest of them: the
  /// holders to start from.
  private struct Search {
    var demanding: [(skill: Int, level: Int)] = []
    /// `nil` when no requirement demands a level (everyone qualifies).
    var scarcest: (skill: Int, count: Int)?

    /// `nil` when some requirement names a skill nobody holds, so nobody qualifies.
    init?(_ requirements: [Requirement], in index: SkillIndex) {
      for requirement in requirements where requirement.level > 0 {
        guard let number = index.skillNumber[requirement.skill] else { return nil }
        let count = index.holderCount(ofNumber: number, atLeast: requirement.level)
        demanding.append((number, requirement.level))
        if scarcest.map({ count < $0.count }) ?? true { scarcest = (number, count) }
      }
    }
  }
}
