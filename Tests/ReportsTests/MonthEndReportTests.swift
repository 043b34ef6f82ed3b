import Foundation
import MentoringOptimizer
import Reports
import SkillsGraph
import TestSupport
import Testing

/// The month-end close of issue 13 (see `MonthEnd` for the figures worked out by hand).
enum MonthEndReports {
  static func gap(minimumGroup: Int? = nil) -> GapReportContent {
    var content = GapReportContent.analyse(MonthEnd.organization, horizon: MonthEnd.horizon)
    content.privacy = Privacy(minimumGroup: minimumGroup)
    return content
  }

  /// The plan trains Dario (E14) for the close and Edda (E15) for the ledger, both ready in
  /// week 6: Alma mentors both, and her vacation leaves weeks 4 and 5 without hours.
  static func plan(minimumGroup: Int? = nil) -> PlanReportContent {
    var content = PlanReportContent.plan(
      MonthEnd.organization, horizon: MonthEnd.horizon,
      options: PlanOptions(policy: MonthEnd.organization.policy))
    content.before.privacy = Privacy(minimumGroup: minimumGroup)
    return content
  }

  static func json(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  /// The role object of `id` among `roles`.
  static func role(_ id: String, in roles: Any?) throws -> [String: Any] {
    let list = try #require(roles as? [[String: Any]])
    return try #require(list.first { ($0["id"] as? String) == id })
  }

  /// The CSV column `name` of the row whose first cell is `key`.
  static func cell(_ csv: String, row key: String, column name: String) throws -> String {
    let rows = CSVReader.rows(csv)
    let column = try #require(rows.first?.firstIndex(of: name))
    let row = try #require(rows.first { $0.first == key })
    return row[column]
  }
}

@Suite("Who is away when the work stops, in every format")
struct WhoIsAwayReportTests {
  @Test("Markdown names both people on vacation for the close, and Cora as left for the ledger")
  func markdown() throws {
    let text = GapReportMarkdown.render(MonthEndReports.gap())
    let section = try #require(
      markdownSection("When the work stops (2026-11-30 to 2027-01-10)", in: text))
    #expect(
      section.contains(
        """
        - Month-end close (`month-close`), 2026-12-21 to 2026-12-31: Alma Quist (E11): vacation; \
        Bruno Vela (E12): vacation
        - Audit liaison (`audit`), 2026-12-21 to 2026-12-31: Alma Quist (E11): vacation
        - Ledger keeping (`ledger`), 2026-12-21 to 2026-12-31: Alma Quist (E11): vacation; Cora \
        Lind (E13): left after 2026-12-11
        """))
    let plan = PlanReportMarkdown.render(MonthEndReports.plan())
    let after = try #require(
      markdownSection(
        "When the work stops, once the plan runs (2026-11-30 to 2027-01-10)", in: plan))
    #expect(
      after.contains(
        """
        - Month-end close (`month-close`), 2026-12-21 to 2026-12-31: Alma Quist (E11): vacation; \
        Bruno Vela (E12): vacation; Dario Senn (E14): in training until 2027-01-04
        """))
  }

  @Test("HTML: each uncovered day's tooltip and a table below the calendar")
  func html() throws {
    let html = HTMLReport.render(MonthEndReports.gap())
    let calendar = try #require(HTMLScan.section("calendar", in: html))
    #expect(
      calendar.contains(
        "title=\"2026-12-21: uncovered – Alma Quist: vacation; Bruno Vela: vacation\">✕</td>"))
    #expect(
      calendar.contains(
        "title=\"2026-12-31: uncovered – Alma Quist: vacation; Cora Lind: left after 2026-12-11\">"
      ))
    let row = try #require(HTMLScan.row(containing: "month-close</span></th><td>", in: calendar))
    #expect(
      row.contains(
        "<td>2026-12-21 to 2026-12-31</td><td>Alma Quist: vacation; Bruno Vela: vacation"))
  }

  @Test("JSON: each run lists who is away with structured reasons")
  func json() throws {
    let object = try MonthEndReports.json(GapReportJSON.render(MonthEndReports.gap()))
    let ledger = try MonthEndReports.role("ledger", in: object["roles"])
    let runs = try #require(ledger["uncoveredRuns"] as? [[String: Any]])
    #expect(runs.count == 1)
    #expect(runs.first?["from"] as? String == "2026-12-21")
    #expect(runs.first?["to"] as? String == "2026-12-31")
    let away = try #require(runs.first?["away"] as? [[String: Any]])
    #expect(away.map { $0["person"] as? String } == ["E11", "E13"])
    let reasons = away.map { ($0["reasons"] as? [[String: String]]) ?? [] }
    #expect(
      reasons == [
        [["kind": "absence", "type": "vacation"]], [["kind": "left", "lastDay": "2026-12-11"]],
      ])
  }

  @Test("CSV: one cell per role with each run, who is away and why")
  func csv() throws {
    let csv = GapReportCSV.render(MonthEndReports.gap())
    #expect(
      try MonthEndReports.cell(csv, row: "month-close", column: "uncovered_away")
        == "2026-12-21..2026-12-31: E11: vacation; E12: vacation")
    #expect(
      try MonthEndReports.cell(csv, row: "ledger", column: "uncovered_away")
        == "2026-12-21..2026-12-31: E11: vacation; E13: left after 2026-12-11")
    #expect(try MonthEndReports.cell(csv, row: "bookkeeping", column: "uncovered_away") == "")
  }
}

@Suite("People leaving within the horizon, in every report and format")
struct LeaverReportTests {
  @Test("Markdown: the gap report names Cora, her roles and their depth from week 3")
  func gapMarkdown() throws {
    let text = GapReportMarkdown.render(MonthEndReports.gap())
    let section = try #require(markdownSection("Leaving within the horizon", in: text))
    #expect(
      section.contains(
        """
        - **Cora Lind (E13)**, Finance, last day 2026-12-11: Ledger keeping (`ledger`): depth \
        2 → 1 from week 3 (2026-12-14); Bookkeeping (`bookkeeping`): depth 4 → 3 from week 3 \
        (2026-12-14).
        """))
  }

  @Test("Markdown: the plan says Edda replaces Cora on the ledger from week 6")
  func planMarkdown() throws {
    let text = PlanReportMarkdown.render(MonthEndReports.plan())
    let section = try #require(markdownSection("Leaving within the horizon", in: text))
    #expect(
      section.contains(
        """
        - **Cora Lind (E13)**, Finance, last day 2026-12-11: Ledger keeping (`ledger`): depth \
        2 → 1 from week 3 (2026-12-14); backup in the plan: Edda Falk (E15), ready in week 6; \
        Bookkeeping (`bookkeeping`): depth 4 → 3 from week 3 (2026-12-14); no backup in the plan.
        """))
  }

  @Test("JSON: leavers in both reports, with the plan's backups")
  func json() throws {
    let gap = try MonthEndReports.json(GapReportJSON.render(MonthEndReports.gap()))
    let plan = try MonthEndReports.json(PlanReportJSON.render(MonthEndReports.plan()))
    for object in [gap, plan] {
      let leavers = try #require(object["leavers"] as? [[String: Any]])
      #expect(leavers.count == 1)
      let cora = try #require(leavers.first)
      #expect(cora["person"] as? String == "E13")
      #expect(cora["lastDay"] as? String == "2026-12-11")
      #expect(cora["fromWeek"] as? Int == 3)
      #expect(cora["fromDate"] as? String == "2026-12-14")
      let roles = try #require(cora["roles"] as? [[String: Any]])
      #expect(roles.map { $0["role"] as? String } == ["ledger", "bookkeeping"])
      #expect(roles.map { $0["depthBefore"] as? Int } == [2, 4])
      #expect(roles.map { $0["depthAfter"] as? Int } == [1, 3])
    }
    let roles = try #require(
      (plan["leavers"] as? [[String: Any]])?.first?["roles"] as? [[String: Any]])
    let backups = roles.map { ($0["backups"] as? [[String: Any]]) ?? [] }
    #expect(backups[0].map { $0["person"] as? String } == ["E15"])
    #expect(backups[0].map { $0["readyWeek"] as? Int } == [6])
    #expect(backups[1].isEmpty)
    #expect(
      (gap["leavers"] as? [[String: Any]])?.first?["roles"].map { "\($0)" }?.contains("backups")
        == false)
  }

  @Test("CSV: the gap report's leaving column, and the pair that replaces Cora")
  func csv() throws {
    let gap = GapReportCSV.render(MonthEndReports.gap())
    #expect(
      try MonthEndReports.cell(gap, row: "ledger", column: "leaving")
        == "E13 last 2026-12-11, from week 3 (2026-12-14): 2 → 1")
    #expect(try MonthEndReports.cell(gap, row: "month-close", column: "leaving") == "")
    let plan = PlanReportCSV.render(MonthEndReports.plan())
    let rows = CSVReader.rows(plan)
    let column = try #require(rows.first?.firstIndex(of: "replaces"))
    let mentee = try #require(rows.first?.firstIndex(of: "mentee_id"))
    #expect(rows.dropFirst().map { "\($0[mentee]) \($0[column])" } == ["E14 ", "E15 ledger: E13"])
  }

  @Test("HTML: a leavers section in both reports, the plan's with its backups")
  func html() throws {
    let gap = try #require(
      HTMLScan.section("leavers", in: HTMLReport.render(MonthEndReports.gap())))
    let row = try #require(HTMLScan.row(containing: "ledger</span></td>", in: gap))
    #expect(row.contains("<td>2026-12-11</td>"))
    #expect(row.contains("<td class=\"num\">2 → 1</td><td>from week 3 (2026-12-14)</td></tr>"))
    let plan = try #require(
      HTMLScan.section("leavers", in: HTMLReport.render(MonthEndReports.plan())))
    let planRow = try #require(HTMLScan.row(containing: "ledger</span></td>", in: plan))
    #expect(planRow.contains("<td>backup in the plan: Edda Falk, ready in week 6</td>"))
  }
}

@Suite("Who is away when nobody is")
struct ShortHandedTests {
  /// A role that needs two at once and has one qualified person stops every day with nobody
  /// away: the report says it is short of people.
  @Test("a role with fewer qualified people than it needs at once says so")
  func shortHanded() throws {
    let organization = Organization(
      skills: [Skill(id: "s")], people: [Person(id: "X", levels: ["s": 3])],
      roles: [Role(id: "r", requirements: [.init(skill: "s", level: 3)], minPresent: 2)])
    let content = GapReportContent.analyse(
      organization, horizon: Horizon(start: .fixture("2026-11-30"), weeks: 1))
    #expect(
      GapReportMarkdown.render(content).contains(
        "- `r`, 2026-11-30 to 2026-12-04: nobody is away: too few people are qualified\n"))
    #expect(
      try MonthEndReports.cell(GapReportCSV.render(content), row: "r", column: "uncovered_away")
        == "2026-11-30..2026-12-04: nobody is away: too few people are qualified")
  }
}
