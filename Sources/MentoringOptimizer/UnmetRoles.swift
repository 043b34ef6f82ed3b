import SkillsGraph

/// Explains each role still below target, looking at the people who could still learn it.
func unmetRoles(_ state: PlanState, problem: Problem, search: Search) -> [UnmetRole] {
  var result: [UnmetRole] = []
  let learners = (0..<problem.personCount).filter { problem.learnBudget[$0] > 0 }
  for role in 0..<problem.roleCount where state.depth[role] < problem.target[role] {
    let gap = problem.target[role] - state.depth[role]
    let id = problem.roleIDs[role]
    let open = learners.filter {
      !problem.qualifiedToday[role].binarySearchContains($0)
        && !state.newRoles[$0].binarySearchContains(role)
    }
    if open.isEmpty {
      result.append(UnmetRole(role: id, gap: gap, reason: .noLearnerWithTime))
      continue
    }
    // Who could fit the role in a whole horizon, and which skills lack a mentor for them.
    var fitting = 0
    var blocked: [Int: Int] = [:]  // requirement index → learners it blocks
    var nobodyAtLevel: Set<Int> = []  // requirement indices no one at all could teach
    var withMentors: [Int] = []
    let requirements = problem.requirements[role]
    for person in open {
      var hours = 0.0
      for requirement in requirements {
        hours += problem.menteeHours(person, requirement.skill, to: requirement.level)
      }
      if hours > problem.learnBudget[person] + hourEpsilon { continue }
      fitting += 1
      var ok = true
      for (index, requirement) in requirements.enumerated()
      where problem.level(person, requirement.skill) < requirement.level
        && !problem.hasEligibleMentor(for: person, requirement)
      {
        blocked[index, default: 0] += 1
        if !problem.hasMentorAtLevel(for: person, requirement) { nobodyAtLevel.insert(index) }
        ok = false
      }
      if ok { withMentors.append(person) }
    }
    if fitting == 0 {
      result.append(UnmetRole(role: id, gap: gap, reason: .cannotQualifyWithinHorizon))
      continue
    }
    if withMentors.isEmpty {
      let worst = blocked.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key ?? 0
      let requirement = requirements[worst]
      let skill = problem.skillIDs[requirement.skill]
      let level = problem.mentorLevel(for: requirement.level)
      // Someone holds the skill but cannot fit this pair at all (too few hours, or no weeks in
      // common with the learner): that is a matter of time, not of expertise.
      let reason: UnmetReason =
        nobodyAtLevel.contains(worst)
        ? .noEligibleMentor(skill: skill, level: level)
        : .mentorsLackTime(skill: skill, level: level)
      result.append(UnmetRole(role: id, gap: gap, reason: reason))
      continue
    }
    var timeLeft = false
    var wouldFit = false
    for person in withMentors {
      switch state.buildList(person, role: role, replace: false) {
      case .success(let list):
        if state.delta(person, to: list).score > 1e-9 { wouldFit = true }
        timeLeft = true
      case .failure(let box):
        if case .noMentor = box.failure { timeLeft = true }
      }
      if wouldFit { break }
    }
    let reason: UnmetReason =
      wouldFit ? .searchStopped : timeLeft ? .mentorCapacityUsedUp : .learnersBusy
    result.append(UnmetRole(role: id, gap: gap, reason: reason))
  }
  return result
}
