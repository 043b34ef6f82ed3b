/// Finds, for a role the plan leaves below target, the person who needs the fewest mentee hours
/// to qualify once the plan's pairs are done: among those who can learn in the horizon, and among
/// those who cannot.
///
/// Only people holding a required skill, a skill related to one, or raised in one by the plan
/// can need less than the role's full price (every level from 0, no discount); of everyone else
/// the first in id order stands for them all. So a role costs the holders of its skills, not a
/// pass over everybody.
struct NearestCandidates {
  /// A person and the mentee hours they still need for the role.
  struct Found {
    var person: Int
    var hours: Double
  }

  let state: WeeklyState
  /// Skill → people holding it today (level 1 or more), in person order.
  private let holders: [[Int]]
  /// Skill → mentees the plan raises in it.
  private let raised: [[Int]]
  /// People who cannot learn in this horizon, in person order: the only ones the search for the
  /// nearest of them outside the pool need look at.
  private let unable: [Int]
  /// Person → the last role whose pool they joined, to count each person once per role.
  private var seen: [Int]

  /// Indexes the holders of every skill and the plan's mentees.
  ///
  /// - Complexity: O(skill matrix + pairs).
  init(state: WeeklyState) {
    let problem = state.problem
    self.state = state
    var holders = [[Int]](repeating: [], count: problem.skillCount)
    for person in 0..<problem.personCount {
      for entry in problem.levelStart[person]..<problem.levelStart[person + 1] {
        holders[problem.levelSkill[entry]].append(person)
      }
    }
    var raised = [[Int]](repeating: [], count: problem.skillCount)
    for pair in state.pairs { raised[pair.skill].append(pair.mentee) }
    self.holders = holders
    self.raised = raised
    unable = (0..<problem.personCount).filter {
      !(problem.learnPerWeek[$0] > 0 && problem.presentWeekCount[$0] > 0)
    }
    seen = Array(repeating: -1, count: problem.personCount)
  }

  /// Whether `person` can learn at all in this horizon: willing, staying, present some week and
  /// with learning hours.
  func canLearn(_ person: Int) -> Bool {
    state.problem.learnPerWeek[person] > 0 && state.problem.presentWeekCount[person] > 0
  }

  /// Mentee hours `person` still needs for `role` after the plan (0 when qualified by it).
  func hoursNeeded(_ person: Int, role: Int) -> Double {
    var hours = 0.0
    for requirement in state.problem.requirements[role]
    where state.plannedLevel(person, requirement.skill).level < requirement.level {
      hours += state.problem.menteeHours(person, requirement.skill, to: requirement.level)
    }
    return hours
  }

  /// The nearest person who can learn, fewest hours first, then lowest index (id order), and,
  /// only when nobody can, the nearest who cannot; people qualified today or by the plan are
  /// not candidates.
  ///
  /// - Complexity: O(p · r) for p holders of the role's skills (and of related skills, when
  ///   their discounted price could still win) and r requirements, plus a scan in id order for
  ///   the first person outside them when the full price could still win (it stops at the
  ///   first; the one among people who cannot learn looks at those alone).
  mutating func nearest(role: Int) -> (learner: Found?, unavailable: Found?) {
    let problem = state.problem
    var learner: Found?
    var unavailable: Found?
    func offer(_ person: Int, _ hours: Double) {
      if canLearn(person) {
        if learner.map({ (hours, person) < ($0.hours, $0.person) }) ?? true {
          learner = Found(person: person, hours: hours)
        }
      } else if unavailable.map({ (hours, person) < ($0.hours, $0.person) }) ?? true {
        unavailable = Found(person: person, hours: hours)
      }
    }
    func isCandidate(_ person: Int) -> Bool {
      !problem.qualifiedToday[role].binarySearchContains(person)
        && !state.qualifications[person].contains { $0.role == role }
    }
    func scan(_ pool: [Int]) {
      for person in pool where seen[person] != role {
        seen[person] = role
        guard isCandidate(person) else { continue }
        let hours = hoursNeeded(person, role: role)
        if hours > 0 { offer(person, hours) }
      }
    }
    let requirements = problem.requirements[role]
    var fullPrice = 0.0
    for requirement in requirements {
      fullPrice += Double(requirement.level) * problem.hoursPerLevel[requirement.skill]
      scan(holders[requirement.skill])
      scan(raised[requirement.skill])
    }
    // Holders of related skills alone need at least three quarters of the full price.
    if learner.map({ $0.hours >= 0.75 * fullPrice - hourEpsilon }) ?? true {
      for requirement in requirements {
        for other in problem.related[requirement.skill] where other < holders.count {
          scan(holders[other])
        }
      }
    }
    // Everyone else needs the full price; the first of them in id order could still be nearest.
    func outsider(_ person: Int) -> Bool { seen[person] != role && isCandidate(person) }
    if fullPrice > 0, learner.map({ fullPrice <= $0.hours }) ?? true,
      let first = (0..<problem.personCount).first(where: { canLearn($0) && outsider($0) })
    {
      offer(first, fullPrice)
    }
    if learner != nil { return (learner, nil) }
    if fullPrice > 0, unavailable.map({ fullPrice <= $0.hours }) ?? true,
      let first = unable.first(where: outsider)
    {
      offer(first, fullPrice)
    }
    return (learner, unavailable)
  }
}
