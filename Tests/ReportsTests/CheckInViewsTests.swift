import Foundation
import MentoringOptimizer
import SkillsGraph
import TestSupport
import Testing

@testable import Reports

@Suite("The calendar file and the week-by-week views show the same check-ins")
struct CheckInViewsTests {
  let content = CheckInFixture.content()

  /// The content lines of `ics`, unfolded.
  static func lines(_ ics: String) -> [String] {
    ics.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n")
  }

  @Test("every DTSTART is a check-in of the schedule, floating without a time zone")
  func calendar() {
    let starts = Self.lines(CheckInCalendar.render(content)).filter { $0.hasPrefix("DTSTART") }
    let expected: [String] = content.checkIns.all.map { checkIn in
      let day = checkIn.day.description.filter { $0 != "-" }
      let time = CheckInPattern.clock(checkIn.startMinute).filter { $0 != ":" }
      return "DTSTART:\(day)T\(time)00"
    }
    #expect(starts == expected)
    // Hand-computed (CheckInFixture): Bo's first check-in moved to Tuesday, Cem's with Dai to
    // the slot after his own with Ann.
    #expect(starts.prefix(2) == ["DTSTART:20270105T100000", "DTSTART:20270125T100000"])
    #expect(starts.count == 14)
    #expect(starts.contains("DTSTART:20270104T103000"))
  }

  @Test("a moved check-in keeps the UID of the week it was due, so a re-import updates it")
  func uidOfMovedCheckIn() {
    let lines = Self.lines(CheckInCalendar.render(content))
    let index = lines.firstIndex(of: "DTSTART:20270125T100000")
    #expect(index.map { lines[$0 - 2] } == "UID:P2.P1.ledger.w3@understudy.invalid")
  }

  @Test("JSON lists each pair's check-ins with date and time, and the pattern")
  func json() throws {
    let data = Data(PlanReportJSON.render(content).utf8)
    let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let pairs = try #require(root["pairs"] as? [[String: Any]])
    let checkIns = pairs.map { ($0["checkIns"] as? [[String: Any]]) ?? [] }
    #expect(
      checkIns.map { $0.map { "\($0["week"] ?? ""): \($0["date"] ?? "") \($0["time"] ?? "")" } }
        == content.checkIns.byPair.map {
          $0.map { "\($0.week): \($0.day) \(CheckInPattern.clock($0.startMinute))" }
        })
    #expect(
      pairs.map { ($0["checkInWeeks"] as? [Int]) ?? [] } == [
        [1, 4, 5, 7], [1, 4, 5], [1, 3, 5, 7], [1, 3, 5],
      ])
    let pattern = try #require(root["checkInPattern"] as? [String: Any])
    #expect(pattern["weekday"] as? String == "Monday")
    #expect(pattern["time"] as? String == "10:00")
    #expect(pattern["everyWeeks"] as? Int == 2)
    #expect(pattern["minutes"] as? Int == 30)
    #expect(pattern["timeZone"] is NSNull)
  }

  @Test("CSV gives check-in weeks and the day and time of each")
  func csv() throws {
    let rows = CSVReader.rows(PlanReportCSV.render(content))
    let header = try #require(rows.first)
    let weeks = try #require(header.firstIndex(of: "check_in_weeks"))
    let times = try #require(header.firstIndex(of: "check_ins"))
    #expect(rows.dropFirst().map { $0[weeks] } == ["1 4 5 7", "1 4 5", "1 3 5 7", "1 3 5"])
    #expect(
      rows[2][times] == "2027-01-04 10:00; 2027-01-25 10:30; 2027-02-01 10:30")
  }

  @Test("the HTML schedule draws a diamond in each week a check-in happens")
  func html() throws {
    let page = HTMLReport.render(content)
    let schedule = try #require(HTMLScan.section("schedule", in: page))
    #expect(schedule.components(separatedBy: "<path class=\"checkin\"").count == 14 + 1)
    #expect(schedule.contains("check-ins in weeks 1, 4, 5, 7</title>"))
    #expect(schedule.contains("check-ins in weeks 1, 3, 5</title>"))
    let pairs = try #require(HTMLScan.section("pairs", in: page))
    #expect(pairs.contains(HTML.escape(content.checkInPattern.sentence)))
  }

  @Test("Markdown states the pattern the calendar follows")
  func markdown() {
    var content = content
    content.checkInPattern = CheckInPattern(weekday: 3, startMinute: 14 * 60 + 30, everyWeeks: 3)
    let text = PlanReportMarkdown.render(content)
    #expect(
      text.contains(
        "Check-ins every 3 weeks from a pair's first week, Wednesdays at 14:30, 30 minutes each."))
  }
}

@Suite("Check-in times in a time zone: TZID on every event and a VTIMEZONE that fits")
struct CheckInTimeZoneTests {
  /// The fixture's pairs over eight weeks from Monday 1 March 2027: clocks in the EU go forward
  /// on Sunday 28 March at 01:00 UTC, in the US on Sunday 14 March at 2:00 local time.
  static func content(zone: String?) throws -> PlanReportContent {
    var content = CheckInFixture.content()
    content.horizon = Horizon(start: Day.fixture("2027-03-01"), weeks: 8)
    if let zone {
      let found: CheckInTimeZone = try #require(CheckInTimeZone(identifier: zone))
      content.checkInPattern.timeZone = found
    }
    return content
  }

  static func block(_ ics: String) -> [String] {
    let lines = CheckInViewsTests.lines(ics)
    guard let begin = lines.firstIndex(of: "BEGIN:VTIMEZONE"),
      let end = lines.firstIndex(of: "END:VTIMEZONE")
    else { return [] }
    return Array(lines[begin...end])
  }

  @Test("Europe/Paris: the October change before the horizon, the March change inside it")
  func paris() throws {
    let ics = CheckInCalendar.render(try Self.content(zone: "Europe/Paris"))
    #expect(
      Self.block(ics) == [
        "BEGIN:VTIMEZONE", "TZID:Europe/Paris",
        "BEGIN:STANDARD", "DTSTART:20261025T030000", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100",
        "END:STANDARD",
        "BEGIN:DAYLIGHT", "DTSTART:20270328T020000", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200",
        "END:DAYLIGHT",
        "END:VTIMEZONE",
      ])
    let starts = CheckInViewsTests.lines(ics).filter { $0.hasPrefix("DTSTART;") }
    // Ann and Bo, weeks 1, 3, 5 and 7: before and after the change, always 10:00 on the wall.
    #expect(
      starts.prefix(4) == [
        "DTSTART;TZID=Europe/Paris:20270301T100000", "DTSTART;TZID=Europe/Paris:20270315T100000",
        "DTSTART;TZID=Europe/Paris:20270329T100000", "DTSTART;TZID=Europe/Paris:20270412T100000",
      ])
    #expect(starts.count == CheckInViewsTests.lines(ics).filter { $0 == "BEGIN:VEVENT" }.count)
    // The VTIMEZONE comes before the first event, as RFC 5545 requires for TZID references.
    let text = CheckInViewsTests.lines(ics)
    #expect(
      (text.firstIndex(of: "END:VTIMEZONE") ?? .max) < (text.firstIndex(of: "BEGIN:VEVENT") ?? 0))
  }

  @Test("America/New_York: negative offsets, the change in week 3")
  func newYork() throws {
    let ics = CheckInCalendar.render(try Self.content(zone: "America/New_York"))
    #expect(
      Self.block(ics) == [
        "BEGIN:VTIMEZONE", "TZID:America/New_York",
        "BEGIN:STANDARD", "DTSTART:20261101T020000", "TZOFFSETFROM:-0400", "TZOFFSETTO:-0500",
        "END:STANDARD",
        "BEGIN:DAYLIGHT", "DTSTART:20270314T020000", "TZOFFSETFROM:-0500", "TZOFFSETTO:-0400",
        "END:DAYLIGHT",
        "END:VTIMEZONE",
      ])
  }

  @Test(
    "zones without daylight saving time: one sub-component with the offset",
    arguments: [("Asia/Tokyo", "+0900"), ("Asia/Kolkata", "+0530"), ("UTC", "+0000")])
  func fixedOffset(zone: String, offset: String) throws {
    let ics = CheckInCalendar.render(try Self.content(zone: zone))
    #expect(
      Self.block(ics) == [
        "BEGIN:VTIMEZONE", "TZID:" + zone, "BEGIN:STANDARD", "DTSTART:19700101T000000",
        "TZOFFSETFROM:" + offset, "TZOFFSETTO:" + offset, "END:STANDARD", "END:VTIMEZONE",
      ])
  }

  @Test("a year-long horizon lists every change in it, in order")
  func yearLong() throws {
    var content = try Self.content(zone: "Europe/Paris")
    content.horizon = Horizon(start: Day.fixture("2027-01-04"), weeks: 52)
    let starts = Self.block(CheckInCalendar.render(content)).filter { $0.hasPrefix("DTSTART") }
    #expect(
      starts == [
        "DTSTART:20261025T030000", "DTSTART:20270328T020000", "DTSTART:20271031T030000",
      ])
  }

  @Test("without a time zone: floating times, no TZID, no VTIMEZONE")
  func floating() throws {
    let ics = CheckInCalendar.render(try Self.content(zone: nil))
    #expect(!ics.contains("TZID"))
    #expect(!ics.contains("VTIMEZONE"))
    let starts = CheckInViewsTests.lines(ics).filter { $0.hasPrefix("DTSTART") }
    #expect(starts.first == "DTSTART:20270301T100000")
    #expect(starts.allSatisfy { $0.count == "DTSTART:20270301T100000".count })
  }

  @Test("the same input gives the same bytes with a time zone too")
  func deterministic() throws {
    let content = try Self.content(zone: "Europe/Paris")
    #expect(CheckInCalendar.render(content) == CheckInCalendar.render(content))
  }

  @Test(
    "only names from the time zone database",
    arguments: [
      "Mars/Olympus", "GMT+1", "GMT+0100", "PST", "europe/paris", "", "Europe/Paris ",
      "../zoneinfo/UTC",
    ])
  func unknownNames(name: String) {
    #expect(CheckInTimeZone(identifier: name) == nil)
  }
}
