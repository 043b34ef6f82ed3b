import HRImport
import Pseudonyms
import Reports
import SkillsGraph

/// The steps every report command shares: import, check the what-if, and workshop mode.
///
/// Workshop mode never changes what is computed: the analysis and the plan run on the input's
/// own ids and names, and `finished(_:)` renames the finished content, so
/// a workshop discusses the plan that will run.
struct ReportPreparation {
  var organization: Organization
  var scenario: Scenario
  var horizon: Horizon
  var absenceRate: Double
  var privacy: Privacy
  var sources: [SourceSummary]
  /// The pseudonyms to apply to the finished reports; nil outside workshop mode.
  var pseudonyms: Pseudonymization?
  /// True when no progress may be shown.
  var quiet: Bool

  static func prepare(
    input: InputOptions, scenario options: ScenarioOptions, workshop: WorkshopOptions
  ) throws -> ReportPreparation {
    let imported = try input.load(hideWarnings: workshop.pseudonymize)
    if workshop.pseudonymize, !imported.warnings.isEmpty {
      Console.error(
        "understudy: \(imported.warnings.count) warning(s) not shown in workshop mode, since "
          + "they name people; run 'understudy validate' to read them")
    }
    try options.checkPeople(in: imported.organization, suggest: !workshop.pseudonymize)
    let horizonStart = options.horizon(for: imported.organization).start
    let gone = imported.organization.leavers(before: horizonStart)
    if !gone.isEmpty {
      let list =
        workshop.pseudonymize
        ? "\(gone.count) people" : gone.map { "'\($0)'" }.joined(separator: ", ")
      Console.error(
        "understudy: warning: \(list) left before the horizon starts (\(horizonStart)) and "
          + "count for nothing; the roles they held keep their targets")
    }
    let organization = imported.organization
    return ReportPreparation(
      organization: organization, scenario: options.scenario,
      horizon: options.horizon(for: organization), absenceRate: options.absenceRate,
      privacy: workshop.privacy, sources: imported.sources,
      pseudonyms: try workshop.pseudonymization(for: organization), quiet: input.quiet)
  }

  /// The gap report's content: coverage, calendar, what-if, succession, in workshop mode or not.
  func gapReport() -> GapReportContent {
    finished(
      GapReportContent.analyse(
        organization, horizon: horizon, absenceRate: absenceRate, scenario: scenario,
        sources: sources))
  }

  /// `content` as the report shows it: with the privacy rules, and renamed in workshop mode.
  func finished(_ content: GapReportContent) -> GapReportContent {
    var content = content
    content.privacy = privacy
    return pseudonyms.map { $0.apply(to: content) } ?? content
  }

  /// The plan report's `content` as the report shows it: the same pairs, with the privacy
  /// rules, and renamed in workshop mode.
  func finished(_ content: PlanReportContent) -> PlanReportContent {
    var content = content
    content.before.privacy = privacy
    return pseudonyms.map { $0.apply(to: content) } ?? content
  }
}
