import SkillsGraph

/// Who could take over from one incumbent of a role that matters (weight 2 or more).
public struct SuccessionEntry: Hashable, Sendable {
  public var role: RoleID
  public var incumbent: PersonID
  /// Candidates, fewest mentee hours first (ties by readiness, then id); at most the limit asked.
  public var candidates: [SuccessionCandidate]

  public init(role: RoleID, incumbent: PersonID, candidates: [SuccessionCandidate]) {
    self.role = role
    self.incumbent = incumbent
    self.candidates = candidates
  }
}

/// One possible successor and how far they are from the role.
public struct SuccessionCandidate: Hashable, Sendable {
  public var person: PersonID
  /// Mentee hours to qualify from today's levels (0 when qualified).
  public var menteeHours: Double
  public var readiness: Readiness
  /// Requirements the person misses today, in skill id order.
  public var missing: [Requirement]

  public init(person: PersonID, menteeHours: Double, readiness: Readiness, missing: [Requirement]) {
    self.person = person
    self.menteeHours = menteeHours
    self.readiness = readiness
    self.missing = missing
  }
}

/// How soon a successor could take over (docs/model.md, "Succession").
public enum Readiness: Hashable, Sendable, CustomStringConvertible {
  /// Qualified today.
  case readyNow
  /// The hours fit the person's learning budget over the horizon, with a mentor for each skill.
  case withinHorizon
  /// Every missing skill has a mentor, but the hours exceed one horizon (or they opted out).
  case later
  /// A missing skill has no eligible mentor at the needed level.
  case blocked(skill: SkillID)

  public var description: String {
    switch self {
    case .readyNow: "ready now"
    case .withinHorizon: "ready within the horizon"
    case .later: "later"
    case .blocked(let skill): "blocked: nobody can teach '\(skill)'"
    }
  }
}

extension Readiness {
  /// Each readiness word with its meaning in one sentence, best first, so every report that
  /// shows the bench defines its words the same way (docs/model.md, "Succession"); `key` is the
  /// word as the JSON report writes it.
  public static let definitions: [(key: String, word: String, meaning: String)] = [
    ("readyNow", "ready now", "qualified for the role today."),
    (
      "withinHorizon", "ready within the horizon",
      "the hours still to learn fit the person's learning hours over the horizon, and someone "
        + "eligible holds each missing skill at the level to teach it."
    ),
    (
      "later", "later",
      "someone could teach every missing skill, but the hours exceed one horizon or the "
        + "person cannot learn in it (opted out, leaving or away)."
    ),
    (
      "blocked", "blocked",
      "no eligible mentor other than the person holds a missing skill at the level to teach it."
    ),
  ]
}

/// The succession bench: for each incumbent of each role with weight 2 or more, the people who
/// could take over, ranked by the mentee hours they need.
///
/// Candidates are people who already hold at least one of the role's skills (anyone else would
/// need the whole role from scratch); mentor capacity is not reserved, so the bench says who
/// *could* be trained, not who the plan trains.
///
/// - Parameters:
///   - organization: the organization as it is today.
///   - options: the horizon and mentor level that decide readiness.
///   - limit: the most candidates listed per incumbent.
/// - Returns: one entry per incumbent of each role of weight 2 or more, in role input order.
/// - Complexity: O(Σ_r Σ_{s ∈ req(r)} holders(s) · requirements), plus a sort per role.
public func successionBench(
  _ organization: Organization, options: PlanOptions, limit: Int = 5
) -> [SuccessionEntry] {
  let problem = Problem(organization, options: options)
  // The problem's organization: without the people who left before the horizon.
  let organization = problem.organization
  var holders = [[Int]](repeating: [], count: problem.skillCount)
  for person in 0..<problem.personCount {
    for entry in problem.levelStart[person]..<problem.levelStart[person + 1] {
      holders[problem.levelSkill[entry]].append(person)
    }
  }
  var result: [SuccessionEntry] = []
  for position in organization.roles.indices {
    let role = organization.roles[position]
    guard role.isKey,
      let dense = problem.roleSource.firstIndex(of: position)
    else { continue }
    let requirements = problem.requirements[dense]
    var pool: [Int] = []
    for requirement in requirements { pool.append(contentsOf: holders[requirement.skill]) }
    pool = Array(Set(pool)).sorted()
    /// The candidate `person` makes for the role, and where readiness puts them in the order.
    func assess(
      _ person: Int, listing: Bool
    ) -> (
      order: Int, hours: Double, readiness: Readiness, missing: [Requirement]
    ) {
      var hours = 0.0
      var missing: [Requirement] = []
      var isMissing = false
      var blockedBy: Int?
      for requirement in requirements
      where problem.level(person, requirement.skill) < requirement.level {
        hours += problem.menteeHours(person, requirement.skill, to: requirement.level)
        isMissing = true
        if listing {
          missing.append(
            Requirement(skill: problem.skillIDs[requirement.skill], level: requirement.level))
        }
        // Blocked means nobody could ever teach it; hours that do not fit the horizon make a
        // candidate "later", not blocked, so capacity is deliberately not checked here.
        if blockedBy == nil, !problem.hasMentorAtLevel(for: person, requirement) {
          blockedBy = requirement.skill
        }
      }
      if !isMissing { return (0, hours, .readyNow, missing) }
      if let skill = blockedBy {
        return (3, hours, .blocked(skill: problem.skillIDs[skill]), missing)
      }
      if hours <= problem.learnBudget[person] + hourEpsilon {
        return (1, hours, .withinHorizon, missing)
      }
      return (2, hours, .later, missing)
    }
    // Rank everyone by numbers only; an incumbent leaves at most one of the first `limit + 1`,
    // so only those are described in full (a role with thousands of holders used to build a
    // candidate, with its missing skills, for each of them).
    var ranked: [(hours: Double, order: Int, person: Int)] = pool.map { person in
      let assessed = assess(person, listing: false)
      return (assessed.hours, assessed.order, person)
    }
    ranked.sort { ($0.hours, $0.order, $0.person) < ($1.hours, $1.order, $1.person) }
    let listed = limit >= ranked.count ? ranked.count : max(0, limit) + 1
    let leading = ranked.prefix(listed).map { entry in
      let assessed = assess(entry.person, listing: true)
      return SuccessionCandidate(
        person: problem.personIDs[entry.person], menteeHours: assessed.hours,
        readiness: assessed.readiness, missing: assessed.missing)
    }
    for incumbent in role.incumbents {
      let candidates = leading.lazy.filter { $0.person != incumbent }.prefix(limit)
      result.append(
        SuccessionEntry(role: role.id, incumbent: incumbent, candidates: Array(candidates)))
    }
  }
  return result
}
