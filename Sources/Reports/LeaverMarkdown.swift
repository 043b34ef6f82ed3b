import SkillsGraph

/// The leavers section in Markdown: who leaves within the horizon, what their roles lose from
/// which week and, in a plan, which backups the plan trains for those roles.
enum LeaverMarkdown {
  /// The section of the gap report.
  static func section(
    _ departures: [Departure], content: GapReportContent, names: Names
  ) -> String {
    section(
      departures, horizon: content.absences.horizon, names: names,
      disclosure: content.depthDisclosure, backups: nil)
  }

  /// The section; with `backups` (a plan report), each role says who replaces the leaver.
  static func section(
    _ departures: [Departure], horizon: Horizon, names: Names, disclosure: DepthDisclosure,
    backups: [RoleID: [NewBackup]]?
  ) -> String {
    var out = "## Leaving within the horizon\n\n"
    guard !departures.isEmpty else {
      return out + "Nobody's last working day falls within the horizon.\n\n"
    }
    out += "People whose last working day falls within the horizon. Each counts for their roles "
    out += "until the end of the week of their last day; the roles keep their targets.\n\n"
    for departure in departures {
      out +=
        "- "
        + MarkdownTable.escape(
          line(departure, horizon: horizon, names: names, disclosure: disclosure, backups: backups))
        + "\n"
    }
    return out + "\n"
  }

  /// One leaver in a sentence: last day, then each role's depth before → after from the week
  /// after, and the backups the plan trains for it.
  static func line(
    _ departure: Departure, horizon: Horizon, names: Names, disclosure: DepthDisclosure,
    backups: [RoleID: [NewBackup]]?
  ) -> String {
    var out = "**\(names.person(departure.person))**\(names.department(departure.person)), "
    out += "last day \(departure.lastDay): "
    guard !departure.roles.isEmpty else { return out + "qualified for no role." }
    let from = LeaverText.from(departure, horizon: horizon)
    let roles = departure.roles.map { loss in
      var text = "\(names.role(loss.role)): depth "
      text += LeaverText.depths(loss, disclosure: disclosure) + " " + from
      if let backups {
        text +=
          "; "
          + LeaverText.backups(backups[loss.role] ?? [], horizon: horizon) {
            names.person($0)
          }
      }
      return text
    }
    return out + roles.joined(separator: "; ") + "."
  }
}

/// The wording of the leavers sections, shared by every format.
enum LeaverText {
  /// "from week 3 (2026-12-14)", or "after the horizon" when they leave in its last week.
  static func from(_ departure: Departure, horizon: Horizon) -> String {
    guard departure.fromWeek <= horizon.weeks else { return "after the horizon" }
    return "from week \(departure.fromWeek) (\(horizon.firstDay(ofWeek: departure.fromWeek)))"
  }

  /// "2 → 1", under the depth rule.
  static func depths(_ loss: Departure.RoleLoss, disclosure: DepthDisclosure) -> String {
    "\(disclosure.count(loss.depthBefore, of: loss.role)) → "
      + disclosure.count(loss.depthAfter, of: loss.role)
  }

  /// "backup in the plan: Edda Falk (E15), ready in week 6", or "no backup in the plan".
  static func backups(
    _ backups: [NewBackup], horizon: Horizon, name: (PersonID) -> String
  ) -> String {
    guard !backups.isEmpty else { return "no backup in the plan" }
    let list = backups.map { "\(name($0.person)), ready in week \($0.readyWeek)" }
    return (backups.count == 1 ? "backup in the plan: " : "backups in the plan: ")
      + list.joined(separator: ", ")
  }
}
