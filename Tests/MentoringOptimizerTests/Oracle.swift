import SkillsGraph
import TestSupport

/// The exhaustive-search oracle for coverage-weeks: the best `CW` of any plan on a tiny
/// organization whose hours come in whole units, found without any of the optimizer's code.
///
/// A unit is 4 mentee hours and 1 mentor hour. Every weekly capacity and every pair's hours are
/// whole units in the instances it is used on (``oracleOrganization(seed:)``), and the oracle
/// searches every schedule in whole units: for every set of pairs (at most one per mentee and
/// skill, any eligible mentor, any target level a role needs or, with cascades, a mentoring
/// level), a dynamic programme over the weeks tries every split of each week's units between
/// the pairs, with mentors teaching only levels they hold at the start of that week (their own
/// pairs that ended before it count with cascades). The optimizer's plans on these instances
/// are whole-unit schedules too, so none can beat the oracle, and the certified bound must not
/// fall below it.
enum Oracle {
  struct Pair: Hashable {
    var mentor: Int
    var mentee: Int
    var skill: SkillID
    var to: Int
    var units: Int
  }

  static func optimum(
    _ organization: Organization, weeks: Int, mentorMinLevel: Int, cascades: Bool,
    maxPairs: Int = 3
  ) -> Double {
    let people = organization.people
    let unit = 4.0
    let hoursPerLevel = Dictionary(
      organization.skills.map { ($0.id, $0.hoursPerLevel) }, uniquingKeysWith: { a, _ in a })
    var levelsWanted: [SkillID: Set<Int>] = [:]
    for role in organization.roles {
      for requirement in role.requirements {
        levelsWanted[requirement.skill, default: []].insert(requirement.level)
      }
    }
    let skills = levelsWanted.keys.sorted()
    // Every pair that could ever run: the mentor's level is checked week by week.
    var candidates: [[Pair]] = []  // one list per (mentee, skill) slot
    for (e, mentee) in people.enumerated()
    where mentee.canLearn && mentee.learningHoursPerWeek > 0 {
      for skill in skills {
        let from = mentee.level(skill)
        var levels = levelsWanted[skill] ?? []
        if cascades {
          levels.formUnion(mentorMinLevel...max(mentorMinLevel, organization.scaleMax))
        }
        var slot: [Pair] = []
        for to in levels.sorted() where to > from && to <= organization.scaleMax {
          let hours = Double(to - from) * (hoursPerLevel[skill] ?? 40)
          for (m, mentor) in people.enumerated()
          where m != e && mentor.canMentor && mentor.maxMentees > 0
            && mentor.mentorHoursPerWeek > 0
          {
            slot.append(Pair(mentor: m, mentee: e, skill: skill, to: to, units: Int(hours / unit)))
          }
        }
        if !slot.isEmpty { candidates.append(slot) }
      }
    }

    func score(levels: [[SkillID: Int]]) -> Double {
      var total = 0.0
      for role in organization.roles {
        let depth = levels.count { held in
          role.requirements.allSatisfy { (held[$0.skill] ?? 0) >= $0.level }
        }
        total += role.weight * Double(min(depth, role.target))
      }
      return total
    }
    let today = people.map { $0.levels }

    /// The best coverage-weeks of one set of pairs, over every whole-unit schedule.
    func best(_ pairs: [Pair]) -> Double {
      var memo: [[Int]: Double] = [:]
      func levels(done: [Bool]) -> [[SkillID: Int]] {
        var held = today
        for (index, pair) in pairs.enumerated() where done[index] {
          held[pair.mentee][pair.skill] = max(held[pair.mentee][pair.skill] ?? 0, pair.to)
        }
        return held
      }
      // From `week` on, with `left` units per pair: the most coverage-weeks still to earn, or
      // -infinity when some pair cannot finish.
      func solve(_ week: Int, _ left: [Int]) -> Double {
        if week > weeks { return left.allSatisfy { $0 == 0 } ? 0 : -.infinity }
        let key = [week] + left
        if let known = memo[key] { return known }
        let before = levels(done: left.map { $0 == 0 })
        var result = -Double.infinity
        var split = [Int](repeating: 0, count: pairs.count)
        var learnLeft = people.map { Int($0.learningHoursPerWeek / unit) }
        var mentorLeft = people.map { Int($0.mentorHoursPerWeek) }
        func assign(_ index: Int) {
          if index == pairs.count {
            let after = zip(left, split).map { $0 - $1 }
            let earned = score(levels: levels(done: after.map { $0 == 0 }))
            result = max(result, earned + solve(week + 1, after))
            return
          }
          let pair = pairs[index]
          var most = min(left[index], learnLeft[pair.mentee], mentorLeft[pair.mentor])
          let level =
            cascades ? before[pair.mentor][pair.skill] ?? 0 : people[pair.mentor].level(pair.skill)
          if level < max(pair.to, mentorMinLevel) { most = 0 }
          for amount in 0...max(0, most) {
            split[index] = amount
            learnLeft[pair.mentee] -= amount
            mentorLeft[pair.mentor] -= amount
            assign(index + 1)
            learnLeft[pair.mentee] += amount
            mentorLeft[pair.mentor] += amount
          }
          split[index] = 0
        }
        assign(0)
        memo[key] = result
        return result
      }
      return solve(1, pairs.map(\.units))
    }

    // Sets of pairs: at most one per slot, mentee slots respected, at most `maxPairs` pairs.
    var bestValue = best([])
    var chosen: [Pair] = []
    func choose(_ slot: Int) {
      if slot == candidates.count {
        if !chosen.isEmpty { bestValue = max(bestValue, best(chosen)) }
        return
      }
      choose(slot + 1)
      guard chosen.count < maxPairs else { return }
      for pair in candidates[slot] {
        let mentees = Set(chosen.filter { $0.mentor == pair.mentor }.map(\.mentee) + [pair.mentee])
        if mentees.count > people[pair.mentor].maxMentees { continue }
        // Without cascades, a mentor must hold the level today.
        if !cascades,
          (people[pair.mentor].level(pair.skill)) < max(pair.to, mentorMinLevel)
        {
          continue
        }
        chosen.append(pair)
        choose(slot + 1)
        chosen.removeLast()
      }
    }
    choose(0)
    return bestValue
  }
}

/// Tiny organizations for the oracle: three or four people, one or two skills, hours in whole
/// units (hours per level 4 or 8, learning 4 or 8 h a week, mentoring 1 or 2 h a week), so that
/// every schedule the optimizer writes is one the oracle searches.
func oracleOrganization(seed: UInt64) -> Organization {
  var rng = SeededRandom(seed: seed &* 0x2545_F491_4F6C_DD1D &+ 11)
  let skillCount = 1 + rng.below(2)
  let skillIDs = (0..<skillCount).map { SkillID("s\($0)") }
  let skills = skillIDs.map { Skill(id: $0, hoursPerLevel: [4.0, 8][rng.below(2)]) }
  let count = 3 + rng.below(2)
  var people: [Person] = []
  for index in 0..<count {
    var levels: [SkillID: Int] = [:]
    for skill in skillIDs { levels[skill] = rng.below(5) }
    people.append(
      Person(
        id: PersonID("p\(index)"), department: rng.chance(50) ? "A" : "B", levels: levels,
        canMentor: !rng.chance(10), mentorHoursPerWeek: Double(1 + rng.below(2)),
        learningHoursPerWeek: [4.0, 8][rng.below(2)], maxMentees: 1 + rng.below(2)))
  }
  var roles: [Role] = []
  for index in 0..<(1 + rng.below(2)) {
    var requirements: [Requirement] = []
    for skill in skillIDs where rng.chance(70) {
      requirements.append(Requirement(skill: skill, level: 2 + rng.below(3)))
    }
    if requirements.isEmpty { requirements.append(Requirement(skill: skillIDs[0], level: 3)) }
    roles.append(
      Role(
        id: RoleID("r\(index)"), requirements: requirements,
        incumbents: rng.chance(60) ? [people[rng.below(count)].id] : [],
        criticality: [.normal, .high, .critical][rng.below(3)], backups: 1 + rng.below(2)))
  }
  return Organization(skills: skills, people: people, roles: roles)
}

/// Tiny random organizations where mentoring decisions interact: few mentors with small
/// capacities, learners with budgets for one or two steps, roles sharing skills.
func tinyOrganization(
  seed: UInt64, people: Int = 5, skills: Int = 3, roles: Int = 2
)
  -> Organization
{
  var rng = SeededRandom(seed: seed &* 0x1234_5678_9ABC_DEF1 &+ 7)
  let skillIDs = (0..<skills).map { SkillID("s\($0)") }
  let skillList = skillIDs.map { id in
    Skill(
      id: id, hoursPerLevel: [10.0, 20, 40][rng.below(3)],
      related: rng.chance(30) ? [skillIDs[rng.below(skills)]].filter { $0 != id } : [])
  }
  var personList: [Person] = []
  for index in 0..<people {
    var levels: [SkillID: Int] = [:]
    for skill in skillIDs where rng.chance(60) { levels[skill] = rng.below(5) }
    personList.append(
      Person(
        id: PersonID("p\(index)"), department: rng.chance(50) ? "A" : "B", levels: levels,
        canMentor: !rng.chance(10), canLearn: !rng.chance(10),
        mentorHoursPerWeek: [0.5, 1, 2][rng.below(3)],
        learningHoursPerWeek: [1.0, 2, 4, 6][rng.below(4)], maxMentees: 1 + rng.below(2),
        interests: rng.chance(40) ? [skillIDs[rng.below(skills)]] : []))
  }
  var roleList: [Role] = []
  for index in 0..<roles {
    var requirements: [Requirement] = []
    for skill in skillIDs where rng.chance(55) {
      requirements.append(Requirement(skill: skill, level: 1 + rng.below(4)))
    }
    if requirements.isEmpty {
      requirements.append(Requirement(skill: skillIDs[rng.below(skills)], level: 2 + rng.below(2)))
    }
    let criticality: Criticality = [.normal, .high, .critical, .weight(1.5)][rng.below(4)]
    roleList.append(
      Role(
        id: RoleID("r\(index)"), requirements: requirements,
        incumbents: rng.chance(70) ? [personList[rng.below(people)].id] : [],
        criticality: criticality, backups: 1 + rng.below(2)))
  }
  return Organization(
    skills: skillList, people: personList, roles: roleList, policy: Policy(horizonWeeks: 8))
}
