import HRImport
import SkillsGraph
import TestSupport
import Testing

@Suite("Levels from any scale")
struct LevelMappingTests {
  @Test("unknown level names: one error each, listing them all and the line to add")
  func unknownNames() {
    #expect(
      Vendor.errors(["workday-levels.xml"]) == [
        "workday-levels.xml:6:18: error: unknown level name 'Rockstar' (used 2 times); say where "
          + "it sits on the 0–4 scale by adding <levelName name=\"Rockstar\" level=\"N\"/> to the "
          + "<policy> of a native file (unknown names: 'Rockstar', 'Ninja')",
        "workday-levels.xml:7:18: error: unknown level name 'Ninja' (used 1 time); say where it "
          + "sits on the 0–4 scale by adding <levelName name=\"Ninja\" level=\"N\"/> to the "
          + "<policy> of a native file (unknown names: 'Rockstar', 'Ninja')",
        "workday-levels.xml:10:12: warning: person '8' has no skills; they count only for roles that require none",
      ])
  }

  @Test("<levelName> in a native policy defines names and overrides the built-in table")
  func policyNames() throws {
    let result = try Vendor.load(["workday-levels.xml", "level-names.xml"])
    #expect(result.level("7", "Python") == 4)
    #expect(result.level("7", "SQL") == 3)
    #expect(result.level("7", "Go") == 3)
    #expect(result.level("8", "Go") == 4)
    #expect(
      result.sources.first?.levelMapping == [
        "named levels: 'Rockstar' → 4 (policy, 2×), 'Ninja' → 3 (policy, 1×), 'Expert' → 3 "
          + "(policy, 1×)"
      ])
  }

  @Test("a level name above the scale is an error at its attribute")
  func levelNameAboveScale() throws {
    let folder = try TemporaryFolder()
    let policy = folder.file("policy.xml")
    try """
    <organization xmlns="urn:understudy:org:1"><policy><levelName name="Guru" level="9"/></policy></organization>
    """.write(toFile: policy, atomically: true, encoding: .utf8)
    var options = Vendor.options()
    options.streamingThreshold = 1 << 20
    let error = try #require(throws: ImportError.self, "a level above the scale was accepted") {
      try Importer.load(paths: [policy], options: options)
    }
    let lines = error.description.split(separator: "\n").map(String.init)
    #expect(lines.contains("\(policy):1:75: error: level 9 is outside the scale 0...4"))
  }

  @Test("skills without a level count at the configured default")
  func levelLessDefault() throws {
    var options = Vendor.options()
    options.levelLessSkillLevel = 1
    let result = try Vendor.load(["workday-page1.xml"], options: options)
    #expect(result.level("1001", "Excel") == 1)
    #expect(
      result.sources.first?.levelMapping.contains(
        "1 skill without a level (Workday skills (Skill_Data has no level)) counted at level 1 "
          + "(the configured default)") == true)
  }

  @Test("the same names reach the native format: levelName passes the schema")
  func schemaKnowsLevelName() {
    #expect(NativeImporter.schemaText.contains("name=\"levelName\""))
  }
}
