import Foundation
import Testing

@Suite("Progress on a terminal, and only there", .serialized)
struct ProgressTests {
  let samples = ["samples/harborline-hr-export.xml", "samples/harborline-roles.xml"]

  /// Runs the binary under `script`, which gives it a pseudo-terminal as stderr.
  func onTerminal(_ arguments: [String]) throws -> CLIRunner.Outcome {
    let command = ([CLIRunner.binary.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
    return try CLIRunner.run(
      executable: "/usr/bin/script", arguments: ["-qec", command, "/dev/null"])
  }

  @Test("with a terminal: records read and percent of each file, then the line is cleared")
  func terminal() throws {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else {
      Issue.record("util-linux 'script' is missing: cannot give the tool a terminal")
      return
    }
    let outcome = try onTerminal(
      ["plan"] + samples + ["--format", "json", "--output", "/dev/null"])
    #expect(outcome.status == 0)
    #expect(outcome.stdout.contains("reading samples/harborline-hr-export.xml: 96 records, 100 %"))
    #expect(outcome.stdout.contains("planning: "))
    #expect(outcome.stdout.contains(", bound "))
  }

  @Test("with --quiet, or without a terminal, nothing but the report and diagnostics")
  func quiet() throws {
    let piped = try CLIRunner.run(["plan"] + samples + ["--format", "json"])
    #expect(!piped.stderr.contains("reading "))
    #expect(!piped.stderr.contains("\u{1B}["))
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return }
    let quiet = try onTerminal(
      ["plan"] + samples + ["--quiet", "--format", "json", "--output", "/dev/null"])
    #expect(quiet.status == 0)
    #expect(!quiet.stdout.contains("reading "))
    #expect(!quiet.stdout.contains("planning: "))
  }
}
