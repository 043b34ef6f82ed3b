import Foundation
import TestSupport
import Testing

@Suite("Skills matrices and the template from the command line", .serialized)
struct SpreadsheetCommandTests {
  static let export = "samples/harborline-hr-export.xml"
  static let roles = "samples/harborline-roles.xml"

  static func json(_ outcome: CLIRunner.Outcome) throws -> [String: Any] {
    try #require(
      try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
  }

  static func role(_ report: [String: Any], _ id: String) throws -> [String: Any] {
    let roles = try #require(report["roles"] as? [[String: Any]])
    return try #require(roles.first { $0["id"] as? String == id })
  }

  @Test("the template round trip: written, read back with no option, the same figures")
  func templateRoundTrip() throws {
    let folder = try TemporaryFolder()
    let matrix = folder.file("matrix.xlsx")
    let written = try CLIRunner.run(["template", Self.export, Self.roles, "--output", matrix])
    #expect(written.status == 0, "\(written.stderr)")
    #expect(written.stderr.hasSuffix("wrote \(matrix): 60 people × 27 skills\n"))
    let bytes = try Data(contentsOf: URL(fileURLWithPath: matrix))
    #expect(bytes.starts(with: Array("PK".utf8)))
    let before = try CLIRunner.run(["analyze", Self.export, Self.roles, "--format", "json"])
    let after = try CLIRunner.run([
      "analyze", Self.export, matrix, Self.roles, "--format", "json",
    ])
    #expect(after.status == 0, "\(after.stderr)")
    let a = try Self.json(before)
    let b = try Self.json(after)
    #expect((a["summary"] as? NSDictionary) == (b["summary"] as? NSDictionary))
    let sources = try #require(b["sources"] as? [[String: Any]])
    #expect(sources.map { $0["profile"] as? String } == ["native", "spreadsheet (xlsx)", "native"])
  }

  @Test("the sample skills matrix raises two people to their roles' levels")
  func sampleMatrix() throws {
    let outcome = try CLIRunner.run([
      "analyze", Self.export, "samples/harborline-skills-matrix.xlsx", Self.roles, "--format",
      "json",
    ])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let report = try Self.json(outcome)
    #expect(try Self.role(report, "payroll-run")["qualified"] as? [String] == ["HL044", "HL045"])
    #expect(
      try Self.role(report, "month-end-close")["qualified"] as? [String] == [
        "HL040", "HL041", "HL043",
      ])
  }

  @Test("the template's output must be an .xlsx file that is not an input")
  func templateUsage() throws {
    let wrongKind = try CLIRunner.run(["template", Self.export, "--output", "matrix.csv"])
    #expect(wrongKind.status == 64)
    #expect(wrongKind.stderr.contains("--output must name an .xlsx file, such as matrix.xlsx"))
  }

  @Test("a template from the export alone lists every skill: no roles needed")
  func templateWithoutRoles() throws {
    let folder = try TemporaryFolder()
    let matrix = folder.file("all-skills.xlsx")
    let outcome = try CLIRunner.run(["template", Self.export, "--output", matrix, "--quiet"])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(outcome.stderr.contains("wrote \(matrix): 60 people × 36 skills"))
    #expect(!outcome.stderr.contains("no roles"))
  }

  @Test("the template refuses to overwrite an input, whatever its name")
  func templateOntoInput() throws {
    let folder = try TemporaryFolder()
    let copy = folder.file("export.xlsx")
    try FileManager.default.copyItem(atPath: CLIRunner.path(Self.export), toPath: copy)
    let outcome = try CLIRunner.run(["template", copy, "--output", copy])
    #expect(outcome.status == 64)
    #expect(outcome.stderr.contains("writing there would destroy it"))
  }
}
