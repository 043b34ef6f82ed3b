import Foundation
import HRImport
import SkillsGraph
import Testing

@Suite("Diagnostics a user can act on")
struct DiagnosticsTests {
  /// Runs the importer and returns every diagnostic line, with the fixture folder stripped.
  func diagnostics(_ names: String...) -> [String] {
    do {
      let result = try NativeImporter.load(paths: names.map(Fixtures.path))
      return result.warnings.map { strip($0.description) }
    } catch {
      switch error {
      case .invalidData(let list): return list.map { strip($0.description) }
      case .missingInput: return [strip(error.description)]
      }
    }
  }

  func strip(_ line: String) -> String {
    line.replacingOccurrences(of: Fixtures.folder.path + "/", with: "")
  }

  @Test("every error of a file is reported, each at the attribute to edit")
  func everyError() {
    #expect(
      diagnostics("every-error.xml") == [
        "every-error.xml:5:12: error: duplicate skill id 'payroll' (first defined on line 4)",
        "every-error.xml:8:32: error: unknown person 'E9' (did you mean 'E1' or 'E2'?)",
        "every-error.xml:9:14: error: unknown skill 'payrol' (did you mean 'payroll'?)",
        "every-error.xml:10:28: error: level 7 is outside the scale 0...4",
        "every-error.xml:12:13: warning: person 'E2' has no skills; they count only for roles that require none",
        "every-error.xml:12:21: error: Element 'person', attribute 'maxMentees': 'many' is not a "
          + "valid value of the atomic type 'Count'",
        "every-error.xml:13:34: error: absence ends (2027-01-03) before it starts (2027-01-10)",
        "every-error.xml:17:19: error: unknown criticality 'urgent' (expected 'critical', 'high', "
          + "'normal' or a positive number)",
        "every-error.xml:19:18: error: unknown person 'E3' (did you mean 'E1' or 'E2'?)",
      ])
  }

  @Test("malformed XML is located by libxml2's line and column")
  func malformed() {
    #expect(
      diagnostics("malformed.xml") == [
        "malformed.xml:4:12: error: Opening and ending tag mismatch: person line 3 and people",
        "malformed.xml:5:16: error: Opening and ending tag mismatch: people line 2 and organization",
        "malformed.xml:6:1: error: Premature end of data in tag organization line 1",
      ])
  }

  @Test("a schema violation names the element without namespace noise")
  func schemaViolation() {
    let lines = diagnostics("unexpected-element.xml")
    #expect(lines.count == 1)
    #expect(lines.first?.hasPrefix("unexpected-element.xml:4:5: error: Element 'persn'") == true)
  }

  @Test("warnings: a role nobody can do, an unqualified incumbent, an empty profile")
  func warnings() {
    #expect(
      diagnostics("warnings.xml") == [
        "warnings.xml:7:13: warning: person 'P1' has no skills; they count only for roles that require none",
        "warnings.xml:11:11: warning: role 'night-shift' has nobody qualified today",
        "warnings.xml:11:77: warning: incumbent 'P2' of role 'night-shift' does not meet its "
          + "requirements ('forklift' 1 < 3)",
      ])
  }

  @Test(
    "incumbents' levels read from the skill index say the same as each person's own levels",
    arguments: [1, 3])
  func incumbentsThroughTheIndex(roleCount: Int) throws {
    // One role: 6 incumbent lookups against 7 (person, skill) entries, so each person's own
    // levels are read; three roles: 18 lookups, so the index's table is.
    let roles = (1...roleCount).map { number in
      """
      <role id="r\(number)"><requires skill="forklift" level="3"/><requires skill="crane" level="1"/>\
      <requires skill="welding" level="1"/><incumbent person="P2"/><incumbent person="P3"/></role>
      """
    }
    let xml = """
      <?xml version="1.0"?>
      <organization xmlns="urn:understudy:org:1">
        <skills>
          <skill id="forklift"/><skill id="crane"/><skill id="welding"/><skill id="painting"/>
        </skills>
        <people>
          <person id="P2"><skill ref="forklift" level="1"/><skill ref="crane" level="2"/></person>
          <person id="P3"><skill ref="crane" level="1"/><skill ref="forklift" level="4"/></person>
          <person id="P4">
            <skill ref="forklift" level="3"/><skill ref="crane" level="1"/><skill ref="painting" level="2"/>
          </person>
        </people>
        <roles>\(roles.joined())</roles>
      </organization>
      """
    let warnings = try NativeImporter.load(xml: xml, name: "w.xml").warnings.map {
      $0.message
    }
    let expected = (1...roleCount).flatMap { number in
      [
        "role 'r\(number)' has nobody qualified today",
        "incumbent 'P2' of role 'r\(number)' does not meet its requirements "
          + "('forklift' 1 < 3, 'welding' 0 < 1)",
        "incumbent 'P3' of role 'r\(number)' does not meet its requirements ('welding' 0 < 1)",
      ]
    }
    #expect(warnings == expected)
  }

  @Test("a missing file is its own kind of failure, reported before any parsing")
  func missing() {
    #expect(
      diagnostics("malformed.xml", "no-such-file.xml") == [
        "no-such-file.xml: error: no such file"
      ])
  }

  @Test("at most 50 errors per file, then one line saying the rest were cut")
  func errorCap() throws {
    let people = (1...80).map {
      "<person id=\"P\($0)\"><skill ref=\"ghost\(1000 + $0)\" level=\"1\"/></person>"
    }
    let xml =
      "<organization xmlns=\"urn:understudy:org:1\"><people>\n"
      + people.joined(separator: "\n") + "\n</people></organization>\n"
    let error = try #require(throws: ImportError.self) {
      try NativeImporter.load(xml: xml, name: "many.xml")
    }
    guard case .invalidData(let list) = error else {
      Issue.record("expected invalid data, got \(error)")
      return
    }
    let errors = list.filter { $0.severity == .error }
    #expect(errors.count == 51)
    #expect(errors.last?.message == "too many errors; stopped reporting after 50")
  }

  @Test("schema errors past the cap are one 'too many errors', after the others, said once")
  func schemaErrorCapOnce() throws {
    // Sixty attributes the schema does not allow: the parser caps its own errors at 50, and
    // the importer, which caps again after the reference checks, must not add a second line.
    let people = (1...60).map { "<person id=\"P\($0)\" bogus=\"x\"/>" }
    let xml =
      "<organization xmlns=\"urn:understudy:org:1\"><people>\n"
      + people.joined(separator: "\n") + "\n</people></organization>\n"
    let error = try #require(throws: ImportError.self) {
      try NativeImporter.load(xml: xml, name: "bogus.xml")
    }
    guard case .invalidData(let list) = error else {
      Issue.record("expected invalid data, got \(error)")
      return
    }
    let errors = list.filter { $0.severity == .error }
    #expect(errors.count == 51)
    #expect(errors.filter { $0.message.hasPrefix("too many errors") }.count == 1)
    #expect(errors.last?.message == "too many errors; stopped reporting after 50")
  }

  @Test("a role that requires nothing is flagged, since everyone qualifies for it")
  func roleWithoutRequirements() throws {
    let xml = """
      <organization xmlns="urn:understudy:org:1"><skills><skill id="s"/></skills>
      <people><person id="P"><skill ref="s" level="1"/></person></people>
      <roles><role id="anything"><incumbent person="P"/></role></roles></organization>
      """
    let result = try NativeImporter.load(xml: xml, name: "open.xml")
    #expect(
      result.warnings.map(\.description) == [
        "open.xml:3:14: warning: role 'anything' requires no skill, so everyone counts as "
          + "qualified for it"
      ])
  }

  @Test("an empty file is an error at its first line")
  func emptyFile() throws {
    let error = try #require(throws: ImportError.self) {
      try NativeImporter.load(xml: "", name: "zero.xml")
    }
    #expect(error.description.hasPrefix("zero.xml:1:1: error: "))
  }

  @Test("a level above a custom scale is an error; within it, fine")
  func customScale() throws {
    let xml = """
      <organization xmlns="urn:understudy:org:1"><scale max="5"/>
      <skills><skill id="s"/></skills>
      <people><person id="P"><skill ref="s" level="5"/></person></people></organization>
      """
    let result = try NativeImporter.load(xml: xml)
    #expect(result.organization.scaleMax == 5)
    #expect(result.organization.people.first?.level("s") == 5)
  }
}
