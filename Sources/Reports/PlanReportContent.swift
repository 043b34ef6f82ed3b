import MentoringOptimizer
import SkillsGraph

/// Everything a plan report shows: the plan, and the calendar before and after it.
public struct PlanReportContent: Sendable {
  public var organization: Organization
  public var plan: MentoringPlan
  /// Coverage and calendar today (the gap report's content).
  public var before: GapReportContent
  /// The calendar once the plan has run: each new backup counts from the week their training
  /// for that role ends.
  public var absencesAfter: AbsenceAnalysis
  public var horizon: Horizon
  /// When pairs meet; ``checkIns`` turns it into the dates every view of the plan shows.
  public var checkInPattern: CheckInPattern

  public init(
    organization: Organization, plan: MentoringPlan, before: GapReportContent,
    absencesAfter: AbsenceAnalysis, horizon: Horizon, checkInPattern: CheckInPattern = .standard
  ) {
    self.organization = organization
    self.plan = plan
    self.before = before
    self.absencesAfter = absencesAfter
    self.horizon = horizon
    self.checkInPattern = checkInPattern
  }

  /// The plan pipeline: analyses `organization`, plans its mentoring and computes the calendar
  /// after the plan, all under one set of options, so every part of the report (the bench, the
  /// pairs, the calendar) follows the same horizon and mentoring level.
  ///
  /// - Parameters:
  ///   - organization: the organization as imported; people who left before the horizon starts
  ///     count for nothing.
  ///   - horizon: the calendar of the plan; it replaces the horizon of `options`.
  ///   - options: the mentoring level and the search's time limit.
  ///   - absenceRate: the share of working days everyone is expected to be off sick.
  ///   - scenario: the what-if the plan is made for, if any.
  ///   - sources: what the import read, for the report's data sources.
  ///   - progress: told how the search goes (see `planMentoring(_:options:progress:)`).
  /// - Returns: the plan with the gap report before it and the calendar after it.
  /// - Complexity: the gap report's analysis, the plan's search (bounded by the time limit) and
  ///   one more absence analysis.
  public static func plan(
    _ organization: Organization, horizon: Horizon, options: PlanOptions,
    absenceRate: Double = 0.03, scenario: Scenario = Scenario(), sources: [SourceSummary] = [],
    progress: (@Sendable (PlanProgress) -> Void)? = nil
  ) -> PlanReportContent {
    var options = options
    options.horizon = .calendar(horizon)
    let before = GapReportContent.analyse(
      organization, horizon: horizon, absenceRate: absenceRate, scenario: scenario,
      sources: sources, planOptions: options)
    let plan = planMentoring(before.organization, options: options, progress: progress)
    return analyse(plan, before: before, horizon: horizon)
  }

  /// Computes the calendar after `plan` for an organization already analysed in `before`.
  ///
  /// - Complexity: one absence analysis, plus O(pairs × roles) to find when backups qualify.
  public static func analyse(
    _ plan: MentoringPlan, before: GapReportContent, horizon: Horizon
  ) -> PlanReportContent {
    let organization = before.organization
    let availability = Self.availability(of: plan, in: organization, horizon: horizon)
    let after = AbsenceAnalysis(
      organization, coverage: plan.after, horizon: horizon,
      absenceRate: before.absences.absenceRate, availableFrom: availability)
    return PlanReportContent(
      organization: organization, plan: plan, before: before, absencesAfter: after,
      horizon: horizon)
  }

  /// For each role, the people the plan newly qualifies and the first day they count: the
  /// first day of the horizon week in which the last pair they need for that role ends (the
  /// week the reports print as the pair's ready week).
  public static func availability(
    of plan: MentoringPlan, in organization: Organization, horizon: Horizon
  ) -> [RoleID: [PersonID: Day]] {
    let lastWeek = PlanTimeline.readyWeeks(of: plan)
    var result: [RoleID: [PersonID: Day]] = [:]
    for (role, (before, after)) in zip(organization.roles, zip(plan.before.roles, plan.after.roles))
    {
      let known = Set(before.qualified)
      for mentee in after.qualified where !known.contains(mentee) {
        let week = lastWeek[role.id]?[mentee] ?? 1
        result[role.id, default: [:]][mentee] = horizon.firstDay(ofWeek: week)
      }
    }
    return result
  }
}
