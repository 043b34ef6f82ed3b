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
    ])
    for (coverage, absence) in zip(content.coverage.roles, content.absences.roles) {
      table.append([
        coverage.role.rawValue, coverage.name, formatNumber(coverage.weight),
        "\(coverage.target)", content.privacy.count(coverage.depth),
        content.privacy.derived("\(coverage.gap)", depth: coverage.depth),
        content.privacy.list(coverage.qualified.map(\.rawValue), separator: "; "),
        content.privacy.list(coverage.qualified.map(names.plainName), separator: "; "),
        coverage.incumbents.map(\.rawValue).joined(separator: "; "), "\(absence.minPresent)",
        "\(absence.uncoveredDayCount)",
        absence.uncoveredDays.map { "\($0.from)..\($0.to)" }.joined(separator: "; "),
        content.privacy.derived(
          formatDecimal(absence.expectedUncoveredDaysPerYear, places: 4), depth: coverage.depth),
        content.privacy.count(absence.absenceFactor),
      ])
    }
    return table.rendered()
  }
}
