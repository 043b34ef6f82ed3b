import MentoringOptimizer
import SkillsGraph

/// The week-by-week chart of who teaches whom when, as inline SVG.
///
/// One row per pair, numbered as in the pairs table; a bar from its first to its last week and
/// a diamond on each check-in week. Geometry is integer arithmetic so the bytes never vary.
enum HTMLGantt {
  static let labelWidth = 400
  static let headerHeight = 44
  static let rowHeight = 46
  static let barHeight = 24

  static func render(_ content: PlanReportContent, names: HTMLNames) -> String {
    let pairs = content.plan.pairs
    guard !pairs.isEmpty else { return HTML.paragraph("The plan has no pairs to schedule.") }
    let horizon = content.horizon
    let weeks = max(1, horizon.weeks, pairs.map(\.endWeek).max() ?? 1)
    let column = max(28, min(88, 1000 / weeks))
    let width = labelWidth + weeks * column + 8
    let height = headerHeight + pairs.count * rowHeight + 4
    var out = "<p class=\"lead\">Bars run from a pair's first to its last week; "
    out += "<span class=\"diamond-key\" aria-hidden=\"true\">◆</span> marks a check-in week "
    out += "(every two weeks from the start). Each row reads mentee ← mentor; numbers match "
    out += "the pairs table.</p>\n"
    out += "<div class=\"scroll\"><svg class=\"gantt\" "
    out += "width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" "
    out += "role=\"img\" aria-labelledby=\"gantt-title\">\n"
    out +=
      "<title id=\"gantt-title\">Mentoring schedule, \(pairs.count) pairs over \(weeks) weeks</title>\n"
    for week in 1...weeks {
      let x = labelWidth + (week - 1) * column
      out += "<rect class=\"col\(week % 2 == 0 ? " even" : "")\" x=\"\(x)\" y=\"0\" "
      out += "width=\"\(column)\" height=\"\(height)\"/>\n"
      out += "<text class=\"week\" x=\"\(x + column / 2)\" y=\"18\">W\(week)</text>\n"
      if column >= 56 {
        out += "<text class=\"date\" x=\"\(x + column / 2)\" y=\"36\">"
        out += "\(HTMLCalendar.short(horizon.firstDay(ofWeek: week)))</text>\n"
      }
    }
    for (index, pair) in pairs.enumerated() {
      out += row(
        pair, number: index + 1, top: headerHeight + index * rowHeight, column: column,
        width: width, names: names)
    }
    return out + "</svg></div>\n"
  }

  static func row(
    _ pair: PlannedPair, number: Int, top: Int, column: Int, width: Int, names: HTMLNames
  ) -> String {
    let mentee = names.plainPerson(pair.mentee)
    let mentor = names.plainPerson(pair.mentor)
    let skill = names.plainSkill(pair.skill)
    let description =
      "#\(number): \(mentor) teaches \(mentee) \(skill) \(pair.fromLevel)→\(pair.toLevel), "
      + "weeks \(pair.startWeek)–\(pair.endWeek), check-ins in weeks "
      + pair.checkInWeeks.map(String.init).joined(separator: ", ")
    var out = "<g class=\"pair\"><title>\(HTML.escape(description))</title>\n"
    out += "<line class=\"rule\" x1=\"0\" x2=\"\(width)\" y1=\"\(top + rowHeight)\" "
    out += "y2=\"\(top + rowHeight)\"/>\n"
    out += "<text class=\"who\" x=\"8\" y=\"\(top + 20)\"><tspan class=\"no\">\(number)</tspan> "
    out += "\(HTML.escape(truncated(mentee, 20))) <tspan class=\"from\">← "
    out += "\(HTML.escape(truncated(mentor, 20)))</tspan></text>\n"
    out += "<text class=\"what\" x=\"34\" y=\"\(top + 38)\">"
    out += "\(HTML.escape(truncated(skill, 34))) \(pair.fromLevel)→\(pair.toLevel)</text>\n"
    let start = max(1, pair.startWeek)
    let end = max(start, pair.endWeek)
    let x = labelWidth + (start - 1) * column + 3
    let barTop = top + (rowHeight - barHeight) / 2
    out += "<rect class=\"bar\(pair.crossDepartment ? " cross" : "")\" x=\"\(x)\" y=\"\(barTop)\" "
    out += "width=\"\((end - start + 1) * column - 6)\" height=\"\(barHeight)\" rx=\"5\"/>\n"
    for week in pair.checkInWeeks {
      let cx = labelWidth + (week - 1) * column + column / 2
      let cy = barTop + barHeight / 2
      out +=
        "<path class=\"checkin\" d=\"M\(cx) \(cy - 8)L\(cx + 8) \(cy)L\(cx) \(cy + 8)L\(cx - 8) \(cy)Z\"/>\n"
    }
    return out + "</g>\n"
  }

  /// At most `limit` characters, with an ellipsis when cut; SVG text cannot wrap.
  static func truncated(_ text: String, _ limit: Int) -> String {
    text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
  }
}
