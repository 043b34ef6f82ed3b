import MentoringOptimizer
import SkillsGraph

/// The plan's pairs as a table, each with the reason it is in the plan.
///
/// Pairs are numbered in plan order; the week-by-week chart uses the same numbers, so a printed
/// page can be read without colour or hovering.
enum HTMLPairs {
  static func table(_ content: PlanReportContent, names: HTMLNames) -> String {
    let pairs = content.plan.pairs
    guard !pairs.isEmpty else {
      return HTML.paragraph("No pair improves coverage within the capacities given.")
    }
    var out = "<p class=\"lead\">Each pair raises one skill of the mentee; together a mentee's "
    out += "pairs qualify them for the roles named. Hours are the mentee's learning hours and "
    out += "the mentor's time.</p>\n"
    out += "<div class=\"scroll\"><table class=\"pairs sortable\">\n<thead><tr>"
    out += "<th scope=\"col\" class=\"num\">#</th><th scope=\"col\">Mentee</th>"
    out += "<th scope=\"col\">Skill</th><th scope=\"col\" class=\"num\">Level</th>"
    out += "<th scope=\"col\">Mentor</th><th scope=\"col\" class=\"num\">Weeks</th>"
    out += "<th scope=\"col\" class=\"num\">Hours <small>mentee / mentor</small></th>"
    out += "<th scope=\"col\" class=\"nosort\">Why this pair</th></tr></thead>\n<tbody>\n"
    for (index, pair) in pairs.enumerated() {
      out += "<tr><td class=\"num\">\(index + 1)</td>"
      out += "<td>\(names.person(pair.mentee))\(department(pair.mentee, names))</td>"
      out += "<td>\(names.skill(pair.skill))</td>"
      out +=
        "<td class=\"num level\" data-sort=\"\(pair.toLevel)\">\(pair.fromLevel)→\(pair.toLevel)</td>"
      out += "<td>\(names.person(pair.mentor))\(department(pair.mentor, names))</td>"
      out +=
        "<td class=\"num\" data-sort=\"\(pair.startWeek)\">\(pair.startWeek)–\(pair.endWeek)</td>"
      out += "<td class=\"num\" data-sort=\"\(formatDecimal(pair.menteeHours, places: 2))\">"
      out +=
        "\(formatDecimal(pair.menteeHours, places: 1)) / \(formatDecimal(pair.mentorHours, places: 1))</td>"
      out += "<td>\(explanation(pair, names: names))</td></tr>\n"
    }
    return out + "</tbody>\n</table></div>\n"
  }

  /// The roles the pair serves with their depth before → after, then the softer reasons.
  static func explanation(_ pair: PlannedPair, names: HTMLNames) -> String {
    var parts = pair.roles.map { impact in
      "<li>\(names.role(impact.role)): depth "
        + HTML.change("\(impact.depthBefore)", "\(impact.depthAfter)") + "</li>"
    }
    if pair.crossDepartment {
      parts.append("<li><span class=\"badge\">across departments</span></li>")
    }
    if pair.matchesInterest {
      parts.append("<li><span class=\"badge interest\">mentee asked to learn this</span></li>")
    }
    return "<ul class=\"why\">" + parts.joined() + "</ul>"
  }

  static func department(_ person: PersonID, _ names: HTMLNames) -> String {
    let name = names.department(person)
    return name.isEmpty ? "" : "<br><span class=\"dept-name\">\(HTML.escape(name))</span>"
  }

  /// Roles the plan leaves below target, with the optimizer's reason.
  static func unmet(_ content: PlanReportContent, names: HTMLNames) -> String {
    guard !content.plan.unmet.isEmpty else {
      return HTML.paragraph("Every role reaches its target once the plan has run.")
    }
    var out = "<table class=\"unmet\">\n<thead><tr><th scope=\"col\">Role</th>"
    out += "<th scope=\"col\" class=\"num\">Still missing</th><th scope=\"col\">Why</th>"
    out += "</tr></thead>\n<tbody>\n"
    for role in content.plan.unmet {
      out += "<tr><th scope=\"row\">\(names.role(role.role))</th><td class=\"num\">\(role.gap)</td>"
      out += "<td>\(HTML.escape(role.reason.description))</td></tr>\n"
    }
    return out + "</tbody>\n</table>\n"
  }
}
