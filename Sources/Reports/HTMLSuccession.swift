import MentoringOptimizer
import SkillsGraph

/// The succession bench: for each incumbent of a key role, who could take over and how soon.
///
/// Readiness is written out and carries a symbol (● now, ◐ within the horizon, ○ later,
/// ✕ blocked), so the table reads in grey scale; candidates come in the bench's own order,
/// fewest learning hours first.
enum HTMLSuccession {
  static func render(_ content: GapReportContent, names: HTMLNames) -> String {
    guard !content.succession.isEmpty else {
      return HTML.paragraph("No role of weight 2 or more has an incumbent to succeed.")
    }
    var out = "<p class=\"lead\">For every incumbent of a role of weight 2 or more: who could "
    out += "take over, fewest learning hours first. Mentor time is not reserved here, so the "
    out += "bench says who could be trained, not who the plan trains.</p>\n"
    out += readinessDefinitions
    out += "<div class=\"scroll\"><table class=\"succession\">\n<thead><tr>"
    out += "<th scope=\"col\">Candidate</th><th scope=\"col\">Readiness</th>"
    out += "<th scope=\"col\" class=\"num\">Learning hours</th>"
    out += "<th scope=\"col\">Missing today</th></tr></thead>\n"
    let disclosure = content.depthDisclosure
    for entry in content.succession {
      out += "<tbody>\n<tr class=\"group\"><th scope=\"rowgroup\" colspan=\"4\">"
      out += "\(names.role(entry.role)) <span class=\"muted\">after</span> "
      out += "\(names.person(entry.incumbent))</th></tr>\n"
      let candidates = disclosure.candidates(entry)
      if disclosure.withholdsQualified(entry) {
        out += "<tr><td colspan=\"4\" class=\"muted\">"
        out += HTML.escape(DepthDisclosure.qualifiedWithheld) + "</td></tr>\n"
      } else if candidates.isEmpty {
        out += "<tr><td colspan=\"4\" class=\"muted\">Nobody holds any of the role's skills yet: "
        out += "a successor would start from scratch.</td></tr>\n"
      }
      for candidate in candidates {
        let missing = candidate.missing.map {
          "\(HTML.escape(names.plainSkill($0.skill))) ≥\($0.level)"
        }
        out += "<tr><td>\(names.person(candidate.person))</td>"
        out += "<td>\(readiness(candidate.readiness, names: names))</td>"
        out += "<td class=\"num\">\(formatDecimal(candidate.menteeHours, places: 1))</td>"
        out += "<td>\(missing.isEmpty ? "–" : missing.joined(separator: ", "))</td></tr>\n"
      }
      out += "</tbody>\n"
    }
    return out + "</table></div>\n"
  }

  /// The readiness words, one sentence each, in the page's legend style, each under the badge
  /// the table shows for it.
  // Computed, not stored: a global holding heap storage can read as a leak to LeakSanitizer.
  static var readinessDefinitions: String {
    "<dl class=\"legend\">\n"
      + Readiness.definitions.map {
        "<dt>\(badges[$0.key] ?? HTML.escape($0.word))</dt><dd>\(HTML.escape($0.meaning))</dd>\n"
      }.joined() + "</dl>\n"
  }

  /// The table's badge for each readiness key of ``Readiness/definitions``.
  static let badges = [
    "readyNow": "<span class=\"ready now\">● ready now</span>",
    "withinHorizon": "<span class=\"ready soon\">◐ within the horizon</span>",
    "later": "<span class=\"ready later\">○ later</span>",
    "blocked": "<span class=\"ready blocked\">✕ blocked</span>",
  ]

  static func readiness(_ readiness: Readiness, names: HTMLNames) -> String {
    switch readiness {
    case .readyNow: badges["readyNow"] ?? ""
    case .withinHorizon: badges["withinHorizon"] ?? ""
    case .later: badges["later"] ?? ""
    case .blocked(let skill):
      "<span class=\"ready blocked\">✕ blocked: nobody can teach "
        + "\(HTML.escape(names.plainSkill(skill)))</span>"
    }
  }
}
