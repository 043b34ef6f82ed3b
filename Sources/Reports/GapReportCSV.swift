import SkillsGraph

/// The gap report as a spreadsheet: one row per role.
public enum GapReportCSV {
  /// Renders one row per role, in input order.
  public static func render(_ content: GapReportContent) -> String {
    let names = Names(content.organization)
    var table = CSVTable([
      "role_id", "role_name", "weight", "target", "depth", "gap", "qualified_ids",
      "qualified_names", "incumbent_ids", "min_present", "uncovered_days",
      "uncovered_day_ranges", "expected_uncovered_days_per_year", "absence_factor",
      "uncovered_away", "leaving",
    ])
    let disclosure = content.depthDisclosure
    let horizon = content.absences.horizon
    for (coverage, absence) in zip(content.coverage.roles, content.absences.roles) {
      table.append([
        coverage.role.rawValue, coverage.name, formatNumber(coverage.weight),
        "\(coverage.target)", disclosure.count(coverage.depth, of: coverage.role),
        disclosure.derived("\(coverage.gap)", of: coverage.role),
        disclosure.list(coverage.qualified.map(\.rawValue), of: coverage.role, separator: "; "),
        disclosure.list(
          coverage.qualified.map(names.plainName), of: coverage.role, separator: "; "),
        coverage.incumbents.map(\.rawValue).joined(separator: "; "), "\(absence.minPresent)",
        "\(absence.uncoveredDayCount)",
        absence.uncoveredDays.map { "\($0.from)..\($0.to)" }.joined(separator: "; "),
        disclosure.derived(
          formatDecimal(absence.expectedUncoveredDaysPerYear, places: 4), of: coverage.role),
        disclosure.count(absence.absenceFactor, of: coverage.role),
        LeaverCSV.away(absence, disclosure: disclosure),
        LeaverCSV.leaving(coverage.role, content.departures, horizon, disclosure: disclosure),
      ])
    }
    return table.rendered()
  }
}
