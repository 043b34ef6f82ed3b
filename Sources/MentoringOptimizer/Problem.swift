import SkillsGraph

/// The organization turned into dense integer indices, with everything the search reads often
/// precomputed: budgets, levels, eligible mentors per skill and the roles each skill feeds.
///
/// People, skills and roles are numbered in natural id order, so "lowest index" is the documented
/// tie-break on ids everywhere in the optimizer. Hot loops never touch a dictionary or a string.
struct Problem: Sendable {
  let options: PlanOptions
  let organization: Organization

  // People, by id order.
  let personIDs: [PersonID]
  /// Position of each person in `organization.people`.
  let personSource: [Int]
  let department: [Int]
  let canMentor: [Bool]
  let canLearn: [Bool]
  /// Learning hours over the horizon (weekly hours × weeks present), 0 for people who opted out
  /// or leave within the horizon.
  let learnBudget: [Double]
  /// Mentoring hours over the horizon (weekly hours × weeks present), 0 for people who opted out.
  let mentorBudget: [Double]
  let maxMentees: [Int]
  let learnPerWeek: [Double]
  let mentorPerWeek: [Double]
  /// Weeks of the horizon, `H`.
  let weeks: Int
  /// Person → number of weeks they are present (all `H` without a calendar).
  let presentWeekCount: [Int]
  /// Person → whether they are present in every week that has working days, which is what
  /// everyone is without a calendar.
  let fullyPresent: [Bool]
  /// Person → the last week in which they count in week depth: `H` for everyone but leavers,
  /// whose leaving date stops counting from the week after it (docs/model.md, "Week depth").
  let lastCountedWeek: [Int]
  /// Person → bit set of present weeks (bit `w − 1` for week `w`), 64 weeks a word; empty
  /// without a calendar.
  let presence: [[UInt64]]
  /// Person → (skill, level) entries sorted by skill, in CSR form.
  let levelStart: [Int]
  let levelSkill: [Int]
  let levelValue: [Int]
  /// Person → interest skills, sorted.
  let interests: [[Int]]

  // Skills, by id order.
  let skillIDs: [SkillID]
  /// Skill → its position in natural id order (skills mentioned but not declared come last in
  /// `skillIDs`, so the index alone is not that order).
  let skillRank: [Int]
  let hoursPerLevel: [Double]
  let related: [[Int]]
  /// Skill → people allowed to mentor it (canMentor, hours and a mentee slot), highest level
  /// first, then index order; the mentors for level `ℓ` are a prefix of the list.
  let mentors: [[Int]]
  /// Skill → for each level `ℓ` in `0...maxLevel+1`, how many of `mentors[s]` hold `≥ ℓ`.
  let mentorCount: [[Int]]
  /// Skill → roles that require it.
  let rolesOfSkill: [[Int]]

  // Roles, by id order.
  let roleIDs: [RoleID]
  let roleSource: [Int]
  let weight: [Double]
  let target: [Int]
  /// Requirements with duplicate skills merged to their highest level, sorted by skill.
  let requirements: [[(skill: Int, level: Int)]]
  /// People qualified today, ascending.
  let qualifiedToday: [[Int]]
  let depthToday: [Int]
  let maxLevel: Int
  /// Person × skill → level, row by row, when the matrix is small; empty otherwise.
  ///
  /// At most ``denseLimit`` cells: one load instead of a binary search in the hottest lookup.
  let denseLevels: [UInt8]
  static let denseLimit = 1 << 20

  // The earlier plan given as input (docs/model.md, "Progress, agreements and re-planning").
  /// Pairs that forbids and dropped pairs rule out.
  let ruleOuts: RuleOuts
  /// `mentee · skillCount + skill` → mentee hours an active pair has already spent: the hours
  /// a bundle needs for that skill are this much fewer.
  let hoursDone: [Int: Double]

  /// The problem of planning `organization` under `options`: people who left before the
  /// horizon's first day are left out here, so every caller of the optimizer gets the rule.
  init(_ organization: Organization, options: PlanOptions) {
    let organization = options.horizon.applyDepartures(to: organization)
    self.options = options
    self.organization = organization
    let weeks = options.weeks
    self.weeks = weeks
    let calendar = options.horizon.calendar.map { WeekCalendar($0) }

    let skillOrder = naturalOrderPositions(organization.skills.map(\.id))
    var skills = SkillInterner()
    for position in skillOrder where skills.find(organization.skills[position].id) == nil {
      _ = skills.add(organization.skills[position].id)
    }
    let declaredSkills = skills.ids.count
    for skill in organization.skills {
      if let index = skills.find(skill.id) {
        skills.hours[index] = skill.hoursPerLevel
        skills.related[index] = skill.related
      }
    }

    let people = organization.people
    let personCount = people.count
    let personOrder = naturalOrderPositions(people.map(\.id))
    personSource = personOrder
    personIDs = personOrder.map { people[$0].id }
    var departments = StringNumbering()
    var department: [Int] = []
    var canMentor: [Bool] = []
    var canLearn: [Bool] = []
    var learnBudget: [Double] = []
    var mentorBudget: [Double] = []
    var maxMentees: [Int] = []
    var learnPerWeek: [Double] = []
    var mentorPerWeek: [Double] = []
    var levelStart: [Int] = [0]
    var levelSkill: [Int] = []
    var levelValue: [Int] = []
    var interests: [[Int]] = []
    var presentWeekCount: [Int] = []
    var fullyPresent: [Bool] = []
    var presence: [[UInt64]] = []
    var lastCountedWeek: [Int] = []
    lastCountedWeek.reserveCapacity(personCount)
    department.reserveCapacity(personCount)
    canMentor.reserveCapacity(personCount)
    canLearn.reserveCapacity(personCount)
    learnBudget.reserveCapacity(personCount)
    mentorBudget.reserveCapacity(personCount)
    maxMentees.reserveCapacity(personCount)
    learnPerWeek.reserveCapacity(personCount)
    mentorPerWeek.reserveCapacity(personCount)
    levelStart.reserveCapacity(personCount + 1)
    interests.reserveCapacity(personCount)
    presentWeekCount.reserveCapacity(personCount)
    fullyPresent.reserveCapacity(personCount)
    let levelEntries = people.reduce(0) { $0 + $1.levels.count }
    levelSkill.reserveCapacity(levelEntries)
    levelValue.reserveCapacity(levelEntries)
    var maxLevel = max(organization.scaleMax, 0)
    var entries: [(skill: Int, level: Int)] = []
    for position in personOrder {
      let person = people[position]
      department.append(departments.number(person.department))
      canMentor.append(person.canMentor)
      canLearn.append(person.canLearn)
      var present = weeks
      var leavesEarly = false
      if let calendar {
        let bits = calendar.presence(of: person)
        present = bits.reduce(0) { $0 + $1.nonzeroBitCount }
        presence.append(bits)
        fullyPresent.append(present == calendar.workingWeeks)
        leavesEarly = person.leaves.map { $0 < calendar.horizon.end } ?? false
        if leavesEarly, let leaves = person.leaves {
          // Counted in every week whose first day is on or before the last working day.
          let start = calendar.horizon.start.ordinal
          lastCountedWeek.append(
            leaves.ordinal < start ? 0 : min(weeks, (leaves.ordinal - start) / 7 + 1))
        } else {
          lastCountedWeek.append(weeks)
        }
      } else {
        fullyPresent.append(true)
        lastCountedWeek.append(weeks)
      }
      presentWeekCount.append(present)
      // A backup who leaves within the horizon is no backup: leavers are never trained.
      let learn = person.canLearn && !leavesEarly ? max(0, person.learningHoursPerWeek) : 0
      let mentor = person.canMentor ? max(0, person.mentorHoursPerWeek) : 0
      learnPerWeek.append(learn)
      mentorPerWeek.append(mentor)
      learnBudget.append(learn * Double(present))
      mentorBudget.append(mentor * Double(present))
      maxMentees.append(person.canMentor ? max(0, person.maxMentees) : 0)
      entries.removeAll(keepingCapacity: true)
      for (skill, level) in person.levels where level > 0 {
        entries.append((skills.intern(skill), level))
        maxLevel = max(maxLevel, level)
      }
      entries.sort { $0.skill < $1.skill }
      for entry in entries {
        levelSkill.append(entry.skill)
        levelValue.append(entry.level)
      }
      levelStart.append(levelSkill.count)
      interests.append(
        person.interests.isEmpty ? [] : sortedUnique(person.interests.map { skills.intern($0) }))
    }

    let roleOrder = naturalOrderPositions(organization.roles.map(\.id))
    roleSource = roleOrder
    roleIDs = roleOrder.map { organization.roles[$0].id }
    weight = roleOrder.map { organization.roles[$0].weight }
    target = roleOrder.map { organization.roles[$0].target }
    var requirements: [[(skill: Int, level: Int)]] = []
    requirements.reserveCapacity(roleOrder.count)
    for position in roleOrder {
      // Duplicate skills merged to their highest level, sorted by skill.
      var merged: [(skill: Int, level: Int)] = []
      for requirement in organization.roles[position].requirements where requirement.level > 0 {
        merged.append((skills.intern(requirement.skill), requirement.level))
        maxLevel = max(maxLevel, requirement.level)
      }
      merged.sort { $0.skill != $1.skill ? $0.skill < $1.skill : $0.level > $1.level }
      var unique: [(skill: Int, level: Int)] = []
      unique.reserveCapacity(merged.count)
      for requirement in merged where unique.last?.skill != requirement.skill {
        unique.append(requirement)
      }
      requirements.append(unique)
    }
    self.requirements = requirements
    self.maxLevel = maxLevel

    let skillIDs = skills.ids
    self.skillIDs = skillIDs
    if skillIDs.count == declaredSkills {
      skillRank = Array(skillIDs.indices)
    } else {
      var rank = [Int](repeating: 0, count: skillIDs.count)
      for (order, skill) in naturalOrderPositions(skillIDs).enumerated() { rank[skill] = order }
      skillRank = rank
    }
    hoursPerLevel = skills.hours
    // Related skills are interned after `skillIDs` is stored, as they always were: one nobody
    // holds or requires takes part in nothing but the discount.
    related = skills.related.map { ids in
      ids.isEmpty ? [] : sortedUnique(ids.map { skills.intern($0) })
    }
    self.department = department
    self.canMentor = canMentor
    self.canLearn = canLearn
    self.learnBudget = learnBudget
    self.mentorBudget = mentorBudget
    self.maxMentees = maxMentees
    self.learnPerWeek = learnPerWeek
    self.mentorPerWeek = mentorPerWeek
    self.presentWeekCount = presentWeekCount
    self.fullyPresent = fullyPresent
    self.presence = presence
    self.lastCountedWeek = lastCountedWeek
    self.levelStart = levelStart
    self.levelSkill = levelSkill
    self.levelValue = levelValue
    self.interests = interests

    // Mentors and holders per skill, with their levels, in person order.
    let skillCount = skillIDs.count
    // Sized first: growing thirty lists one append at a time costs more than the rest.
    var holderCount = [Int](repeating: 0, count: skillCount)
    var mentorTotal = [Int](repeating: 0, count: skillCount)
    let mentoring = (0..<personCount).map {
      canMentor[$0] && mentorBudget[$0] > 0 && maxMentees[$0] > 0
    }
    for person in 0..<personCount {
      for entry in levelStart[person]..<levelStart[person + 1] {
        holderCount[levelSkill[entry]] += 1
        if mentoring[person] { mentorTotal[levelSkill[entry]] += 1 }
      }
    }
    var holders: [[Int]] = holderCount.map { count in
      var list: [Int] = []
      list.reserveCapacity(count)
      return list
    }
    var mentorEntries: [[(person: Int, level: Int)]] = mentorTotal.map { count in
      var list: [(person: Int, level: Int)] = []
      list.reserveCapacity(count)
      return list
    }
    for person in 0..<personCount {
      for entry in levelStart[person]..<levelStart[person + 1] {
        holders[levelSkill[entry]].append(person)
        if mentoring[person] {
          mentorEntries[levelSkill[entry]].append((person, levelValue[entry]))
        }
      }
    }
    var mentors: [[Int]] = []
    var mentorCount: [[Int]] = []
    mentors.reserveCapacity(skillCount)
    mentorCount.reserveCapacity(skillCount)
    for skill in 0..<skillCount {
      // Highest level first, then person order: the entries come in person order, so taking
      // them level by level from the top is that order without a sort.
      let entries = mentorEntries[skill]
      var histogram = [Int](repeating: 0, count: maxLevel + 2)
      for entry in entries { histogram[min(entry.level, maxLevel + 1)] += 1 }
      var list: [Int] = []
      list.reserveCapacity(entries.count)
      for level in stride(from: maxLevel + 1, through: 0, by: -1) where histogram[level] > 0 {
        for entry in entries where min(entry.level, maxLevel + 1) == level {
          list.append(entry.person)
        }
      }
      // counts[ℓ]: how many of them hold ℓ or more.
      var counts = histogram
      for level in stride(from: maxLevel, through: 0, by: -1) { counts[level] += counts[level + 1] }
      mentors.append(list)
      mentorCount.append(counts)
    }
    self.mentors = mentors
    self.mentorCount = mentorCount

    var rolesOfSkill = [[Int]](repeating: [], count: skillCount)
    for role in requirements.indices {
      for requirement in requirements[role] { rolesOfSkill[requirement.skill].append(role) }
    }
    self.rolesOfSkill = rolesOfSkill

    // Qualified today: start from the holders of the rarest requirement and filter.
    var qualifiedToday: [[Int]] = []
    qualifiedToday.reserveCapacity(requirements.count)
    for role in requirements.indices {
      let reqs = requirements[role]
      guard let rarest = reqs.min(by: { holders[$0.skill].count < holders[$1.skill].count }) else {
        qualifiedToday.append(Array(0..<personCount))
        continue
      }
      var list: [Int] = []
      for person in holders[rarest.skill]
      where meetsEveryRequirement(
        reqs, level: { Self.level(person, $0, levelStart, levelSkill, levelValue) })
      {
        list.append(person)
      }
      qualifiedToday.append(list)
    }
    self.qualifiedToday = qualifiedToday
    depthToday = qualifiedToday.map(\.count)

    if personCount * skillCount <= Self.denseLimit, maxLevel <= Int(UInt8.max) {
      var dense = [UInt8](repeating: 0, count: personCount * skillCount)
      for person in 0..<personCount {
        for entry in levelStart[person]..<levelStart[person + 1] {
          dense[person * skillCount + levelSkill[entry]] = UInt8(levelValue[entry])
        }
      }
      denseLevels = dense
    } else {
      denseLevels = []
    }

    var personIndex: [PersonID: Int] = [:]
    personIndex.reserveCapacity(personCount)
    for (index, id) in personIDs.enumerated() where personIndex[id] == nil {
      personIndex[id] = index
    }
    var skillIndex: [SkillID: Int] = [:]
    for (index, id) in skillIDs.enumerated() where skillIndex[id] == nil { skillIndex[id] = index }
    var ruleOuts = RuleOuts()
    var hoursDone: [Int: Double] = [:]
    if let plan = organization.plan {
      ruleOuts = RuleOuts(plan, person: { personIndex[$0] }, skill: { skillIndex[$0] })
      for pair in plan.pairs where pair.status == .active {
        guard let mentee = personIndex[pair.mentee], let skill = skillIndex[pair.skill] else {
          continue
        }
        hoursDone[mentee * skillCount + skill] = max(0, pair.hoursDone)
      }
    }
    self.ruleOuts = ruleOuts
    self.hoursDone = hoursDone
    self.personIndex = personIndex
    self.skillIndex = skillIndex
  }

  /// Person id → dense index (the first person with the id).
  let personIndex: [PersonID: Int]
  /// Skill id → dense index.
  let skillIndex: [SkillID: Int]

  /// The level `person` holds in `skill` in the CSR arrays of a problem under construction.
  @inline(__always)
  static func level(
    _ person: Int, _ skill: Int, _ start: [Int], _ skills: [Int], _ values: [Int]
  ) -> Int {
    var low = start[person]
    var high = start[person + 1]
    while low < high {
      let mid = (low + high) >> 1
      if skills[mid] < skill { low = mid + 1 } else { high = mid }
    }
    return low < start[person + 1] && skills[low] == skill ? values[low] : 0
  }

  var personCount: Int { personIDs.count }
  var roleCount: Int { roleIDs.count }
  var skillCount: Int { skillIDs.count }

  /// The level `person` holds today in `skill`.
  ///
  /// - Complexity: O(1) on a small problem, else O(log k) in the number of skills the person
  ///   holds.
  @inline(__always)
  func level(_ person: Int, _ skill: Int) -> Int {
    // Skills numbered after `skillIDs` (related ones nobody holds or requires) are outside.
    if !denseLevels.isEmpty, skill < skillIDs.count {
      return Int(denseLevels[person * skillIDs.count + skill])
    }
    return Self.level(person, skill, levelStart, levelSkill, levelValue)
  }

  /// The model's learning discount: 0.75 when the person holds a related skill at level 2 or more
  /// today (today, so a pair's cost never depends on the order pairs were chosen in).
  @inline(__always)
  func relatedFactor(_ person: Int, _ skill: Int) -> Double {
    for other in related[skill] where level(person, other) >= 2 { return 0.75 }
    return 1
  }

  /// Mentee hours to raise `person` in `skill` from today's level to `level`.
  @inline(__always)
  func menteeHours(_ person: Int, _ skill: Int, to level: Int) -> Double {
    let from = self.level(person, skill)
    guard level > from else { return 0 }
    let hours = Double(level - from) * hoursPerLevel[skill] * relatedFactor(person, skill)
    if hoursDone.isEmpty { return hours }
    return max(0, hours - (hoursDone[person * skillIDs.count + skill] ?? 0))
  }

  /// `h(p)` of the model: mentee hours from today's level, before any hours already done.
  func fullMenteeHours(_ person: Int, _ skill: Int, to level: Int) -> Double {
    let from = self.level(person, skill)
    guard level > from else { return 0 }
    return Double(level - from) * hoursPerLevel[skill] * relatedFactor(person, skill)
  }

  /// The level a mentor needs today to teach `skill` up to `level`.
  @inline(__always)
  func mentorLevel(for level: Int) -> Int { max(level, options.mentorMinLevel) }

  /// The prefix of `mentors[skill]` that may teach up to `level`.
  @inline(__always)
  func eligibleMentorCount(_ skill: Int, _ level: Int) -> Int {
    let needed = mentorLevel(for: level)
    if needed <= 0 { return mentors[skill].count }
    if needed > maxLevel { return 0 }
    return mentorCount[skill][needed]
  }

  /// Whether `person` is present (teaches and learns) in 1-based week `week`.
  @inline(__always)
  func isPresent(_ person: Int, week: Int) -> Bool {
    guard !presence.isEmpty else { return week >= 1 && week <= weeks }
    guard week >= 1, week <= weeks else { return false }
    return presence[person][(week - 1) >> 6] & (1 << UInt64((week - 1) & 63)) != 0
  }

  /// Weeks in which both people are present: the only weeks a pair of theirs can run.
  @inline(__always)
  func commonWeeks(_ a: Int, _ b: Int) -> Int {
    if fullyPresent[a] { return presentWeekCount[b] }
    if fullyPresent[b] { return presentWeekCount[a] }
    var count = 0
    for (x, y) in zip(presence[a], presence[b]) { count += (x & y).nonzeroBitCount }
    return count
  }

  /// The share of `person`'s capacity that `hours` of a pair with `partner` take.
  ///
  /// A pair with `partner` can only run in their common weeks, so it is charged as if run at an
  /// even pace over them: `hours · present(person) / common`. Charges of a person's pairs adding
  /// up to at most their budget (weekly hours × weeks present) means the even-pace schedule
  /// stays within their weekly hours in every week, so every plan can be scheduled. Without
  /// absences the charge is just `hours`, the model's rule; it is infinite when the two are
  /// never present in the same week.
  @inline(__always)
  func load(of person: Int, with partner: Int, hours: Double) -> Double {
    let common = commonWeeks(person, partner)
    let own = presentWeekCount[person]
    if common == own { return hours }
    if common == 0 { return hours > 0 ? .infinity : 0 }
    return hours * Double(own) / Double(common)
  }

  /// Appends the roles, ascending, that `person` qualifies for with the raises considered but not
  /// today: the roles of the raised skills whose every requirement `level` meets.
  ///
  /// - Parameters:
  ///   - person: the learner, a dense person index.
  ///   - raising: the skills whose level the caller raises (roles of no other skill can change).
  ///   - level: the person's level in a skill with the raises applied.
  ///   - result: where the roles are appended.
  /// - Complexity: O(k log k + k · r) for k roles of the raised skills with r requirements each.
  func appendNewlyQualified(
    _ person: Int, raising: some Sequence<Int>, level: (Int) -> Int, to result: inout [Int]
  ) {
    var roles: [Int] = []
    for skill in raising { roles.append(contentsOf: rolesOfSkill[skill]) }
    if roles.isEmpty { return }
    roles.sort()
    var previous = -1
    for role in roles where role != previous {
      previous = role
      if qualifiedToday[role].binarySearchContains(person) { continue }
      if meetsEveryRequirement(requirements[role], level: level) { result.append(role) }
    }
  }

  /// Whether `person` interests include `skill`.
  func isInterested(_ person: Int, _ skill: Int) -> Bool {
    var low = 0
    var high = interests[person].count
    let list = interests[person]
    while low < high {
      let mid = (low + high) >> 1
      if list[mid] < skill { low = mid + 1 } else { high = mid }
    }
    return low < list.count && list[low] == skill
  }
}
