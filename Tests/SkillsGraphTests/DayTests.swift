import SkillsGraph
import Testing

@Suite("Calendar days")
struct DayTests {
  @Test(
    "ISO weekday of known dates",
    arguments: [("1970-01-01", 4), ("2026-11-24", 2), ("2026-12-25", 5), ("2027-01-03", 7)])
  func weekday(date: String, weekday: Int) throws {
    let day = try #require(Day(iso: date))
    #expect(day.weekday == weekday)
    #expect(day.description == date)
  }

  @Test(
    "invalid days are rejected", arguments: ["2026-02-29", "2026-13-01", "26-01-01", "2026-1-1"])
  func invalid(text: String) {
    #expect(Day(iso: text) == nil)
  }

  @Test("leap days and arithmetic across years")
  func arithmetic() throws {
    let leap = try #require(Day(iso: "2024-02-29"))
    #expect(leap.adding(days: 1).description == "2024-03-01")
    let newYear = try #require(Day(iso: "2027-01-01"))
    #expect(newYear.adding(days: -1).description == "2026-12-31")
    #expect(try #require(Day(iso: "1969-12-31")).ordinal == -1)
  }
}

@Suite("Identifiers")
struct IdentifierTests {
  @Test("ids sort naturally: digit runs by value")
  func natural() {
    let ids: [PersonID] = ["E10", "E2", "E1", "E02", "e3", "E9a"]
    #expect(ids.sorted().map(\.rawValue) == ["E1", "E02", "E2", "E9a", "E10", "e3"])
  }

  @Test("criticality parses tiers and positive numbers only")
  func criticality() {
    #expect(Criticality(parsing: "critical")?.weight == 3)
    #expect(Criticality(parsing: "2.5")?.weight == 2.5)
    #expect(Criticality(parsing: "urgent") == nil)
    #expect(Criticality(parsing: "0") == nil)
    #expect(Criticality(parsing: "-1") == nil)
  }
}
