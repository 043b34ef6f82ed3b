import MentoringOptimizer
import SkillsGraph
import Testing

@testable import Reports

@Suite("The HTML plan: waves, the coverage chart and the schedule")
struct HTMLPlanTests {
  let html = HTMLReport.render(WavesFixture.content())

  /// The values of `attribute` on every element that starts with `prefix`, in order.
  static func values(_ attribute: String, of prefix: String, in html: String) -> [String] {
    html.components(separatedBy: prefix).dropFirst().compactMap { piece in
      guard let start = piece.range(of: " \(attribute)=\""),
        let end = piece[start.upperBound...].firstIndex(of: "\"")
      else { return nil }
      return String(piece[start.upperBound..<end])
    }
  }

  @Test("the chart has one point per week, the plan's highest week on top, the ceiling dashed")
  func chart() throws {
    let section = try #require(HTMLScan.section("coverage", in: html))
    #expect(section.contains("<svg class=\"coverage-chart\" width=\"1200\" height=\"380\""))
    let ys = Self.values("cy", of: "<circle class=\"pt\"", in: section).compactMap(Double.init)
    let xs = Self.values("cx", of: "<circle class=\"pt\"", in: section).compactMap(Double.init)
    #expect(ys.count == 12 && xs.count == 12)
    #expect(xs == xs.sorted() && Set(xs).count == 12, "one point per week, left to right")
    #expect(xs.first == Double(HTMLCoverageChart.left))
    #expect(xs.last == Double(HTMLCoverageChart.width - HTMLCoverageChart.right))
    // The axis runs to the ceiling, 13: coverage 10 (weeks 11 and 12) sits at
    // 28 + 292 · (1 − 10/13) = 95.4, the highest point; coverage 5 at 28 + 292 · 8/13 = 207.7.
    #expect(HTMLCoverageChart.yMax(WavesFixture.plan) == 13)
    #expect(ys.min() == 95.4)
    #expect(ys.filter { $0 == 95.4 }.count == 2)
    #expect(Array(ys.prefix(6)) == Array(repeating: 207.7, count: 6))
    #expect(section.contains("<line class=\"ceiling\" x1=\"72\" x2=\"1172\" y1=\"28\" y2=\"28\"/>"))
    let polylines = Self.values("points", of: "<polyline", in: section)
    #expect(polylines.count == 2)
    #expect(polylines.allSatisfy { $0.split(separator: " ").count == 12 })
    #expect(polylines[0].split(separator: " ").allSatisfy { $0.hasSuffix(",207.7") }, "no plan: 5")
  }

  @Test("the chart says what it shows in words, and gives its figures as text")
  func accessible() throws {
    let section = try #require(HTMLScan.section("coverage", in: html))
    #expect(section.contains("role=\"img\" aria-labelledby=\"coverage-title coverage-desc\""))
    #expect(
      section.contains(
        "<title id=\"coverage-title\">Weighted coverage week by week over 12 weeks, without "
          + "and with the plan</title>"))
    #expect(
      section.contains(
        "<desc id=\"coverage-desc\">Without the plan the weighted coverage is 5 in week 1 and "
          + "5 in week 12. With the plan it is 5 in week 1 and 10 in week 12, at its highest 10 "
          + "from week 11. The ceiling, every role at target, is 13.</desc>"))
    #expect(section.contains("<title>Week 7 (11 Jan 2027): 7 with the plan, 5 without</title>"))
    let months = try #require(HTMLScan.row(containing: "January 2027", in: section))
    #expect(months.contains("6–9"))
    #expect(months.contains("5<span class=\"arrow\" aria-label=\"becomes\"> → </span><strong>6.5"))
    #expect(months.contains("<strong>50 %</strong>"))
    #expect(section.components(separatedBy: "<tr><td class=\"num\">").count == 13, "every week")
  }

  @Test("waves: a heading per month, pairs numbered in reading order, the mentor's training")
  func waves() throws {
    let section = try #require(HTMLScan.section("pairs", in: html))
    #expect(
      section.components(separatedBy: "<h3 class=\"wave-month\">").dropFirst().map {
        String($0.prefix { $0 != " " && $0 != "<" })
      } == ["November", "December", "January"])
    #expect(Self.values("start", of: "<ol class=\"wave\"", in: section) == ["1", "2", "3"])
    #expect(section.contains("weeks 1–7, 8 h a week</span> (40 h; mentor 10 h); "))
    #expect(section.contains("no hours in week 4 (mentee away) and week 5 (holidays)"))
    #expect(section.contains("Ready in week 7 <small>(11 Jan 2027)</small> for "))
    #expect(
      section.contains(
        "Mentor trained in this plan (pair 1): <span class=\"name\">Cem Aksoy</span> "
          + "<span class=\"id\">P3</span> by <span class=\"name\">Ann Ødegaard</span> "
          + "<span class=\"id\">P1</span>, ready in week 7"))
  }

  @Test("the schedule draws a bar over each run of weeks with hours, in reading order")
  func schedule() throws {
    let section = try #require(HTMLScan.section("schedule", in: html))
    // Cem 1–3 and 6–7, Bo 2–4 and 6–11, Dai 8–12; 81 units a week from x = 400.
    #expect(
      Self.values("x", of: "<rect class=\"bar", in: section) == [
        "403", "808", "484", "808", "970",
      ])
    #expect(
      Self.values("width", of: "<rect class=\"bar", in: section) == [
        "237", "156", "237", "480", "399",
      ])
    let numbers = section.components(separatedBy: "<tspan class=\"no\">").dropFirst().map {
      String($0.prefix { $0.isNumber })
    }
    #expect(numbers == ["1", "2", "3"])
    let width = try #require(Self.values("width", of: "<svg class=\"gantt\"", in: section).first)
    #expect((Int(width) ?? .max) <= 1400)
  }

  @Test("workshop mode: the waves and the unmet table hide depth as the rest of the page does")
  func workshop() throws {
    let html = HTMLReport.render(WavesFixture.content(minimumGroup: 3))
    let waves = try #require(HTMLScan.section("pairs", in: html))
    #expect(waves.contains("depth fewer than 3"))
    #expect(!waves.contains("depth 1"))
    let unmet = try #require(HTMLScan.section("unmet", in: html))
    #expect(unmet.contains("<td class=\"num\">–</td>"))
  }

  @Test("a long horizon still fits 1,400 pixels, with week labels thinned out")
  func longHorizon() throws {
    var content = WavesFixture.content()
    content.horizon.weeks = 52
    content.plan.coverageByWeek += Array(repeating: 10, count: 40)
    content.plan.coverageByWeekBefore += Array(repeating: 5, count: 40)
    let html = HTMLReport.render(content)
    let chart = try #require(HTMLScan.section("coverage", in: html))
    #expect(chart.components(separatedBy: "<circle class=\"pt\"").count == 53)
    let labels = chart.components(separatedBy: "<text class=\"week\"").count - 1
    #expect(labels > 10 && labels < 52)
    let schedule = try #require(HTMLScan.section("schedule", in: html))
    let width = try #require(Self.values("width", of: "<svg class=\"gantt\"", in: schedule).first)
    #expect((Int(width) ?? .max) <= 1400)
  }

  @Test(
    "round steps for the y axis",
    arguments: [(13.0, 5.0), (85, 25), (4, 1), (1000, 250), (0.6, 0.2), (0, 1)])
  func tickStep(most: Double, step: Double) {
    #expect(abs(HTMLCoverageChart.tickStep(most) - step) < 1e-12)
  }
}
