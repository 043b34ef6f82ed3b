import Foundation
import HRImport
import SkillsGraph
import Testing

/// The same organization written as a Workday export (by `Benchmarks/import/workday_export.py
/// convert`) plus the manager's roles file gives the same analysis as the native file.
@Suite("A Workday export plus a roles file equals the native file")
struct EquivalenceTests {
  @Test("the six-person team: same coverage, same people, same levels")
  func team() throws {
    let native = try NativeImporter.load(paths: [
      Fixtures.path("team-export.xml"), Fixtures.path("team-roles.xml"),
    ])
    let workday = try Vendor.load(["team-workday.xml", "team-roles.xml"])
    #expect(CoverageAnalysis(workday.organization) == CoverageAnalysis(native.organization))
    for person in native.organization.people {
      let imported = try #require(workday.person(person.id.rawValue))
      #expect(imported.levels == person.levels)
      #expect(imported.manager == person.manager)
      #expect(imported.department == person.department)
      #expect(imported.absences == person.absences)
    }
    #expect(workday.organization.roles == native.organization.roles)
  }

  @Test("the Harborline sample of the README: the Workday demo gives the native report's figures")
  func harborline() throws {
    let root = Vendor.packageRoot
    let native = try NativeImporter.load(paths: [
      root.appendingPathComponent("samples/harborline-hr-export.xml").path,
      root.appendingPathComponent("samples/harborline-roles.xml").path,
    ]).organization
    let workday = try Importer.load(
      paths: [
        root.appendingPathComponent("samples/vendor-demo/harborline-workday.xml").path,
        root.appendingPathComponent("samples/vendor-demo/harborline-planning.xml").path,
        root.appendingPathComponent("samples/harborline-roles.xml").path,
      ], options: Vendor.options()
    ).organization
    #expect(CoverageAnalysis(workday) == CoverageAnalysis(native))
    // Skills arrive in the order workers list them; their definitions are the same.
    #expect(workday.skills.sorted { $0.id < $1.id } == native.skills.sorted { $0.id < $1.id })
    #expect(workday.roles == native.roles)
    #expect(workday.people.map(\.id) == native.people.map(\.id))
    for (imported, original) in zip(workday.people, native.people) {
      // Get_Workers carries no grade here; everything else must be equal.
      var expected = original
      expected.grade = nil
      #expect(imported == expected, "person \(original.id) differs")
    }
  }
}
