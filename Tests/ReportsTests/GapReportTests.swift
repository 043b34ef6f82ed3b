import Foundation
import Reports
import SkillsGraph
import TestSupport
import Testing

@Suite("Gap reports")
struct GapReportTests {
  let content = TeamFixture.content

  @Test("Markdown matches the recorded report")
  func markdown() throws {
    let text = GapReportMarkdown.render(content)
    try Golden.check(text, named: "team-gaps.md")
    #expect(text.contains("- **Coverage: 73.9 %** (score 8.5 of 11.5)"))
    #expect(text.contains("| Audit \\| tax (`audit`) | 2.5 | 1 | 1 | 0 | nobody |"))
  }

  @Test("JSON matches the recorded report and carries the documented figures")
  func json() throws {
    let text = GapReportJSON.render(content)
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
    // Succession: Ann is the incumbent of the critical close; Bea is qualified already.
    let succession = try #require(object["succession"] as? [[String: Any]])
    #expect(succession.map { $0["incumbent"] as? String } == ["P2"])
    let candidates = try #require(succession.first?["candidates"] as? [[String: Any]])
    #expect(candidates.map { $0["person"] as? String } == ["P10"])
    #expect(candidates.first?["readiness"] as? String == "readyNow")
  }

  @Test("JSON carries the absence calendar worked out by hand")
  func calendar() throws {
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(GapReportJSON.render(content).utf8))
        as? [String: Any])
    let summary = try #require(object["summary"] as? [String: Any])
    #expect(summary["uncoveredRoleDays"] as? Double == 7.5)
    #expect(summary["uncoveredDayCount"] as? Double == 3)
    #expect(summary["expectedUncoveredRoleDaysPerYear"] as? Double == 17.87)
    let factor = try #require(summary["absenceFactor"] as? [String: Any])
    #expect(factor["people"] as? [String] == ["P2", "P10"])
    #expect(factor["method"] as? String == "exact")
    let roles = try #require(object["roles"] as? [[String: Any]])
    let audit = try #require(roles.first { $0["id"] as? String == "audit" })
    let runs = try #require(audit["uncoveredDays"] as? [[String: String]])
    #expect(runs == [["from": "2026-11-30", "to": "2026-12-02"]])
    #expect(audit["expectedUncoveredDaysPerYear"] as? Double == 6.9)
    #expect(audit["absenceFactor"] as? Int == 1)
    let horizon = try #require(object["horizon"] as? [String: Any])
    #expect(horizon["start"] as? String == "2026-11-24")
    #expect(horizon["end"] as? String == "2026-12-07")
    #expect(horizon["workingDays"] as? Int == 10)
  }

  @Test("a what-if shows the baseline and the roles that change")
  func whatIf() throws {
    let scenario = Scenario(excluded: ["P2"])
    let changed = GapReportContent.analyse(
      TeamFixture.organization, horizon: TeamFixture.horizon, scenario: scenario)
    let markdown = GapReportMarkdown.render(changed)
    #expect(markdown.contains("- Ann Ødegaard (P2) has left"))
    #expect(markdown.contains("- Coverage: 73.9 % → 47.8 %"))
    #expect(
      markdown.contains("| Month-end close (`close`) | 2 → 1 | 0 → 3 | 2026-11-30 to 2026-12-02 |"))
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(GapReportJSON.render(changed).utf8))
        as? [String: Any])
    let whatIf = try #require(object["whatIf"] as? [String: Any])
    #expect(whatIf["excluded"] as? [String] == ["P2"])
    let changes = try #require(whatIf["changes"] as? [[String: Any]])
    #expect(changes.map { $0["role"] as? String } == ["close"])
  }

  @Test("rendering twice gives identical bytes")
  func deterministic() {
    let first = GapReportJSON.render(content)
    let second = GapReportJSON.render(TeamFixture.content)
    #expect(first == second)
  }

  @Test(
    "numbers print the same everywhere",
    arguments: [(72.093_023, 1, "72.1"), (0.5, 4, "0.5"), (3, 2, "3"), (-1.25, 1, "-1.3")])
  func decimals(value: Double, places: Int, expected: String) {
    #expect(formatDecimal(value, places: places) == expected)
  }

  @Test(
    "JSON numbers: whole numbers as digits, others to four decimals, non-finite as null",
    arguments: [
      (0.0, "0"), (-0.0, "0"), (7, "7"), (-7, "-7"), (9, "9"), (10, "10"), (99, "99"),
      (100, "100"), (-1000, "-1000"), (123_456_789, "123456789"),
      (999_999_999_999_999, "999999999999999"), (-999_999_999_999_999, "-999999999999999"),
      (1e15, "1000000000000000.0"), (0.5, "0.5"), (-2.25, "-2.25"), (1.0 / 3, "0.3333"),
      (.nan, "null"), (.infinity, "null"),
    ] as [(Double, String)])
  func numbers(value: Double, expected: String) {
    #expect(JSONValue.array([.number(value)]).rendered() == "[\(expected)]\n")
    #expect(
      Array(JSONValue.number(value).renderedParts().joined()) == Array((expected + "\n").utf8))
  }

  @Test(
    "an array written on two threads gives the bytes of the same array written in place",
    arguments: [0, 1, 2, 3, 8])
  func writtenAtOnce(count: Int) {
    func item(_ index: Int) -> JSONValue {
      index % 3 == 2
        ? .array([.number(Double(index)), .object([])])
        : .object([("id", .string("E\(index)")), ("levels", .array([.number(1), .number(2)]))])
    }
    let items = (0..<count).map(item)
    for depth in 0..<3 {
      func nested(_ value: JSONValue) -> JSONValue {
        (0..<depth).reduce(value) { inner, _ in .object([("a", .null), ("b", inner)]) }
      }
      #expect(
        nested(.writtenAtOnce(count: count, depth: depth, item: item)).rendered()
          == nested(.array(items)).rendered())
    }
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
    let folder = try TemporaryFolder(prefix: "understudy-atomic").url
    let target = folder.appendingPathComponent("report.md").path
    try AtomicFile.write("old", to: target)
    try AtomicFile.write("new", to: target)
    #expect(try String(contentsOfFile: target, encoding: .utf8) == "new")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.md"])
  }

  @Test("a report in parts is written as the parts one after another, to a file or a device")
  func parts() throws {
    let folder = try TemporaryFolder(prefix: "understudy-atomic").url
    let target = folder.appendingPathComponent("report.json").path
    try AtomicFile.write(parts: [Array("{\"a\"".utf8), [], Array(": 1}\n".utf8)], to: target)
    #expect(try String(contentsOfFile: target, encoding: .utf8) == "{\"a\": 1}\n")
    try AtomicFile.write(parts: [Array("x".utf8), Array("y".utf8)], to: "/dev/null")
  }

  @Test("a missing folder is a write error naming it")
  func missingFolder() throws {
    let error = try #require(throws: AtomicFile.WriteError.self) {
      try AtomicFile.write("x", to: "/nonexistent-understudy/report.md")
    }
    #expect(
      error.description
        == "/nonexistent-understudy/report.md: error: cannot write output: "
        + "folder '/nonexistent-understudy' does not exist")
  }
}

@Suite("Writing to special files and through links")
struct AtomicFileTargetTests {
  func folder() throws -> URL { try TemporaryFolder(prefix: "understudy-atomic").url }

  @Test("/dev/null stays a device: special files are written to, never replaced")
  func deviceStaysDevice() throws {
    try AtomicFile.write("report", to: "/dev/null")
    let attributes = try FileManager.default.attributesOfItem(atPath: "/dev/null")
    #expect(attributes[.type] as? FileAttributeType == .typeCharacterSpecial)
  }

  @Test("a symbolic link is followed: the file it names is replaced, the link stays")
  func followsLinks() throws {
    let folder = try folder()
    let real = folder.appendingPathComponent("real.md")
    let link = folder.appendingPathComponent("link.md")
    try "old".write(to: real, atomically: true, encoding: .utf8)
    try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
    try AtomicFile.write("new", to: link.path)
    #expect(try String(contentsOf: real, encoding: .utf8) == "new")
    let type = try FileManager.default.attributesOfItem(atPath: link.path)[.type]
    #expect(type as? FileAttributeType == .typeSymbolicLink)
  }

  @Test("an existing file keeps its permissions; a new one gets the mode asked for")
  func keepsPermissions() throws {
    let folder = try folder()
    let existing = folder.appendingPathComponent("private.md").path
    try AtomicFile.write("v1", to: existing, permissions: 0o600)
    try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: existing)
    try AtomicFile.write("v2", to: existing)
    let mode = try FileManager.default.attributesOfItem(atPath: existing)[.posixPermissions]
    #expect((mode as? NSNumber)?.intValue == 0o640)
    let fresh = folder.appendingPathComponent("salt").path
    try AtomicFile.write("s", to: fresh, permissions: 0o600)
    let freshMode = try FileManager.default.attributesOfItem(atPath: fresh)[.posixPermissions]
    #expect((freshMode as? NSNumber)?.intValue == 0o600)
  }
}
