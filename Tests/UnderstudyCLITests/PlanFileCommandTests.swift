import Foundation
import TestSupport
import Testing

/// The plan file round trip as a manager runs it (README, "Plan files"): plan, edit the file,
/// re-plan a month later with the file as one more input.
@Suite("Plan files: progress, agreements and re-planning", .serialized)
struct PlanFileCommandTests {
  let samples = ["samples/harborline-hr-export.xml", "samples/harborline-roles.xml"]

  /// The first plan's file with two pairs done, one active at half its hours, one dropped, one
  /// agreed and a mentor forbidden.
  func editedPlanFile(in folder: TemporaryFolder) throws -> (path: String, activeHours: Double) {
    let first = folder.file("plan.xml")
    let outcome = try CLIRunner.run(
      ["plan"] + samples + ["--format", "xml", "--output", first, "--quiet"])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    var text = try String(contentsOfFile: first, encoding: .utf8)
    func mark(_ mentee: String, _ skill: String, _ status: String) throws {
      let pattern = #"(mentee="\#(mentee)" skill="\#(skill)" to="\d+") status="proposed""#
      let range = try #require(text.range(of: pattern, options: .regularExpression))
      let found = String(text[range])
      text.replaceSubrange(
        range, with: found.replacingOccurrences(of: "status=\"proposed\"", with: status))
    }
    // The hazmat pair's scheduled hours: all of its mentee hours.
    let hazmat = try #require(
      text.range(
        of: #"mentee="HL025" skill="hazmat-adr"[^<]*>(\s*(<week[^>]*>\s*)*)"#,
        options: .regularExpression))
    let hours = try NSRegularExpression(pattern: #"hours="([0-9.]+)""#).matches(
      in: String(text[hazmat]),
      range: NSRange(String(text[hazmat]).startIndex..., in: String(text[hazmat]))
    ).compactMap { match -> Double? in
      let block = String(text[hazmat])
      return Range(match.range(at: 1), in: block).flatMap { Double(block[$0]) }
    }.reduce(0, +)
    #expect(hours == 15)
    try mark("HL015", "linux-admin", #"status="done""#)
    try mark("HL020", "management-reporting", #"status="done""#)
    try mark("HL025", "hazmat-adr", #"status="active" hoursDone="7.5""#)
    try mark("HL037", "export-controls", #"status="dropped""#)
    try mark("HL043", "month-end-close", #"status="agreed""#)
    text = text.replacingOccurrences(
      of: "  </plan>", with: "    <forbid mentor=\"HL044\"/>\n  </plan>")
    let edited = folder.file("plan-edited.xml")
    try text.write(toFile: edited, atomically: true, encoding: .utf8)
    return (edited, hours / 2)
  }

  @Test(
    "a month later: done pairs held, the active one kept with its hours left, the agreed one kept, dropped and forbidden never proposed"
  )
  func replanAMonthLater() throws {
    let folder = try TemporaryFolder()
    let (edited, half) = try editedPlanFile(in: folder)
    let outcome = try CLIRunner.run(
      ["plan"] + samples + [edited, "--start", "2026-12-28", "--format", "json", "--quiet"])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let report = try #require(
      try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
    let pairs = try #require(report["pairs"] as? [[String: Any]])
    func pair(_ mentee: String, _ skill: String) -> [String: Any]? {
      pairs.first { $0["mentee"] as? String == mentee && $0["skill"] as? String == skill }
    }
    // Done: the mentees hold the levels; nobody teaches them again.
    #expect(pair("HL015", "linux-admin") == nil)
    #expect(pair("HL020", "management-reporting") == nil)
    // Active: its mentor, the hours left, from the new start; HL035 leaves on 29 January, so
    // it must end by then (week 5 of a horizon from 28 December).
    let active = try #require(pair("HL025", "hazmat-adr"))
    #expect(active["status"] as? String == "active")
    #expect(active["mentor"] as? String == "HL035")
    #expect(active["menteeHours"] as? Double == half)
    #expect(active["hoursDone"] as? Double == half)
    #expect((active["endWeek"] as? Int).map { $0 <= 5 } == true)
    // Agreed: in the plan with its mentor.
    let agreed = try #require(pair("HL043", "month-end-close"))
    #expect(agreed["status"] as? String == "agreed")
    #expect(agreed["mentor"] as? String == "HL041")
    // Dropped: never the same mentor, mentee and skill; forbidden: HL044 mentors nobody.
    #expect(
      !pairs.contains {
        $0["mentor"] as? String == "HL036" && $0["mentee"] as? String == "HL037"
          && $0["skill"] as? String == "export-controls"
      })
    #expect(!pairs.contains { $0["mentor"] as? String == "HL044" })
    // Weekly limits hold for everyone (4 h learning, 2 h mentoring by default in the samples).
    var learning: [String: [Int: Double]] = [:]
    for entry in pairs {
      let mentee = try #require(entry["mentee"] as? String)
      for week in try #require(entry["schedule"] as? [[String: Any]]) {
        let number = try #require(week["week"] as? Int)
        learning[mentee, default: [:]][number, default: 0] += week["menteeHours"] as? Double ?? 0
        #expect(number >= 1 && number <= 12)
      }
    }
    #expect(learning.values.allSatisfy { $0.values.allSatisfy { $0 <= 6 + 1e-9 } })
    // What changed, first thing in the report.
    let changes = try #require(report["changes"] as? [String: Any])
    #expect((changes["finished"] as? [Any])?.count == 2)
    #expect((changes["running"] as? [Any])?.count == 1)
    #expect((changes["agreed"] as? [Any])?.count == 1)
    #expect((changes["dropped"] as? [Any])?.count == 1)
    #expect((changes["forbids"] as? [[String: Any]])?.first?["mentor"] as? String == "HL044")
    let then = try #require(changes["coverageThen"] as? Double)
    let now = try #require(changes["coverageNow"] as? Double)
    #expect(then == 56.5)
    #expect(now > then)
    // The Markdown report opens with it.
    let markdown = try CLIRunner.run(["plan"] + samples + [edited, "--start", "2026-12-28"])
    let sections = markdown.stdout.components(separatedBy: "\n## ").dropFirst().map {
      $0.prefix { $0 != "\n" }
    }
    #expect(sections.first == "Since the plan file")
    #expect(markdown.stdout.contains("- **Finished (2)**"))
  }

  @Test("the next plan file carries the history on and reads back to the same plan")
  func nextPlanFile() throws {
    let folder = try TemporaryFolder()
    let (edited, _) = try editedPlanFile(in: folder)
    let next = folder.file("next.xml")
    let arguments = ["plan"] + samples + [edited, "--start", "2026-12-28", "--quiet"]
    #expect(try CLIRunner.run(arguments + ["--format", "xml", "--output", next]).status == 0)
    let text = try String(contentsOfFile: next, encoding: .utf8)
    #expect(text.contains(#"<plan start="2026-12-28" weeks="12">"#))
    #expect(text.contains(#"mentee="HL015" skill="linux-admin" to="2" status="done"/>"#))
    #expect(
      text.contains(
        #"mentor="HL036" mentee="HL037" skill="export-controls" to="3" status="dropped"/>"#))
    #expect(text.contains(#"<forbid mentor="HL044"/>"#))
    #expect(
      text.contains(#"mentee="HL025" skill="hazmat-adr" to="3" status="active" hoursDone="7.5">"#))
    // Given back as it is, the new file gives the same pairs again.
    let first = try CLIRunner.run(arguments + ["--format", "csv"])
    let again = try CLIRunner.run(
      ["plan"] + samples + [next, "--start", "2026-12-28", "--quiet", "--format", "csv"])
    #expect(first.status == 0 && again.status == 0, "\(first.stderr)\(again.stderr)")
    func keys(_ csv: String) -> [String] {
      csv.split(separator: "\n").dropFirst().map {
        $0.split(separator: ",").prefix(5).joined(separator: ",")
      }
    }
    #expect(keys(first.stdout) == keys(again.stdout))
  }

  @Test("a kept pair that cannot be kept is an error at its line, exit 65, nothing written")
  func contradictions() throws {
    let folder = try TemporaryFolder()
    let file = folder.file("bad-plan.xml")
    try """
    <?xml version="1.0" encoding="UTF-8"?>
    <organization xmlns="urn:understudy:org:1">
      <plan>
        <pair mentor="HL045" mentee="HL043" skill="payroll" to="3" status="agreed"/>
      </plan>
    </organization>
    """.write(toFile: file, atomically: true, encoding: .utf8)
    let output = folder.file("out.md")
    let outcome = try CLIRunner.run(["plan"] + samples + [file, "--output", output, "--quiet"])
    #expect(outcome.status == 65)
    #expect(
      outcome.stderr.contains(
        "\(file):4:5: error: agreed pair HL045 → HL043: 'payroll' to level 3: HL045 holds level"))
    #expect(!FileManager.default.fileExists(atPath: output))
  }

  @Test("a re-plan in workshop mode names nobody, and its plan file's problems are only counted")
  func replanInWorkshopMode() throws {
    let folder = try TemporaryFolder()
    let (edited, _) = try editedPlanFile(in: folder)
    // The active pair with all its hours done: a warning that names its people.
    var text = try String(contentsOfFile: edited, encoding: .utf8)
    text = text.replacingOccurrences(of: #"hoursDone="7.5""#, with: #"hoursDone="15""#)
    try text.write(toFile: edited, atomically: true, encoding: .utf8)
    var outputs: [String] = []
    for format in ["markdown", "json", "csv", "html"] {
      let outcome = try CLIRunner.run(
        ["plan"] + samples + [
          edited, "--start", "2026-12-28", "--quiet", "--pseudonymize", "--salt", "s",
          "--format", format,
        ])
      #expect(outcome.status == 0, "\(format): \(outcome.stderr)")
      #expect(
        outcome.stderr.contains(
          "understudy: 1 problem(s) with the plan file not shown in workshop mode"),
        "\(outcome.stderr)")
      outputs.append(outcome.stdout + outcome.stderr)
    }
    let everything = outputs.joined(separator: "\n")
    #expect(everything.contains("Since the plan file"))
    #expect(everything.contains("\"changes\": {"))
    let leaks = try WorkshopModeTests().identifyingStrings().filter { everything.contains($0) }
    #expect(leaks.isEmpty, "identifying strings in the output: \(leaks)")
  }

  @Test("the plan file needs real ids, and only plan writes one")
  func usage() throws {
    let workshop = try CLIRunner.run(
      ["plan"] + samples + ["--format", "xml", "--pseudonymize", "--salt", "s"])
    #expect(workshop.status == 64)
    #expect(workshop.stderr.contains("cannot be pseudonymized"))
    let analyze = try CLIRunner.run(["analyze"] + samples + ["--format", "xml"])
    #expect(analyze.status == 64)
    #expect(analyze.stderr.contains("only 'understudy plan' has one"))
  }
}
