import MentoringOptimizer
import SkillsGraph
import Testing

@testable import Reports

@Suite("HTML workshop report")
struct HTMLReportTests {
  let gap = HTMLReport.render(HTMLFixture.gapContent())
  let plan = HTMLReport.render(HTMLFixture.planContent())

  @Test("the gap report matches the recorded file")
  func golden() throws {
    try Golden.check(gap, named: "team-report.html")
  }

  @Test("nothing is fetched: no link, no external script, every src and href is a fragment")
  func selfContained() {
    for html in [gap, plan] {
      #expect(!html.contains("http://"))
      #expect(!html.contains("https://"))
      #expect(!html.contains("//"))
      #expect(!html.lowercased().contains("<link"))
      #expect(!html.lowercased().contains("<script src"))
      #expect(!html.contains("url("))
      #expect(!html.contains("@import"))
      let references = HTMLScan.attributeValues(named: ["src", "href"], in: html)
      #expect(!references.isEmpty)
      #expect(references.allSatisfy { $0.hasPrefix("#") }, "\(references)")
      #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
      #expect(html.contains("<style>") && html.contains("@page { size: A4 landscape;"))
    }
  }

  @Test("input text appears only escaped")
  func escaped() {
    for html in [gap, plan] {
      #expect(!html.contains(HTMLFixture.hostile))
      #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
      #expect(html.components(separatedBy: "<script").count == 2, "only the report's own script")
      #expect(!html.contains("<b>"))
      #expect(html.contains("Tax &quot;VAT&quot; &amp; &lt;b&gt;law&lt;/b&gt;"))
      #expect(html.contains("R&amp;D &lt;Lab&gt;"))
      #expect(html.contains("Audit &#39;tax&#39; &lt;review&gt;"))
      #expect(!html.contains("<review>") && !html.contains("<Lab>") && !html.contains("<evil>"))
    }
    #expect(gap.contains("exports/&lt;evil&gt; &amp; co.xml"))
  }

  @Test(
    "escaping covers the five characters that matter in text and attributes",
    arguments: [
      ("a & b", "a &amp; b"), ("<i>", "&lt;i&gt;"), ("\"q\"", "&quot;q&quot;"),
      ("it's", "it&#39;s"), ("Ødegaard → ✓", "Ødegaard → ✓"),
    ])
  func escape(input: String, expected: String) {
    #expect(HTML.escape(input) == expected)
  }

  @Test("the same content gives the same bytes, plan included")
  func deterministic() {
    #expect(HTMLReport.render(HTMLFixture.gapContent()) == gap)
    #expect(HTMLReport.render(HTMLFixture.planContent()) == plan)
  }

  @Test("every section is there, in order")
  func sections() {
    let gapIDs = HTMLScan.attributeValues(named: ["id"], in: gap).filter { !$0.contains("-") }
    #expect(
      gapIDs == [
        "summary", "roles", "skills", "calendar", "leavers", "succession", "sources", "reading",
      ])
    let planIDs = HTMLScan.attributeValues(named: ["id"], in: plan).filter { !$0.contains("-") }
    #expect(
      planIDs == [
        "summary", "roles", "coverage", "pairs", "schedule", "skills", "calendar", "leavers",
        "unmet", "sources", "reading",
      ])
    for html in [gap, plan] {
      for tag in ["section", "table", "tr", "td", "th", "svg", "p", "ul", "ol", "li", "details"] {
        #expect(
          html.components(separatedBy: "<\(tag)>").count
            + html.components(separatedBy: "<\(tag) ").count
            == html.components(separatedBy: "</\(tag)>").count + 1,
          "<\(tag)> opened and closed alike")
      }
    }
  }

  @Test("summary cards give the figures worked out by hand")
  func summary() throws {
    let cards = try #require(HTMLScan.section("summary", in: gap))
    #expect(cards.contains("<p class=\"card-value\">61.5 %</p>"))
    #expect(cards.contains("<p class=\"card-value\">2 <span class=\"unit\">of 2</span></p>"))
    #expect(cards.contains("the only qualified person: Ann Ødegaard"))
    #expect(cards.contains("<p class=\"card-value\">10</p>"), "audit, weight 2, stops 5 days")
    let after = try #require(HTMLScan.section("summary", in: plan))
    #expect(
      after.contains(
        "61.5 %<span class=\"arrow\" aria-label=\"becomes\"> → </span><strong>100 %</strong>"))
    #expect(after.contains("2 <span class=\"unit\">pairs</span>"))
  }

  @Test("the heatmap shows levels as numbers and planned learning as from→to")
  func heatmap() throws {
    let skills = try #require(HTMLScan.section("skills", in: plan))
    let ann = try #require(HTMLScan.row(containing: "Ann Ødegaard", in: skills))
    #expect(ann.contains("<td class=\"l4 ok\">4</td><td class=\"l3 ok\">3</td>"))
    let hostile = try #require(HTMLScan.row(containing: "&lt;script&gt;", in: skills))
    #expect(hostile.contains("planned\" title=\""))
    #expect(hostile.contains(">2→3</td><td class=\"l0\">·</td>"))
    let cem = try #require(HTMLScan.row(containing: "Cem Aksoy", in: skills))
    #expect(cem.contains("<td class=\"l0\">·</td><td class=\"l2 planned\""))
    #expect(skills.contains("<th scope=\"rowgroup\" colspan=\"3\">R&amp;D &lt;Lab&gt;"))
    let gapSkills = try #require(HTMLScan.section("skills", in: gap))
    #expect(!gapSkills.contains("→"), "no planned learning without a plan")
    #expect(gapSkills.contains(">2</td>"))
  }

  @Test("the calendar marks exactly the days the audit role stops")
  func calendar() throws {
    let calendar = try #require(HTMLScan.section("calendar", in: gap))
    let audit = try #require(HTMLScan.row(containing: "Audit &#39;tax&#39;", in: calendar))
    #expect(
      HTMLScan.titles(in: audit, ending: ": uncovered") == [
        "2026-11-30", "2026-12-01", "2026-12-02", "2027-02-15", "2027-02-16",
      ])
    #expect(audit.components(separatedBy: "✕").count == 6)
    let close = try #require(HTMLScan.row(containing: "Month-end close", in: calendar))
    #expect(!close.contains("✕"))
    #expect(calendar.contains("Week 1<small>30 Nov</small>"))
    #expect(calendar.contains("Week 12<small>15 Feb</small>"))
    #expect(calendar.components(separatedBy: "<th scope=\"col\" class=\"day").count == 61)

    let after = try #require(HTMLScan.section("calendar", in: plan))
    let planned = try #require(HTMLScan.row(containing: "Audit &#39;tax&#39;", in: after))
    #expect(
      HTMLScan.titles(in: planned, ending: ": uncovered") == [
        "2026-11-30", "2026-12-01", "2026-12-02",
      ])
    #expect(
      HTMLScan.titles(in: planned, ending: ": covered by a new backup") == [
        "2027-02-15", "2027-02-16",
      ])
  }

  @Test("coverage bars draw depth against target, before and after")
  func bars() throws {
    let roles = try #require(HTMLScan.section("roles", in: plan))
    let close = try #require(HTMLScan.row(containing: "Month-end close", in: roles))
    #expect(close.contains("aria-label=\"depth 2 becomes 3 of target 3\""))
    #expect(
      close.contains(
        "<span class=\"u held\"></span><span class=\"u held\"></span>"
          + "<span class=\"u gained\">+</span><span class=\"target\"></span>"))
    let gapRoles = try #require(HTMLScan.section("roles", in: gap))
    let audit = try #require(HTMLScan.row(containing: "Audit", in: gapRoles))
    #expect(
      audit.contains(
        "<span class=\"u held\"></span><span class=\"u missing\"></span><span class=\"target\">"))
  }

  @Test("workshop mode counts and lists no group smaller than the minimum")
  func workshop() throws {
    var content = HTMLFixture.gapContent()
    content.privacy = Privacy(minimumGroup: 3)
    let html = HTMLReport.render(content)
    let roles = try #require(HTMLScan.section("roles", in: html))
    let close = try #require(HTMLScan.row(containing: "Month-end close", in: roles))
    #expect(close.contains("<span class=\"u hidden\">fewer than 3</span>"))
    #expect(close.contains("fewer than 3 people"))
    #expect(!close.contains("u held") && !close.contains("data-sort=\"2\""))
    let skills = try #require(HTMLScan.section("skills", in: html))
    // Every heavy role is under the minimum group here, so none of their skills is shown (the
    // levels would give the depth away), and no person is listed.
    #expect(skills.contains("are not shown in workshop mode"))
    #expect(!skills.contains("<th scope=\"row\">"))
    #expect(!skills.contains("Ann Ødegaard") && !skills.contains("&lt;script&gt;"))
    let cards = try #require(HTMLScan.section("summary", in: html))
    #expect(
      cards.contains("<p class=\"card-value\">fewer than 3 <span class=\"unit\">people</span>"))
  }

  @Test("the succession bench lists candidates with their readiness")
  func succession() throws {
    let content = HTMLFixture.gapContent()
    let bench = try #require(HTMLScan.section("succession", in: gap))
    #expect(
      bench.components(separatedBy: "<tr class=\"group\">").count == content.succession.count + 1)
    let audit = try #require(content.succession.first { $0.role == "audit" })
    let cem = try #require(audit.candidates.first { $0.person == "P4" })
    #expect(cem.readiness == .withinHorizon)
    #expect(bench.contains("◐ within the horizon"))
    #expect(bench.contains("Tax &quot;VAT&quot; &amp; &lt;b&gt;law&lt;/b&gt; ≥3"))
  }

  @Test("pairs explain themselves and the schedule draws each one with its check-ins")
  func pairs() throws {
    let content = HTMLFixture.planContent()
    let pairs = content.plan.pairs
    #expect(pairs.count == 2)
    let waves = try #require(HTMLScan.section("pairs", in: plan))
    #expect(waves.contains("Month-end close</span> <span class=\"id\">close</span>: depth 2"))
    #expect(waves.contains("mentee asked to learn this"))
    #expect(waves.contains("across departments"))
    #expect(waves.contains("(40 h; mentor 10 h)"))
    #expect(waves.components(separatedBy: "<li>").count == pairs.count + 1)
    let schedule = try #require(HTMLScan.section("schedule", in: plan))
    let runs = pairs.reduce(0) { $0 + PlanTimeline.runs($1.schedule.map(\.week)).count }
    #expect(schedule.components(separatedBy: "<rect class=\"bar").count == runs + 1)
    let checkIns = content.checkIns.all.count
    #expect(checkIns > 0)
    #expect(schedule.components(separatedBy: "<path class=\"checkin\"").count == checkIns + 1)
    for pair in pairs {
      #expect(schedule.contains(HTML.escape(PlanTimeline.hours(pair)) + ", check-ins in weeks"))
    }
  }
}

/// Small string scans over the rendered page; the renderer's output is regular enough that
/// these need no HTML parser.
enum HTMLScan {
  /// Values of the named attributes, in document order.
  static func attributeValues(named names: [String], in html: String) -> [String] {
    var values: [String] = []
    for piece in html.components(separatedBy: " ").dropFirst() {
      for name in names where piece.hasPrefix("\(name)=\"") {
        let rest = piece.dropFirst(name.count + 2)
        if let end = rest.firstIndex(of: "\"") { values.append(String(rest[..<end])) }
      }
    }
    return values
  }

  /// The body of the section with this id.
  static func section(_ id: String, in html: String) -> String? {
    guard let start = html.range(of: "<section id=\"\(id)\"") else { return nil }
    let rest = html[start.lowerBound...]
    guard let end = rest.range(of: "</section>") else { return nil }
    return String(rest[..<end.upperBound])
  }

  /// The first table row that contains `text`.
  static func row(containing text: String, in html: String) -> String? {
    html.components(separatedBy: "<tr").first { $0.contains(text) }
  }

  /// The days in `title="<day><suffix>"` attributes, in order.
  ///
  /// A title may go on after the suffix with ` – …` (a calendar day's title says who is away).
  static func titles(in html: String, ending suffix: String) -> [String] {
    html.components(separatedBy: "title=\"").dropFirst().compactMap { piece in
      guard let end = piece.range(of: "\"") else { return nil }
      let title = piece[..<end.lowerBound]
      guard let found = title.range(of: suffix),
        found.upperBound == title.endIndex || title[found.upperBound...].hasPrefix(" – ")
      else { return nil }
      return String(title[..<found.lowerBound])
    }
  }
}
