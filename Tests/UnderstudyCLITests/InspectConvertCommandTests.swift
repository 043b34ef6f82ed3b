import Foundation
import TestSupport
import Testing

@Suite("inspect and convert from the command line", .serialized)
struct InspectConvertCommandTests {
  static let fixtures = "Tests/HRImportTests/Fixtures/"

  /// The JSON report up to its data sources, which name the files and so differ by design.
  static func figures(_ json: String) -> Substring {
    json[..<(json.range(of: "  \"sources\": [")?.lowerBound ?? json.endIndex)]
  }

  @Test(
    "inspect, then analyze with the unedited draft",
    arguments: [
      ("inspect-employees.xml", "E100"), ("inspect-oracle-like.xml", "300100"),
      ("inspect-odata-inside.xml", "u1"), ("inspect-odata-beside.xml", "1"),
    ])
  func inspectThenAnalyze(file: String, boss: String) throws {
    let folder = try TemporaryFolder()
    let export = CLIRunner.path(Self.fixtures + file)
    let printed = try CLIRunner.run(["inspect", export])
    #expect(printed.status == 0, "\(printed.stderr)")
    #expect(printed.stdout.contains("Repeated elements:\n"))
    #expect(printed.stdout.contains("Drafted mapping file:\n\n<?xml version=\"1.0\""))
    let draft = folder.file("draft.xml")
    let written = try CLIRunner.run(["inspect", export, "--output", draft])
    #expect(written.status == 0)
    #expect(try String(contentsOfFile: draft, encoding: .utf8).hasPrefix("<?xml"))
    let skill = file.contains("oracle") ? "Treasury" : "Payroll"
    let roles = folder.file("roles.xml")
    try """
    <organization xmlns="urn:understudy:org:1">
      <roles>
        <role id="lead" criticality="critical">
          <requires skill="\(skill)" level="3"/>
          <incumbent person="\(boss)"/>
        </role>
      </roles>
    </organization>
    """.write(toFile: roles, atomically: true, encoding: .utf8)
    let analyzed = try CLIRunner.run([
      "analyze", "--mapping", draft, export, roles, "--format", "json",
    ])
    #expect(analyzed.status == 0, "\(analyzed.stderr)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(analyzed.stdout.utf8)) as? [String: Any])
    let summary = try #require(object["summary"] as? [String: Any])
    #expect(summary["people"] as? Int == 3)
    let role = try #require((object["roles"] as? [[String: Any]])?.first)
    #expect(role["depth"] as? Int == 1)
    #expect(role["qualified"] as? [String] == [boss])
  }

  @Test("inspect of a missing file exits 66, of a DOCTYPE 65")
  func inspectErrors() throws {
    let missing = try CLIRunner.run(["inspect", "no-such-file.xml"])
    #expect(missing.status == 66)
    let doctype = try CLIRunner.run(["inspect", Self.fixtures + "billion-laughs.xml"])
    #expect(doctype.status == 65)
    #expect(doctype.stderr.contains("error: DOCTYPE declarations are not accepted"))
    #expect(doctype.stdout.isEmpty)
  }

  @Test(
    "convert, then analyze the converted file: the same report, byte for byte",
    arguments: [
      [
        "samples/vendor-demo/harborline-workday.xml",
        "samples/vendor-demo/harborline-planning.xml", "samples/harborline-roles.xml",
      ],
      ["samples/harborline-hr-export.xml", "samples/harborline-roles.xml"],
    ])
  func convertThenAnalyze(inputs: [String]) throws {
    let folder = try TemporaryFolder()
    let converted = folder.file("org.xml")
    let convert = try CLIRunner.run(["convert"] + inputs + ["--output", converted])
    #expect(convert.status == 0, "\(convert.stderr)")
    #expect(convert.stderr.contains("understudy: wrote \(converted): 60 people, "))
    let validate = try CLIRunner.run(["validate", converted])
    #expect(validate.status == 0, "\(validate.stderr)")
    let original = try CLIRunner.run(["analyze"] + inputs + ["--format", "json"])
    let again = try CLIRunner.run(["analyze", converted, "--format", "json"])
    #expect(original.status == 0 && again.status == 0)
    #expect(Self.figures(original.stdout).count > 1_000)
    #expect(Self.figures(original.stdout) == Self.figures(again.stdout))
  }

  @Test("convert keeps derived roles derived")
  func convertDerived() throws {
    let folder = try TemporaryFolder()
    let converted = folder.file("org.xml")
    let inputs = [Self.fixtures + "workday-page1.xml", Self.fixtures + "workday-page2.xml"]
    let convert = try CLIRunner.run(
      ["convert"] + inputs + ["--output", converted, "--derive-roles"])
    #expect(convert.status == 0, "\(convert.stderr)")
    #expect(try String(contentsOfFile: converted, encoding: .utf8).contains(" derived=\"true\""))
    let original = try CLIRunner.run(["analyze"] + inputs + ["--derive-roles", "--format", "json"])
    let again = try CLIRunner.run(["analyze", converted, "--format", "json"])
    #expect(Self.figures(original.stdout) == Self.figures(again.stdout))
  }

  @Test("convert refuses to overwrite one of its inputs, before reading anything")
  func convertOntoInput() throws {
    let outcome = try CLIRunner.run([
      "convert", "samples/harborline-hr-export.xml", "--output",
      "./samples/harborline-hr-export.xml",
    ])
    #expect(outcome.status == 64)
    #expect(outcome.stderr.contains("writing there would destroy it"))
  }

  @Test("convert keeps an export without roles: a warning says so, the file is written")
  func convertWithoutRoles() throws {
    let folder = try TemporaryFolder()
    let converted = folder.file("people.xml")
    let outcome = try CLIRunner.run([
      "convert", "samples/harborline-hr-export.xml", "--output", converted, "--quiet",
    ])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(outcome.stderr.contains("warning: no roles"))
    #expect(outcome.stderr.contains("wrote \(converted): 60 people, 36 skills, 0 roles"))
    let again = try CLIRunner.run(["validate", converted])
    #expect(again.status == 0, "\(again.stderr)")
  }
}
