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

  init(_ organization: Organization, options: PlanOptions) {
    self.options = options
    self.organization = organization
    let weeks = options.horizon?.weeks ?? options.horizonWeeks
    self.weeks = weeks
    let calendar = options.horizon.map { WeekCalendar($0) }

    let skillOrder = organization.skills.indices.sorted {
      organization.skills[$0].id < organization.skills[$1].id
    }
    var skillIDs: [SkillID] = []
    var skillIndex: [SkillID: Int] = [:]
    for position in skillOrder where skillIndex[organization.skills[position].id] == nil {
      skillIndex[organization.skills[position].id] = skillIDs.count
      skillIDs.append(organization.skills[position].id)
    }
    var hours = [Double](repeating: 40, count: skillIDs.count)
    var relatedIDs = [[SkillID]](repeating: [], count: skillIDs.count)
    for skill in organization.skills {
      if let index = skillIndex[skill.id] {
        hours[index] = skill.hoursPerLevel
        relatedIDs[index] = skill.related
      }
    }
    // Skills that people or roles mention without declaring them get the default step.
    func intern(_ id: SkillID) -> Int {
      if let index = skillIndex[id] { return index }
      let index = skillIDs.count
      skillIndex[id] = index
      skillIDs.append(id)
      hours.append(40)
      relatedIDs.append([])
      return index
    }

    let personOrder = organization.people.indices.sorted {
      organization.people[$0].id < organization.people[$1].id
    }
    personSource = personOrder
    personIDs = personOrder.map { organization.people[$0].id }
    var departmentIndex: [String: Int] = [:]
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
    var maxLevel = max(organization.scaleMax, 0)
    for position in personOrder {
      let person = organization.people[position]
      if departmentIndex[person.department] == nil {
        departmentIndex[person.department] = departmentIndex.count
      }
      department.append(departmentIndex[person.department] ?? 0)
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
      } else {
        fullyPresent.append(true)
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
      var entries: [(Int, Int)] = []
      for (skill, level) in person.levels where level > 0 {
        entries.append((intern(skill), level))
        maxLevel = max(maxLevel, level)
      }
      entries.sort { $0.0 < $1.0 }
      for (skill, level) in entries {
        levelSkill.append(skill)
        levelValue.append(level)
      }
      levelStart.append(levelSkill.count)
      interests.append(Array(Set(person.interests.map(intern))).sorted())
    }

    let roleOrder = organization.roles.indices.sorted {
      organization.roles[$0].id < organization.roles[$1].id
    }
    roleSource = roleOrder
    roleIDs = roleOrder.map { organization.roles[$0].id }
    weight = roleOrder.map { organization.roles[$0].weight }
    target = roleOrder.map { organization.roles[$0].target }
    var requirements: [[(skill: Int, level: Int)]] = []
    for position in roleOrder {
      var merged: [Int: Int] = [:]
      for requirement in organization.roles[position].requirements where requirement.level > 0 {
        let skill = intern(requirement.skill)
        merged[skill] = max(merged[skill] ?? 0, requirement.level)
        maxLevel = max(maxLevel, requirement.level)
      }
      requirements.append(
        merged.map { (skill: $0.key, level: $0.value) }.sorted { $0.skill < $1.skill })
    }
    self.requirements = requirements
    self.maxLevel = maxLevel

    self.skillIDs = skillIDs
    hoursPerLevel = hours
    related = relatedIDs.map { ids in Array(Set(ids.map(intern))).sorted() }
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
    self.levelStart = levelStart
    self.levelSkill = levelSkill
    self.levelValue = levelValue
    self.interests = interests

    let skillCount = skillIDs.count
    var mentors = [[Int]](repeating: [], count: skillCount)
    var holders = [[Int]](repeating: [], count: skillCount)
    for person in personIDs.indices {
      for entry in levelStart[person]..<levelStart[person + 1] {
        holders[levelSkill[entry]].append(person)
        if canMentor[person], mentorBudget[person] > 0, maxMentees[person] > 0 {
          mentors[levelSkill[entry]].append(person)
        }
      }
    }
    var mentorCount: [[Int]] = []
    func levelOf(_ person: Int, _ skill: Int) -> Int {
      var low = levelStart[person]
      var high = levelStart[person + 1]
      while low < high {
        let mid = (low + high) / 2
        if levelSkill[mid] < skill { low = mid + 1 } else { high = mid }
      }
      return low < levelStart[person + 1] && levelSkill[low] == skill ? levelValue[low] : 0
    }
    for skill in 0..<skillCount {
      mentors[skill].sort {
        let a = levelOf($0, skill)
        let b = levelOf($1, skill)
        return a != b ? a > b : $0 < $1
      }
      var counts = [Int](repeating: 0, count: maxLevel + 2)
      for person in mentors[skill] {
        let level = levelOf(person, skill)
        for l in 0...min(level, maxLevel + 1) { counts[l] += 1 }
      }
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
    for role in requirements.indices {
      let reqs = requirements[role]
      guard let rarest = reqs.min(by: { holders[$0.skill].count < holders[$1.skill].count }) else {
        qualifiedToday.append(Array(personIDs.indices))
        continue
      }
      var list: [Int] = []
      for person in holders[rarest.skill]
      where reqs.allSatisfy({ levelOf(person, $0.skill) >= $0.level }) {
        list.append(person)
      }
      qualifiedToday.append(list)
    }
    self.qualifiedToday = qualifiedToday
    depthToday = qualifiedToday.map(\.count)
  }

  var personCount: Int { personIDs.count }
  var roleCount: Int { roleIDs.count }
  var skillCount: Int { skillIDs.count }

  /// The level `person` holds today in `skill`.
  ///
  /// - Complexity: O(log k) in the number of skills the person holds.
  @inline(__always)
  func level(_ person: Int, _ skill: Int) -> Int {
    var low = levelStart[person]
    var high = levelStart[person + 1]
    while low < high {
      let mid = (low + high) >> 1
      if levelSkill[mid] < skill { low = mid + 1 } else { high = mid }
    }
    return low < levelStart[person + 1] && levelSkill[low] == skill ? levelValue[low] : 0
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

/// The horizon's weeks and working days, to decide who is present in which week.
struct WeekCalendar {
  let horizon: Horizon
  /// Week → its working days.
  let days: [[Day]]
  /// Weeks with at least one working day.
  let workingWeeks: Int
  /// Every week with working days, as a bit set.
  let allWorking: [UInt64]

  init(_ horizon: Horizon) {
    self.horizon = horizon
    var days = [[Day]](repeating: [], count: horizon.weeks)
    for day in horizon.workingDays {
      let week = horizon.week(of: day)
      if week >= 1, week <= horizon.weeks { days[week - 1].append(day) }
    }
    self.days = days
    workingWeeks = days.count { !$0.isEmpty }
    var bits = [UInt64](repeating: 0, count: (horizon.weeks + 63) / 64)
    for (index, list) in days.enumerated() where !list.isEmpty {
      bits[index >> 6] |= 1 << UInt64(index & 63)
    }
    allWorking = bits
  }

  /// The weeks `person` is present in: present on at least one working day of the week.
  func presence(of person: Person) -> [UInt64] {
    let lastDay = horizon.end.adding(days: -1)
    if person.absences.isEmpty, person.leaves.map({ $0 >= lastDay }) ?? true { return allWorking }
    var bits = [UInt64](repeating: 0, count: allWorking.count)
    for (index, list) in days.enumerated() where list.contains(where: person.isPresent(on:)) {
      bits[index >> 6] |= 1 << UInt64(index & 63)
    }
    return bits
  }
}

/// Tolerance for comparing sums of hours, which are sums of products of decimal inputs.
let hourEpsilon = 1e-9
