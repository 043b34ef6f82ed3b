import SkillsGraph

/// Settings of one planning run: the policy's horizon and mentor level, plus a time budget.
public struct PlanOptions: Hashable, Sendable {
  /// Horizon `H` of the plan, in weeks; every capacity is a weekly figure times `H`.
  ///
  /// When ``horizon`` is set, this is its number of weeks.
  public var horizonWeeks: Int
  /// The lowest level from which anyone may mentor a skill (the model's `mentorMinLevel`).
  public var mentorMinLevel: Int
  /// Wall-clock budget for the search; the improvement phase stops when it runs out.
  ///
  /// A run that converges before the limit is deterministic; one that hits it returns the best
  /// plan found so far, which depends on machine speed, and says so in ``MentoringPlan/stats``.
  public var timeLimit: Duration
  /// The calendar of the plan, when known: week 1 starts on `horizon.start`, and people's
  /// planned absences and leaving dates decide in which weeks they teach and learn.
  ///
  /// With a calendar, a person is *away in a week* when they are present on none of its working
  /// days (or it has none); nobody teaches or learns in a week they are away; capacities are
  /// weekly hours × the weeks the person is present; and nobody who leaves before the horizon
  /// ends is trained as a backup. Without one (`nil`), every person is present every week and
  /// capacities are weekly hours × `H`, as in the model.
  public var horizon: Horizon?

  /// Creates options from the organization's policy, with optional overrides.
  ///
  /// - Parameters:
  ///   - policy: the organization's policy, for the defaults.
  ///   - horizonWeeks: the horizon in weeks, instead of the policy's.
  ///   - mentorMinLevel: the lowest mentoring level, instead of the policy's.
  ///   - timeLimit: the search's wall-clock budget.
  ///   - horizon: the calendar; when given, its weeks override `horizonWeeks` and the policy's.
  public init(
    policy: Policy = Policy(), horizonWeeks: Int? = nil, mentorMinLevel: Int? = nil,
    timeLimit: Duration = .seconds(10), horizon: Horizon? = nil
  ) {
    self.horizonWeeks = max(0, horizon?.weeks ?? horizonWeeks ?? policy.horizonWeeks)
    self.mentorMinLevel = mentorMinLevel ?? policy.mentorMinLevel
    self.timeLimit = timeLimit
    self.horizon = horizon
  }
}
