import MentoringOptimizer
import SkillsGraph

/// The coverage curve week by week, without the plan and with it, as an inline SVG line chart,
/// followed by the same figures as text: by month in a table, every week in a fold-out one.
///
/// Weeks run along x, weighted coverage up y from 0 to the ceiling (every role at target),
/// drawn as a dashed line. The plan's curve is thick with a dot per week, the curve without a
/// plan thin and grey, so the two read apart in grey-scale too. The chart is 1,200 units wide
/// and scales down with the page; coordinates are rounded to a tenth, so the bytes never vary.
enum HTMLCoverageChart {
  static let width = 1200
  static let height = 380
  static let left = 72
  static let right = 28
  static let top = 28
  static let bottom = 60
  static var plotWidth: Int { width - left - right }
  static var plotHeight: Int { height - top - bottom }

  /// The highest value the y axis shows: the ceiling, unless a curve goes past it.
  static func yMax(_ plan: MentoringPlan) -> Double {
    let highest = (plan.coverageByWeek + plan.coverageByWeekBefore).max() ?? 0
    let most = max(plan.coverageCeiling, highest)
    return most > 0 ? most : 1
  }

  /// A round step for the y axis (1, 2, 2.5 or 5 times a power of ten) giving three to about
  /// eight grid lines up to `most`.
  static func tickStep(_ most: Double) -> Double {
    guard most.isFinite, most > 0 else { return 1 }
    let raw = most / 4
    var magnitude = 1.0
    while magnitude * 10 <= raw { magnitude *= 10 }
    while magnitude > raw { magnitude /= 10 }
    let normalized = raw / magnitude
    let factor =
      normalized <= 1 ? 1 : normalized <= 2 ? 2 : normalized <= 2.5 ? 2.5 : normalized <= 5 ? 5 : 10
    return factor * magnitude
  }

  /// The x coordinate of the middle of 1-based week `week` of `weeks`.
  static func x(_ week: Int, of weeks: Int) -> Double {
    guard weeks > 1 else { return Double(left) + Double(plotWidth) / 2 }
    return Double(left) + Double(week - 1) * Double(plotWidth) / Double(weeks - 1)
  }

  /// The y coordinate of a coverage `value` on an axis up to `most`.
  static func y(_ value: Double, max most: Double) -> Double {
    Double(top) + Double(plotHeight) * (1 - value / most)
  }

  /// A coordinate as the SVG reads it: a tenth of a unit at most, no trailing zeros.
  static func coordinate(_ value: Double) -> String { formatDecimal(value, places: 1) }

  static func render(_ content: PlanReportContent, timeline: PlanTimeline) -> String {
    let plan = content.plan
    let after = plan.coverageByWeek
    guard !after.isEmpty else { return HTML.paragraph("The horizon has no weeks to chart.") }
    let before = plan.coverageByWeekBefore.count == after.count ? plan.coverageByWeekBefore : []
    let ceiling = plan.coverageCeiling
    var out = "<p class=\"lead\">Each week's weighted coverage: every role's weight times the "
    out += "people qualified for it that week, up to its target. "
    out += "<span class=\"key-after\" aria-hidden=\"true\">●</span> with the plan, "
    if !before.isEmpty {
      out += "<span class=\"key-before\" aria-hidden=\"true\">—</span> without it, "
    }
    out += "<span class=\"key-ceiling\" aria-hidden=\"true\">- -</span> the ceiling, every role "
    out += "at target (\(HTML.escape(formatNumber(ceiling)))).</p>\n"
    out += "<div class=\"scroll\">" + svg(content, after: after, before: before) + "</div>\n"
    out += months(timeline, ceiling: ceiling)
    out += weeks(content, after: after, before: before)
    return out
  }

  static func svg(_ content: PlanReportContent, after: [Double], before: [Double]) -> String {
    let plan = content.plan
    let weeks = after.count
    let most = yMax(plan)
    let ceiling = plan.coverageCeiling
    var out = "<svg class=\"coverage-chart\" width=\"\(width)\" height=\"\(height)\" "
    out += "viewBox=\"0 0 \(width) \(height)\" role=\"img\" "
    out += "aria-labelledby=\"coverage-title coverage-desc\">\n"
    out += "<title id=\"coverage-title\">Weighted coverage week by week over \(weeks) "
    out += "week\(weeks == 1 ? "" : "s"), \(before.isEmpty ? "" : "without and ")with the "
    out += "plan</title>\n"
    out += "<desc id=\"coverage-desc\">\(HTML.escape(description(plan, before: before)))</desc>\n"
    // Horizontal grid at round steps, labelled with the coverage they stand for.
    let step = tickStep(most)
    for tick in 0...Int((most / step + 1e-9).rounded(.down)) {
      let value = Double(tick) * step
      let y = coordinate(self.y(value, max: most))
      out += "<line class=\"grid\" x1=\"\(left)\" x2=\"\(width - right)\" y1=\"\(y)\" "
      out += "y2=\"\(y)\"/>\n"
      out += "<text class=\"axis\" x=\"\(left - 8)\" y=\"\(y)\" dy=\"4\">"
      out += "\(formatDecimal(value, places: 2))</text>\n"
    }
    out += xAxis(content.horizon, weeks: weeks)
    if ceiling > 0 {
      let y = coordinate(self.y(ceiling, max: most))
      out += "<line class=\"ceiling\" x1=\"\(left)\" x2=\"\(width - right)\" y1=\"\(y)\" "
      out += "y2=\"\(y)\"/>\n"
      out += "<text class=\"ceiling-label\" x=\"\(width - right)\" y=\"\(y)\" dy=\"-6\">"
      out += "ceiling \(HTML.escape(formatNumber(ceiling)))</text>\n"
    }
    if !before.isEmpty {
      out += "<polyline class=\"line before\" points=\"\(points(before, max: most))\"/>\n"
    }
    out += "<polyline class=\"line after\" points=\"\(points(after, max: most))\"/>\n"
    for (offset, value) in after.enumerated() {
      let week = offset + 1
      var label = "Week \(week) (\(HTMLCalendar.long(content.horizon.firstDay(ofWeek: week)))): "
      label += "\(formatDecimal(value, places: 1)) with the plan"
      if !before.isEmpty { label += ", \(formatDecimal(before[offset], places: 1)) without" }
      out += "<circle class=\"pt\" cx=\"\(coordinate(x(week, of: weeks)))\" "
      out += "cy=\"\(coordinate(y(value, max: most)))\" r=\"4\"><title>"
      out += "\(HTML.escape(label))</title></circle>\n"
    }
    return out + "</svg>"
  }

  /// Week labels along the bottom (every week, or every few when they would crowd), and the
  /// first week of each month marked with its name.
  static func xAxis(_ horizon: Horizon, weeks: Int) -> String {
    var out = ""
    let spacing = weeks > 1 ? Double(plotWidth) / Double(weeks - 1) : Double(plotWidth)
    let every = max(1, Int((34 / spacing).rounded(.up)))
    let base = height - bottom
    for week in 1...weeks where (week - 1) % every == 0 {
      out += "<text class=\"week\" x=\"\(coordinate(x(week, of: weeks)))\" y=\"\(base + 18)\">"
      out += "W\(week)</text>\n"
    }
    // Month starts: a rule at each, and a name where it has room, the latest months first (the
    // horizon's first month may be a few days of it).
    var starts: [(x: Double, month: PlanTimeline.Month)] = []
    for week in 1...weeks {
      let month = PlanTimeline.Month(horizon.firstDay(ofWeek: week))
      guard starts.last?.month != month else { continue }
      starts.append((x(week, of: weeks), month))
    }
    var named = Set<Int>()
    var nextNamed = Double.infinity
    for (index, start) in starts.enumerated().reversed() where nextNamed - start.x >= 72 {
      named.insert(index)
      nextNamed = start.x
    }
    let firstNamed = named.min()
    for (index, start) in starts.enumerated() {
      let x = coordinate(start.x)
      out += "<line class=\"month\" x1=\"\(x)\" x2=\"\(x)\" y1=\"\(top)\" y2=\"\(base + 24)\"/>\n"
      guard named.contains(index) else { continue }
      let name = String(PlanTimeline.monthNames[(start.month.month - 1) % 12].prefix(3))
      let label =
        index == firstNamed || start.month.month == 1 ? "\(name) \(start.month.year)" : name
      out += "<text class=\"month-name\" x=\"\(x)\" y=\"\(base + 40)\">\(label)</text>\n"
    }
    return out
  }

  static func points(_ values: [Double], max most: Double) -> String {
    values.enumerated().map { offset, value in
      "\(coordinate(x(offset + 1, of: values.count))),\(coordinate(y(value, max: most)))"
    }.joined(separator: " ")
  }

  /// The chart in words, for screen readers and anyone who cannot see it.
  static func description(_ plan: MentoringPlan, before: [Double]) -> String {
    let after = plan.coverageByWeek
    let weeks = after.count
    let value = { (value: Double) in formatDecimal(value, places: 1) }
    var text = ""
    if let first = before.first, let last = before.last {
      text += "Without the plan the weighted coverage is \(value(first)) in week 1 and "
      text += "\(value(last)) in week \(weeks). "
    }
    if let first = after.first, let last = after.last, let highest = after.max(),
      let peak = after.firstIndex(of: highest)
    {
      text += "With the plan it is \(value(first)) in week 1 and \(value(last)) in week "
      text += "\(weeks), at its highest \(value(highest)) from week \(peak + 1). "
    }
    text += "The ceiling, every role at target, is \(formatNumber(plan.coverageCeiling))."
    return text
  }

  /// The months of the horizon: average weekly coverage without → with the plan.
  static func months(_ timeline: PlanTimeline, ceiling: Double) -> String {
    var out = "<table class=\"months\">\n<caption>Average weekly coverage by month (a week "
    out += "belongs to the month of its first day)</caption>\n<thead><tr>"
    out += "<th scope=\"col\">Month</th><th scope=\"col\" class=\"num\">Weeks</th>"
    out += "<th scope=\"col\" class=\"num\">Coverage</th>"
    out += "<th scope=\"col\" class=\"num\">Of the ceiling</th></tr></thead>\n<tbody>\n"
    let percent = { (value: Double) in formatCoverage(ceiling > 0 ? 100 * value / ceiling : nil) }
    for month in timeline.months {
      let weeks =
        month.weeks.count == 1
        ? "\(month.weeks.lowerBound)" : "\(month.weeks.lowerBound)–\(month.weeks.upperBound)"
      let after = formatDecimal(month.after, places: 1)
      out += "<tr><th scope=\"row\">\(HTML.escape(month.month.name))</th>"
      out += "<td class=\"num\">\(weeks)</td><td class=\"num\">"
      out += HTML.change(month.before.map { formatDecimal($0, places: 1) } ?? after, after)
      out += "</td><td class=\"num\">"
      out += HTML.change(percent(month.before ?? month.after), percent(month.after))
      out += "</td></tr>\n"
    }
    return out + "</tbody>\n</table>\n"
  }

  /// Every week's figures, folded away: the chart's data for anyone who needs the numbers.
  static func weeks(_ content: PlanReportContent, after: [Double], before: [Double]) -> String {
    var out = "<details class=\"weeks\"><summary>Every week's figures</summary>\n"
    out += "<table class=\"weeks\">\n<thead><tr><th scope=\"col\" class=\"num\">Week</th>"
    out += "<th scope=\"col\">From</th>"
    if !before.isEmpty { out += "<th scope=\"col\" class=\"num\">Without the plan</th>" }
    out += "<th scope=\"col\" class=\"num\">With the plan</th></tr></thead>\n<tbody>\n"
    for (offset, value) in after.enumerated() {
      let week = offset + 1
      out += "<tr><td class=\"num\">\(week)</td>"
      out += "<td>\(HTMLCalendar.long(content.horizon.firstDay(ofWeek: week)))</td>"
      if !before.isEmpty {
        out += "<td class=\"num\">\(formatDecimal(before[offset], places: 1))</td>"
      }
      out += "<td class=\"num\">\(formatDecimal(value, places: 1))</td></tr>\n"
    }
    return out + "</tbody>\n</table>\n</details>\n"
  }
}
