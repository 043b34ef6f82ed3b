import MentoringOptimizer
import SkillsGraph

/// The plan's pairs in waves: one group per month in which pairs start, one line per pair
/// with its weeks and hours, the roles it serves from the week the mentee is ready, and, when
/// the plan trained its mentor, the pair that did.
///
/// Pairs are numbered in reading order (by start week); the week-by-week chart uses the same
/// numbers, so a printed page can be read without colour or hovering.
enum HTMLPairs {
  static func waves(
    _ content: PlanReportContent, timeline: PlanTimeline, names: HTMLNames
  ) -> String {
    guard !timeline.pairs.isEmpty else {
      return HTML.paragraph("No pair improves coverage within the capacities given.")
    }
    var out = "<p class=\"lead\">Pairs grouped by the month of their first week. Each pair "
    out += "raises one skill of the mentee; together a mentee's pairs qualify them for the roles "
    out += "named, from the week the last of them ends. Hours are the mentee's; the mentor "
    out += "spends a quarter of them. "
    out += HTML.escape(content.checkInPattern.sentence) + "</p>\n"
    let disclosure = content.depthDisclosure
    for wave in timeline.waves {
      let count = wave.pairs.count
      out += "<h3 class=\"wave-month\">\(HTML.escape(wave.month.name)) "
      out +=
        "<small>\(count) pair\(count == 1 ? "" : "s") start\(count == 1 ? "s" : "")</small></h3>\n"
      out += "<ol class=\"wave\" start=\"\(timeline.numbers[wave.pairs[0]])\">\n"
      for index in wave.pairs {
        out +=
          "<li>" + line(index, timeline: timeline, names: names, disclosure: disclosure)
          + "</li>\n"
      }
      out += "</ol>\n"
    }
    return out
  }

  /// One pair: who learns what from whom and when, then what for and where the mentor learnt.
  static func line(
    _ index: Int, timeline: PlanTimeline, names: HTMLNames, disclosure: DepthDisclosure
  ) -> String {
    let pair = timeline.pairs[index]
    var out = "<strong>\(names.person(pair.mentee))</strong> learns \(names.skill(pair.skill)) "
    out += "<span class=\"level\">\(pair.fromLevel)→\(pair.toLevel)</span> from "
    out += "\(names.person(pair.mentor)): <span class=\"when\">"
    out += HTML.escape(PlanTimeline.hours(pair)) + "</span> "
    out += "(\(formatDecimal(pair.menteeHours, places: 1)) h; "
    out += "mentor \(formatDecimal(pair.mentorHours, places: 1)) h)"
    if let gaps = PlanTimeline.gapsText(timeline.gaps[index]) {
      out += "; <span class=\"gaps\">\(HTML.escape(gaps))</span>"
    }
    for (week, impacts) in PlanTimeline.readiness(pair) {
      let roles = impacts.map {
        names.role($0.role) + ": depth "
          + HTML.change(
            disclosure.count($0.depthBefore, of: $0.role),
            disclosure.count($0.depthAfter, of: $0.role))
      }
      out += "<br><span class=\"serves\">Ready in week \(week) "
      out += "<small>(\(HTMLCalendar.long(timeline.horizon.firstDay(ofWeek: week))))</small> for "
      out += roles.joined(separator: "; ") + "</span>"
    }
    if let training = pair.mentorTraining {
      out += "<br><span class=\"trained\">Mentor trained in this plan"
      if let source = timeline.pairs.firstIndex(where: {
        $0.mentor == training.mentor && $0.mentee == training.mentee && $0.skill == training.skill
      }) {
        out += " (pair \(timeline.numbers[source]))"
      }
      out += ": \(names.person(training.mentee)) by \(names.person(training.mentor)), "
      out += "ready in week \(training.endWeek)</span>"
    }
    if pair.crossDepartment {
      out += " <span class=\"badge\">across departments</span>"
    }
    if pair.matchesInterest {
      out += " <span class=\"badge interest\">mentee asked to learn this</span>"
    }
    return out
  }

  /// Roles the plan leaves below target, with the optimizer's reason as a sentence (names come
  /// escaped from `names`, the rest is the reason's own plain text); in workshop mode the
  /// count missing is hidden with the depth it gives away (target − missing).
  static func unmet(_ content: PlanReportContent, names: HTMLNames) -> String {
    guard !content.plan.unmet.isEmpty else {
      return HTML.paragraph("Every role reaches its target once the plan has run.")
    }
    var out = HTML.paragraph(PlanReportMarkdown.unmetIntroduction, class: "lead")
    out += "<table class=\"unmet\">\n<thead><tr><th scope=\"col\">Role</th>"
    out += "<th scope=\"col\" class=\"num\">Still missing</th><th scope=\"col\">Why</th>"
    out += "</tr></thead>\n<tbody>\n"
    let disclosure = content.depthDisclosure
    for role in content.plan.unmet {
      let missing = disclosure.derived("\(role.gap)", of: role.role)
      out += "<tr><th scope=\"row\">\(names.role(role.role))</th>"
      out += "<td class=\"num\">\(HTML.escape(missing))</td>"
      let why = role.reason.sentence(
        person: names.person, skill: names.skill, number: { formatDecimal($0, places: 1) },
        withheldMentors: disclosure.withheldMentors)
      out += "<td>\(why)</td></tr>\n"
    }
    return out + "</tbody>\n</table>\n"
  }
}
