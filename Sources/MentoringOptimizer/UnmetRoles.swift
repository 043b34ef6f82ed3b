import SkillsGraph

/// Explains each role still below target in the horizon's last week, looking at the people who
/// could still learn it.
func unmetRoles(_ state: WeeklyState, problem: Problem) -> [UnmetRole] {
  var result: [UnmetRole] = []
  let learners = (0..<problem.personCount).filter { problem.learnBudget[$0] > 0 }
  let weeks = problem.weeks
  for role in 0..<problem.roleCount {
    let depth = weeks > 0 ? state.depth(role, week: weeks) : problem.depthToday[role]
    guard depth < problem.target[role] else { continue }
    let gap = problem.target[role] - depth
    let id = problem.roleIDs[role]
    let open = learners.filter { person in
      !problem.qualifiedToday[role].binarySearchContains(person)
        && !state.qualifications[person].contains { $0.role == role }
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
      switch state.evaluate(mentee: person, role: role) {
      case .success(let insertion):
        if insertion.gain > 1e-9 { wouldFit = true }
        timeLeft = true
      case .failure(let box):
        if box.failure == .mentorCapacity { timeLeft = true }
      }
      if wouldFit { break }
    }
    let reason: UnmetReason =
      wouldFit ? .searchStopped : timeLeft ? .mentorCapacityUsedUp : .learnersBusy
    result.append(UnmetRole(role: id, gap: gap, reason: reason))
  }
  return result
}
