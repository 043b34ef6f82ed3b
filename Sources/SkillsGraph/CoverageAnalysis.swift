/// How deeply each role is covered today: the figures of the model's Coverage section.
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

  /// Someone who is the only qualified person of at least one role of weight 2 or more.
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

  /// `100 · C / C*`, or 100 when there is nothing to cover.
  public var coveragePercent: Double {
    coverageCeiling > 0 ? 100 * coverageScore / coverageCeiling : 100
  }

  /// Roles whose depth is below their target.
  public var rolesBelowTarget: Int { roles.count { $0.gap > 0 } }

  /// The coverage of the role with this id.
  public subscript(role id: RoleID) -> RoleCoverage? { roles.first { $0.role == id } }

  /// An analysis assembled from figures computed elsewhere (the optimizer derives its before and
  /// after analyses from its own dense data); score and ceiling follow from the roles.
  public init(
    roles: [RoleCoverage], singlePointsOfFailure: [SinglePointOfFailure],
    scarcity: [SkillScarcity]
  ) {
    self.roles = roles
    self.singlePointsOfFailure = singlePointsOfFailure
    self.scarcity = scarcity
    coverageScore = roles.reduce(0) { $0 + $1.score }
    coverageCeiling = roles.reduce(0) { $0 + $1.weight * Double($1.target) }
  }

  /// Analyses `organization` as it is today.
  ///
  /// - Complexity: building the skill index is O(e log e) for e (person, skill) entries; each
  ///   role then costs O(k · r), k the holders of its scarcest requirement.
  public init(_ organization: Organization) {
    let index = SkillIndex(people: organization.people)
    let people = organization.people
    var roles: [RoleCoverage] = []
    var soleHolder: [Int: [RoleID]] = [:]
    for role in organization.roles {
      let qualifiedIndices = index.qualified(for: role.requirements)
      let depth = qualifiedIndices.count
      roles.append(
        RoleCoverage(
          role: role.id, name: role.name, weight: role.weight, target: role.target, depth: depth,
          qualified: qualifiedIndices.map { people[$0].id }.sorted(), incumbents: role.incumbents))
      if depth == 1, role.weight >= 2, let only = qualifiedIndices.first {
        soleHolder[only, default: []].append(role.id)
      }
    }
    self.roles = roles
    singlePointsOfFailure = soleHolder.map {
      SinglePointOfFailure(person: people[$0.key].id, roles: $0.value)
    }.sorted { $0.person < $1.person }

    var seen: Set<Requirement> = []
    var scarcity: [SkillScarcity] = []
    for role in organization.roles {
      for requirement in role.requirements where seen.insert(requirement).inserted {
        scarcity.append(
          SkillScarcity(
            skill: requirement.skill, level: requirement.level,
            holders: index.holderCount(of: requirement.skill, atLeast: requirement.level)))
      }
    }
    self.scarcity = scarcity.sorted {
      ($0.holders, $0.skill, $0.level) < ($1.holders, $1.skill, $1.level)
    }
    coverageScore = roles.reduce(0) { $0 + $1.score }
    coverageCeiling = roles.reduce(0) { $0 + $1.weight * Double($1.target) }
  }
}
