import SkillsGraph
import TestSupport

/// The exhaustive-search oracle: the best coverage score any feasible plan reaches on a tiny
/// organization, found without any of the optimizer's code.
///
/// Per learner it lists every level vector (levels restricted to the ones some role requires,
/// which loses nothing: a pair raised between two required levels can be lowered to the lower
/// one at no loss), takes every combination across learners, and checks the combinations from
/// the highest score down until one admits a mentor assignment within every capacity.
enum Oracle {
  struct Step: Hashable {
    var mentee: Int
    var skill: SkillID
    var from: Int
    var to: Int
    var menteeHours: Double
  }

  static func optimum(_ organization: Organization, horizon: Int, mentorMinLevel: Int) -> Double {
    let people = organization.people
    let hoursPerLevel = Dictionary(
      organization.skills.map { ($0.id, $0.hoursPerLevel) }, uniquingKeysWith: { a, _ in a })
    let related = Dictionary(
      organization.skills.map { ($0.id, $0.related) }, uniquingKeysWith: { a, _ in a })
    var requiredLevels: [SkillID: Set<Int>] = [:]
    for role in organization.roles {
      for requirement in role.requirements {
        requiredLevels[requirement.skill, default: []].insert(requirement.level)
      }
    }
    let skills = requiredLevels.keys.sorted()
    func hours(_ person: Person, _ skill: SkillID, _ from: Int, _ to: Int) -> Double {
      let factor = (related[skill] ?? []).contains { person.level($0) >= 2 } ? 0.75 : 1
      return Double(to - from) * (hoursPerLevel[skill] ?? 40) * factor
    }
    func mentors(for step: Step) -> [Int] {
      people.indices.filter { index in
        let mentor = people[index]
        return index != step.mentee && mentor.canMentor && mentor.maxMentees > 0
          && mentor.level(step.skill) >= max(step.to, mentorMinLevel)
          && step.menteeHours / 4 <= mentor.mentorHoursPerWeek * Double(horizon) + 1e-9
      }
    }

    // Options per person: lists of steps.
    var options: [[[Step]]] = []
    for (index, person) in people.enumerated() {
      var list: [[Step]] = [[]]
      let budget = person.canLearn ? person.learningHoursPerWeek * Double(horizon) : 0
      if budget > 0 {
        for skill in skills {
          let from = person.level(skill)
          let choices = (requiredLevels[skill] ?? []).filter { $0 > from }.sorted()
          var extended: [[Step]] = []
          for option in list {
            extended.append(option)
            for to in choices {
              let step = Step(
                mentee: index, skill: skill, from: from, to: to,
                menteeHours: hours(person, skill, from, to))
              let total = option.reduce(step.menteeHours) { $0 + $1.menteeHours }
              if total <= budget + 1e-9, !mentors(for: step).isEmpty {
                extended.append(option + [step])
              }
            }
          }
          list = extended
        }
      }
      options.append(list)
    }

    func score(_ chosen: [[Step]]) -> Double {
      var total = 0.0
      for role in organization.roles {
        var depth = 0
        for (index, person) in people.enumerated() {
          let qualified = role.requirements.allSatisfy { requirement in
            let planned = chosen[index].first { $0.skill == requirement.skill }?.to
            return (planned ?? person.level(requirement.skill)) >= requirement.level
          }
          if qualified { depth += 1 }
        }
        total += role.weight * Double(min(depth, role.target))
      }
      return total
    }

    var combinations: [(score: Double, steps: [Step])] = []
    var chosen: [[Step]] = Array(repeating: [], count: people.count)
    func enumerate(_ index: Int) {
      if index == people.count {
        combinations.append((score(chosen), chosen.flatMap { $0 }))
        return
      }
      for option in options[index] {
        chosen[index] = option
        enumerate(index + 1)
      }
      chosen[index] = []
    }
    enumerate(0)
    func assignable(_ steps: [Step]) -> Bool {
      var hoursLeft = people.map { $0.mentorHoursPerWeek * Double(horizon) }
      var mentees = people.map { _ in Set<Int>() }
      let eligible = steps.map(mentors(for:))
      func assign(_ position: Int) -> Bool {
        if position == steps.count { return true }
        let step = steps[position]
        for mentor in eligible[position] {
          let need = step.menteeHours / 4
          if hoursLeft[mentor] + 1e-9 < need { continue }
          let isNew = !mentees[mentor].contains(step.mentee)
          if isNew, mentees[mentor].count >= people[mentor].maxMentees { continue }
          hoursLeft[mentor] -= need
          if isNew { mentees[mentor].insert(step.mentee) }
          if assign(position + 1) { return true }
          hoursLeft[mentor] += need
          if isNew { mentees[mentor].remove(step.mentee) }
        }
        return false
      }
      return assign(0)
    }

    combinations.sort { $0.score > $1.score }
    for combination in combinations where assignable(combination.steps) {
      return combination.score
    }
    return 0
  }
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
