import Foundation
import HRImport
import SkillsGraph
import TestSupport
import Testing

@Suite("No import passes while reading nothing")
struct NothingSilentTests {
  /// An Atom feed no profile reads as people: three entries the detector takes for
  /// SuccessFactors, none with an entity type.
  static let feed = """
    <?xml version="1.0"?>
    <feed xmlns="http://www.w3.org/2005/Atom">
      <title>Export</title>
      <entry><id>1</id><title>Ann</title></entry>
      <entry><id>2</id><title>Bo</title></entry>
      <entry><id>3</id><title>Cy</title></entry>
    </feed>
    """

  /// What the import says when it refuses `path` as bad data (a failed expectation otherwise).
  static func refusal(of path: String) throws -> [Diagnostic] {
    let error = try #require(throws: ImportError.self) { try Importer.load(paths: [path]) }
    guard case .invalidData(let diagnostics) = error else {
      Issue.record("expected invalid data, got \(error)")
      return []
    }
    return diagnostics
  }

  @Test("no people: an error saying what the file held and what was skipped, with counts")
  func noPeople() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("feed.xml")
    try Self.feed.write(toFile: path, atomically: true, encoding: .utf8)
    let diagnostics = try Self.refusal(of: path)
    #expect(
      diagnostics.map(\.description) == [
        "\(path):2: error: no people read from this file: root element 'feed' in namespace "
          + "'http://www.w3.org/2005/Atom', read as successfactors; it holds 'entry' ×3, "
          + "'title' ×1 under the root; skipped 3: entries without an entity type"
      ])
    #expect(diagnostics.first?.remedy == .nameProfileOrMapping)
  }

  @Test("a skills matrix with its header and no rows says so, and only so")
  func headerOnlySheet() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("matrix.csv")
    try "Name,Employee ID,SQL,Excel\n".write(toFile: path, atomically: true, encoding: .utf8)
    let diagnostics = try Self.refusal(of: path)
    // Not "no root element", and not "no sheet has a header row" beside the header it found.
    #expect(
      diagnostics.map(\.description) == [
        "\(path): error: no people read from this file: read as spreadsheet (csv); the file: "
          + "people × skills, header in row 1, 2 skill columns; the file has a header but no "
          + "rows below it"
      ])
    // No advice to name a profile or give a mapping: neither changes what a spreadsheet holds.
    #expect(diagnostics.first?.remedy == nil)
  }

  @Test("a native file with no people: the error names what it holds, with no remedy of formats")
  func nativeWithoutPeople() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("roles.xml")
    try """
    <organization xmlns="urn:understudy:org:1">
      <skills><skill id="tax"/></skills>
      <roles><role id="vat"><requires skill="tax" level="3"/></role></roles>
    </organization>
    """.write(toFile: path, atomically: true, encoding: .utf8)
    let diagnostics = try Self.refusal(of: path)
    #expect(
      diagnostics.filter { $0.severity == .error } == [
        Diagnostic(
          .error,
          "no people read from this file: root element 'organization' in namespace "
            + "'urn:understudy:org:1', read as native; it holds 'skills' ×1, 'roles' ×1 under "
            + "the root", at: SourceLocation(file: path, line: 1))
      ])
  }

  @Test(
    "no roles: an error or a warning as the caller asks, with the remedy to give roles",
    arguments: [Diagnostic.Severity.error, .warning])
  func noRoles(severity: Diagnostic.Severity) throws {
    var options = ImportOptions()
    options.missingRoles = severity
    let path = Fixtures.path("team-export.xml")
    let expected = Diagnostic(
      severity, "no roles: no input file defines a role; coverage needs roles to measure against",
      at: SourceLocation(file: path), remedy: .giveRoles)
    switch severity {
    case .error:
      let error = try #require(throws: ImportError.self) {
        try Importer.load(paths: [path], options: options)
      }
      guard case .invalidData(let diagnostics) = error else {
        Issue.record("expected invalid data, got \(error)")
        return
      }
      #expect(diagnostics.contains(expected))
    case .warning:
      let result = try Importer.load(paths: [path], options: options)
      #expect(result.warnings.contains(expected))
    }
  }

  @Test("no roles, and none could be derived: the message says derivation found nothing")
  func noRolesDerived() throws {
    var options = Vendor.options(derive: .critical)
    options.missingRoles = .error
    let errors = Vendor.errors(["team-workday.xml"], options: options)
    #expect(
      errors.contains(
        "team-workday.xml: error: no roles: no input file defines a role, and no position or "
          + "job profile is marked critical to derive one from; coverage needs roles to measure "
          + "against"))
  }

  @Test("no roles, as critical positions' incumbents share no skill: the message says so")
  func noSharedSkill() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("report.xml")
    let report = try String(contentsOfFile: Fixtures.path("workday-report.xml"), encoding: .utf8)
    try report.replacingOccurrences(of: "\"Proficient\"", with: "\"Beginner\"")
      .write(toFile: path, atomically: true, encoding: .utf8)
    var options = Vendor.options(derive: .critical, mapping: MappingTests.workday)
    options.missingRoles = .error
    let error = try #require(throws: ImportError.self) {
      try Importer.load(paths: [path], options: options)
    }
    guard case .invalidData(let diagnostics) = error else {
      Issue.record("expected invalid data, got \(error)")
      return
    }
    #expect(
      diagnostics.filter { $0.severity == .error }.map(\.description) == [
        "\(path): error: no roles: no input file defines a role, and the incumbents of the 1 "
          + "critical position or job profile found share no skill to derive one from; coverage "
          + "needs roles to measure against"
      ])
  }

  @Test("without the option, a library caller gets no finding about roles")
  func rolesNotAsked() throws {
    let result = try Importer.load(paths: [Fixtures.path("team-export.xml")])
    #expect(!result.warnings.contains { $0.remedy == .giveRoles })
  }

  @Test("a mapping that claims no input is an error, not ignored")
  func unusedMapping() throws {
    let errors = Vendor.errors(
      ["team-workday.xml"], options: Vendor.options(mapping: MappingTests.oracle))
    #expect(
      errors == [
        "\(MappingTests.oracle): error: the mapping file reads none of the inputs: it is for "
          + "files whose root element is 'DATA_DS'; 'team-workday.xml' has the root "
          + "'Envelope' and was detected as workday; correct the mapping's "
          + "<match root=\"…\"/>, or name the mapping profile for the files it describes"
      ])
  }

  @Test("a mapping without <match> applies to a file the detector recognised")
  func mappingWithoutMatch() throws {
    let folder = try TemporaryFolder()
    let mapping = folder.file("mapping.xml")
    let original = try String(contentsOfFile: MappingTests.oracle, encoding: .utf8)
    try original.replacingOccurrences(of: "<match root=\"DATA_DS\"/>", with: "")
      .write(toFile: mapping, atomically: true, encoding: .utf8)
    let result = try Vendor.load(["oracle-extract.xml"], options: Vendor.options(mapping: mapping))
    #expect(result.sources.first?.profile == "mapping")
    #expect(result.organization.people.map(\.id.rawValue) == ["300100", "300101"])
  }
}
