import SkillsGraph

/// Settings of one planning run: one horizon, the mentoring level and a time budget.
///
/// Built once (the command line builds it from its flags) and handed to every part of a plan:
/// the planner, the succession bench and the reports read the same values, so no setting can
/// reach one part and miss another.
public struct PlanOptions: Hashable, Sendable {
  /// The weeks the plan covers, with or without a calendar.
  public var horizon: PlanHorizon
  /// The lowest level from which anyone may mentor a skill (docs/model.md, "Eligibility").
  public var mentorMinLevel: Int
  /// Wall-clock budget for the search; the improvement phase stops when it runs out.
  ///
  /// A run that converges before the limit is deterministic; one that hits it returns the best
  /// plan found so far, which depends on machine speed, and says so in ``MentoringPlan/stats``.
  public var timeLimit: Duration
  /// Whether people the plan trains to the mentoring level may teach from the week after their
  /// training ends (docs/model.md, "Teaching cascades").
  public var cascades: Bool

  /// Creates options from the organization's policy, with optional overrides.
  ///
  /// - Parameters:
  ///   - policy: the organization's policy, for the defaults.
  ///   - horizon: the horizon; by default the policy's number of weeks without a calendar.
  ///   - mentorMinLevel: the lowest mentoring level, instead of the policy's.
  ///   - timeLimit: the search's wall-clock budget.
  ///   - cascades: whether trained people may mentor, instead of the policy's setting.
  public init(
    policy: Policy = Policy(), horizon: PlanHorizon? = nil, mentorMinLevel: Int? = nil,
    timeLimit: Duration = .seconds(10), cascades: Bool? = nil
  ) {
    self.horizon = horizon ?? .weeks(policy.horizonWeeks)
    self.mentorMinLevel = mentorMinLevel ?? policy.mentorMinLevel
    self.timeLimit = timeLimit
    self.cascades = cascades ?? policy.cascades
  }

  /// Horizon `H` of the plan, in weeks.
  public var weeks: Int { horizon.weeks }
}

/// The weeks a plan covers: a number of weeks in the abstract, or a calendar.
public enum PlanHorizon: Hashable, Sendable {
  /// `H` weeks with everyone present in every one of them: capacities are weekly hours × `H`.
  /// Nobody has left and nobody leaves, since there are no dates to tell.
  case weeks(Int)
  /// The calendar of the plan: week 1 starts on the horizon's first day, and people's planned
  /// absences and leaving dates decide in which weeks they teach and learn.
  ///
  /// A person is *away in a week* when they are present on none of its working days (or it has
  /// none); nobody teaches or learns in a week they are away; capacities are weekly hours × the
  /// weeks the person is present; people who left before the first day count for nothing
  /// (``Organization/excludingDeparted(before:)``), and nobody who leaves before the horizon
  /// ends is trained as a backup.
  case calendar(Horizon)

  /// Horizon `H`, in weeks (never negative).
  public var weeks: Int {
    switch self {
    case .weeks(let count): max(0, count)
    case .calendar(let horizon): horizon.weeks
    }
  }

  /// The calendar, when the plan follows one.
  public var calendar: Horizon? {
    if case .calendar(let horizon) = self { return horizon }
    return nil
  }

  /// `organization` as it stands at the start of the horizon: without a calendar, unchanged.
  public func applyDepartures(to organization: Organization) -> Organization {
    calendar.map { organization.excludingDeparted(before: $0.start) } ?? organization
  }
}
