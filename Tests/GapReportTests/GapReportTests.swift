import Foundation
import GapReport
import SkillsGraph
import Testing

@Suite("Gap reports")
struct GapReportTests {
  let analysis = CoverageAnalysis(TeamFixture.organization)

  @Test("Markdown matches the recorded report")
  func markdown() throws {
    let text = GapReportMarkdown.render(
      analysis, organization: TeamFixture.organization, sources: TeamFixture.sources)
    try Golden.check(text, named: "team-gaps.md")
    #expect(text.contains("- **Coverage: 73.9 %** (score 8.5 of 11.5)"))
    #expect(text.contains("| Audit \\| tax (`audit`) | 2.5 | 1 | 1 | 0 | nobody |"))
  }

  @Test("JSON matches the recorded report and carries the documented figures")
  func json() throws {
    let text = GapReportJSON.render(
      analysis, organization: TeamFixture.organization, sources: TeamFixture.sources)
    try Golden.check(text, named: "team-gaps.json")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    let summary = try #require(object["summary"] as? [String: Any])
    #expect(summary["coverageScore"] as? Double == 8.5)
    #expect(summary["coverageCeiling"] as? Double == 11.5)
    #expect(summary["coveragePercent"] as? Double == 73.91)
    #expect(summary["rolesBelowTarget"] as? Int == 1)
    let roles = try #require(object["roles"] as? [[String: Any]])
    #expect(roles.map { $0["id"] as? String } == ["close", "audit"])
    #expect(roles.first?["qualified"] as? [String] == ["P2", "P10"])
    let spof = try #require(object["singlePointsOfFailure"] as? [[String: Any]])
    #expect(spof.first?["person"] as? String == "P10")
    #expect(spof.first?["roles"] as? [String] == ["audit"])
    let skills = try #require(object["skills"] as? [[String: Any]])
    #expect(skills.map { $0["holders"] as? Int } == [1, 2])
  }

  @Test("rendering twice gives identical bytes")
  func deterministic() {
    let first = GapReportJSON.render(analysis, organization: TeamFixture.organization)
    let second = GapReportJSON.render(
      CoverageAnalysis(TeamFixture.organization), organization: TeamFixture.organization)
    #expect(first == second)
  }

  @Test(
    "numbers print the same everywhere",
    arguments: [(72.093_023, 1, "72.1"), (0.5, 4, "0.5"), (3, 2, "3"), (-1.25, 1, "-1.3")])
  func decimals(value: Double, places: Int, expected: String) {
    #expect(formatDecimal(value, places: places) == expected)
  }

  @Test("JSON escapes quotes, control characters and keeps non-ASCII as is")
  func escaping() {
    let value = JSONValue.object([("name", .string("Tax \"VAT\"\n\u{1}Ø"))])
    #expect(value.rendered() == "{\n  \"name\": \"Tax \\\"VAT\\\"\\n\\u0001Ø\"\n}\n")
  }
}

@Suite("Writing reports atomically")
struct AtomicFileTests {
  @Test("a report replaces the old one whole, leaving no temporary file")
  func replaces() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "understudy-atomic-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let target = folder.appendingPathComponent("report.md").path
    try AtomicFile.write("old", to: target)
    try AtomicFile.write("new", to: target)
    #expect(try String(contentsOfFile: target, encoding: .utf8) == "new")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.md"])
  }

  @Test("a missing folder is a write error naming it")
  func missingFolder() {
    #expect(throws: AtomicFile.WriteError.self) {
      try AtomicFile.write("x", to: "/nonexistent-understudy/report.md")
    }
  }
}
