import Foundation
import Testing

@Suite("Vacation planning and what-if from the command line", .serialized)
struct WhatIfCommandTests {
  let samples = ["samples/harborline-hr-export.xml", "samples/harborline-roles.xml"]

  func json(_ arguments: [String]) throws -> [String: Any] {
    let outcome = try CLIRunner.run(["analyze"] + samples + ["--format", "json"] + arguments)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    return try #require(
      try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
  }

  func role(_ id: String, in report: [String: Any]) throws -> [String: Any] {
    let roles = try #require(report["roles"] as? [[String: Any]])
    return try #require(roles.first { $0["id"] as? String == id })
  }

  @Test("the samples' month-end close stops while both its people are on vacation")
  func samplesCalendar() throws {
    let report = try json([])
    let close = try role("month-end-close", in: report)
    // Both qualified people are away Dec 21 – Jan 1; Dec 24, Dec 25 and Jan 1 are holidays.
    #expect(
      close["uncoveredDays"] as? [[String: String]] == [["from": "2026-12-21", "to": "2026-12-31"]])
    #expect(close["uncoveredDayCount"] as? Int == 7)
    let horizon = try #require(report["horizon"] as? [String: Any])
    #expect(horizon["start"] as? String == "2026-11-30")
    #expect(horizon["weeks"] as? Int == 12)
  }

  @Test("--absent for a period adds exactly those working days")
  func absentPeriod() throws {
    // HL044 alone runs payroll and is already away Jan 4 – Jan 8; one more week in February.
    let report = try json(["--absent", "HL044:2027-02-01..2027-02-05"])
    let payroll = try role("payroll-run", in: report)
    #expect(
      payroll["uncoveredDays"] as? [[String: String]] == [
        ["from": "2027-01-04", "to": "2027-01-08"], ["from": "2027-02-01", "to": "2027-02-05"],
      ])
    let whatIf = try #require(report["whatIf"] as? [String: Any])
    let changes = try #require(whatIf["changes"] as? [[String: Any]])
    let changed = changes.compactMap { $0["role"] as? String }
    #expect(changed.contains("payroll-run"))
    #expect(
      try #require(changes.first { $0["role"] as? String == "payroll-run" })["uncoveredDaysAfter"]
        as? Int == 10)
  }

  @Test("--absent for the whole horizon and --start/--weeks move the window")
  func wholeHorizon() throws {
    let report = try json(["--absent", "HL054", "--start", "2027-03-01", "--weeks", "1"])
    let edi = try role("edi-partner-onboarding", in: report)
    #expect(
      edi["uncoveredDays"] as? [[String: String]] == [["from": "2027-03-01", "to": "2027-03-05"]])
    #expect(edi["depth"] as? Int == 1)
  }

  @Test("--exclude-person is compared against the baseline in Markdown")
  func excludedMarkdown() throws {
    let outcome = try CLIRunner.run(["analyze"] + samples + ["--exclude-person", "HL054"])
    #expect(outcome.status == 0)
    #expect(outcome.stdout.contains("- Marta Nowicka (HL054) has left"))
    #expect(
      outcome.stdout.contains(
        "| EDI partner onboarding (`edi-partner-onboarding`) | 1 → 0 | 5 → 57 | 2026-11-30 to 2027-02-19 |"
      ))
  }

  @Test("what-if arguments that name nobody, or a bad period, are usage errors")
  func badArguments() throws {
    let unknown = try CLIRunner.run(["analyze"] + samples + ["--absent", "HL999"])
    #expect(unknown.status == 64)
    #expect(
      unknown.stderr.hasSuffix("understudy: error: --absent names unknown person 'HL999'\n"))
    let backwards = try CLIRunner.run(
      ["analyze"] + samples + ["--absent", "HL001:2027-02-05..2027-02-01"])
    #expect(backwards.status == 64)
    #expect(
      backwards.stderr.hasPrefix(
        "understudy: error: --absent HL001:2027-02-05..2027-02-01: the range ends (2027-02-01) "
          + "before it starts (2027-02-05)\n"))
  }
}
