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

  public init(
    organization: Organization, plan: MentoringPlan, before: GapReportContent,
    absencesAfter: AbsenceAnalysis, horizon: Horizon
  ) {
    self.organization = organization
    self.plan = plan
    self.before = before
    self.absencesAfter = absencesAfter
    self.horizon = horizon
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
  /// first day of the horizon week in which the last pair they need for that role ends.
  public static func availability(
    of plan: MentoringPlan, in organization: Organization, horizon: Horizon
  ) -> [RoleID: [PersonID: Day]] {
    let pairsByMentee = Dictionary(grouping: plan.pairs, by: \.mentee)
    let people = Dictionary(
      organization.people.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    var result: [RoleID: [PersonID: Day]] = [:]
    for (role, (before, after)) in zip(organization.roles, zip(plan.before.roles, plan.after.roles))
    {
      let known = Set(before.qualified)
      for mentee in after.qualified where !known.contains(mentee) {
        guard let person = people[mentee] else { continue }
        let needed = (pairsByMentee[mentee] ?? []).filter { pair in
          role.requirements.contains {
            $0.skill == pair.skill && person.level($0.skill) < $0.level
          }
        }
        let lastWeek = needed.map(\.endWeek).max() ?? 1
        result[role.id, default: [:]][mentee] = horizon.firstDay(ofWeek: lastWeek)
      }
    }
    return result
  }
}
