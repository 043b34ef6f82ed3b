import Foundation
import TestSupport
import Testing

@Suite("Workshop mode and the spreadsheet and calendar outputs", .serialized)
struct WorkshopModeTests {
  let samples = ["samples/harborline-hr-export.xml", "samples/harborline-roles.xml"]

  /// Every person id, name, e-mail and manager id the samples contain.
  func identifyingStrings() throws -> [String] {
    let text = try String(
      contentsOfFile: CLIRunner.path("samples/harborline-hr-export.xml"), encoding: .utf8)
    var found: Set<String> = []
    for attribute in ["id", "name", "manager", "email"] {
      let pattern = try NSRegularExpression(pattern: "<person[^>]* \(attribute)=\"([^\"]+)\"")
      for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
        if let range = Range(match.range(at: 1), in: text) { found.insert(String(text[range])) }
      }
    }
    // Names are also checked word by word (a surname alone gives a person away), except words
    // too short or too common to identify anyone.
    for name in Array(found) where name.contains(" ") {
      for word in name.split(separator: " ") where word.count >= 4 { found.insert(String(word)) }
    }
    return found.sorted()
  }

  @Test("no input name, id, e-mail or manager id appears in any output format")
  func pseudonymity() throws {
    let folder = try TemporaryFolder(prefix: "understudy-cli").url
    var outputs: [String] = []
    for command in ["analyze", "plan"] {
      for format in ["markdown", "json", "csv", "html"] {
        let path = folder.appendingPathComponent("\(command).\(format)").path
        var arguments =
          [command] + samples + [
            "--pseudonymize", "--salt", "workshop", "--format", format, "--output", path,
          ]
        if command == "plan" && format == "markdown" {
          arguments += ["--calendar", folder.appendingPathComponent("checkins.ics").path]
        }
        let outcome = try CLIRunner.run(arguments)
        #expect(outcome.status == 0, "\(command) \(format): \(outcome.stderr)")
        outputs.append(outcome.stdout + outcome.stderr)
      }
    }
    for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
      outputs.append(try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8))
    }
    let everything = outputs.joined(separator: "\n")
    #expect(everything.contains("Person "))
    let leaks = try identifyingStrings().filter { everything.contains($0) }
    #expect(leaks.isEmpty, "identifying strings in the output: \(leaks)")
  }

  @Test("the same salt gives the same pseudonyms; a salt file is created and reused")
  func stableSalt() throws {
    let folder = try TemporaryFolder(prefix: "understudy-cli").url
    let saltFile = folder.appendingPathComponent("salt.txt").path
    let first = try CLIRunner.run(
      ["analyze"] + samples + ["--pseudonymize", "--salt-file", saltFile, "--format", "json"])
    let second = try CLIRunner.run(
      ["analyze"] + samples + ["--pseudonymize", "--salt-file", saltFile, "--format", "json"])
    #expect(first.status == 0)
    #expect(first.stdout == second.stdout)
    #expect(FileManager.default.fileExists(atPath: saltFile))
    let other = try CLIRunner.run(
      ["analyze"] + samples + ["--pseudonymize", "--salt", "other", "--format", "json"])
    #expect(other.stdout != first.stdout)
  }

  @Test("workshop mode hides counts of fewer than three people, and what would give them away")
  func minimumGroup() throws {
    let outcome = try CLIRunner.run(["analyze"] + samples + ["--pseudonymize", "--salt", "s"])
    #expect(outcome.status == 0)
    // Depth 1 is hidden; so is the gap, since target − gap would be the depth.
    #expect(
      outcome.stdout.contains(
        "| Payroll run (`payroll-run`) | 3 | fewer than 3 | 3 | – | fewer than 3 people |"))
    // The sick-day risk (230 · 0.03^depth) would give the depth away too.
    #expect(
      outcome.stdout.contains("| Payroll run (`payroll-run`) | fewer than 3 | fewer than 3 | – |"))
  }

  @Test("--pseudonymize without a salt is a usage error")
  func needsSalt() throws {
    let outcome = try CLIRunner.run(["analyze"] + samples + ["--pseudonymize"])
    #expect(outcome.status == 64)
    #expect(outcome.stderr.contains("--pseudonymize needs --salt"))
  }

  @Test("CSV of the plan has one row per pair, the calendar one event per check-in")
  func csvAndCalendar() throws {
    let folder = try TemporaryFolder(prefix: "understudy-cli").url
    let calendar = folder.appendingPathComponent("checkins.ics").path
    let json = try CLIRunner.run(["plan"] + samples + ["--format", "json", "--calendar", calendar])
    #expect(json.status == 0)
    let plan = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let pairs = try #require(plan["pairs"] as? [[String: Any]])
    let checkIns = pairs.reduce(0) { $0 + (($1["checkInWeeks"] as? [Int])?.count ?? 0) }
    let ics = try String(contentsOfFile: calendar, encoding: .utf8)
    #expect(ics.components(separatedBy: "BEGIN:VEVENT").count - 1 == checkIns)
    let csv = try CLIRunner.run(["plan"] + samples + ["--format", "csv"])
    #expect(csv.status == 0)
    #expect(
      csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == pairs.count + 1)
  }
}
