import Foundation
import Testing

@Suite("understudy generate") struct GenerateCommandTests {
  @Test("the same options give the same bytes; --as-of moves the date and the calendar")
  func deterministic() throws {
    let arguments = ["generate", "--people", "120", "--seed", "4"]
    let first = try CLIRunner.run(arguments)
    let second = try CLIRunner.run(arguments)
    #expect(first.status == 0 && first.stderr.isEmpty)
    #expect(first.stdout == second.stdout)
    #expect(first.stdout.contains("asOf=\"2025-01-06\""))
    #expect(first.stdout.contains("<absence from=\"2025-"))
    #expect(first.stdout.contains("leaves=\"2025-"))
    #expect(!first.stdout.contains("name=\"Person "))

    let later = try CLIRunner.run(arguments + ["--as-of", "2026-11-30"])
    #expect(later.status == 0)
    #expect(later.stdout.contains("asOf=\"2026-11-30\""))
    #expect(later.stdout.contains("<absence from=\"2026-12-"))
    #expect(!later.stdout.contains("2025-"))
  }

  @Test("--plain writes the numbered organization without a calendar")
  func plain() throws {
    let outcome = try CLIRunner.run(["generate", "--people", "120", "--seed", "4", "--plain"])
    #expect(outcome.status == 0)
    #expect(outcome.stdout.contains("name=\"Person 00001\""))
    #expect(!outcome.stdout.contains("<absence"))
    #expect(!outcome.stdout.contains("leaves="))
  }

  @Test("--as-of refuses what is not a date")
  func badDate() throws {
    let outcome = try CLIRunner.run(["generate", "--people", "5", "--as-of", "yesterday"])
    #expect(outcome.status == 64)
    #expect(
      outcome.stderr.hasPrefix(
        "understudy: error: The value 'yesterday' is invalid for '--as-of <date>'"))
  }
}
