import HRImport
import Pseudonyms
import Reports
import SkillsGraph

/// The steps every report command shares: import, check the what-if, apply workshop mode.
struct ReportPreparation {
  var organization: Organization
  var scenario: Scenario
  var horizon: Horizon
  var absenceRate: Double
  var privacy: Privacy
  var sources: [SourceSummary]
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
    var organization = imported.organization
    var scenario = options.scenario
    if let pseudonyms = try workshop.pseudonymization(for: organization) {
      organization = pseudonyms.apply(to: organization)
      scenario = scenario.renamed(by: pseudonyms)
    }
    return ReportPreparation(
      organization: organization, scenario: scenario,
      horizon: options.horizon(for: organization), absenceRate: options.absenceRate,
      privacy: workshop.privacy, sources: imported.sources,
      quiet: input.quiet)
  }

  /// The gap report's content: coverage, calendar, what-if, succession, in workshop mode or not.
  func gapReport() -> GapReportContent {
    var content = GapReportContent.analyse(
      organization, horizon: horizon, absenceRate: absenceRate, scenario: scenario,
      sources: sources)
    content.privacy = privacy
    return content
  }
}
