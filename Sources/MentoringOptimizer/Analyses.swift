import SkillsGraph

/// The coverage analyses before and after a plan, read off the problem's dense indices.
///
/// `CoverageAnalysis(organization)` indexes every person's levels by skill id and finds each
/// role's qualified people again; the problem already knows them (`qualifiedToday`) and the plan
/// knows who it adds (`newRoles`), so both analyses are built here without hashing an id. They
/// are equal, field for field, to `CoverageAnalysis(organization)` and to the analysis of the
/// organization with every pair's level applied; the tests check that on generated organizations.
///
/// - Complexity: O(Σ_r depth(r) + e + pairs) for e (person, skill) entries, plus a sort of the
///   scarcity list.
func coverageAnalyses(
  _ state: PlanState, problem: Problem
) -> (before: CoverageAnalysis, after: CoverageAnalysis) {
  let organization = problem.organization
  var denseRole = [Int](repeating: 0, count: organization.roles.count)
  for (dense, source) in problem.roleSource.enumerated() { denseRole[source] = dense }
  // Role → people the plan qualifies, ascending.
  var gained = [[Int]](repeating: [], count: problem.roleCount)
  for person in 0..<problem.personCount {
    for role in state.newRoles[person] { gained[role].append(person) }
  }

  var beforeRoles: [CoverageAnalysis.RoleCoverage] = []
  var afterRoles: [CoverageAnalysis.RoleCoverage] = []
  beforeRoles.reserveCapacity(organization.roles.count)
  afterRoles.reserveCapacity(organization.roles.count)
  // Roles of weight 2 or more with a single qualified person: (person, role) in role order.
  var beforeSole = SoleHolders()
  var afterSole = SoleHolders()
  for (position, role) in organization.roles.enumerated() {
    let dense = denseRole[position]
    let today = problem.qualifiedToday[dense]
    let coverage = CoverageAnalysis.RoleCoverage(
      role: role.id, name: role.name, weight: role.weight, target: role.target,
      depth: today.count, qualified: today.map { problem.personIDs[$0] },
      incumbents: role.incumbents)
    beforeRoles.append(coverage)
    let extra = gained[dense]
    var after = today
    if extra.isEmpty {
      afterRoles.append(coverage)
    } else {
      after = mergeSorted(today, extra)
      afterRoles.append(
        CoverageAnalysis.RoleCoverage(
          role: role.id, name: role.name, weight: role.weight, target: role.target,
          depth: after.count, qualified: after.map { problem.personIDs[$0] },
          incumbents: role.incumbents))
    }
    if role.weight >= 2 {
      if today.count == 1 { beforeSole.add(today[0], role.id) }
      if after.count == 1 { afterSole.add(after[0], role.id) }
    }
  }

  // Skill → how many people hold each level, before and after the plan's raises.
  let width = problem.maxLevel + 2
  var beforeHolders = [Int](repeating: 0, count: problem.skillCount * width)
  for entry in problem.levelSkill.indices {
    beforeHolders[problem.levelSkill[entry] * width + min(problem.levelValue[entry], width - 1)] +=
      1
  }
  var afterHolders = beforeHolders
  for person in 0..<problem.personCount {
    for pair in state.pairs[person] {
      let from = problem.level(person, pair.skill)
      if from > 0 { afterHolders[pair.skill * width + min(from, width - 1)] -= 1 }
      afterHolders[pair.skill * width + min(pair.to, width - 1)] += 1
    }
  }
  func holders(_ counts: [Int], _ skill: Int, atLeast level: Int) -> Int {
    var total = 0
    for value in min(level, width)..<width { total += counts[skill * width + value] }
    return total
  }

  // One scarcity entry per distinct (skill, level) required, in the order roles list them.
  // Requirements above level 0 are told apart by dense skill and level; the rest (a level of 0
  // or below needs nobody, and its skill may be one nobody holds) by comparing them.
  var seen = [Bool](repeating: false, count: problem.skillCount * width)
  var others: [Requirement] = []
  var beforeScarcity: [CoverageAnalysis.SkillScarcity] = []
  var afterScarcity: [CoverageAnalysis.SkillScarcity] = []
  var scarcitySkill: [Int] = []
  for (position, role) in organization.roles.enumerated() {
    for requirement in role.requirements {
      var skill = -1
      var before = problem.personCount
      var after = problem.personCount
      if requirement.level > 0 {
        // Every skill a role requires above level 0 is one of its merged requirements.
        for merged in problem.requirements[denseRole[position]]
        where problem.skillIDs[merged.skill] == requirement.skill {
          skill = merged.skill
        }
      }
      if skill >= 0 {
        let key = skill * width + min(requirement.level, width - 1)
        if seen[key] { continue }
        seen[key] = true
        before = holders(beforeHolders, skill, atLeast: requirement.level)
        after = holders(afterHolders, skill, atLeast: requirement.level)
      } else {
        if others.contains(requirement) { continue }
        others.append(requirement)
      }
      beforeScarcity.append(
        .init(skill: requirement.skill, level: requirement.level, holders: before))
      afterScarcity.append(
        .init(skill: requirement.skill, level: requirement.level, holders: after))
      scarcitySkill.append(skill)
    }
  }
  // Scarcest first, then skill id, then level: ranks stand in for the ids when all are known.
  let rank = problem.skillRank
  func sorted(_ list: [CoverageAnalysis.SkillScarcity]) -> [CoverageAnalysis.SkillScarcity] {
    if others.isEmpty {
      let order = list.indices.sorted {
        (list[$0].holders, rank[scarcitySkill[$0]], list[$0].level)
          < (list[$1].holders, rank[scarcitySkill[$1]], list[$1].level)
      }
      return order.map { list[$0] }
    }
    return list.sorted { ($0.holders, $0.skill, $0.level) < ($1.holders, $1.skill, $1.level) }
  }

  func analysis(
    _ roles: [CoverageAnalysis.RoleCoverage], _ sole: SoleHolders,
    _ scarcity: [CoverageAnalysis.SkillScarcity]
  ) -> CoverageAnalysis {
    CoverageAnalysis(
      roles: roles, singlePointsOfFailure: sole.grouped(problem.personIDs), scarcity: scarcity)
  }
  return (
    analysis(beforeRoles, beforeSole, sorted(beforeScarcity)),
    analysis(afterRoles, afterSole, sorted(afterScarcity))
  )
}

/// People who alone are qualified for a role of weight 2 or more, as the analysis lists them.
private struct SoleHolders {
  var people: [Int] = []
  var roles: [RoleID] = []

  mutating func add(_ person: Int, _ role: RoleID) {
    people.append(person)
    roles.append(role)
  }

  /// One entry per person in id order (dense order), their roles in role input order.
  func grouped(_ ids: [PersonID]) -> [CoverageAnalysis.SinglePointOfFailure] {
    let order = people.indices.sorted { (people[$0], $0) < (people[$1], $1) }
    var result: [CoverageAnalysis.SinglePointOfFailure] = []
    var previous = -1
    for index in order {
      if people[index] == previous {
        result[result.count - 1].roles.append(roles[index])
      } else {
        result.append(.init(person: ids[people[index]], roles: [roles[index]]))
        previous = people[index]
      }
    }
    return result
  }
}

/// The union of two ascending lists with no common element, ascending.
private func mergeSorted(_ a: [Int], _ b: [Int]) -> [Int] {
  var result: [Int] = []
  result.reserveCapacity(a.count + b.count)
  var i = 0
  var j = 0
  while i < a.count || j < b.count {
    if j == b.count || (i < a.count && a[i] < b[j]) {
      result.append(a[i])
      i += 1
    } else {
      result.append(b[j])
      j += 1
    }
  }
  return result
}
