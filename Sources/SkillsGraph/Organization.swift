/// Everything the planning model knows about one organization, after import and merging.
public struct Organization: Hashable, Sendable {
  /// The date the export describes, when it says.
  public var asOf: Day?
  /// Highest level `L` of the proficiency scale `0...L`.
  public var scaleMax: Int
  /// Skills in input order.
  public var skills: [Skill]
  /// People in input order.
  public var people: [Person]
  /// Roles in input order.
  public var roles: [Role]
  public var policy: Policy
  /// An earlier plan with its progress, agreements and forbidden pairs, when an input carried
  /// one: its done pairs already count in people's levels.
  public var plan: RecordedPlan?

  public init(
    asOf: Day? = nil, scaleMax: Int = 4, skills: [Skill] = [], people: [Person] = [],
    roles: [Role] = [], policy: Policy = Policy(), plan: RecordedPlan? = nil
  ) {
    self.asOf = asOf
    self.scaleMax = scaleMax
    self.skills = skills
    self.people = people
    self.roles = roles
    self.policy = policy
    self.plan = plan
  }

  /// People whose last working day falls before `day`: they have left by then.
  public func leavers(before day: Day) -> [PersonID] {
    people.filter { $0.hasLeft(before: day) }.map(\.id)
  }

  /// The organization as it stands on `day`: everyone whose last working day is before it has
  /// gone and counts for nothing (see ``excluding(_:)``).
  ///
  /// Every entry point that judges an organization over a horizon (the analysis, the plan, the
  /// succession bench) applies this with the horizon's first day, so a library caller gets the
  /// same figures as the command line (docs/model.md, "Leavers").
  ///
  /// - Complexity: O(n) in the number of people and incumbents; the same value when nobody has
  ///   left.
  public func excludingDeparted(before day: Day) -> Organization {
    excluding(Set(leavers(before: day)))
  }

  /// The same organization with the given people removed, as if they had already left.
  ///
  /// They no longer count as qualified, as mentors or as managers. A role they held keeps its
  /// target: the vacant seat becomes one more backup to train, since the work still needs doing.
  public func excluding(_ gone: Set<PersonID>) -> Organization {
    guard !gone.isEmpty else { return self }
    var copy = self
    copy.people.removeAll { gone.contains($0.id) }
    for index in copy.people.indices where copy.people[index].manager.map(gone.contains) == true {
      copy.people[index].manager = nil
    }
    for index in copy.roles.indices {
      let before = copy.roles[index].incumbents.count
      copy.roles[index].incumbents.removeAll { gone.contains($0) }
      copy.roles[index].backups += before - copy.roles[index].incumbents.count
    }
    return copy
  }
}

/// Planning settings that the input may carry.
public struct Policy: Hashable, Sendable {
  /// Horizon `H` of a plan, in weeks.
  public var horizonWeeks: Int
  /// The lowest level from which anyone may mentor a skill.
  public var mentorMinLevel: Int
  /// First day of the horizon.
  public var start: Day?
  /// Days that are not working days although they fall on Monday to Friday.
  public var holidays: [Day]
  /// Whether people trained in a plan may mentor from the week after their training ends
  /// (teaching cascades, docs/model.md); an organization may keep to levels held today.
  public var cascades: Bool

  public init(
    horizonWeeks: Int = 12, mentorMinLevel: Int = 3, start: Day? = nil, holidays: [Day] = [],
    cascades: Bool = true
  ) {
    self.horizonWeeks = horizonWeeks
    self.mentorMinLevel = mentorMinLevel
    self.start = start
    self.holidays = holidays
    self.cascades = cascades
  }
}
