import Foundation
import TestSupport
import Testing

@Suite("Vendor exports from the command line", .serialized)
struct VendorImportCommandTests {
  @Test("the Workday demo plus the roles file gives the native samples' figures")
  func workdayDemo() throws {
    let native = try CLIRunner.run([
      "analyze", "samples/harborline-hr-export.xml", "samples/harborline-roles.xml", "--format",
      "json",
    ])
    let workday = try CLIRunner.run([
      "analyze", "samples/vendor-demo/harborline-workday.xml",
      "samples/vendor-demo/harborline-planning.xml", "samples/harborline-roles.xml", "--format",
      "json",
    ])
    #expect(native.status == 0)
    #expect(workday.status == 0, "\(workday.stderr)")
    let a = try #require(
      try JSONSerialization.jsonObject(with: Data(native.stdout.utf8)) as? [String: Any])
    let b = try #require(
      try JSONSerialization.jsonObject(with: Data(workday.stdout.utf8)) as? [String: Any])
    #expect(
      JSONSerialization.isValidJSONObject(a["roles"] as Any)
        && (a["roles"] as? NSArray) == (b["roles"] as? NSArray))
    #expect((a["summary"] as? NSDictionary) == (b["summary"] as? NSDictionary))
    let sources = try #require(b["sources"] as? [[String: Any]])
    #expect(sources.map { $0["profile"] as? String } == ["workday", "native", "native"])
    let mapping = try #require(sources.first?["levelMapping"] as? [String])
    #expect(mapping.first?.hasPrefix("named levels: 'Proficient' → 3") == true)
  }

  @Test("files read at once or one by one (UNDERSTUDY_FILE_THREADS=1): the same bytes out")
  func filesAtOnceOrOneByOne() throws {
    let files = [
      "Tests/HRImportTests/Fixtures/workday-page1.xml",
      "Tests/HRImportTests/Fixtures/workday-page2.xml",
      "samples/vendor-demo/harborline-workday.xml", "samples/vendor-demo/harborline-planning.xml",
      "samples/harborline-roles.xml",
    ]
    for command in [["analyze", "--format", "json", "--derive-roles"], ["validate"]] {
      let arguments = [command[0]] + files + command.dropFirst()
      let atOnce = try CLIRunner.run(arguments)
      let oneByOne = try CLIRunner.run(
        executable: "/usr/bin/env",
        arguments: ["UNDERSTUDY_FILE_THREADS=1", CLIRunner.binary.path] + arguments)
      #expect(atOnce.status == 0)
      #expect(oneByOne.status == 0)
      #expect(!atOnce.stdout.isEmpty)
      #expect(atOnce.stdout == oneByOne.stdout)
      #expect(atOnce.stderr == oneByOne.stderr)
    }
  }

  @Test("derived roles are marked as such in Markdown and JSON")
  func derivedRoles() throws {
    let files = [
      "Tests/HRImportTests/Fixtures/workday-page1.xml",
      "Tests/HRImportTests/Fixtures/workday-page2.xml",
    ]
    let markdown = try CLIRunner.run(["analyze"] + files + ["--derive-roles"])
    #expect(markdown.status == 0)
    #expect(markdown.stdout.contains("Payroll Lead (`derived-JP-PAY`) *(derived)*"))
    let json = try CLIRunner.run(["analyze"] + files + ["--derive-roles", "--format", "json"])
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let roles = try #require(object["roles"] as? [[String: Any]])
    #expect(roles.map { $0["derived"] as? Bool } == [true])
  }

  @Test("understudy formats lists every profile")
  func formats() throws {
    let outcome = try CLIRunner.run(["formats"])
    #expect(outcome.status == 0)
    for profile in [
      "native", "workday", "successfactors", "bamboohr", "hrxml3", "hrxml2", "europass", "mapping",
    ] {
      #expect(outcome.stdout.contains("  \(profile) "))
    }
  }

  @Test("a file no profile recognises gets the command line's advice: its flags")
  func unknownFormatAdvice() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("mystery.xml")
    try "<?xml version=\"1.0\"?>\n<Staff xmlns=\"urn:example:staff\"><Member/></Staff>\n"
      .write(toFile: path, atomically: true, encoding: .utf8)
    let outcome = try CLIRunner.run(["validate", path])
    #expect(outcome.status == 65)
    let lines = outcome.stderr.split(separator: "\n").map(String.init)
    #expect(lines.first?.hasPrefix("\(path):2: error: cannot tell which HR system") == true)
    #expect(
      lines.dropFirst().first
        == "understudy: note: name the format with --profile NAME (or FILE=NAME), or give "
        + "--mapping FILE for an export no profile reads; 'understudy formats' lists the "
        + "profiles, and 'understudy inspect FILE' shows a file's structure and drafts a mapping")
  }
}
