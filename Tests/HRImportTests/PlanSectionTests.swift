import SkillsGraph
import Testing

@testable import HRImport

/// The plan section of the native format: read, checked at the line to edit, written back.
@Suite("The plan section") struct PlanSectionTests {
  static let people = """
    <?xml version="1.0" encoding="UTF-8"?>
    <organization xmlns="urn:understudy:org:1">
      <skills><skill id="tax" hoursPerLevel="20"/><skill id="payroll"/></skills>
      <people>
        <person id="E1"><skill ref="tax" level="4"/><skill ref="payroll" level="4"/></person>
        <person id="E2"><skill ref="tax" level="1"/></person>
        <person id="E3"><skill ref="tax" level="3"/></person>
      </people>
    """

  func load(_ plan: String) throws(ImportError) -> ImportResult {
    try NativeImporter.load(
      xml: Self.people + "\n" + plan + "\n</organization>\n", name: "plan.xml")
  }

  func errors(_ plan: String) -> [String] {
    do throws(ImportError) {
      _ = try load(plan)
      return []
    } catch {
      guard case .invalidData(let diagnostics) = error else { return ["\(error)"] }
      return diagnostics.filter { $0.severity == .error }.map(\.description)
    }
  }

  @Test("pairs, statuses, hours done, forbids and the horizon are read; done pairs count as held")
  func reads() throws {
    let result = try load(
      """
        <plan start="2027-01-04" weeks="26">
          <pair mentor="E1" mentee="E2" skill="tax" to="3" status="active" hoursDone="12">
            <week n="1" hours="4"/> <week n="2" hours="4"/>
          </pair>
          <pair mentor="E1" mentee="E3" skill="payroll" to="2" status="done"/>
          <pair mentor="E3" mentee="E2" skill="payroll" to="1"/>
          <forbid mentor="E3"/>
          <forbid mentee="E2" skill="payroll"/>
        </plan>
      """)
    let plan = try #require(result.organization.plan)
    #expect(plan.start == Day(year: 2027, month: 1, day: 4))
    #expect(plan.weeks == 26)
    #expect(plan.pairs.map(\.status) == [.active, .done, .proposed])
    #expect(plan.pairs[0].hoursDone == 12)
    #expect(plan.pairs[0].schedule == [WeekHours(week: 1, hours: 4), WeekHours(week: 2, hours: 4)])
    #expect(plan.pairs[0].place?.description == "plan.xml:10:5")
    #expect(plan.forbids == [PairForbid(mentor: "E3"), PairForbid(mentee: "E2", skill: "payroll")])
    // The done pair: E3 held no payroll, and now holds level 2, as if the export said so.
    let e3 = try #require(result.organization.people.first { $0.id == "E3" })
    #expect(e3.level("payroll") == 2)
    #expect(plan.pairs[1].heldBefore == 0)
  }

  @Test("contradictions are errors at the line to edit")
  func contradictions() {
    #expect(
      errors(
        """
          <plan>
            <pair mentor="E1" mentee="E2" skill="tax" to="3" status="agreed"/>
            <pair mentor="E3" mentee="E2" skill="tax" to="2" status="active" hoursDone="5"/>
            <pair mentor="E1" mentee="E2" skill="tax" to="3" status="dropped"/>
            <forbid mentee="E2"/>
            <forbid/>
            <pair mentor="E9" mentee="E2" skill="taxes" to="2"/>
          </plan>
        """) == [
          "plan.xml:10:5: error: pair E1 → E2: 'tax' to level 3 is agreed but the same mentor, "
            + "mentee and skill are also marked dropped; keep one of the two",
          "plan.xml:11:5: error: E2 already has a kept pair for 'tax' (agreed, line 10); one "
            + "mentee learns a skill in one pair: drop one of them",
          "plan.xml:13:5: error: <forbid> (mentee E2) rules out the agreed pair E1 → E2: 'tax' to "
            + "level 3 on line 10; remove the forbid or drop the pair",
          "plan.xml:14:5: error: <forbid> names no mentor, mentee or skill, so it would forbid "
            + "every pair; give at least one",
          "plan.xml:15:11: error: unknown person 'E9' (did you mean 'E1' or 'E2'?)",
          "plan.xml:15:35: error: unknown skill 'taxes'",
        ])
  }

  @Test("a forbid is reported once, with the first kept pair it rules out; a pair, by each")
  func forbidsReportedOnce() {
    #expect(
      errors(
        """
          <plan>
            <pair mentor="E1" mentee="E2" skill="payroll" to="2" status="agreed"/>
            <pair mentor="E1" mentee="E3" skill="payroll" to="2" status="active"/>
            <forbid mentor="E1"/>
            <forbid mentee="E3" skill="payroll"/>
            <forbid mentor="E1" mentee="E3" skill="payroll"/>
            <forbid skill="tax"/>
          </plan>
        """) == [
          "plan.xml:12:5: error: <forbid> (mentor E1) rules out the agreed pair E1 → E2: "
            + "'payroll' to level 2 on line 10; remove the forbid or drop the pair",
          "plan.xml:13:5: error: <forbid> (mentee E3, skill 'payroll') rules out the active pair "
            + "E1 → E3: 'payroll' to level 2 on line 11; remove the forbid or drop the pair",
          "plan.xml:14:5: error: <forbid> (mentor E1, mentee E3, skill 'payroll') rules out the "
            + "active pair E1 → E3: 'payroll' to level 2 on line 11; remove the forbid or drop the "
            + "pair",
        ])
  }

  @Test("a status outside the list is a schema error at its line")
  func unknownStatus() {
    let found = errors(
      """
        <plan><pair mentor="E1" mentee="E2" skill="tax" to="3" status="finished"/></plan>
      """)
    #expect(found.count == 1)
    #expect(found.first?.hasPrefix("plan.xml:9:") == true)
    #expect(found.first?.contains("finished") == true)
  }

  @Test("a done pair below the level already held changes nothing and says so")
  func donePairBelowHeld() throws {
    let result = try load(
      """
        <plan><pair mentor="E1" mentee="E3" skill="tax" to="2" status="done"/></plan>
      """)
    #expect(result.organization.people.first { $0.id == "E3" }?.level("tax") == 3)
    #expect(
      result.warnings.map(\.description).contains(
        "plan.xml:9:9: warning: done pair E1 → E3: 'tax' to level 2: E3 already holds level 3, "
          + "so it changes nothing"))
  }

  @Test("a plan file written and read back says the same")
  func roundTrip() throws {
    let plan = RecordedPlan(
      start: Day(year: 2027, month: 2, day: 1), weeks: 52,
      pairs: [
        RecordedPair(
          mentor: "E1", mentee: "E2", skill: "tax", toLevel: 3, status: .active, hoursDone: 7.5,
          schedule: (1...6).map { WeekHours(week: $0, hours: $0 == 6 ? 2.5 : 4) }),
        RecordedPair(mentor: "E3", mentee: "E2", skill: "payroll", toLevel: 1, status: .dropped),
      ],
      forbids: [PairForbid(mentee: "E3", skill: "tax")])
    let text = NativeWriter.renderPlanFile(plan)
    let body = try #require(text.range(of: "  <plan").map { String(text[$0.lowerBound...]) })
    let planSection = try #require(
      body.range(of: "</organization>").map {
        String(body[..<$0.lowerBound])
      })
    let read = try load(planSection)
    #expect(read.organization.plan == plan)
    // Four weeks to a line.
    #expect(text.contains(#"<week n="5" hours="4"/> <week n="6" hours="2.5"/>"#))
  }
}

@Suite("Numbers the native writer writes") struct NativeNumberTests {
  @Test("never with an exponent, which xs:decimal cannot read")
  func noExponent() {
    #expect(NativeWriter.number(0.00001) == "0.00001")
    #expect(NativeWriter.number(2.5e-7) == "0")
    #expect(NativeWriter.number(7.5) == "7.5")
    #expect(NativeWriter.number(40) == "40")
    #expect(NativeWriter.number(1.25e-5) == "0.000013")
  }
}
