import MentoringOptimizer
import SkillsGraph

/// Everything a gap report shows, computed once and rendered in any format.
public struct GapReportContent: Sendable {
  public var organization: Organization
  public var coverage: CoverageAnalysis
  public var absences: AbsenceAnalysis
  public var sources: [SourceSummary]
  /// The figures without the what-if, when a scenario changed the input.
  public var baseline: Baseline?
  /// What the report may say about small groups of people (workshop mode).
  public var privacy = Privacy()
  /// Succession candidates for every incumbent of a role of weight 2 or more.
  public var succession: [SuccessionEntry] = []
  /// People whose last working day falls within the horizon, and the depth their roles lose.
  public var departures: [Departure] = []

  /// The unchanged organization's figures and what the scenario imagined.
  public struct Baseline: Sendable {
    /// The organization before the scenario changed it (it still has the people who left).
    public var organization: Organization
    public var coverage: CoverageAnalysis
    public var absences: AbsenceAnalysis
    public var scenario: Scenario

    public init(
      organization: Organization, coverage: CoverageAnalysis, absences: AbsenceAnalysis,
      scenario: Scenario
    ) {
      self.organization = organization
      self.coverage = coverage
      self.absences = absences
      self.scenario = scenario
    }
  }

  public init(
    organization: Organization, coverage: CoverageAnalysis, absences: AbsenceAnalysis,
    sources: [SourceSummary] = [], baseline: Baseline? = nil
  ) {
    self.organization = organization
    self.coverage = coverage
    self.absences = absences
    self.sources = sources
    self.baseline = baseline
  }

  /// Analyses `organization` over `horizon`, and the scenario against the baseline if any, with
  /// the succession bench of every key role.
  ///
  /// - Parameters:
  ///   - organization: the organization as imported; people who left before the horizon starts
  ///     count for nothing.
  ///   - horizon: the calendar of the report.
  ///   - absenceRate: the share of working days everyone is expected to be off sick.
  ///   - scenario: the what-if, if any.
  ///   - sources: what the import read, for the report's data sources.
  ///   - planOptions: the mentoring settings the succession bench judges readiness by (its
  ///     horizon is `horizon`); by default the policy's.
  /// - Returns: the figures of the gap report, before it is rendered in any format.
  /// - Complexity: two analyses when the scenario is not empty, one otherwise.
  public static func analyse(
    _ organization: Organization, horizon: Horizon, absenceRate: Double = 0.03,
    scenario: Scenario = Scenario(), sources: [SourceSummary] = [],
    planOptions: PlanOptions? = nil
  ) -> GapReportContent {
    // Someone whose last working day is before the horizon has gone: they count for nothing,
    // and a role they held keeps its target (see `Organization.excluding`).
    let organization = organization.excludingDeparted(before: horizon.start)
    let changed = scenario.apply(to: organization, horizon: horizon)
    // The bench judges readiness by the same rules as the plan: the calendar, the leavers and
    // the mentoring level in force.
    var options = planOptions ?? PlanOptions(policy: changed.policy)
    options.horizon = .calendar(horizon)
    // The bench needs nothing the coverage and absences compute: at 40,000 people each side
    // is a tenth of a second, so they run at once.
    let ((coverage, absences), succession) = Alongside.both(
      {
        let coverage = CoverageAnalysis(changed)
        return (
          coverage,
          AbsenceAnalysis(changed, coverage: coverage, horizon: horizon, absenceRate: absenceRate)
        )
      },
      { successionBench(changed, options: options) })
    var baseline: Baseline?
    if !scenario.isEmpty {
      let before = CoverageAnalysis(organization)
      baseline = Baseline(
        organization: organization, coverage: before,
        absences: AbsenceAnalysis(
          organization, coverage: before, horizon: horizon, absenceRate: absenceRate),
        scenario: scenario)
    }
    var content = GapReportContent(
      organization: changed, coverage: coverage, absences: absences, sources: sources,
      baseline: baseline)
    content.succession = succession
    content.departures = Departure.within(horizon, of: changed, coverage: coverage)
    return content
  }
}
