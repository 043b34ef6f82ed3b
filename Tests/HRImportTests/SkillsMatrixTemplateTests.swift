import Foundation
import SkillsGraph
import TestSupport
import Testing

@testable import HRImport

@Suite("The skills-matrix template, written and read back")
struct SkillsMatrixTemplateTests {
  static let export = "team-export.xml"
  static let roles = "team-roles.xml"

  @Test("the same organization gives the same bytes, with a level list on the level cells")
  func deterministic() throws {
    let organization = try Vendor.load([Self.export, Self.roles]).organization
    let first = try SkillsMatrixTemplate.xlsx(for: organization)
    #expect(try SkillsMatrixTemplate.xlsx(for: organization) == first)
    #expect(first.starts(with: Array("PK".utf8)))
    let folder = try TemporaryFolder()
    let path = folder.file("matrix.xlsx")
    try Data(first).write(to: URL(fileURLWithPath: path))
    var package = try ZipPackage(path: path)
    let sheet = String(
      decoding: try #require(try package.data("xl/worksheets/sheet1.xml")), as: UTF8.self)
    let skills = SkillsMatrixTemplate.skills(of: organization).count
    let lastColumn = CellReference.columnName(SkillsMatrixTemplate.personColumns.count + skills - 1)
    #expect(sheet.contains(#"<dataValidation type="list""#))
    #expect(sheet.contains("sqref=\"E2:\(lastColumn)\(organization.people.count + 1)\""))
    #expect(
      sheet.contains("<formula1>\"0,1,2,3,4,none,aware,working,proficient,expert\"</formula1>"))
    let legend = String(
      decoding: try #require(try package.data("xl/worksheets/sheet2.xml")), as: UTF8.self)
    #expect(legend.contains("proficient"))
  }

  @Test("read back unchanged, the template changes nothing; filled in, its levels win")
  func roundTrip() throws {
    let organization = try Vendor.load([Self.export, Self.roles]).organization
    let folder = try TemporaryFolder()
    let blank = folder.file("matrix.xlsx")
    try Data(try SkillsMatrixTemplate.xlsx(for: organization)).write(
      to: URL(fileURLWithPath: blank))
    let unchanged = try Importer.load(
      paths: [Self.export, blank, Self.roles].map { $0.hasSuffix(".xml") ? Fixtures.path($0) : $0 },
      options: Vendor.options()
    ).organization
    #expect(unchanged.people == organization.people)
    #expect(unchanged.roles == organization.roles)

    // A manager fills in two cells: a named level where there was none, and a lower number.
    var sheets = SkillsMatrixTemplate.sheets(for: organization)
    let skills = SkillsMatrixTemplate.skills(of: organization)
    let first = SkillsMatrixTemplate.personColumns.count
    let row = try #require(
      organization.people.firstIndex { person in
        skills.contains { person.levels[$0.id] == nil }
          && skills.contains { (person.levels[$0.id] ?? 0) >= 2 }
      })
    let person = organization.people[row]
    let empty = try #require(skills.firstIndex { person.levels[$0.id] == nil })
    let held = try #require(skills.firstIndex { (person.levels[$0.id] ?? 0) >= 2 })
    sheets[0].rows[row + 1][first + empty] = .text("Expert")
    sheets[0].rows[row + 1][first + held] = .number(1)
    let filled = folder.file("filled.xlsx")
    try Data(try XLSXWriter.data(sheets)).write(to: URL(fileURLWithPath: filled))
    let result = try Importer.load(
      paths: [Fixtures.path(Self.export), filled, Fixtures.path(Self.roles)],
      options: Vendor.options())
    let after = try #require(result.organization.people.first { $0.id == person.id })
    #expect(after.levels[skills[empty].id] == 4)
    #expect(after.levels[skills[held].id] == 1)
    #expect(result.organization.people.count == organization.people.count)
    let source = try #require(result.sources.first { $0.path == filled })
    #expect(source.profile == "spreadsheet (xlsx)")
    #expect(
      source.notes.contains(
        "sheet 'Skills': people × skills, header in row 1, \(skills.count) skill columns"))
  }
}
