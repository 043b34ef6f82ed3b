import Foundation
import Testing

@Suite("understudy plan on the samples", .serialized)
struct PlanCommandTests {
  let samples = ["samples/harborline-hr-export.xml", "samples/harborline-roles.xml"]

  func plan(_ extra: [String] = []) throws -> [String: Any] {
    let outcome = try CLIRunner.run(["plan"] + samples + ["--format", "json"] + extra)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    return try #require(
      try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
  }

  @Test("every pair is explained, feasible for its people, and the bound is certified")
  func pairsExplained() throws {
    let report = try plan()
    let coverage = try #require(report["coverage"] as? [String: Any])
    let after = try #require(coverage["after"] as? Double)
    #expect(coverage["before"] as? Double == 56.5)
    // Coverage-weeks: the weekly curve adds up to them, ends at the score after the plan, and
    // stays under the certified bound; 12 weeks of 85 at most.
    let byWeek = try #require(coverage["byWeek"] as? [Double])
    let weeks = try #require(coverage["coverageWeeks"] as? Double)
    let bound = try #require(coverage["coverageWeeksBound"] as? Double)
    #expect(byWeek.count == 12)
    #expect(abs(byWeek.reduce(0, +) - weeks) < 1e-6)
    #expect(byWeek.last == after)
    #expect(weeks <= bound && bound <= 12 * 85)
    // Without a plan: 56.5 a week, except that HL035 leaves on Friday 29 January 2027 (week 9),
    // so from week 10 the roles she covers lose her: 3 weighted depth for 3 weeks.
    #expect(coverage["coverageWeeksBefore"] as? Double == 12 * 56.5 - 9)
    let percent = try #require(coverage["horizonPercent"] as? Double)
    #expect(abs(percent - 100 * weeks / (12 * 85)) < 0.01)
    // The score after the plan is what the roles after the plan add up to.
    let analysis = try #require(report["analysisAfter"] as? [String: Any])
    let roles = try #require(analysis["roles"] as? [[String: Any]])
    let recomputed = roles.reduce(0.0) { sum, role in
      let weight = role["weight"] as? Double ?? 0
      let depth = role["depth"] as? Double ?? 0
      let target = role["target"] as? Double ?? 0
      return sum + weight * min(depth, target)
    }
    #expect(abs(recomputed - after) < 1e-9)
    let pairs = try #require(report["pairs"] as? [[String: Any]])
    #expect(!pairs.isEmpty)
    for pair in pairs {
      #expect((pair["roles"] as? [String])?.isEmpty == false)
      #expect((pair["impact"] as? [[String: Any]])?.isEmpty == false)
      let start = try #require(pair["startWeek"] as? Int)
      let end = try #require(pair["endWeek"] as? Int)
      #expect(1 <= start && start <= end && end <= 12)
      #expect(pair["mentor"] as? String != pair["mentee"] as? String)
    }
    // Per mentor, at most maxMentees distinct mentees (3 by default; HL044 allows 1).
    let byMentor = Dictionary(grouping: pairs, by: { $0["mentor"] as? String ?? "" })
    #expect(Set(byMentor["HL044"]?.compactMap { $0["mentee"] as? String } ?? []).count <= 1)
    for (_, list) in byMentor {
      #expect(Set(list.compactMap { $0["mentee"] as? String }).count <= 3)
    }
  }

  /// The customs declaration filing (critical, one qualified person) needs a 60-hour training
  /// that 12 weeks at 4 h cannot hold; over 26 weeks the plan starts it in week 1 and names the
  /// week the backup is ready.
  @Test("over 26 weeks the customs filing gets a backup, ready in a named week")
  func customsFilingOverHalfAYear() throws {
    let report = try plan(["--weeks", "26"])
    let pairs = try #require(report["pairs"] as? [[String: Any]])
    let customs = pairs.filter {
      ($0["roles"] as? [String])?.contains("customs-atlas-filing") == true
    }
    #expect(!customs.isEmpty)
    for pair in customs {
      let impact = try #require(pair["impact"] as? [[String: Any]])
      let entry = try #require(impact.first { $0["role"] as? String == "customs-atlas-filing" })
      let ready = try #require(entry["fromWeek"] as? Int)
      #expect(ready == pair["endWeek"] as? Int)
      #expect(ready > 12 && ready <= 26)
      let schedule = try #require(pair["schedule"] as? [[String: Double]])
      #expect(schedule.first?["week"] == 1)
      #expect(abs(schedule.reduce(0) { $0 + ($1["menteeHours"] ?? 0) } - 60) < 1e-9)
    }
  }

  /// The Markdown and HTML plans read the same pairs as the JSON: a wave per month in which
  /// pairs start, a line per pair, the mentor's training named wherever the JSON has one, and a
  /// point per week on the chart.
  @Test("over 26 weeks the Markdown waves and the HTML chart follow the JSON plan")
  func wavesAndChart() throws {
    let report = try plan(["--weeks", "26"])
    let pairs = try #require(report["pairs"] as? [[String: Any]])
    let names = [
      "January", "February", "March", "April", "May", "June", "July", "August", "September",
      "October", "November", "December",
    ]
    var months: [String] = []
    for pair in pairs.sorted(by: { ($0["startWeek"] as? Int ?? 0) < ($1["startWeek"] as? Int ?? 0) }
    ) {
      let date = try #require(pair["startDate"] as? String).split(separator: "-")
      let month = "### \(names[(Int(date[1]) ?? 1) - 1]) \(date[0])"
      if months.last != month { months.append(month) }
    }
    let markdown = try CLIRunner.run(["plan"] + samples + ["--weeks", "26", "--quiet"])
    #expect(markdown.status == 0)
    let headings = markdown.stdout.split(separator: "\n").filter { $0.hasPrefix("## ") }
    #expect(!headings.contains("## Pairs") && !headings.contains("## Week by week"))
    #expect(headings.prefix(3) == ["## Summary", "## Waves", "## Coverage week by week"])
    // The waves: from their heading to the coverage's.
    let waves = try #require(
      markdown.stdout.components(separatedBy: "\n## Waves\n").last?
        .components(separatedBy: "\n## Coverage week by week\n").first)
    let lines = waves.split(separator: "\n")
    #expect(lines.filter { $0.hasPrefix("### ") }.map(String.init) == months)
    #expect(lines.filter { $0.hasPrefix("- **") }.count == pairs.count)
    let trained = pairs.filter { $0["mentorTrainedBy"] is [String: Any] }.count
    #expect(
      lines.filter { $0.contains("Mentor trained in this plan: ") }.count == trained)
    let html = try CLIRunner.run(["plan"] + samples + ["--weeks", "26", "--format", "html"])
    #expect(html.status == 0)
    #expect(html.stdout.components(separatedBy: "<circle class=\"pt\"").count == 27)
  }

  @Test("the plan carries the calendar before and after, and the succession bench")
  func calendarAndSuccession() throws {
    let report = try plan()
    let days = try #require(report["uncoveredRoleDays"] as? [String: Double])
    #expect(days["before"] == 86)
    #expect((days["after"] ?? .infinity) <= 86)
    let succession = try #require(report["succession"] as? [[String: Any]])
    #expect(succession.contains { $0["role"] as? String == "payroll-run" })
    let after = try #require(report["analysisAfter"] as? [String: Any])
    let roles = try #require(after["roles"] as? [[String: Any]])
    #expect(roles.allSatisfy { $0["uncoveredDays"] is [[String: String]] })
  }

  @Test("the same input gives the same bytes")
  func deterministic() throws {
    let first = try CLIRunner.run(["plan"] + samples + ["--format", "json"])
    let second = try CLIRunner.run(["plan"] + samples + ["--format", "json"])
    #expect(first.stdout == second.stdout)
  }

  @Test("--exclude-person and --weeks change the plan as asked")
  func options() throws {
    let without = try plan(["--exclude-person", "HL044", "--weeks", "16"])
    let horizon = try #require(without["horizon"] as? [String: Any])
    #expect(horizon["weeks"] as? Int == 16)
    let pairs = try #require(without["pairs"] as? [[String: Any]])
    #expect(
      !pairs.contains { $0["mentor"] as? String == "HL044" || $0["mentee"] as? String == "HL044" })
  }
}
