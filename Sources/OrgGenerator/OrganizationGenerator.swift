import SkillsGraph

/// Builds realistic synthetic organizations for tests, demos and benchmarks.
///
/// Two styles share one shape (``Style``): `.plain` numbers everything ("Person 00001") and has
/// no calendar, as tests and benchmarks were measured on; `.realistic` names departments,
/// skills, roles and people from a vocabulary per department and adds planned absences and a
/// few leavers, so a demo reads like a real export. For one seed both have the same people,
/// skills, levels, roles and incumbents: the realistic details come from a second random
/// stream and never change the first.
///
/// The shape follows what real skill matrices look like: people belong to departments, skills
/// cluster by department (plus a few company-wide ones), most holdings are at levels 1–2 and
/// experts are rare, every incumbent is qualified for their role, a handful of people are one
/// step away from a role (the natural mentees), some skills are related, people list a few
/// interests, and a few opt out of mentoring or learning. Everything derives from the seed
/// through ``SplitMix64``, iterating in fixed orders, so a seed always gives the same
/// organization on every platform.
public struct OrganizationGenerator: Sendable {
  /// How hard the organization is to plan for.
  public enum Scarcity: Hashable, Sendable {
    /// The usual organization: mentors have time, so nearly every role that could gain a backup
    /// gets one and a greedy plan is almost always optimal.
    case typical
    /// Mentoring is the bottleneck: a third as many departments (so three times as many roles
    /// draw on each skill cluster), a quarter of the one-skill experts, fewer level-4 holders,
    /// mentors with 1–2 hours a week and 1–2 mentees, and higher targets (critical roles want
    /// three backups, high ones two, normal ones one or two). Roles compete for the same few
    /// mentors, which is where plans differ.
    case tight
  }

  /// How an organization is named and whether it carries a calendar.
  public enum Style: Hashable, Sendable {
    /// Numbered names, no absences, no leavers: the output tests and benchmarks rest on, which
    /// never changes for a seed.
    case plain
    /// Names from a vocabulary per department, planned absences (holidays, training, a few
    /// parental leaves) and a few leavers within the first weeks after ``asOf``.
    case realistic
  }

  /// The date the organization describes when none is given: a fixed Monday, so a seed gives
  /// the same file on any day.
  public static let defaultAsOf = Day(ordinal: 20_094)  // 2025-01-06

  public var people: Int
  public var skills: Int
  public var roles: Int
  public var seed: UInt64
  /// `.typical` unless asked; the typical output for a seed never changes.
  public var scarcity: Scarcity
  /// `.plain` unless asked.
  public var style: Style
  /// The export's date, from which the realistic calendar is drawn.
  public var asOf: Day

  /// Department names, used in order; larger organizations number the repeats.
  static let departmentNames = [
    "Operations", "Finance", "Engineering", "Sales", "Support", "Legal", "People", "Logistics",
    "Procurement", "Marketing", "IT", "Research", "Quality", "Facilities", "Security", "Data",
  ]

  /// Creates a generator; `skills` defaults to one per ten people (at least 12) and `roles` to
  /// one per twenty people (at least 4).
  public init(
    people: Int, skills: Int? = nil, roles: Int? = nil, seed: UInt64,
    scarcity: Scarcity = .typical, style: Style = .plain, asOf: Day = defaultAsOf
  ) {
    self.people = max(1, people)
    self.skills = max(2, skills ?? max(12, people / 10))
    self.roles = max(1, roles ?? max(4, people / 20))
    self.seed = seed
    self.scarcity = scarcity
    self.style = style
    self.asOf = asOf
  }

  /// Generates the organization.
  ///
  /// - Complexity: O(people · skills held + roles · requirements), linear in the output size.
  public func generate() -> Organization {
    var rng = SplitMix64(seed: seed)
    // Names and the calendar draw from their own stream, so `rng` sees the same calls in
    // both styles and the shape of the organization does not depend on the style.
    var details = SplitMix64(seed: seed ^ 0x6E61_6D65_735F_6361)
    let realistic = style == .realistic
    let tight = scarcity == .tight
    let typicalDepartments = min(max(2, people / 60), 40, max(2, skills / 4))
    let departmentCount = tight ? max(2, typicalDepartments / 3) : typicalDepartments
    let departments = (0..<departmentCount).map { index in
      if realistic { return Vocabulary.department(index) }
      let base = Self.departmentNames[index % Self.departmentNames.count]
      return index < Self.departmentNames.count
        ? base : "\(base) \(index / Self.departmentNames.count + 1)"
    }

    // Skills: about a tenth are company-wide, the rest are split into department clusters.
    let generalCount = max(1, skills / 10)
    var skillDepartment: [Int] = []  // -1 for company-wide
    var clusters = [[Int]](repeating: [], count: departmentCount)
    var general: [Int] = []
    for index in 0..<skills {
      if index < generalCount {
        skillDepartment.append(-1)
        general.append(index)
      } else {
        let department = (index - generalCount) % departmentCount
        skillDepartment.append(department)
        clusters[department].append(index)
      }
    }
    for department in clusters.indices where clusters[department].isEmpty {
      clusters[department] = general
    }
    let skillIDs = (0..<skills).map { SkillID("S\(pad($0 + 1, 4))") }
    let stepHours: [Double] = [24, 32, 40, 40, 40, 48]
    var skillList: [Skill] = []
    for index in 0..<skills {
      let cluster = skillDepartment[index] < 0 ? general : clusters[skillDepartment[index]]
      var related: [SkillID] = []
      if rng.chance(0.3), cluster.count > 1 {
        for _ in 0..<(1 + rng.below(2)) {
          let other = rng.pick(cluster)
          if other != index, !related.contains(skillIDs[other]) { related.append(skillIDs[other]) }
        }
      }
      let department = skillDepartment[index]
      var name = "Skill \(pad(index + 1, 4))"
      if realistic {
        name =
          department < 0
          ? Vocabulary.generalSkill(index)
          : Vocabulary.skill(
            department: department, position: (index - generalCount) / departmentCount)
      }
      skillList.append(
        Skill(
          id: skillIDs[index], name: name,
          category: department < 0 ? "General" : departments[department],
          hoursPerLevel: rng.pick(stepHours), related: related))
    }

    // People: own-department skills mostly, some company-wide ones; experts are rare.
    var personList: [Person] = []
    var members = [[Int]](repeating: [], count: departmentCount)
    for index in 0..<people {
      let department = rng.below(departmentCount)
      let id = PersonID("P\(pad(index + 1, 5))")
      let manager = members[department].first.map { personList[$0].id }
      members[department].append(index)
      var levels: [SkillID: Int] = [:]
      let cluster = clusters[department]
      for _ in 0..<(3 + rng.below(6)) {
        let skill = rng.chance(0.8) ? rng.pick(cluster) : rng.pick(general)
        levels[skillIDs[skill]] = max(
          levels[skillIDs[skill]] ?? 0, Self.randomLevel(&rng, tight: tight))
      }
      var interests: [SkillID] = []
      for _ in 0..<rng.below(3) {
        let skill = skillIDs[rng.pick(cluster)]
        if !interests.contains(skill) { interests.append(skill) }
      }
      var name = "Person \(pad(index + 1, 5))"
      if realistic {
        let given = details.below(Vocabulary.givenNames.count)
        name = Vocabulary.person(given: given, family: details.below(Vocabulary.familyNames.count))
      }
      personList.append(
        Person(
          id: id, name: name, department: departments[department],
          manager: manager, grade: "G\(1 + rng.below(6))", levels: levels,
          canMentor: !rng.chance(0.05), canLearn: !rng.chance(0.05),
          mentorHoursPerWeek: rng.pick(tight ? [1, 1, 1, 2] : [1, 2, 2, 2, 3, 4]),
          learningHoursPerWeek: rng.pick([2, 3, 4, 4, 4, 6, 8]),
          maxMentees: rng.pick(tight ? [1, 1, 2] : [1, 2, 3, 3, 4]), interests: interests))
    }

    // Roles: two to five department skills at levels 2–4; incumbents are made qualified, and a
    // few colleagues are brought to one step short, the way real teams half-know each other's work.
    var roleList: [Role] = []
    var rolesInDepartment = [Int](repeating: 0, count: departmentCount)
    for index in 0..<roles {
      var department = index % departmentCount
      if members[department].isEmpty {
        department = members.firstIndex { !$0.isEmpty } ?? 0
      }
      let roleName =
        realistic
        ? Vocabulary.role(department: department, position: rolesInDepartment[department])
        : "Role \(pad(index + 1, 4))"
      rolesInDepartment[department] += 1
      let cluster = clusters[department]
      var requirements: [Requirement] = []
      let wanted = min(cluster.count + general.count, 2 + rng.below(4))
      var attempts = 0
      while requirements.count < wanted, attempts < 50 {
        attempts += 1
        let skill = skillIDs[rng.chance(0.85) ? rng.pick(cluster) : rng.pick(general)]
        if requirements.contains(where: { $0.skill == skill }) { continue }
        let roll = rng.unit()
        requirements.append(Requirement(skill: skill, level: roll < 0.4 ? 2 : roll < 0.85 ? 3 : 4))
      }
      let roll = rng.unit()
      let criticality: Criticality = roll < 0.15 ? .critical : roll < 0.45 ? .high : .normal
      let pool = members[department].isEmpty ? Array(0..<people) : members[department]
      var incumbents: [Int] = []
      for _ in 0..<(rng.chance(0.8) ? 1 : 2) {
        let person = rng.pick(pool)
        if !incumbents.contains(person) { incumbents.append(person) }
      }
      for person in incumbents {
        for requirement in requirements {
          personList[person].levels[requirement.skill] = max(
            personList[person].levels[requirement.skill] ?? 0, requirement.level)
        }
      }
      for _ in 0..<(1 + rng.below(5)) {
        let person = rng.pick(pool)
        if incumbents.contains(person) { continue }
        // Most are one step short in one skill; some are short in two.
        let short = rng.below(requirements.count)
        let second = rng.chance(0.3) ? rng.below(requirements.count) : short
        for (offset, requirement) in requirements.enumerated() {
          let level =
            offset == short || offset == second ? requirement.level - 1 : requirement.level
          personList[person].levels[requirement.skill] = max(
            personList[person].levels[requirement.skill] ?? 0, level)
        }
      }
      // A few experts in single skills, who can teach beyond the incumbents.
      for requirement in requirements where rng.chance(tight ? 0.125 : 0.5) {
        let person = rng.pick(pool)
        personList[person].levels[requirement.skill] = max(
          personList[person].levels[requirement.skill] ?? 0, min(4, requirement.level + 1))
      }
      var backups: Int?
      if tight {
        switch criticality {
        case .critical: backups = 3
        case .high: backups = 2
        default: backups = rng.chance(0.5) ? 2 : 1
        }
      }
      roleList.append(
        Role(
          id: RoleID("R\(pad(index + 1, 4))"), name: roleName,
          requirements: requirements, incumbents: incumbents.map { personList[$0].id },
          criticality: criticality, backups: backups))
    }
    if realistic {
      GeneratedCalendar(asOf: asOf).add(to: &personList, roles: roleList, using: &details)
    }
    return Organization(asOf: asOf, skills: skillList, people: personList, roles: roleList)
  }

  /// A level for a random holding: 1 (35 %), 2 (35 %), 3 (22 %) or 4 (8 %); when `tight`,
  /// 1 (40 %), 2 (40 %), 3 (17 %) or 4 (3 %).
  static func randomLevel(_ rng: inout SplitMix64, tight: Bool = false) -> Int {
    let roll = rng.unit()
    if tight { return roll < 0.40 ? 1 : roll < 0.80 ? 2 : roll < 0.97 ? 3 : 4 }
    return roll < 0.35 ? 1 : roll < 0.70 ? 2 : roll < 0.92 ? 3 : 4
  }
}

/// Zero-pads a number to `width` digits, so ids sort the same as text and as numbers.
func pad(_ value: Int, _ width: Int) -> String {
  let digits = String(value)
  return String(repeating: "0", count: max(0, width - digits.count)) + digits
}
