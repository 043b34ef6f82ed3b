import SkillsGraph
import TestSupport
import Testing

@Suite("Presence in a week and leaving, as docs/model.md defines them")
struct WeekPresenceTests {
  /// Three weeks from Monday 2026-12-14; Christmas week (21–25 December) is all holidays.
  static let horizon = Horizon(
    start: Day.fixture("2026-12-14"), weeks: 3,
    holidays: (21...25).map { Day.fixture("2026-12-\($0)") })

  @Test("a week's working days: weekdays minus holidays, none outside the horizon")
  func workingDays() {
    let horizon = Self.horizon
    #expect(horizon.workingDays(ofWeek: 1).map(\.description).first == "2026-12-14")
    #expect(horizon.workingDays(ofWeek: 1).count == 5)
    #expect(horizon.workingDays(ofWeek: 2).isEmpty)
    #expect(horizon.workingDays(ofWeek: 3).count == 5)
    #expect(horizon.workingDays(ofWeek: 0).isEmpty && horizon.workingDays(ofWeek: 4).isEmpty)
    #expect(
      (1...3).flatMap(horizon.workingDays(ofWeek:)) == horizon.workingDays,
      "the weeks' days are the horizon's")
  }

  @Test(
    "present unless away on every working day of the week",
    arguments: [
      // Away Monday to Thursday of week 1: Friday at work is enough.
      ("2026-12-14", "2026-12-17", [true, false, true]),
      // Away the whole of week 1.
      ("2026-12-14", "2026-12-18", [false, false, true]),
      // Away over the weekend into Monday of week 3 only.
      ("2026-12-19", "2026-12-28", [true, false, true]),
    ])
  func presence(from: String, to: String, expected: [Bool]) {
    let person = Person(
      id: "A", absences: [Absence(from: Day.fixture(from), to: Day.fixture(to))])
    #expect((1...3).map { person.isPresent(inWeek: $0, of: Self.horizon) } == expected)
  }

  @Test("someone leaving is present up to the week of their last day, and gone after it")
  func leaving() {
    let person = Person(id: "B", leaves: Day.fixture("2026-12-15"))
    #expect((1...3).map { person.isPresent(inWeek: $0, of: Self.horizon) } == [true, false, false])
    #expect(!person.hasLeft(before: Day.fixture("2026-12-15")))
    #expect(person.hasLeft(before: Day.fixture("2026-12-16")))
    #expect(!Person(id: "C").hasLeft(before: Day.fixture("2999-01-01")))
  }
}
