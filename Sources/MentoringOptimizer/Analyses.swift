import SkillsGraph

/// The coverage analyses before and after a plan (in the horizon's last week, leavers gone),
/// fed from the problem's dense indices.
///
/// `CoverageAnalysis(organization)` indexes every person's levels by skill id and finds each
/// role's qualified people again; the problem already knows them (`qualifiedToday`) and the plan
/// knows who it adds (`newRoles`), as well as how many people hold each skill at each level. Those
/// facts go to the analysis' own initializer, which applies the model's rules (depth, gaps,
/// single points of failure, scarcity, score) in one place. The tests check that both analyses
/// equal `CoverageAnalysis(organization)` and the analysis of the organization with every pair's
/// level applied, on generated organizations.
///
/// - Complexity: O(Σ_r depth(r) + e + pairs) for e (person, skill) entries, plus the analysis'
///   sort of the scarcity list.
func coverageAnalyses(
  _ state: WeeklyState, problem: Problem
) -> (before: CoverageAnalysis, after: CoverageAnalysis) {
  let organization = problem.organization
  var denseRole = [Int](repeating: 0, count: organization.roles.count)
  for (dense, source) in problem.roleSource.enumerated() { denseRole[source] = dense }
  // Role → people the plan qualifies, ascending.
  var gained = [[Int]](repeating: [], count: problem.roleCount)
  for person in 0..<problem.personCount {
    for gain in state.qualifications[person] { gained[gain.role].append(person) }
  }
  // Dense person order is natural id order, so ascending indices are ids in natural order.
  var before: [[PersonID]] = []
  var after: [[PersonID]] = []
  before.reserveCapacity(organization.roles.count)
  after.reserveCapacity(organization.roles.count)
  for position in organization.roles.indices {
    let dense = denseRole[position]
    let today = problem.qualifiedToday[dense]
    before.append(today.map { problem.personIDs[$0] })
    let staying = today.filter { problem.lastCountedWeek[$0] >= problem.weeks }
    after.append(mergeSorted(staying, gained[dense].sorted()).map { problem.personIDs[$0] })
  }

  // Skill → how many people hold each level, before and after the plan's raises.
  let width = problem.maxLevel + 2
  var beforeHolders = [Int](repeating: 0, count: problem.skillCount * width)
  for entry in problem.levelSkill.indices {
    beforeHolders[problem.levelSkill[entry] * width + min(problem.levelValue[entry], width - 1)] +=
      1
  }
  var afterHolders = beforeHolders
  for pair in state.pairs {
    if pair.from > 0 { afterHolders[pair.skill * width + min(pair.from, width - 1)] -= 1 }
    afterHolders[pair.skill * width + min(pair.to, width - 1)] += 1
  }
  for person in 0..<problem.personCount where problem.lastCountedWeek[person] < problem.weeks {
    for entry in problem.levelStart[person]..<problem.levelStart[person + 1] {
      afterHolders[problem.levelSkill[entry] * width + min(problem.levelValue[entry], width - 1)] -=
        1
    }
  }
  var denseSkill: [SkillID: Int] = [:]
  for (index, id) in problem.skillIDs.enumerated() { denseSkill[id] = index }
  func holders(_ counts: [Int]) -> (Requirement) -> Int {
    { requirement in
      guard requirement.level > 0 else { return problem.personCount }
      guard let skill = denseSkill[requirement.skill] else { return 0 }
      var total = 0
      for value in min(requirement.level, width)..<width { total += counts[skill * width + value] }
      return total
    }
  }
  return (
    CoverageAnalysis(
      organization: organization, qualified: before, holders: holders(beforeHolders)),
    CoverageAnalysis(organization: organization, qualified: after, holders: holders(afterHolders))
  )
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
