import MentoringOptimizer
import Reports
import SkillsGraph
import TestSupport
import Testing

@Suite("Check-ins that respect people: absences, leavers, double bookings, the pattern")
struct CheckInScheduleTests {
  @Test("the standard pattern, worked out by hand (see CheckInFixture)")
  func standard() {
    let schedule = CheckInFixture.schedule()
    #expect(
      schedule.byPair.map { $0.map(\.summary) } == [
        // Bo is away on Monday 4 January: Tuesday. Ann is away all of week 3: week 4.
        [
          "week 1: 2027-01-05 10:00", "week 4 (due 3): 2027-01-25 10:00",
          "week 5: 2027-02-01 10:00", "week 7: 2027-02-15 10:00",
        ],
        // Ann already meets Bo at 10:00 on 25 January and 1 February: the next slot.
        [
          "week 1: 2027-01-04 10:00", "week 4 (due 3): 2027-01-25 10:30",
          "week 5: 2027-02-01 10:30",
        ],
        // Cem meets Ann as a mentee at 10:00 on 4 January: he mentors Dai at 10:30.
        [
          "week 1: 2027-01-04 10:30", "week 3: 2027-01-18 10:00", "week 5: 2027-02-01 10:00",
          "week 7: 2027-02-15 10:00",
        ],
        // Eve has left by week 7, and the pair's weeks end there: no check-in.
        ["week 1: 2027-01-04 10:00", "week 3: 2027-01-18 10:00", "week 5: 2027-02-01 10:00"],
      ])
  }

  @Test("Wednesday 14:30 every three weeks: weeks 1, 4 and 7, booked people a slot later")
  func wednesdayEveryThree() {
    let pattern = CheckInPattern(weekday: 3, startMinute: 14 * 60 + 30, everyWeeks: 3)
    let schedule = CheckInFixture.schedule(pattern)
    #expect(
      schedule.byPair.map { $0.map(\.summary) } == [
        ["week 1: 2027-01-06 14:30", "week 4: 2027-01-27 14:30", "week 7: 2027-02-17 14:30"],
        ["week 1: 2027-01-06 15:00", "week 4: 2027-01-27 15:00"],
        ["week 1: 2027-01-06 14:30", "week 4: 2027-01-27 14:30", "week 7: 2027-02-17 14:30"],
        ["week 1: 2027-01-06 14:30", "week 4: 2027-01-27 14:30"],
      ])
  }

  @Test("a leaver's last check-in moves to the nearest earlier day she is still there")
  func leaverMovesEarlier() {
    let pattern = CheckInPattern(weekday: 3)
    let schedule = CheckInFixture.schedule(pattern, pairs: [CheckInFixture.pairs[3]])
    // Eve's last working day is Tuesday 2 February: Wednesday 3 is too late.
    #expect(
      schedule.byPair[0].map(\.summary) == [
        "week 1: 2027-01-06 10:00", "week 3: 2027-01-20 10:00", "week 5: 2027-02-02 10:00",
      ])
  }

  @Test("a full day sends the check-in to the next day of the week")
  func fullDay() {
    // 17:30 for 30 minutes leaves one slot before 18:00.
    let pattern = CheckInPattern(startMinute: 17 * 60 + 30)
    let schedule = CheckInFixture.schedule(pattern)
    #expect(schedule.byPair[1].first?.summary == "week 1: 2027-01-04 17:30")
    #expect(schedule.byPair[2].first?.summary == "week 1: 2027-01-05 17:30")
  }

  @Test("a week without a shared day passes its check-in on only until the next is due")
  func weeklyNeverCarries() {
    let pattern = CheckInPattern(everyWeeks: 1)
    let schedule = CheckInFixture.schedule(pattern, pairs: [CheckInFixture.pairs[0]])
    // Ann is away in week 3, and week 4 has its own check-in.
    #expect(schedule.byPair[0].map(\.week) == [1, 2, 4, 5, 6, 7, 8])
    #expect(schedule.byPair[0].allSatisfy { $0.week == $0.patternWeek })
  }

  @Test(
    "weekday names: mon to fri, short or long, any case; nothing else",
    arguments: [
      ("mon", 1), ("Wed", 3), ("FRIDAY", 5), ("thursday", 4), ("sat", nil), ("sunday", nil),
      ("we", nil), ("", nil), ("1", nil),
    ] as [(String, Int?)])
  func weekdayNames(text: String, weekday: Int?) {
    #expect(CheckInPattern.weekday(named: text) == weekday)
  }

  @Test(
    "times of day: H:MM or HH:MM, 00:00 to 23:59; nothing else",
    arguments: [
      ("10:00", 600), ("9:05", 545), ("00:00", 0), ("23:59", 1439), ("24:00", nil),
      ("12:60", nil), ("9.30", nil), ("930", nil), ("-1:00", nil), ("１0:00", nil), ("10:0", nil),
      (" 9:00", nil),
    ] as [(String, Int?)])
  func timesOfDay(text: String, minute: Int?) {
    #expect(CheckInPattern.minuteOfDay(parsing: text) == minute)
  }

  @Test("a pattern brings out-of-range values into range instead of trapping later")
  func clamped() {
    let wild = CheckInPattern(weekday: 9, startMinute: -5, minutes: 0, everyWeeks: 0)
    #expect(wild == CheckInPattern(weekday: 5, startMinute: 0, minutes: 1, everyWeeks: 1))
    #expect(CheckInPattern(startMinute: 23 * 60 + 50, minutes: 30).minutes == 10)
    #expect(CheckInFixture.schedule(wild).byPair.joined().count > 0)
  }

  @Test(
    "on random plans, nobody meets while away, after leaving or twice at once",
    arguments: [
      CheckInPattern.standard, CheckInPattern(weekday: 5, startMinute: 16 * 60, everyWeeks: 1),
      CheckInPattern(weekday: 3, startMinute: 9 * 60, minutes: 60, everyWeeks: 3),
    ])
  func random(pattern: CheckInPattern) throws {
    let (organization, horizon, pairs) = Self.randomPlan(seed: 17)
    let schedule = CheckInSchedule(
      plan: CheckInFixture.plan(pairs), organization: organization, horizon: horizon,
      pattern: pattern)
    try Self.checkRules(schedule, pairs: pairs, organization: organization, horizon: horizon)
  }

  /// Twenty people with vacations and a few leavers, and 80 pairs among them (levels do not
  /// matter to the schedule), over 26 weeks from a Wednesday with two holidays: crowded enough
  /// that people share days, weeks without a shared day, and slots taken by someone else.
  static func randomPlan(seed: UInt64) -> (Organization, Horizon, [PlannedPair]) {
    var random = SeededRandom(seed: seed)
    let start = Day.fixture("2027-01-06")  // a Wednesday: weeks run Wednesday to Tuesday
    let people = (0..<20).map { index -> Person in
      var person = Person(id: PersonID("R\(index)"))
      for _ in 0..<random.below(4) {
        let from = start.adding(days: random.below(26 * 7))
        person.absences.append(Absence(from: from, to: from.adding(days: random.below(10))))
      }
      if random.chance(15) { person.leaves = start.adding(days: random.below(26 * 7)) }
      return person
    }
    let organization = Organization(
      people: people,
      policy: Policy(
        horizonWeeks: 26, start: start,
        holidays: [Day.fixture("2027-04-02"), Day.fixture("2027-04-05")]))
    let pairs = (0..<80).map { _ -> PlannedPair in
      let mentor = random.below(20)
      let mentee = (mentor + 1 + random.below(19)) % 20
      let first = 1 + random.below(26)
      let last = min(26, first + random.below(12))
      return CheckInFixture.pair(
        people[mentor].id, people[mentee].id, "ledger", weeks: first...last)
    }
    return (organization, Horizon(for: organization, today: start), pairs)
  }

  /// The schedule's rules, checked from the people and the plan rather than from its code.
  static func checkRules(
    _ schedule: CheckInSchedule, pairs: [PlannedPair], organization: Organization,
    horizon: Horizon
  ) throws {
    let pattern = schedule.pattern
    let people = Dictionary(
      organization.people.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    var booked: [PersonID: [(day: Day, start: Int, end: Int)]] = [:]
    #expect(schedule.byPair.count == pairs.count)
    // The rules had work to do: some check-ins left the pattern's day or time.
    let all = schedule.byPair.joined()
    #expect(all.count > 150)
    // Weekly check-ins never move to another week: the next one is already due there.
    #expect(all.contains { $0.week != $0.patternWeek } == (pattern.everyWeeks > 1))
    #expect(all.contains { $0.startMinute != pattern.startMinute })
    #expect(all.contains { $0.day.weekday != pattern.weekday })
    for (pair, checkIns) in zip(pairs, schedule.byPair) {
      let mentor = try #require(people[pair.mentor])
      let mentee = try #require(people[pair.mentee])
      let due = Array(
        stride(
          from: pair.startWeek, through: min(pair.endWeek, horizon.weeks),
          by: pattern.everyWeeks))
      #expect(checkIns.allSatisfy { due.contains($0.patternWeek) })
      #expect(zip(checkIns, checkIns.dropFirst()).allSatisfy { $0.patternWeek < $1.patternWeek })
      #expect(zip(checkIns, checkIns.dropFirst()).allSatisfy { $0.week < $1.week })
      for checkIn in checkIns {
        #expect(horizon.isWorkingDay(checkIn.day))
        #expect(horizon.week(of: checkIn.day) == checkIn.week)
        #expect(mentor.isPresent(on: checkIn.day) && mentee.isPresent(on: checkIn.day))
        #expect(checkIn.week >= checkIn.patternWeek)
        #expect(checkIn.week < checkIn.patternWeek + pattern.everyWeeks)
        #expect(checkIn.week <= pair.endWeek)
        #expect(checkIn.minutes == pattern.minutes)
        #expect(checkIn.startMinute >= pattern.startMinute)
        #expect(
          checkIn.startMinute + checkIn.minutes
            <= max(18 * 60, pattern.startMinute + pattern.minutes))
        for person in [pair.mentor, pair.mentee] {
          let clash = booked[person, default: []].contains {
            $0.day == checkIn.day && $0.start < checkIn.startMinute + checkIn.minutes
              && checkIn.startMinute < $0.end
          }
          #expect(!clash, "\(person) is in two check-ins at once on \(checkIn.day)")
          booked[person, default: []].append(
            (checkIn.day, checkIn.startMinute, checkIn.startMinute + checkIn.minutes))
        }
      }
      // A due check-in goes missing only when no day up to the next one suits both people
      // (at most 16 pairs meet on a day: every shared day has a free slot).
      for week in due where !checkIns.contains(where: { $0.patternWeek == week }) {
        let window = week...min(week + pattern.everyWeeks - 1, pair.endWeek)
        let shared = window.flatMap { horizon.workingDays(ofWeek: $0) }.filter {
          mentor.isPresent(on: $0) && mentee.isPresent(on: $0)
        }
        #expect(shared.isEmpty, "\(pair.mentee) has no check-in due in week \(week)")
      }
    }
  }
}
