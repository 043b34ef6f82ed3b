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

@Suite("Days from untrusted input")
struct DayRangeTests {
  @Test(
    "years outside 1...9999 name no day, however large",
    arguments: [0, -1, 10_000, 292_277_026_596, Int.max, Int.min])
  func outOfRange(year: Int) {
    #expect(Day(year: year, month: 1, day: 1) == nil)
    #expect(Day(year: year, month: 12, day: 31) == nil)
  }

  @Test("the first and last valid days are the range's ends")
  func ends() {
    #expect(Day(year: 1, month: 1, day: 1) == Day.earliest)
    #expect(Day(year: 9999, month: 12, day: 31) == Day.latest)
    #expect(Day.earliest.description == "0001-01-01")
    #expect(Day.latest.description == "9999-12-31")
    #expect(Day(iso: "0000-01-01") == nil)
    #expect(Day(iso: "+999-01-01")?.description == "0999-01-01")
  }
}
