import SkillsGraph

/// Settings of one planning run: the policy's horizon and mentor level, plus a time budget.
public struct PlanOptions: Hashable, Sendable {
  /// Horizon `H` of the plan, in weeks; every capacity is a weekly figure times `H`.
  public var horizonWeeks: Int
  /// The lowest level from which anyone may mentor a skill (the model's `mentorMinLevel`).
  public var mentorMinLevel: Int
  /// Wall-clock budget for the search; the improvement phase stops when it runs out.
  ///
  /// A run that converges before the limit is deterministic; one that hits it returns the best
  /// plan found so far, which depends on machine speed, and says so in ``MentoringPlan/stats``.
  public var timeLimit: Duration

  /// Creates options from the organization's policy, with optional overrides.
  public init(
    policy: Policy = Policy(), horizonWeeks: Int? = nil, mentorMinLevel: Int? = nil,
    timeLimit: Duration = .seconds(10)
  ) {
    self.horizonWeeks = max(0, horizonWeeks ?? policy.horizonWeeks)
    self.mentorMinLevel = mentorMinLevel ?? policy.mentorMinLevel
    self.timeLimit = timeLimit
  }
}
