import MentoringOptimizer
import SkillsGraph

/// The week-by-week chart of who teaches whom when, as inline SVG.
///
/// One row per pair, numbered and ordered as in the waves; a bar over each run of weeks in
/// which the pair has hours (a week without hours leaves a hole) and a diamond on each check-in
/// week. Geometry is integer arithmetic so the bytes never vary.
enum HTMLGantt {
  static let labelWidth = 400
  static let headerHeight = 44
  static let rowHeight = 46
  static let barHeight = 24

  /// The width of a week: as wide as 980 units allow, between 14 and 88.
  static func column(weeks: Int) -> Int { max(14, min(88, 980 / max(1, weeks))) }

  static func render(
    _ content: PlanReportContent, timeline: PlanTimeline, names: HTMLNames
  ) -> String {
    let pairs = timeline.pairs
    guard !pairs.isEmpty else { return HTML.paragraph("The plan has no pairs to schedule.") }
    let horizon = content.horizon
    let weeks = max(1, horizon.weeks, pairs.map(\.endWeek).max() ?? 1)
    let column = column(weeks: weeks)
    // Week labels need about 28 units: on long horizons, label every few weeks.
    let every = (28 + column - 1) / column
    let width = labelWidth + weeks * column + 8
    let height = headerHeight + pairs.count * rowHeight + 4
    var out = "<p class=\"lead\">Bars cover the weeks in which a pair has hours; a hole is a "
    out += "week without. <span class=\"diamond-key\" aria-hidden=\"true\">◆</span> marks a "
    out += "check-in, in the week it happens. Each row reads mentee ← mentor; numbers match "
    out += "the waves.</p>\n"
    out += "<div class=\"scroll\"><svg class=\"gantt\" "
    out += "width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" "
    out += "role=\"img\" aria-labelledby=\"gantt-title\">\n"
    out +=
      "<title id=\"gantt-title\">Mentoring schedule, \(pairs.count) pairs over \(weeks) weeks</title>\n"
    for week in 1...weeks {
      let x = labelWidth + (week - 1) * column
      out += "<rect class=\"col\(week % 2 == 0 ? " even" : "")\" x=\"\(x)\" y=\"0\" "
      out += "width=\"\(column)\" height=\"\(height)\"/>\n"
      guard (week - 1) % every == 0 else { continue }
      out += "<text class=\"week\" x=\"\(x + column / 2)\" y=\"18\">W\(week)</text>\n"
      if column >= 56 {
        out += "<text class=\"date\" x=\"\(x + column / 2)\" y=\"36\">"
        out += "\(HTMLCalendar.short(horizon.firstDay(ofWeek: week)))</text>\n"
      }
    }
    for (row, index) in timeline.order.enumerated() {
      out += self.row(
        pairs[index], number: timeline.numbers[index], top: headerHeight + row * rowHeight,
        column: column, width: width, names: names,
        checkInWeeks: timeline.checkIns.byPair[index].map(\.week))
    }
    return out + "</svg></div>\n"
  }

  static func row(
    _ pair: PlannedPair, number: Int, top: Int, column: Int, width: Int, names: HTMLNames,
    checkInWeeks: [Int]
  ) -> String {
    let mentee = names.plainPerson(pair.mentee)
    let mentor = names.plainPerson(pair.mentor)
    let skill = names.plainSkill(pair.skill)
    let description =
      "#\(number): \(mentor) teaches \(mentee) \(skill) \(pair.fromLevel)→\(pair.toLevel), "
      + PlanTimeline.hours(pair)
      + (checkInWeeks.isEmpty
        ? ", no check-ins"
        : ", check-ins in weeks " + checkInWeeks.map(String.init).joined(separator: ", "))
    var out = "<g class=\"pair\"><title>\(HTML.escape(description))</title>\n"
    out += "<line class=\"rule\" x1=\"0\" x2=\"\(width)\" y1=\"\(top + rowHeight)\" "
    out += "y2=\"\(top + rowHeight)\"/>\n"
    out += "<text class=\"who\" x=\"8\" y=\"\(top + 20)\"><tspan class=\"no\">\(number)</tspan> "
    out += "\(HTML.escape(truncated(mentee, 20))) <tspan class=\"from\">← "
    out += "\(HTML.escape(truncated(mentor, 20)))</tspan></text>\n"
    out += "<text class=\"what\" x=\"34\" y=\"\(top + 38)\">"
    out += "\(HTML.escape(truncated(skill, 34))) \(pair.fromLevel)→\(pair.toLevel)</text>\n"
    let barTop = top + (rowHeight - barHeight) / 2
    let inset = column >= 20 ? 3 : 1
    for run in PlanTimeline.runs(pair.schedule.map(\.week)) where run.lowerBound >= 1 {
      let x = labelWidth + (run.lowerBound - 1) * column + inset
      out += "<rect class=\"bar\(pair.crossDepartment ? " cross" : "")\" x=\"\(x)\" "
      out += "y=\"\(barTop)\" width=\"\(run.count * column - 2 * inset)\" "
      out += "height=\"\(barHeight)\" rx=\"\(min(5, column / 4))\"/>\n"
    }
    let size = min(8, column / 2 - 1)
    for week in checkInWeeks {
      let cx = labelWidth + (week - 1) * column + column / 2
      let cy = barTop + barHeight / 2
      out += "<path class=\"checkin\" d=\"M\(cx) \(cy - size)L\(cx + size) \(cy)"
      out += "L\(cx) \(cy + size)L\(cx - size) \(cy)Z\"/>\n"
    }
    return out + "</g>\n"
  }

  /// At most `limit` characters, with an ellipsis when cut; SVG text cannot wrap.
  static func truncated(_ text: String, _ limit: Int) -> String {
    text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
  }
}
