/// How deeply each role is covered today (docs/model.md, "Depth, target and gap" and
/// "Coverage score").
public struct CoverageAnalysis: Hashable, Sendable {
  /// One role's depth against its target.
  public struct RoleCoverage: Hashable, Sendable {
    public var role: RoleID
    public var name: String
    public var weight: Double
    public var target: Int
    /// `d(r)`: everyone qualified, incumbents included.
    public var depth: Int
    /// `max(0, T − d)`.
    public var gap: Int
    /// Qualified people in natural id order.
    public var qualified: [PersonID]
    public var incumbents: [PersonID]
    /// The role's share of the coverage score, `w · min(d, T)`.
    public var score: Double { weight * Double(min(depth, target)) }

    public init(
      role: RoleID, name: String, weight: Double, target: Int, depth: Int,
      qualified: [PersonID], incumbents: [PersonID]
    ) {
      self.role = role
      self.name = name
      self.weight = weight
      self.target = target
      self.depth = depth
      self.gap = max(0, target - depth)
      self.qualified = qualified
      self.incumbents = incumbents
    }
  }

  /// Someone who is the only qualified person of at least one key role (``Role/isKey``).
  public struct SinglePointOfFailure: Hashable, Sendable {
    public var person: PersonID
    /// The roles that stop if this person is away, in input order.
    public var roles: [RoleID]

    public init(person: PersonID, roles: [RoleID]) {
      self.person = person
      self.roles = roles
    }
  }

  /// How many people hold a skill at a level some role requires.
  public struct SkillScarcity: Hashable, Sendable {
    public var skill: SkillID
    public var level: Int
    public var holders: Int

    public init(skill: SkillID, level: Int, holders: Int) {
      self.skill = skill
      self.level = level
      self.holders = holders
    }
  }

  /// Roles in input order.
  public var roles: [RoleCoverage]
  /// People in natural id order.
  public var singlePointsOfFailure: [SinglePointOfFailure]
  /// One entry per required (skill, level), scarcest first, then by skill id and level.
  public var scarcity: [SkillScarcity]
  /// `C = Σ w · min(d, T)`.
  public var coverageScore: Double
  /// `C* = Σ w · T`.
  public var coverageCeiling: Double

  /// `100 · C / C*`, or `nil` when there is nothing to cover (no roles, or no role with a
  /// target): a percentage of a ceiling of 0 would read as full coverage.
  public var coveragePercent: Double? {
    coverageCeiling > 0 ? 100 * coverageScore / coverageCeiling : nil
  }

  /// Roles whose depth is below their target.
  public var rolesBelowTarget: Int { roles.count { $0.gap > 0 } }

  /// The coverage of the role with this id.
  public subscript(role id: RoleID) -> RoleCoverage? { roles.first { $0.role == id } }

  /// Analyses `organization` as it stands on `day`: people whose last working day is before it
  /// count for nothing (``Organization/excludingDeparted(before:)``).
  ///
  /// - Complexity: as ``init(_:)``.
  public init(_ organization: Organization, on day: Day) {
    self.init(organization.excludingDeparted(before: day))
  }

  /// Analyses `organization` with everyone it lists, as it is today.
  ///
  /// An imported organization may list people who have already left; use ``init(_:on:)`` with
  /// the first day of the horizon to leave them out, as every report does.
  ///
  /// - Complexity: building the skill index is O(e log e) for e (person, skill) entries; each
  ///   role then costs O(k · r), k the holders of its scarcest requirement.
  public init(_ organization: Organization) {
    let index = SkillIndex(people: organization.people)
    let people = organization.people
    // Everyone's place in natural id order, worked out once: each role's qualified people are
    // then sorted by an integer, not by comparing ids (50,000 roles compared ids millions of
    // times).
    var rank = [Int](repeating: 0, count: people.count)
    for (place, person) in people.indices.sorted(by: { people[$0].id < people[$1].id })
      .enumerated()
    {
      rank[person] = place
    }
    self.init(
      organization: organization,
      qualified: organization.roles.map { role in
        index.qualified(for: role.requirements).sorted { rank[$0] < rank[$1] }.map {
          people[$0].id
        }
      },
      holders: { index.holderCount(of: $0.skill, atLeast: $0.level) })
  }

  /// The analysis from each role's qualified people, however they were found: the rules that
  /// turn them into depth, gaps, single points of failure, scarcity and the score live here
  /// only, whether the caller is ``init(_:)`` or the optimizer's dense search.
  ///
  /// - Parameters:
  ///   - organization: the organization whose roles are analysed, in input order.
  ///   - qualified: for each role of `organization.roles`, the people qualified for it, in
  ///     natural id order.
  ///   - holders: how many people hold a requirement's skill at its level or above (everyone
  ///     for a level of 0 or below).
  /// - Complexity: O(Σ depth + q log q) for q distinct requirements, plus the calls of `holders`.
  package init(
    organization: Organization, qualified: [[PersonID]], holders: (Requirement) -> Int
  ) {
    var roles: [RoleCoverage] = []
    roles.reserveCapacity(organization.roles.count)
    var soleHolders: [(person: PersonID, role: RoleID)] = []
    for (role, people) in zip(organization.roles, qualified) {
      roles.append(
        RoleCoverage(
          role: role.id, name: role.name, weight: role.weight, target: role.target,
          depth: people.count, qualified: people, incumbents: role.incumbents))
      if people.count == 1, role.isKey { soleHolders.append((people[0], role.id)) }
    }
    self.roles = roles
    // One entry per person in id order, their roles in input order.
    var points: [SinglePointOfFailure] = []
    let order = soleHolders.indices.sorted {
      (soleHolders[$0].person, $0) < (soleHolders[$1].person, $1)
    }
    for entry in order.map({ soleHolders[$0] }) {
      if points.last?.person == entry.person {
        points[points.count - 1].roles.append(entry.role)
      } else {
        points.append(SinglePointOfFailure(person: entry.person, roles: [entry.role]))
      }
    }
    singlePointsOfFailure = points

    var seen: Set<Requirement> = []
    var scarcity: [SkillScarcity] = []
    for role in organization.roles {
      for requirement in role.requirements where seen.insert(requirement).inserted {
        scarcity.append(
          SkillScarcity(
            skill: requirement.skill, level: requirement.level, holders: holders(requirement)))
      }
    }
    self.scarcity = scarcity.sorted {
      ($0.holders, $0.skill, $0.level) < ($1.holders, $1.skill, $1.level)
    }
    coverageScore = roles.reduce(0) { $0 + $1.score }
    coverageCeiling = roles.reduce(0) { $0 + $1.weight * Double($1.target) }
  }
}
