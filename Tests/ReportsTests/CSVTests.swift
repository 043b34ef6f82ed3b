import MentoringOptimizer
import Reports
import SkillsGraph
import Testing

/// A strict RFC 4180 reader, to prove the files parse back into the same columns.
enum CSVReader {
  static func rows(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var characters = Array(text)[...]
    while let character = characters.popFirst() {
      if quoted {
        if character == "\"" {
          if characters.first == "\"" {
            field.append("\"")
            characters.removeFirst()
          } else {
            quoted = false
          }
        } else {
          field.append(character)
        }
      } else if character == "\"" {
        quoted = true
      } else if character == "," {
        row.append(field)
        field = ""
      } else if character == "\r\n" {
        row.append(field)
        rows.append(row)
        row = []
        field = ""
      } else {
        field.append(character)
      }
    }
    return rows
  }
}

@Suite("CSV for spreadsheets")
struct CSVTests {
  @Test("the gap report parses back into one row per role with every column")
  func gapReport() throws {
    let rows = CSVReader.rows(GapReportCSV.render(TeamFixture.content))
    #expect(rows.count == 3)
    let header = try #require(rows.first)
    #expect(
      header.prefix(7) == [
        "role_id", "role_name", "weight", "target", "depth", "gap", "qualified_ids",
      ])
    #expect(rows.allSatisfy { $0.count == header.count })
    #expect(rows[1].prefix(7) == ["close", "Month-end close", "3", "3", "2", "1", "P2; P10"])
    #expect(rows[2][1] == "Audit | tax")
    #expect(rows[2][header.firstIndex(of: "uncovered_day_ranges") ?? 0] == "2026-11-30..2026-12-02")
  }

  @Test("formula-like text is neutralised and quotes, commas and line breaks survive")
  func hostileText() throws {
    var organization = TeamFixture.organization
    organization.roles[0].name = "=HYPERLINK(\"http://x\",\"y\")"
    organization.roles[1].name = "+1, \"quoted\"\nnext line"
    organization.people[0].name = "@SUM(A1)"
    organization.people[1].name = "-2"
    let content = GapReportContent.analyse(organization, horizon: TeamFixture.horizon)
    let rows = CSVReader.rows(GapReportCSV.render(content))
    #expect(rows[1][1] == "'=HYPERLINK(\"http://x\",\"y\")")
    #expect(rows[2][1] == "'+1, \"quoted\"\nnext line")
    #expect(rows[1][7] == "'@SUM(A1); '-2" || rows[1][7].hasPrefix("'@SUM(A1)"))
    #expect(rows.allSatisfy { $0.count == rows[0].count })
  }

  @Test("a CRLF inside a name is quoted, so it can neither split a row nor start a formula")
  func carriageReturns() throws {
    var organization = TeamFixture.organization
    organization.roles[0].name = "Bob\r\n=cmd|' /C calc'!A0"
    let content = GapReportContent.analyse(organization, horizon: TeamFixture.horizon)
    let rows = CSVReader.rows(GapReportCSV.render(content))
    #expect(rows.count == 3)
    #expect(rows[1][1] == "Bob\r\n=cmd|' /C calc'!A0")
    let markdown = GapReportMarkdown.render(content)
    #expect(markdown.contains("| Bob =cmd\\|' /C calc'!A0 (`close`) |"))
  }

  @Test("the plan parses back into one row per pair")
  func plan() throws {
    let content = PlanFixture.content
    let rows = CSVReader.rows(PlanReportCSV.render(content))
    #expect(rows.count == content.plan.pairs.count + 1)
    #expect(rows.first?.first == "mentor_id")
    #expect(rows.allSatisfy { $0.count == 24 })
    let first = try #require(content.plan.pairs.first)
    #expect(content.plan.pairs.map { "\($0.mentor)→\($0.mentee):\($0.skill)" } == ["P10→P3:tax"])
    #expect(rows[1][0] == first.mentor.rawValue)
    #expect(rows[1][2] == first.mentee.rawValue)
    #expect(rows[1][10] == "\(first.startWeek)")
    #expect(
      rows[1][17...] == [
        "audit@10", "", "1:4; 2:4; 3:4; 4:4; 5:4; 6:4; 7:4; 8:4; 9:4; 10:4", "proposed", "0",
        // Weeks run Tuesday to Monday; Bea is away on Monday 30 November: Friday 27.
        "2026-11-27 10:00; 2026-12-14 10:00; 2026-12-28 10:00; 2027-01-11 10:00; 2027-01-25 10:00",
        "",
      ])
  }

  @Test("ready weeks, the row that trained the mentor, and the hours of each week with hours")
  func planSchedule() throws {
    let rows = CSVReader.rows(PlanReportCSV.render(WavesFixture.content()))
    let header = try #require(rows.first)
    #expect(
      header.suffix(7) == [
        "ready_week", "mentor_trained_by", "hours_per_week", "status", "hours_done", "check_ins",
        "replaces",
      ])
    let columns = ["mentee_id", "ready_week", "mentor_trained_by", "hours_per_week"].compactMap {
      header.firstIndex(of: $0)
    }
    #expect(
      rows.dropFirst().map { row in columns.map { row[$0] } } == [
        ["P2", "close@11", "", "2:4; 3:4; 4:4; 6:4; 7:4; 8:4; 9:4; 10:4; 11:4"],
        ["P3", "audit@7", "", "1:8; 2:8; 3:8; 6:8; 7:8"],
        ["P4", "audit@12", "P3/tax/7", "8:8; 9:8; 10:8; 11:8; 12:8"],
      ])
  }

  @Test("in workshop mode small counts and lists read 'fewer than K'")
  func privacy() {
    var content = TeamFixture.content
    content.privacy = Privacy(minimumGroup: 3)
    let rows = CSVReader.rows(GapReportCSV.render(content))
    #expect(rows[1][4] == "fewer than 3")
    #expect(rows[1][6] == "fewer than 3 people")
  }
}

/// A plan over the four-person team for 12 weeks, with Bea the incumbent of `audit | tax` (so it
/// wants a backup): Cem (tax 2) learns tax 3 from Bea, 40 hours at 4 a week: weeks 1–10,
/// check-ins in weeks 1, 3, 5, 7 and 9 (the standard pattern).
enum PlanFixture {
  static let organization: Organization = {
    var organization = TeamFixture.organization
    organization.roles[1].incumbents = ["P10"]
    return organization
  }()

  static let horizon = Horizon(for: organization, weeks: 12, today: Day(ordinal: 0))

  static let content: PlanReportContent = {
    let before = GapReportContent.analyse(organization, horizon: horizon)
    let plan = planMentoring(
      before.organization,
      options: PlanOptions(policy: before.organization.policy, horizon: .weeks(12)))
    return PlanReportContent.analyse(plan, before: before, horizon: horizon)
  }()
}
