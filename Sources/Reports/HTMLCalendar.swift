import SkillsGraph

/// The absence calendar: heavy roles × the working days of the horizon, uncovered days marked.
///
/// A day is marked with a symbol, not only a colour: ✕ when the role stops that day, ✓ in a plan
/// report when it would have stopped but a new backup covers it. Weeks are labelled so people
/// can point at "week 3" in a meeting.
enum HTMLCalendar {
  static let months = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  ]
  static let weekdays = ["M", "T", "W", "T", "F", "S", "S"]

  /// The working days inside the runs, as a set.
  static func days(_ runs: [DayRange], workingDays: [Day]) -> Set<Day> {
    Set(workingDays.filter { day in runs.contains { $0.from <= day && day <= $0.to } })
  }

  /// "23 Nov".
  static func short(_ day: Day) -> String {
    let (_, month, date) = day.components
    return "\(date) \(months[(month - 1) % 12])"
  }

  /// "1 Feb 2027".
  static func long(_ day: Day) -> String { "\(short(day)) \(day.components.year)" }

  /// Up to this many critical and high roles get a row each even when never stopped; beyond
  /// it, only the roles that stop do.
  static let rowsShownAlways = 20

  /// The calendar of `before`, compared with `after` when a plan changes it.
  static func render(
    _ organization: Organization, before: AbsenceAnalysis, after: AbsenceAnalysis?,
    disclosure: DepthDisclosure = .showingAll
  ) -> String {
    let horizon = before.horizon
    let workingDays = horizon.workingDays
    let names = HTMLNames(organization)
    guard !workingDays.isEmpty else {
      return HTML.paragraph("The horizon has no working days.")
    }
    var heavy = organization.roles.filter(\.isKey)
    var unstopped = 0
    if heavy.count > rowsShownAlways {
      // Dozens of empty rows hide the few that matter: list the roles that stop, count the rest.
      let stops = heavy.filter { role in
        !(before[role: role.id]?.uncoveredDays.isEmpty ?? true)
          || !(after?[role: role.id]?.uncoveredDays.isEmpty ?? true)
      }
      unstopped = heavy.count - stops.count
      heavy = stops
    }
    var out = "<p class=\"lead\">Critical and high roles on each working day from "
    out += "\(horizon.start) to \(horizon.end.adding(days: -1)): "
    out += "<span class=\"x sample\">✕</span> the role has fewer qualified people at work than it "
    out += "needs (planned absences, leaving dates)"
    if after != nil {
      out += "; <span class=\"fixed sample\">✓</span> it would stop today, but a backup the plan "
      out += "trains covers it"
    }
    out += ".</p>\n"
    if unstopped > 0 {
      out += "<p class=\"note\">\(heavy.isEmpty ? "All" : "The other") \(unstopped) critical "
      out += "and high roles have enough qualified people at work on every working day.</p>\n"
    }
    guard !heavy.isEmpty else {
      return out + others(organization, before: before, after: after, names: names)
    }
    // Fixed layout shares the width among the days; the minimum keeps a day readable (1.25rem,
    // room for two digits) on long horizons, which then scroll instead of shrinking.
    out += "<div class=\"scroll\"><table class=\"calendar\" "
    out += "style=\"min-width:\(17 + (workingDays.count * 5 + 3) / 4)rem\">\n"
    out += "<colgroup><col class=\"role-col\"><col span=\"\(workingDays.count)\">"
    out += "<col class=\"total-col\"></colgroup>\n<thead>\n"
    out += header(workingDays, horizon: horizon)
    out += "</thead>\n<tbody>\n"
    for role in heavy {
      let stopped = days(before[role: role.id]?.uncoveredDays ?? [], workingDays: workingDays)
      let still = after.map {
        days($0[role: role.id]?.uncoveredDays ?? [], workingDays: workingDays)
      }
      let runs = (after ?? before)[role: role.id]?.uncoveredRuns ?? []
      out += "<tr><th scope=\"row\" title=\"\(HTML.escape(role.id.rawValue))\">"
      out += "\(HTML.escape(names.plainRole(role.id)))</th>"
      var previousWeek = 0
      for day in workingDays {
        let week = horizon.week(of: day)
        let edge = week != previousWeek ? " wk" : ""
        previousWeek = week
        let isStopped = still.map { $0.contains(day) } ?? stopped.contains(day)
        if isStopped {
          // The tooltip says who is away, as the table below the grid does.
          let away = runs.first { $0.days.from <= day && day <= $0.days.to }.map {
            " – " + HTMLAway.tooltip($0, of: role.id, names: names, disclosure: disclosure)
          }
          out +=
            "<td class=\"x\(edge)\" title=\"\(day): uncovered\(HTML.escape(away ?? ""))\">✕</td>"
        } else if stopped.contains(day) {
          out += "<td class=\"fixed\(edge)\" title=\"\(day): covered by a new backup\">✓</td>"
        } else {
          out += edge.isEmpty ? "<td></td>" : "<td class=\"wk\"></td>"
        }
      }
      let count = "\(stopped.count)"
      out +=
        "<td class=\"num total\">\(HTML.change(count, still.map { "\($0.count)" }))</td></tr>\n"
    }
    out += "</tbody>\n</table></div>\n"
    return out + others(organization, before: before, after: after, names: names)
  }

  /// Two header rows: weeks with their first working day, then each day's weekday and date.
  static func header(_ workingDays: [Day], horizon: Horizon) -> String {
    var weeks: [(week: Int, first: Day, count: Int)] = []
    for day in workingDays {
      let week = horizon.week(of: day)
      if weeks.last?.week == week {
        weeks[weeks.count - 1].count += 1
      } else {
        weeks.append((week, day, 1))
      }
    }
    var out = "<tr><th scope=\"col\" rowspan=\"2\" class=\"corner\">Role</th>"
    for week in weeks {
      out += "<th scope=\"colgroup\" colspan=\"\(week.count)\" class=\"wk\">"
      out += "Week \(week.week)<small>\(short(week.first))</small></th>"
    }
    out += "<th scope=\"col\" rowspan=\"2\" class=\"num\">Days</th></tr>\n<tr>"
    var previousWeek = 0
    for day in workingDays {
      let week = horizon.week(of: day)
      out += "<th scope=\"col\" class=\"day\(week != previousWeek ? " wk" : "")\" title=\"\(day)\">"
      out += "<small>\(weekdays[(day.weekday - 1) % 7])</small>\(day.components.day)</th>"
      previousWeek = week
    }
    return out + "</tr>\n"
  }

  /// Lighter roles that still stop some days, in a sentence below the grid.
  static func others(
    _ organization: Organization, before: AbsenceAnalysis, after: AbsenceAnalysis?,
    names: HTMLNames
  ) -> String {
    let light = organization.roles.filter { $0.weight < 2 }.compactMap { role in
      (after ?? before)[role: role.id].flatMap { $0.uncoveredDayCount > 0 ? (role, $0) : nil }
    }
    guard !light.isEmpty else { return "" }
    let list = light.map { "\(names.role($0.0.id)): \($0.1.uncoveredDayCount)" }
    return
      "<p class=\"note\">Other roles with uncovered days: \(list.joined(separator: "; ")).</p>\n"
  }
}
