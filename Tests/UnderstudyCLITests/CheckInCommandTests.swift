import Foundation
import TestSupport
import Testing

/// `plan --calendar` with a check-in pattern, end to end, on a team whose every check-in is
/// worked out here.
///
/// Twelve weeks from Monday 1 March 2027 (clocks in Paris go forward on Sunday 28 March). Ann
/// (ledger 4) is away all of week 4 (22–26 March); Bo is away Wednesday 14 April; Eve, the only
/// customs expert, leaves on Tuesday 2 March. The plan: Ann teaches Bo and Cem ledger (weeks
/// 1–11, none in week 4), Cem teaches Dai tax (weeks 1–10), Eve teaches Fay customs (week 1).
/// Cem is a mentee of Ann and the mentor of Dai at once.
///
/// Check-ins on Wednesdays at 14:30, every three weeks: due in weeks 1, 4, 7 and 10.
/// - Week 1, Wednesday 3 March: Ann–Bo 14:30; Ann–Cem 15:00 (Ann is booked); Cem–Dai 14:30;
///   Eve–Fay on Tuesday 2 March, Eve's last day.
/// - Week 4: Ann is away, so hers go to week 5 (Wednesday 31 March, after the change of clocks)
///   at 14:30 and 15:00; Cem–Dai Wednesday 24 March 14:30.
/// - Week 7: Bo is away on Wednesday 14 April, so Ann–Bo is Thursday 15 at 14:30; Ann–Cem
///   Wednesday 14 at 14:30, Cem–Dai at 15:00.
/// - Week 10, Wednesday 5 May: Ann–Bo 14:30, Ann–Cem 15:00, Cem–Dai 14:30.
@Suite("plan --calendar with a check-in pattern, end to end", .serialized)
struct CheckInCommandTests {
  static let export = """
    <?xml version="1.0" encoding="UTF-8"?>
    <organization xmlns="urn:understudy:org:1" asOf="2027-02-26">
      <skills>
        <skill id="ledger" name="General ledger"/>
        <skill id="tax" name="Tax"/>
        <skill id="customs" name="Customs" hoursPerLevel="4"/>
      </skills>
      <people>
        <person id="A1" name="Ann" email="ann@example.com">
          <skill ref="ledger" level="4"/>
          <absence from="2027-03-22" to="2027-03-26" kind="vacation"/>
        </person>
        <person id="B2" name="Bo">
          <skill ref="ledger" level="2"/>
          <absence from="2027-04-14" to="2027-04-14" kind="vacation"/>
        </person>
        <person id="C3" name="Cem">
          <skill ref="ledger" level="2"/>
          <skill ref="tax" level="4"/>
        </person>
        <person id="D4" name="Dai"><skill ref="tax" level="2"/></person>
        <person id="E5" name="Eve" leaves="2027-03-02"><skill ref="customs" level="4"/></person>
        <person id="F6" name="Fay"><skill ref="customs" level="1"/></person>
      </people>
      <roles>
        <role id="close" name="Month-end close" criticality="critical">
          <requires skill="ledger" level="3"/>
          <incumbent person="A1"/>
        </role>
        <role id="audit" name="Audit" criticality="high">
          <requires skill="tax" level="3"/>
          <incumbent person="C3"/>
        </role>
        <role id="clearance" name="Customs clearance" criticality="critical">
          <requires skill="customs" level="2"/>
          <incumbent person="E5"/>
        </role>
      </roles>
      <policy horizonWeeks="12" start="2027-03-01"/>
    </organization>
    """

  static let pattern = [
    "--checkin-day", "wed", "--checkin-time", "14:30", "--checkin-every", "3",
  ]

  /// Runs `plan` on the team with `options`; returns the JSON report and the calendar's
  /// unfolded content lines.
  func run(_ options: [String]) throws -> (json: [String: Any], lines: [String], ics: String) {
    let folder = try TemporaryFolder(prefix: "understudy-checkins")
    defer { try? FileManager.default.removeItem(at: folder.url) }
    let export = folder.file("team.xml")
    try Self.export.write(toFile: export, atomically: true, encoding: .utf8)
    let calendar = folder.file("checkins.ics")
    let outcome = try CLIRunner.run(
      ["plan", export, "--format", "json", "--quiet", "--calendar", calendar] + options)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
    let ics = try String(contentsOfFile: calendar, encoding: .utf8)
    let lines = ics.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n")
    return (json, lines, ics)
  }

  /// Each pair as "mentor→mentee weeks first–last: date time, …", from the JSON report.
  func pairs(_ json: [String: Any]) throws -> [String] {
    let pairs = try #require(json["pairs"] as? [[String: Any]])
    return try pairs.map { pair in
      let checkIns = try #require(pair["checkIns"] as? [[String: Any]])
      let times = checkIns.map { "\($0["date"] ?? "?") \($0["time"] ?? "?")" }
      return "\(pair["mentor"] ?? "?")→\(pair["mentee"] ?? "?") weeks "
        + "\(pair["startWeek"] ?? "?")–\(pair["endWeek"] ?? "?"): "
        + times.joined(separator: ", ")
    }
  }

  @Test("Wednesday 14:30 every three weeks, moved around absences, a leaver and bookings")
  func pattern() throws {
    let (json, _, _) = try run(Self.pattern)
    #expect(
      try pairs(json) == [
        "A1→B2 weeks 1–11: 2027-03-03 14:30, 2027-03-31 14:30, 2027-04-15 14:30, "
          + "2027-05-05 14:30",
        "A1→C3 weeks 1–11: 2027-03-03 15:00, 2027-03-31 15:00, 2027-04-14 14:30, "
          + "2027-05-05 15:00",
        "C3→D4 weeks 1–10: 2027-03-03 14:30, 2027-03-24 14:30, 2027-04-14 15:00, "
          + "2027-05-05 14:30",
        "E5→F6 weeks 1–1: 2027-03-02 14:30",
      ])
  }

  @Test("--timezone Europe/Paris: TZID on every event, a VTIMEZONE across the change of clocks")
  func paris() throws {
    let (json, lines, _) = try run(Self.pattern + ["--timezone", "Europe/Paris"])
    let block = lines.drop { $0 != "BEGIN:VTIMEZONE" }.prefix { $0 != "BEGIN:VEVENT" }
    #expect(
      Array(block) == [
        "BEGIN:VTIMEZONE", "TZID:Europe/Paris",
        "BEGIN:STANDARD", "DTSTART:20261025T030000", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100",
        "END:STANDARD",
        "BEGIN:DAYLIGHT", "DTSTART:20270328T020000", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200",
        "END:DAYLIGHT",
        "END:VTIMEZONE",
      ])
    let events = lines.filter { $0.hasPrefix("DTSTART;") || $0.hasPrefix("UID:") }
    #expect(
      events.prefix(8) == [
        "UID:B2.A1.ledger.w1@understudy.invalid", "DTSTART;TZID=Europe/Paris:20270303T143000",
        // Due in week 4, held in week 5: the UID keeps the week it was due.
        "UID:B2.A1.ledger.w4@understudy.invalid", "DTSTART;TZID=Europe/Paris:20270331T143000",
        "UID:B2.A1.ledger.w7@understudy.invalid", "DTSTART;TZID=Europe/Paris:20270415T143000",
        "UID:B2.A1.ledger.w10@understudy.invalid", "DTSTART;TZID=Europe/Paris:20270505T143000",
      ])
    #expect(lines.filter { $0.hasPrefix("DTSTART;TZID=Europe/Paris:") }.count == 13)
    // The only DTSTART without a TZID are the VTIMEZONE's own two.
    #expect(lines.filter { $0.hasPrefix("DTSTART:") }.count == 2)
    let pattern = try #require(json["checkInPattern"] as? [String: Any])
    #expect(pattern["timeZone"] as? String == "Europe/Paris")
    #expect(pattern["weekday"] as? String == "Wednesday")
  }

  @Test("without --timezone: floating times and no VTIMEZONE")
  func floating() throws {
    let (_, lines, _) = try run(Self.pattern)
    #expect(!lines.contains("BEGIN:VTIMEZONE"))
    #expect(!lines.contains { $0.contains("TZID") })
    #expect(lines.filter { $0.hasPrefix("DTSTART:") }.first == "DTSTART:20270303T143000")
  }

  @Test("nobody is in two check-ins at once, and the same input gives the same bytes")
  func noDoubleBooking() throws {
    let first = try run(Self.pattern + ["--timezone", "Europe/Paris"])
    let second = try run(Self.pattern + ["--timezone", "Europe/Paris"])
    #expect(first.ics == second.ics)
    let pairs = try #require(first.json["pairs"] as? [[String: Any]])
    var seen: [String: Set<String>] = [:]
    for pair in pairs {
      for checkIn in pair["checkIns"] as? [[String: Any]] ?? [] {
        let slot = "\(checkIn["date"] ?? "") \(checkIn["time"] ?? "")"
        for person in [pair["mentor"], pair["mentee"]].compactMap({ $0 as? String }) {
          #expect(seen[person, default: []].insert(slot).inserted, "\(person) twice at \(slot)")
        }
      }
    }
    // Cem meets Ann as a mentee and Dai as a mentor on the same two Wednesdays.
    #expect(seen["C3"]?.isSuperset(of: ["2027-03-03 14:30", "2027-03-03 15:00"]) == true)
    #expect(seen["C3"]?.isSuperset(of: ["2027-04-14 14:30", "2027-04-14 15:00"]) == true)
  }

  @Test(
    "a pattern it cannot use is a usage error that names the option",
    arguments: [
      (
        ["--checkin-day", "sat"],
        "understudy: error: --checkin-day must be a working day, mon to fri, not 'sat'"
      ),
      (
        ["--checkin-day", "someday"],
        "understudy: error: --checkin-day must be a working day, mon to fri, not 'someday'"
      ),
      (
        ["--checkin-time", "25:00"],
        "understudy: error: --checkin-time must be a time of day as HH:MM (00:00 to 23:59), "
          + "not '25:00'"
      ),
      (
        ["--checkin-time", "9.30"],
        "understudy: error: --checkin-time must be a time of day as HH:MM (00:00 to 23:59), "
          + "not '9.30'"
      ),
      (
        ["--checkin-time", "23:45"],
        "understudy: error: --checkin-time 23:45 with --checkin-minutes 30 ends after midnight"
      ),
      (["--checkin-every", "0"], "understudy: error: --checkin-every must be positive, not 0"),
      (
        ["--checkin-every", "53"], "understudy: error: --checkin-every must be at most 52, not 53"
      ),
      (
        ["--timezone", "Mars/Olympus"],
        "understudy: error: --timezone must be an IANA time zone name such as Europe/Paris or "
          + "UTC, not 'Mars/Olympus'"
      ),
      (
        ["--timezone", "GMT+1"],
        "understudy: error: --timezone must be an IANA time zone name such as Europe/Paris or "
          + "UTC, not 'GMT+1'"
      ),
    ])
  func usage(options: [String], expected: String) throws {
    let outcome = try CLIRunner.run(
      ["plan", "samples/harborline-hr-export.xml", "samples/harborline-roles.xml"] + options)
    #expect(outcome.status == 64)
    #expect(outcome.stdout.isEmpty)
    #expect(outcome.stderr.split(separator: "\n").first.map(String.init) == expected)
  }
}
