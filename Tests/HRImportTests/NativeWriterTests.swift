import HRImport
import SkillsGraph
import Testing

@Suite("Writing the native format")
struct NativeWriterTests {
  @Test("the fixture team survives a round trip through the writer")
  func roundTrip() throws {
    let original = try NativeImporter.load(paths: [
      Fixtures.path("team-export.xml"), Fixtures.path("team-roles.xml"),
    ]).organization
    let written = NativeWriter.render(original)
    let reread = try NativeImporter.load(xml: written, name: "written.xml").organization
    #expect(reread == original)
  }

  @Test("text that looks like markup is escaped, not interpreted")
  func escaping() throws {
    let organization = Organization(
      skills: [Skill(id: "s", name: "R&D <\"core\">\ttools")],
      people: [
        Person(
          id: "P&1", name: "Zoë \"Z\" <Ng>", levels: ["s": 2], email: "zoe.ng@example.com")
      ],
      roles: [
        Role(
          id: "r", requirements: [.init(skill: "s", level: 2)], incumbents: ["P&1"],
          criticality: .weight(1.5), backups: 0, minPresent: 1)
      ],
      policy: Policy(horizonWeeks: 6, mentorMinLevel: 2, start: Day(iso: "2026-12-07")))
    let reread = try NativeImporter.load(xml: NativeWriter.render(organization)).organization
    #expect(reread == organization)
  }

  @Test("a policy without teaching cascades says cascades=\"false\" and reads back so")
  func cascadesOff() throws {
    let organization = Organization(
      skills: [Skill(id: "s")], people: [Person(id: "P1", levels: ["s": 2])],
      policy: Policy(horizonWeeks: 52, cascades: false))
    let xml = NativeWriter.render(organization)
    #expect(xml.contains("cascades=\"false\""))
    let reread = try NativeImporter.load(xml: xml).organization
    #expect(reread.policy.cascades == false)
    #expect(reread == organization)
    // Left out, cascades are on (the model's default).
    let plain = try NativeImporter.load(
      xml: NativeWriter.render(
        Organization(
          skills: [Skill(id: "s")], people: [Person(id: "P1", levels: ["s": 2])],
          policy: Policy(horizonWeeks: 52)))
    ).organization
    #expect(plain.policy.cascades)
  }

  @Test("characters XML cannot carry (a CSV cell's control character) are dropped, not written")
  func controlCharacters() throws {
    let organization = Organization(
      skills: [Skill(id: "s", name: "Pay\u{1}roll")],
      people: [Person(id: "P1", name: "Ann\u{7} Lee\u{FFFE}", levels: ["s": 2])])
    let reread = try NativeImporter.load(xml: NativeWriter.render(organization)).organization
    #expect(reread.skills.map(\.name) == ["Payroll"])
    #expect(reread.people.map(\.name) == ["Ann Lee"])
  }
}
