import Foundation
import Reports
import SkillsGraph
import TestSupport
import Testing

/// One rule hides depth in every format (see `DepthDisclosure`), checked on the month-end
/// close with a minimum group of 3.
///
/// By hand: the close has depth 2 (3 after the plan), the ledger 2 (1 once Cora leaves), the
/// audit 1: each is under 3 at some point, so every count of their people reads "fewer than 3"
/// and every figure derived from one reads "–" or null. Bookkeeping has 4, 3 once Cora leaves:
/// never under 3, so it is shown. Alma is the audit's only qualified person, which would say its
/// depth is 1: the single points of failure are neither named nor counted.
@Suite("One rule hides depth, in every format")
struct DepthRuleTests {
  static let hidden: Set<String> = ["month-close", "ledger", "audit"]
  static let countKeys = ["depth", "depthBefore", "depthAfter", "absenceFactor"]

  /// Every problem the JSON value has against the rule, as readable strings.
  static func problems(_ value: Any, path: String = "$") -> [String] {
    if let list = value as? [Any] {
      return list.enumerated().flatMap { problems($1, path: "\(path)[\($0)]") }
    }
    guard let object = value as? [String: Any] else { return [] }
    var found: [String] = []
    if let spof = object["singlePointsOfFailure"], spof as? String != "hidden" {
      found.append("\(path).singlePointsOfFailure is shown")
    }
    let role = (object["role"] as? String) ?? (object["id"] as? String)
    if let role, hidden.contains(role) {
      for key in countKeys where object[key] != nil && object[key] as? String != "fewer than 3" {
        found.append("\(path).\(key) of \(role) is \(object[key] ?? "nil")")
      }
      for key in ["gap", "expectedUncoveredDaysPerYear"] where object[key] != nil {
        if !(object[key] is NSNull) { found.append("\(path).\(key) of \(role) is shown") }
      }
      if let qualified = object["qualified"], !(qualified is String) {
        found.append("\(path).qualified of \(role) is listed")
      }
      for run in (object["uncoveredRuns"] as? [[String: Any]]) ?? [] where !(run["away"] is String)
      {
        found.append("\(path).uncoveredRuns of \(role) names people")
      }
    }
    if role == "bookkeeping" {
      for key in countKeys where object[key] != nil && !(object[key] is NSNumber) {
        found.append("\(path).\(key) of bookkeeping is hidden")
      }
    }
    for (key, child) in object.sorted(by: { $0.key < $1.key }) {
      found += problems(child, path: "\(path).\(key)")
    }
    return found
  }

  @Test("JSON: every depth of a small role, in every place, and the single points of failure")
  func json() throws {
    for text in [
      GapReportJSON.render(MonthEndReports.gap(minimumGroup: 3)),
      PlanReportJSON.render(MonthEndReports.plan(minimumGroup: 3)),
    ] {
      #expect(Self.problems(try MonthEndReports.json(text)) == [])
    }
    // Without a minimum group every figure is there, so the check above can fail.
    let open = try MonthEndReports.json(PlanReportJSON.render(MonthEndReports.plan()))
    #expect(Self.problems(open).count > 10)
  }

  @Test("Markdown: tables, pair lines, leavers, who is away, single points of failure")
  func markdown() throws {
    let gap = GapReportMarkdown.render(MonthEndReports.gap(minimumGroup: 3))
    #expect(gap.contains("- Single points of failure: **hidden**"))
    let single = try #require(markdownSection("Single points of failure", in: gap))
    #expect(single.contains("Not shown in workshop mode"))
    #expect(!single.contains("Alma"))
    let all = try #require(markdownSection("All roles", in: gap))
    #expect(all.contains("| Month-end close (`month-close`) | 3 | fewer than 3 | 3 | – |"))
    #expect(all.contains("| Audit liaison (`audit`) | 2 | fewer than 3 | 2 | – |"))
    #expect(all.contains("| Bookkeeping (`bookkeeping`) | 1 | 4 | 1 | 0 |"))
    let risk = try #require(markdownSection("Sick-day risk", in: gap))
    #expect(risk.contains("| Ledger keeping (`ledger`) | fewer than 3 | fewer than 3 | – |"))
    let leaving = try #require(markdownSection("Leaving within the horizon", in: gap))
    #expect(leaving.contains("(`ledger`): depth fewer than 3 → fewer than 3 from week 3"))
    #expect(leaving.contains("(`bookkeeping`): depth 4 → 3 from week 3"))
    #expect(
      gap.contains(
        "- Month-end close (`month-close`), 2026-12-21 to 2026-12-31: fewer than 3 people "
          + "(vacation)"))

    // Reasons without names come in byte order, not in the order of the people behind them.
    #expect(
      gap.contains(
        "- Ledger keeping (`ledger`), 2026-12-21 to 2026-12-31: fewer than 3 people "
          + "(left after 2026-12-11, vacation)"))

    let plan = PlanReportMarkdown.render(MonthEndReports.plan(minimumGroup: 3))
    #expect(plan.contains("single points of failure: hidden → hidden"))
    #expect(
      plan.contains("for Month-end close (`month-close`): depth fewer than 3 → fewer than 3."))
    let roles = try #require(markdownSection("Every role, before → after", in: plan))
    #expect(roles.contains("| Month-end close (`month-close`) | 3 | fewer than 3 → fewer than 3 |"))
    #expect(roles.contains("| Bookkeeping (`bookkeeping`) | 1 | 4 → 3 |"))
  }

  @Test("CSV: depth, qualified, derived figures, who is away, leavers, pair reasons")
  func csv() throws {
    let gap = GapReportCSV.render(MonthEndReports.gap(minimumGroup: 3))
    let cell = { (row: String, column: String) in
      try MonthEndReports.cell(gap, row: row, column: column)
    }
    for role in Self.hidden {
      #expect(try cell(role, "depth") == "fewer than 3")
      #expect(try cell(role, "gap") == "–")
      #expect(try cell(role, "qualified_ids") == "fewer than 3 people")
      #expect(try cell(role, "absence_factor") == "fewer than 3")
      #expect(try cell(role, "expected_uncovered_days_per_year") == "–")
    }
    #expect(try cell("bookkeeping", "depth") == "4")
    #expect(try cell("month-close", "uncovered_away").hasSuffix(": fewer than 3 people (vacation)"))
    #expect(try cell("ledger", "leaving").hasSuffix(": fewer than 3 → fewer than 3"))
    #expect(try cell("bookkeeping", "leaving").hasSuffix(": 4 → 3"))
    let plan = PlanReportCSV.render(MonthEndReports.plan(minimumGroup: 3))
    #expect(plan.contains("Month-end close: depth fewer than 3 → fewer than 3"))
  }

  @Test("HTML: bars, counts, pair lines, leavers, who is away, no single points of failure")
  func html() throws {
    for html in [
      HTMLReport.render(MonthEndReports.gap(minimumGroup: 3)),
      HTMLReport.render(MonthEndReports.plan(minimumGroup: 3)),
    ] {
      #expect(!html.contains("title=\"only qualified person"))
      #expect(!html.contains("the only qualified person"))
      #expect(html.contains("Single points of failure</p>") || html.contains(">hidden<"))
      let roles = try #require(HTMLScan.section("roles", in: html))
      let close = try #require(HTMLScan.row(containing: "month-close</span>", in: roles))
      #expect(close.contains("fewer than 3 people"))
      #expect(close.contains("<td class=\"num\">fewer than 3</td>"))
      let leavers = try #require(HTMLScan.section("leavers", in: html))
      #expect(leavers.contains("<td class=\"num\">fewer than 3 → fewer than 3</td>"))
      #expect(leavers.contains("<td class=\"num\">4 → 3</td>"))
      let calendar = try #require(HTMLScan.section("calendar", in: html))
      #expect(calendar.contains("uncovered – fewer than 3 people (vacation"))
      #expect(!calendar.contains("Alma"))
      // The skills table: counting who holds `close` at 3 or `ledger` at 3 or 4 would give the
      // hidden depths away, so neither column is shown, and the page says why.
      let skills = try #require(HTMLScan.section("skills", in: html))
      #expect(skills.contains("2 skills are not shown in workshop mode"))
      #expect(!skills.contains("class=\"skill\""))
    }
    // Outside workshop mode both columns are there.
    let named = try #require(
      HTMLScan.section("skills", in: HTMLReport.render(MonthEndReports.gap(minimumGroup: nil))))
    #expect(named.components(separatedBy: "class=\"skill\"").count == 3)
    let plan = HTMLReport.render(MonthEndReports.plan(minimumGroup: 3))
    let pairs = try #require(HTMLScan.section("pairs", in: plan))
    #expect(!pairs.contains("depth 2") && pairs.contains("fewer than 3"))
  }

  /// A role of three that a leaver takes to two: "3" today beside "Zoe leaves" would say it
  /// keeps 2, so the role is hidden even where its figure is 3, and so is the count of people
  /// holding its only requirement (they are its qualified people).
  @Test("a depth of 3 that a leaver takes to 2 is hidden everywhere, skill holders included")
  func leaverTakesUnderTheGroup() throws {
    let organization = Organization(
      skills: [Skill(id: "s")],
      people: [
        Person(id: "X", levels: ["s": 3]), Person(id: "Y", levels: ["s": 3]),
        Person(id: "Z", levels: ["s": 3], leaves: .fixture("2026-12-09")),
      ],
      roles: [Role(id: "r", requirements: [.init(skill: "s", level: 3)], criticality: .high)])
    var content = GapReportContent.analyse(
      organization, horizon: Horizon(start: .fixture("2026-11-30"), weeks: 4))
    content.privacy = Privacy(minimumGroup: 3)
    #expect(content.departures.first?.roles == [.init(role: "r", depthBefore: 3, depthAfter: 2)])
    let markdown = GapReportMarkdown.render(content)
    #expect(markdown.contains("| `s` | ≥ 3 | fewer than 3 |"))
    #expect(markdown.contains("| `r` | 2 | fewer than 3 | 1 | – | nobody |"))
    #expect(markdown.contains("`r`: depth fewer than 3 → fewer than 3 from week 3"))
    let json = try MonthEndReports.json(GapReportJSON.render(content))
    #expect(
      (json["skills"] as? [[String: Any]])?.first?["holders"] as? String == "fewer than 3")
    let role = try MonthEndReports.role("r", in: json["roles"])
    #expect(role["depth"] as? String == "fewer than 3")
    #expect(role["qualified"] as? String == "fewer than 3 people")
    content.privacy = Privacy()
    #expect(GapReportMarkdown.render(content).contains("| `s` | ≥ 3 | 3 |"))
  }

  /// Bruno is ready now to take over the close from Alma: with Alma he is its depth of 2, so the
  /// bench leaves him out under the rule and says why; Dario and Edda, who still have to learn,
  /// stay.
  @Test("the succession bench leaves out who is ready now for a hidden role, in every format")
  func succession() throws {
    let gap = MonthEndReports.gap(minimumGroup: 3)
    let markdown = try #require(
      markdownSection(
        "Succession bench", in: GapReportMarkdown.render(gap) + "\n## End\n"))
    let close = try #require(
      markdown.components(separatedBy: "### ").first { $0.hasPrefix("Month-end close") })
    #expect(close.contains("People qualified today are not listed"))
    #expect(!close.contains("Bruno") && close.contains("Dario Senn (E14)"))
    let json = try MonthEndReports.json(GapReportJSON.render(gap))
    let entry = try #require(
      (json["succession"] as? [[String: Any]])?.first { $0["role"] as? String == "month-close" })
    #expect(entry["qualifiedWithheld"] as? Bool == true)
    let people = ((entry["candidates"] as? [[String: Any]]) ?? []).map { $0["person"] as? String }
    #expect(people == ["E14", "E15"])
    let html = try #require(HTMLScan.section("succession", in: HTMLReport.render(gap)))
    #expect(!html.contains("Bruno") && html.contains("People qualified today are not listed"))
    let plan = PlanReportMarkdown.render(MonthEndReports.plan(minimumGroup: 3))
    #expect(!(markdownSection("Succession bench", in: plan)?.contains("Bruno") ?? true))
    // Without a minimum group Bruno is listed, so the checks above can fail.
    #expect(
      GapReportMarkdown.render(MonthEndReports.gap()).contains("| Bruno Vela (E12) | ready now |"))
  }
}
