import Foundation
import HRImport
import Reports
import SkillsGraph
import TestSupport
import Testing

/// Round trips through what `convert` and `template` write.
///
/// What `understudy convert` writes, read back, is what was read: the same organization, the
/// same file when written again, and the same report byte for byte. And a skills matrix written
/// by `understudy template` carries every level it shows back into the organization.
@Suite("Round trips through convert and the skills-matrix template")
struct ConvertRoundTripTests {
  static let cases: [(people: Int, seed: UInt64, tight: Bool)] = [
    (7, 11, false), (40, 12, true), (150, 13, false),
  ]

  @Test(
    "convert's output, read back and converted again, is the same file and report", arguments: cases
  )
  func convertIsAFixedPoint(people: Int, seed: UInt64, tight: Bool) throws {
    let folder = try TemporaryFolder(prefix: "understudy-convert")
    defer { try? FileManager.default.removeItem(at: folder.url) }
    let original = RoundTripTests.organization(people: people, seed: seed, tight: tight)
    let input = folder.file("export.xml")
    try NativeWriter.render(original).write(toFile: input, atomically: false, encoding: .utf8)

    // What convert does: import, then write the organization as one native file.
    let first = try Importer.load(paths: [input]).organization
    let converted = folder.file("converted.xml")
    let text = NativeWriter.render(first)
    try text.write(toFile: converted, atomically: false, encoding: .utf8)
    let second = try Importer.load(paths: [converted]).organization

    #expect(second == first)
    #expect(NativeWriter.render(second) == text)
    for format in [ReportFormat.json, .markdown, .csv] {
      #expect(
        render(RoundTripTests.analysis(first), as: format)
          == render(RoundTripTests.analysis(second), as: format),
        "\(format) report differs after convert")
    }
  }

  @Test(
    "a template's levels, read back over an export without them, restore the organization",
    arguments: cases)
  func templateCarriesLevels(people: Int, seed: UInt64, tight: Bool) throws {
    let folder = try TemporaryFolder(prefix: "understudy-template")
    defer { try? FileManager.default.removeItem(at: folder.url) }
    let original = RoundTripTests.organization(people: people, seed: seed, tight: tight)
    let complete = folder.file("complete.xml")
    try NativeWriter.render(original).write(toFile: complete, atomically: false, encoding: .utf8)
    let expected = try Importer.load(paths: [complete]).organization

    // The export without the levels the template asks about: only the matrix can give them.
    let asked = Set(original.roles.flatMap { $0.requirements.map(\.skill) })
    var stripped = original
    for index in stripped.people.indices {
      stripped.people[index].levels = stripped.people[index].levels.filter {
        !asked.contains($0.key)
      }
    }
    #expect(stripped != original || asked.isEmpty)
    let export = folder.file("export.xml")
    try NativeWriter.render(stripped).write(toFile: export, atomically: false, encoding: .utf8)
    let matrix = folder.file("matrix.xlsx")
    try Data(SkillsMatrixTemplate.xlsx(for: original)).write(to: URL(fileURLWithPath: matrix))

    let reread = try Importer.load(paths: [export, matrix]).organization
    #expect(reread.people.count == expected.people.count)
    for (person, reference) in zip(reread.people, expected.people) {
      #expect(person.id == reference.id)
      #expect(person.levels == reference.levels, "levels of \(person.id)")
    }
    #expect(CoverageAnalysis(reread) == CoverageAnalysis(expected))
  }
}
