import SkillsGraph

/// Who is away when the work stops, and who leaves, as HTML tables below the calendar.
enum HTMLAway {
  /// Every uncovered run of every role, with the qualified people away and why.
  static func table(
    _ absences: AbsenceAnalysis, names: HTMLNames, disclosure: DepthDisclosure,
    afterPlan: Bool = false
  ) -> String {
    let rows = absences.roles.flatMap { role in role.uncoveredRuns.map { (role.role, $0) } }
    guard !rows.isEmpty else { return "" }
    var out = "<h3>Who is away when the work stops\(afterPlan ? ", once the plan runs" : "")</h3>\n"
    out += "<table class=\"away\">\n<thead><tr><th scope=\"col\">Role</th>"
    out += "<th scope=\"col\">Days</th><th scope=\"col\">Qualified people away, and why</th>"
    out += "</tr></thead>\n<tbody>\n"
    for (role, run) in rows {
      out += "<tr><th scope=\"row\">\(names.role(role))</th>"
      out += "<td>\(HTML.escape(run.days.description))</td>"
      out += "<td>\(HTML.escape(tooltip(run, of: role, names: names, disclosure: disclosure)))"
      out += "</td></tr>\n"
    }
    return out + "</tbody>\n</table>\n"
  }

  /// The run's people and reasons as plain text (escaped by the caller), for a cell or a title.
  static func tooltip(
    _ run: UncoveredRun, of role: RoleID, names: HTMLNames, disclosure: DepthDisclosure
  ) -> String {
    AwayText.describe(
      run, of: role, name: names.plainPerson, disclosure: disclosure, limit: NameList.limit)
  }

  /// The leavers: one row per leaver and role, with the depth before → after from the week
  /// after their last day and, in a plan, the backups it trains for the role.
  static func leavers(
    _ departures: [Departure], horizon: Horizon, names: HTMLNames,
    disclosure: DepthDisclosure, backups: [RoleID: [NewBackup]]?
  ) -> String {
    guard !departures.isEmpty else {
      return HTML.paragraph("Nobody's last working day falls within the horizon.")
    }
    var out = "<p class=\"lead\">People whose last working day falls within the horizon. Each "
    out += "counts for their roles until the end of the week of their last day; the roles keep "
    out += "their targets.</p>\n"
    out += "<table class=\"leavers\">\n<thead><tr><th scope=\"col\">Person</th>"
    out += "<th scope=\"col\">Last day</th><th scope=\"col\">Role</th>"
    out += "<th scope=\"col\" class=\"num\">Depth</th><th scope=\"col\">From</th>"
    if backups != nil { out += "<th scope=\"col\">Backups in the plan</th>" }
    out += "</tr></thead>\n<tbody>\n"
    for departure in departures {
      let from = HTML.escape(LeaverText.from(departure, horizon: horizon))
      let losses: [Departure.RoleLoss?] = departure.roles.isEmpty ? [nil] : departure.roles
      for loss in losses {
        out += "<tr><th scope=\"row\">\(names.person(departure.person))</th>"
        out += "<td>\(departure.lastDay)</td>"
        guard let loss else {
          out += "<td colspan=\"\(backups == nil ? 3 : 4)\">qualified for no role</td></tr>\n"
          continue
        }
        out += "<td>\(names.role(loss.role))</td>"
        out += "<td class=\"num\">\(HTML.escape(LeaverText.depths(loss, disclosure: disclosure)))"
        out += "</td><td>\(from)</td>"
        if let backups {
          let text = LeaverText.backups(backups[loss.role] ?? [], horizon: horizon) {
            names.plainPerson($0)
          }
          out += "<td>\(HTML.escape(text))</td>"
        }
        out += "</tr>\n"
      }
    }
    return out + "</tbody>\n</table>\n"
  }
}
