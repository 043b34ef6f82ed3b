import Foundation
import Pseudonyms
import SkillsGraph
import TestSupport
import Testing

@Suite("Workshop mode never changes the plan", .serialized)
struct WorkshopPlanCommandTests {
  static let fixture = "Tests/UnderstudyCLITests/Fixtures/month-end.xml"

  /// The plan's pairs as (mentor, mentee, skill, levels, weeks) lines, people mapped by `rename`.
  static func pairs(_ json: String, _ rename: (String) -> String) throws -> [String] {
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let pairs = try #require(object["pairs"] as? [[String: Any]])
    return pairs.map { pair in
      let field = { (key: String) in pair[key].map { "\($0)" } ?? "?" }
      return [
        rename(field("mentor")), rename(field("mentee")), field("skill"), field("fromLevel"),
        field("toLevel"), field("startWeek"), field("endWeek"),
      ].joined(separator: " ")
    }
  }

  /// Dario and Edda differ only in their ids; salt "one" orders their pseudonyms the other way
  /// round, which used to swap who learns what (see the Pseudonyms tests).
  @Test("plans with and without --pseudonymize, and with two salts, are the same pairs")
  func samePairs() throws {
    let plain = try CLIRunner.run(["plan", CLIRunner.path(Self.fixture), "--format", "json"])
    #expect(plain.status == 0, "\(plain.stderr)")
    let expected = try Self.pairs(plain.stdout) { $0 }
    // Alma mentors both; her vacation (weeks 4 and 5) moves both ends to week 6.
    #expect(expected == ["E11 E14 close 1 3 1 6", "E11 E15 ledger 1 3 1 6"])
    for salt in ["one", "two"] {
      let workshop = try CLIRunner.run([
        "plan", CLIRunner.path(Self.fixture), "--format", "json", "--pseudonymize", "--salt", salt,
      ])
      #expect(workshop.status == 0, "\(workshop.stderr)")
      let pseudonyms = Pseudonymization(for: MonthEnd.organization, salt: salt)
      let back = Dictionary(
        pseudonyms.pseudonyms.map { ($1.rawValue, $0.rawValue) }, uniquingKeysWith: { a, _ in a })
      #expect(try Self.pairs(workshop.stdout) { back[$0] ?? "unknown \($0)" } == expected)
    }
  }

  @Test("the samples' plan is the same pairs with and without --pseudonymize")
  func samplesSamePairs() throws {
    let samples = ["samples/harborline-hr-export.xml", "samples/harborline-roles.xml"].map(
      CLIRunner.path)
    let plain = try CLIRunner.run(["plan"] + samples + ["--format", "json"])
    #expect(plain.status == 0, "\(plain.stderr)")
    let expected = try Self.pairs(plain.stdout) { $0 }
    #expect(!expected.isEmpty)
    let workshop = try CLIRunner.run(
      ["plan"] + samples + ["--format", "json", "--pseudonymize", "--salt", "one"])
    #expect(workshop.status == 0, "\(workshop.stderr)")
    // The pseudonyms of the people the samples define, computed as the command does.
    let text = try String(contentsOfFile: samples[0], encoding: .utf8)
    let ids = text.components(separatedBy: "<person id=\"").dropFirst().compactMap {
      $0.split(separator: "\"", maxSplits: 1).first.map { PersonID(String($0)) }
    }
    let pseudonyms = Pseudonymization(
      for: Organization(people: ids.map { Person(id: $0) }), salt: "one")
    let back = Dictionary(
      pseudonyms.pseudonyms.map { ($1.rawValue, $0.rawValue) }, uniquingKeysWith: { a, _ in a })
    #expect(try Self.pairs(workshop.stdout) { back[$0] ?? "unknown \($0)" } == expected)
  }
}
