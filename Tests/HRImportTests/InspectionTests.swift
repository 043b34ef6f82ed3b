import Foundation
import HRImport
import SkillsGraph
import TestSupport
import Testing

@Suite("Inspecting exports no profile reads, and the mapping drafted for them")
struct InspectionTests {
  /// One hand-written export: its people's ids, the expected department, manager and levels.
  struct Export: Sendable, CustomStringConvertible {
    var file: String
    var select: String
    var ids: [String]
    var names: [String]
    var department: String
    var description: String { file }
  }

  static let exports = [
    Export(
      file: "inspect-employees.xml", select: "/Employees/Employee", ids: ["E100", "E101", "E102"],
      names: ["Ada Moreau", "Bruno Keller", "Chloé Duval"], department: "Finance"),
    Export(
      file: "inspect-odata-inside.xml", select: "/atom:feed/atom:entry", ids: ["u1", "u2", "u3"],
      names: ["Ada Moreau", "Bruno Keller", "Chloé Duval"], department: "Finance"),
    Export(
      file: "inspect-odata-beside.xml", select: "/atom:feed/atom:entry", ids: ["1", "2", "3"],
      names: ["Ada Moreau", "Bruno Keller", "Chloé Duval"], department: "Finance"),
  ]

  /// Writes the unedited draft for a fixture and returns its path.
  static func draft(_ file: String, in folder: TemporaryFolder) throws -> (MappingDraft, String) {
    let structure = try XMLStructure.read(path: Fixtures.path(file))
    let draft = try #require(MappingDraft(structure))
    let path = folder.file("draft.xml")
    try draft.text.write(toFile: path, atomically: true, encoding: .utf8)
    return (draft, path)
  }

  @Test("the unedited draft reads the people, managers and levels", arguments: exports)
  func draftReadsPeople(export: Export) throws {
    let folder = try TemporaryFolder()
    let (draft, mapping) = try Self.draft(export.file, in: folder)
    #expect(draft.personSelect == export.select)
    let result = try Vendor.load([export.file], options: Vendor.options(mapping: mapping))
    #expect(result.organization.people.map(\.id.rawValue) == export.ids)
    #expect(result.organization.people.map(\.name) == export.names)
    #expect(result.organization.people.allSatisfy { $0.department == export.department })
    let boss = export.ids[0]
    #expect(result.organization.people.map { $0.manager?.rawValue } == [nil, boss, boss])
    // 1–5 ratings on the 0–4 scale (docs/hr-exports.md): 5 → 4, 4 → 3, 3 → 2, 2 → 2, 1 → 1.
    #expect(result.level(export.ids[0], "Payroll") == 4)
    #expect(result.level(export.ids[0], "Accounting") == 3)
    #expect(result.level(export.ids[1], "Payroll") == 2)
    #expect(result.level(export.ids[2], "Accounting") == 2)
    #expect(result.level(export.ids[2], "Payroll") == 1)
  }

  @Test("an Oracle-like extract: wrappers skipped, skills in attributes, approved absences only")
  func oracleLike() throws {
    let folder = try TemporaryFolder()
    let (draft, mapping) = try Self.draft("inspect-oracle-like.xml", in: folder)
    #expect(draft.personSelect == "/DATA_DS/G_1/FILE_FRAGMENT/WORKER")
    #expect(draft[person: "id"]?.xpath == "WORKER_NUMBER")
    #expect(draft[person: "manager"]?.xpath == "ASSIGNMENT/SUPERVISOR_NUMBER")
    #expect(draft[person: "email"]?.xpath == "WORK_EMAIL_ADDRESS")
    let skill = try #require(draft.sections.first { $0.element == "skill" })
    #expect(skill.select == "TALENT_PROFILE/COMPETENCY")
    #expect(skill.fields.map(\.xpath) == [".", "@code", "@rating"])
    let absence = try #require(draft.sections.first { $0.element == "absence" })
    #expect(absence.values.map(\.value) == ["APPROVED"])
    let result = try Vendor.load(
      ["inspect-oracle-like.xml"], options: Vendor.options(mapping: mapping))
    let kai = try #require(result.person("300100"))
    #expect(kai.name == "Kai Lund" && kai.department == "Treasury" && kai.manager == nil)
    #expect(kai.email == "kai.lund@example.com")
    #expect(kai.absences.map(\.from) == [Day(iso: "2027-01-04")].compactMap { $0 })
    #expect(result.person("300101")?.manager == "300100")
    #expect(result.level("300100", "Treasury") == 4)
    #expect(result.level("300100", "FX hedging") == 3)
    #expect(result.level("300102", "Treasury") == 1)
  }

  @Test("the draft declares exactly the prefixes its XPaths use, and claims the root")
  func prefixes() throws {
    let folder = try TemporaryFolder()
    let (inside, _) = try Self.draft("inspect-odata-inside.xml", in: folder)
    #expect(inside.namespaces.map(\.prefix) == ["atom", "m", "d"])
    #expect(
      inside.text.contains("<match root=\"feed\" namespace=\"http://www.w3.org/2005/Atom\"/>"))
    // Feed bookkeeping (atom:id, atom:title, links) is never taken for a person's data.
    #expect(inside[person: "id"]?.xpath == "atom:content/m:properties/d:UserId")
    #expect(inside[person: "position"] == nil)
    let (flat, _) = try Self.draft("inspect-employees.xml", in: folder)
    #expect(flat.namespaces.isEmpty)
    #expect(!flat.text.contains("<namespace"))
    #expect(flat[person: "name"]?.xpath == "concat(FirstName, ' ', LastName)")
  }

  @Test("the summary lists repeated elements with counts and fields with samples")
  func summary() throws {
    let structure = try XMLStructure.read(path: Fixtures.path("inspect-employees.xml"))
    let text = structure.summary(draft: MappingDraft(structure))
    #expect(text.contains("  /Employees/Employee  3 (up to 3 under one Employees)\n"))
    #expect(text.contains("  /Employees/Employee/Skills/Skill  5 (up to 2 under one Skills)\n"))
    #expect(
      text.contains(
        "    EmpNo      3/3  words or codes, all different: 'E100', 'E101', 'E102'  ← id\n"))
    #expect(
      text.contains("    ManagerNo  2/3  words or codes, 1 empty or null: 'E100'  ← manager\n"))
  }

  @Test("m:null and nested complex properties: null is no value, nesting is a path")
  func odataValues() throws {
    let structure = try XMLStructure.read(path: Fixtures.path("inspect-odata-beside.xml"))
    let region = try #require(structure.paths.firstIndex { $0.localName == "Region" })
    #expect(structure.paths[region].values.present == 0)
    #expect(structure.paths[region].values.empty == 3)
    #expect(
      structure.relativePath(to: region, from: structure.recordElement)
        == "m:properties/d:Address/d:Region")
  }

  @Test("a mapping reads an m:null element as absent even when it has text")
  func nullWithText() throws {
    let folder = try TemporaryFolder()
    let feed = folder.file("feed.xml")
    try """
    <feed xmlns="http://www.w3.org/2005/Atom"
          xmlns:m="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata"
          xmlns:d="http://schemas.microsoft.com/ado/2007/08/dataservices">
      <entry><m:properties><d:Id>a</d:Id><d:Boss m:null="true">stale</d:Boss></m:properties></entry>
      <entry><m:properties><d:Id>b</d:Id><d:Boss>a</d:Boss></m:properties></entry>
    </feed>
    """.write(toFile: feed, atomically: true, encoding: .utf8)
    let mapping = folder.file("mapping.xml")
    try """
    <mapping xmlns="urn:understudy:mapping:1">
      <namespace prefix="a" uri="http://www.w3.org/2005/Atom"/>
      <namespace prefix="m" uri="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata"/>
      <namespace prefix="d" uri="http://schemas.microsoft.com/ado/2007/08/dataservices"/>
      <match root="feed" namespace="http://www.w3.org/2005/Atom"/>
      <person select="/a:feed/a:entry" id="m:properties/d:Id" manager="m:properties/d:Boss"/>
    </mapping>
    """.write(toFile: mapping, atomically: true, encoding: .utf8)
    let result = try Importer.load(paths: [feed], options: Vendor.options(mapping: mapping))
    #expect(result.organization.people.map { $0.manager?.rawValue } == [nil, "a"])
  }

  @Test("work is bounded: paths past the cap are only counted")
  func boundedPaths() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("wide.xml")
    let count = XMLStructure.maximumPaths + 200
    let body = (0..<count).map { "<f\($0)>x</f\($0)>" }.joined()
    try "<r><row>\(body)</row><row/></r>".write(toFile: path, atomically: true, encoding: .utf8)
    let structure = try XMLStructure.read(path: path)
    #expect(structure.paths.count == XMLStructure.maximumPaths)
    #expect(structure.untrackedElements > 0)
    #expect(structure.isComplete)
  }

  @Test("a DOCTYPE is refused before anything is read")
  func doctype() throws {
    let structure = try XMLStructure.read(path: Fixtures.path("billion-laughs.xml"))
    #expect(!structure.isComplete)
    #expect(structure.diagnostics.first?.message.hasPrefix("DOCTYPE declarations") == true)
    #expect(MappingDraft(structure) == nil)
  }

  @Test("converting writes everything: a native file that reads back as the same organization")
  func convertRoundTrip() throws {
    let root = Vendor.packageRoot
    let inputs = [
      "samples/vendor-demo/harborline-workday.xml", "samples/vendor-demo/harborline-planning.xml",
      "samples/harborline-roles.xml",
    ].map { root.appendingPathComponent($0).path }
    let original = try Importer.load(paths: inputs).organization
    #expect(original.people.contains { $0.email != nil && $0.manager != nil })
    #expect(original.people.contains { !$0.absences.isEmpty })
    let reread = try NativeImporter.load(xml: NativeWriter.render(original)).organization
    #expect(reread == original)
    let derived = try Vendor.load(
      ["workday-page1.xml", "workday-page2.xml"], options: Vendor.options(derive: .critical))
    #expect(derived.organization.roles.contains { $0.isDerived })
    let again = try NativeImporter.load(xml: NativeWriter.render(derived.organization))
    #expect(again.organization == derived.organization)
  }
}
