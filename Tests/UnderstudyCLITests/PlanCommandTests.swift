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
    let coverage = try #require(report["coverage"] as? [String: Double])
    let after = try #require(coverage["after"])
    #expect(coverage["before"] == 56.5)
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
