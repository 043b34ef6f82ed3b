import Foundation
import TestSupport
import Testing

@Suite("Usage errors that say what is wrong, in one style, before any work", .serialized)
struct UsageErrorTests {
  let samples = ["samples/harborline-hr-export.xml", "samples/harborline-roles.xml"]

  /// The first line of stderr: the error itself, before the usage lines the parser adds.
  private func firstLine(_ arguments: [String]) throws -> (status: Int32, line: String) {
    let outcome = try CLIRunner.run(arguments)
    #expect(outcome.stdout.isEmpty)
    return (outcome.status, outcome.stderr.split(separator: "\n").first.map(String.init) ?? "")
  }

  @Test(
    "a negative number is refused as such, not read as a flag",
    arguments: [
      (["analyze", "--weeks", "-3"], "understudy: error: --weeks must be positive, not -3"),
      (
        ["analyze", "--absence-rate", "-0.1"],
        "understudy: error: --absence-rate must be positive or 0 (a daily probability from 0 "
          + "to 1), not -0.1"
      ),
      (
        ["analyze", "--skill-level-default", "-1"],
        "understudy: error: --skill-level-default must be positive or 0, not -1"
      ),
      (
        ["plan", "--checkin-minutes", "-30"],
        "understudy: error: --checkin-minutes must be positive, not -30"
      ),
      (
        ["plan", "--mentor-min-level", "-2"],
        "understudy: error: --mentor-min-level must be positive or 0, not -2"
      ),
      (
        ["analyze", "--min-group", "-1"], "understudy: error: --min-group must be positive, not -1"
      ),
      (["analyze", "--weeks", "600"], "understudy: error: --weeks must be at most 520, not 600"),
    ])
  func negative(options: [String], expected: String) throws {
    let (status, line) = try firstLine([options[0]] + samples + options.dropFirst())
    #expect(status == 64)
    #expect(line == expected)
  }

  @Test("generate refuses negative counts the same way")
  func generate() throws {
    let (status, line) = try firstLine(["generate", "--people", "-5"])
    #expect(status == 64)
    #expect(line == "understudy: error: --people must be positive, not -5")
  }

  @Test("--time-limit names the range it accepts", arguments: ["0", "-1", "3601"])
  func timeLimit(value: String) throws {
    let (status, line) = try firstLine(["plan"] + samples + ["--time-limit", value])
    #expect(status == 64)
    #expect(
      line == "understudy: error: --time-limit must be more than 0 and at most 3600 seconds, not "
        + value)
  }

  @Test("a reversed --absent range says that it ends before it starts")
  func reversedRange() throws {
    let (status, line) = try firstLine(
      ["analyze"] + samples + ["--absent", "HL044:2026-03-10..2026-03-01"])
    #expect(status == 64)
    #expect(
      line == "understudy: error: --absent HL044:2026-03-10..2026-03-01: the range ends "
        + "(2026-03-01) before it starts (2026-03-10)")
  }

  @Test("an unknown person id gets a did-you-mean, per option")
  func unknownPerson() throws {
    let outcome = try CLIRunner.run(
      ["analyze"] + samples + ["--absent", "HL44", "--exclude-person", "hl045", "--quiet"])
    #expect(outcome.status == 64)
    #expect(outcome.stdout.isEmpty)
    #expect(
      outcome.stderr.hasSuffix(
        """
        understudy: error: --absent names unknown person 'HL44' (did you mean 'HL044'?)
        understudy: error: --exclude-person names unknown person 'hl045' (did you mean 'HL045' \
        or 'HL005'?)

        """))
  }

  @Test("the parser's own errors carry the same prefix")
  func parserErrors() throws {
    let (status, line) = try firstLine(["analyze"] + samples + ["--format", "yaml"])
    #expect(status == 64)
    #expect(line.hasPrefix("understudy: error: "))
  }

  @Test("an output that is an input, or two outputs that are one file: 64 before any import")
  func outputPaths() throws {
    let folder = try TemporaryFolder(prefix: "understudy-cli")
    let roles = folder.file("roles.xml")
    try FileManager.default.copyItem(atPath: CLIRunner.path(samples[1]), toPath: roles)
    let before = try String(contentsOfFile: roles, encoding: .utf8)
    // Through a symbolic link and a `..`: the same file all the same.
    let link = folder.file("link.xml")
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: roles)
    var (status, line) = try firstLine(
      [
        "analyze", samples[0], roles, "--output",
        folder.url.path + "/../" + folder.url.lastPathComponent + "/link.xml",
      ])
    #expect(status == 64)
    #expect(
      line == "understudy: error: --output '\(folder.url.path)/../\(folder.url.lastPathComponent)"
        + "/link.xml' is the input file '\(roles)'; writing there would destroy it")
    #expect(try String(contentsOfFile: roles, encoding: .utf8) == before)

    let report = folder.file("plan.md")
    (status, line) = try firstLine(
      ["plan"] + samples + ["--output", report, "--calendar", report])
    #expect(status == 64)
    #expect(
      line == "understudy: error: --output '\(report)' and --calendar '\(report)' are the same "
        + "file; give each its own path")
    #expect(!FileManager.default.fileExists(atPath: report))

    (status, line) = try firstLine(["plan"] + samples + ["--calendar", samples[0]])
    #expect(status == 64)
    #expect(
      line == "understudy: error: --calendar '\(samples[0])' is the input file '\(samples[0])'; "
        + "writing there would destroy it")
  }
}
