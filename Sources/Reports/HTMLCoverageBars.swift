import SkillsGraph

/// Per-role depth against target, drawn as one box per qualified person.
///
/// Depth is a small count of people, so the bar is discrete: a filled box per person qualified,
/// a hatched "+" box per person a plan adds (or a "−" box per person a what-if loses), a dashed
/// empty box per person still missing, and a rule at the target. The figures follow as text.
enum HTMLCoverageBars {
  /// One role in two states (the same state twice when nothing is compared).
  struct Row {
    var role: Role
    var before: CoverageAnalysis.RoleCoverage
    var after: CoverageAnalysis.RoleCoverage
    var calendarBefore: AbsenceAnalysis.RoleAbsence?
    var calendarAfter: AbsenceAnalysis.RoleAbsence?
  }

  /// Pairs each role of `organization` with its figures in both states, by id.
  static func rows(
    _ organization: Organization, before: CoverageAnalysis, after: CoverageAnalysis,
    absencesBefore: AbsenceAnalysis, absencesAfter: AbsenceAnalysis
  ) -> [Row] {
    organization.roles.compactMap { role in
      guard let old = before[role: role.id] ?? after[role: role.id],
        let new = after[role: role.id]
      else { return nil }
      return Row(
        role: role, before: old, after: new, calendarBefore: absencesBefore[role: role.id],
        calendarAfter: absencesAfter[role: role.id])
    }
  }

  /// The table; `compared` adds "before → after" columns (`afterLabel` names the second state).
  static func table(
    _ rows: [Row], names: HTMLNames, compared: Bool, afterLabel: String,
    disclosure: DepthDisclosure
  ) -> String {
    var out = "<p class=\"lead\">One box per qualified person; the upright rule marks the "
    out += "target (incumbents plus wanted backups). "
    if compared {
      out += "Green boxes with + are people \(HTML.escape(afterLabel)) qualifies"
      out +=
        rows.contains { $0.after.depth < $0.before.depth }
        ? "; outlined boxes with − are people it loses. " : ". "
    }
    out += "Dashed empty boxes are backups still missing.</p>\n"
    out += "<div class=\"scroll\"><table class=\"roles sortable\">\n<thead><tr>"
    out += "<th scope=\"col\">Role</th><th scope=\"col\" class=\"num\">Weight</th>"
    out += "<th scope=\"col\" class=\"nosort\">Depth vs target</th>"
    out += "<th scope=\"col\" class=\"num\">Depth</th><th scope=\"col\" class=\"num\">Target</th>"
    out += "<th scope=\"col\">Qualified\(compared ? " (after)" : "")</th>"
    out += "<th scope=\"col\" class=\"num\">Uncovered<br>days</th>"
    out += "<th scope=\"col\" class=\"num\">Sick-day risk<br><small>days a year</small></th>"
    out += "</tr></thead>\n<tbody>\n"
    for row in rows {
      out += rowHTML(row, names: names, compared: compared, disclosure: disclosure)
    }
    return out + "</tbody>\n</table></div>\n"
  }

  /// One role; in workshop mode a role whose depth the rule hides (see `DepthDisclosure`) is
  /// neither drawn nor counted.
  static func rowHTML(
    _ row: Row, names: HTMLNames, compared: Bool, disclosure: DepthDisclosure
  ) -> String {
    let privacy = disclosure.privacy
    let before = row.before
    let after = row.after
    let tier = row.role.criticality
    var out = "<tr\(after.gap > 0 ? " class=\"short\"" : "")>"
    out += "<th scope=\"row\">\(names.role(row.role.id))"
    if row.role.isDerived { out += " <span class=\"badge\">derived</span>" }
    out += "</th>"
    out += "<td class=\"num\" data-sort=\"\(formatNumber(row.role.weight))\">"
    out +=
      "<span class=\"tier tier-\(tierClass(tier))\">\(HTML.escape(tier.description))</span></td>"
    let hidden =
      disclosure.hides(row.role.id) || privacy.hides(before.depth) || privacy.hides(after.depth)
    out += "<td>"
    out +=
      hidden
      ? hiddenBar(privacy: privacy, target: after.target)
      : bar(before: before.depth, after: after.depth, target: after.target)
    out += "</td>"
    out += hidden ? "<td class=\"num\">" : "<td class=\"num\" data-sort=\"\(after.depth)\">"
    out += HTML.change(
      disclosure.count(before.depth, of: row.role.id),
      compared ? disclosure.count(after.depth, of: row.role.id) : nil)
    out += after.gap > 0 && !hidden ? " <span class=\"gap\">(\(after.gap) short)</span>" : ""
    out += "</td><td class=\"num\">\(after.target)</td>"
    let known = Set(before.qualified)
    let people = after.qualified.map { id in
      names.person(id)
        + (compared && !known.contains(id) ? " <span class=\"badge new\">new</span>" : "")
    }
    out += "<td class=\"people\">"
    out += people.isEmpty ? names.people([]) : disclosure.shortened(people, of: row.role.id)
    out += "</td>"
    let daysBefore = row.calendarBefore?.uncoveredDayCount ?? 0
    let daysAfter = row.calendarAfter?.uncoveredDayCount ?? daysBefore
    out += "<td class=\"num\" data-sort=\"\(daysAfter)\">"
    out += HTML.change("\(daysBefore)", compared ? "\(daysAfter)" : nil) + "</td>"
    let riskBefore = formatDecimal(row.calendarBefore?.expectedUncoveredDaysPerYear ?? 0, places: 2)
    let risk = row.calendarAfter?.expectedUncoveredDaysPerYear ?? 0
    if hidden {
      out += "<td class=\"num\">–</td>"  // the risk would give the hidden depth away
    } else {
      out += "<td class=\"num\" data-sort=\"\(formatDecimal(risk, places: 4))\">"
      out += HTML.change(riskBefore, compared ? formatDecimal(risk, places: 2) : nil) + "</td>"
    }
    return out + "</tr>\n"
  }

  /// How many boxes past the target a bar draws before it counts the rest as "+N": a role
  /// with a dozen qualified people would otherwise push the table past the page.
  static let extraShown = 3

  /// The boxes: held, gained, lost, extra past the target (up to ``extraShown``, then "+N"),
  /// missing up to it.
  static func bar(before: Int, after: Int, target: Int) -> String {
    let all = max(target, before, after, 1)
    let units = min(all, max(target, 1) + extraShown)
    var label = "depth \(before)"
    if after != before { label += " becomes \(after)" }
    label += " of target \(target)"
    var out = "<span class=\"bar\" role=\"img\" aria-label=\"\(label)\">"
    for index in 0..<units {
      if index == target { out += "<span class=\"target\"></span>" }
      let kind: String
      let glyph: String
      if index < min(before, after) {
        (kind, glyph) = (index < target ? "held" : "extra", "")
      } else if index < after {
        (kind, glyph) = ("gained", "+")
      } else if index < before {
        (kind, glyph) = ("lost", "−")
      } else {
        (kind, glyph) = ("missing", "")
      }
      out += "<span class=\"u \(kind)\">\(glyph)</span>"
    }
    if units == target { out += "<span class=\"target\"></span>" }
    if all > units { out += "<span class=\"more\">+\(all - units)</span>" }
    return out + "</span>"
  }

  /// Workshop mode: one shaded block for "fewer than K", then the target rule.
  static func hiddenBar(privacy: Privacy, target: Int) -> String {
    let label = HTML.escape(privacy.count(0))
    return "<span class=\"bar\" role=\"img\" aria-label=\"depth \(label) of target \(target)\">"
      + "<span class=\"u hidden\">\(label)</span><span class=\"target\"></span></span>"
  }

  static func tierClass(_ criticality: Criticality) -> String {
    switch criticality {
    case .critical: "critical"
    case .high: "high"
    case .normal: "normal"
    case .weight(let value): value >= 3 ? "critical" : value >= 2 ? "high" : "normal"
    }
  }
}
