import SkillsGraph

/// The calendar sections of the Markdown gap report: uncovered days, sick-day risk, what-if.
enum AbsenceMarkdown {
  static func calendar(
    _ absences: AbsenceAnalysis, names: Names, afterPlan: Bool = false,
    disclosure: DepthDisclosure = .showingAll
  )
    -> String
  {
    let horizon = absences.horizon
    let when = afterPlan ? ", once the plan runs" : ""
    var out =
      "## When the work stops\(when) (\(horizon.start) to \(horizon.end.adding(days: -1)))\n\n"
    let stopped = absences.roles.filter { $0.uncoveredDayCount > 0 }
    guard !stopped.isEmpty else {
      return out + "Every role has enough qualified people at work on every working day.\n\n"
    }
    out += "Working days on which a role has fewer qualified people at work than it needs, "
    out += "from planned absences and leaving dates.\n\n"
    var table = MarkdownTable(
      ["Role", "Needs at once", "Uncovered days", "When"],
      rightAligned: [false, true, true, false])
    let ordered = stopped.sorted {
      let a = $0.weight * Double($0.uncoveredDayCount)
      let b = $1.weight * Double($1.uncoveredDayCount)
      return a != b ? a > b : $0.role < $1.role
    }
    for role in ordered {
      table.append([
        names.role(role.role), "\(role.minPresent)", "\(role.uncoveredDayCount)",
        role.uncoveredDays.map(\.description).joined(separator: "; "),
      ])
    }
    out += table.rendered() + "\n"
    return out + whoIsAway(ordered, names: names, disclosure: disclosure)
  }

  /// Per uncovered run, the qualified people away and why: what a manager planning vacations
  /// needs to read.
  static func whoIsAway(
    _ stopped: [AbsenceAnalysis.RoleAbsence], names: Names, disclosure: DepthDisclosure
  ) -> String {
    var out = "Who is away on those days:\n\n"
    for role in stopped {
      for run in role.uncoveredRuns {
        let away = AwayText.describe(
          run, of: role.role, name: names.person, disclosure: disclosure, limit: NameList.limit)
        out += "- " + MarkdownTable.escape("\(names.role(role.role)), \(run.days): \(away)") + "\n"
      }
    }
    return out + "\n"
  }

  static func sickDayRisk(_ content: GapReportContent, names: Names) -> String {
    let absences = content.absences
    var out = "## Sick-day risk\n\n"
    out += "Expected working days a year on which each role stops if everyone is away "
    out += "unplanned on \(formatDecimal(absences.absenceRate * 100, places: 2)) % of days, "
    out += "independently; riskiest first.\n\n"
    var table = MarkdownTable(
      ["Role", "Depth", "Absence factor", "Expected uncovered days a year"],
      rightAligned: [false, true, true, true])
    let depth = Dictionary(
      content.coverage.roles.map { ($0.role, $0.depth) }, uniquingKeysWith: { a, _ in a })
    let disclosure = content.depthDisclosure
    for role in absences.roles.sorted(by: {
      $0.expectedUncoveredDaysPerYear != $1.expectedUncoveredDaysPerYear
        ? $0.expectedUncoveredDaysPerYear > $1.expectedUncoveredDaysPerYear : $0.role < $1.role
    }) {
      table.append([
        names.role(role.role), disclosure.count(depth[role.role] ?? 0, of: role.role),
        disclosure.count(role.absenceFactor, of: role.role),
        disclosure.derived(
          formatDecimal(role.expectedUncoveredDaysPerYear, places: 2), of: role.role),
      ])
    }
    return out + table.rendered() + "\n"
  }

  static func whatIf(
    _ baseline: GapReportContent.Baseline, _ content: GapReportContent, _ names: Names
  ) -> String {
    var out = "## What if\n\n"
    for away in baseline.scenario.away {
      let period = away.period.map { "from \($0.from) to \($0.to)" } ?? "for the whole horizon"
      out += "- \(names.person(away.person)) is away \(period)\n"
    }
    for person in baseline.scenario.excluded.sorted() {
      out += "- \(names.person(person)) has left\n"
    }
    let before = baseline.coverage
    let after = content.coverage
    out += "\n"
    out += "- Coverage: \(formatCoverage(before.coveragePercent))"
    // The what-if keeps the roles: with no ceiling before, there is none after either.
    if before.coveragePercent != nil { out += " → \(formatCoverage(after.coveragePercent))" }
    out += "\n"
    out += "- Uncovered role-days (weighted by criticality): "
    out += formatDecimal(baseline.absences.uncoveredRoleDays, places: 1)
    out += " → \(formatDecimal(content.absences.uncoveredRoleDays, places: 1))\n"
    let disclosure = content.depthDisclosure
    out += "- Single points of failure: "
    out += "\(GapReportMarkdown.singlePointCount(before, disclosure)) → "
    out += "\(GapReportMarkdown.singlePointCount(after, disclosure))\n\n"
    let old = Dictionary(
      zip(before.roles, baseline.absences.roles).map { ($0.role, ($0, $1)) },
      uniquingKeysWith: { a, _ in a })
    var table = MarkdownTable(
      ["Role", "Depth", "Uncovered days", "When (what-if)"],
      rightAligned: [false, true, true, false])
    for (coverage, absence) in zip(after.roles, content.absences.roles) {
      guard let (oldCoverage, oldAbsence) = old[coverage.role],
        oldCoverage.depth != coverage.depth
          || oldAbsence.uncoveredDayCount != absence.uncoveredDayCount
      else { continue }
      table.append([
        names.role(coverage.role),
        "\(disclosure.count(oldCoverage.depth, of: coverage.role)) → "
          + disclosure.count(coverage.depth, of: coverage.role),
        "\(oldAbsence.uncoveredDayCount) → \(absence.uncoveredDayCount)",
        absence.uncoveredDays.map(\.description).joined(separator: "; "),
      ])
    }
    guard !table.rows.isEmpty else { return out + "No role changes.\n\n" }
    return out + "Roles that change:\n\n" + table.rendered() + "\n"
  }
}
