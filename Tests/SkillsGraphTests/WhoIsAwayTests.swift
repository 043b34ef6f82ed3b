import SkillsGraph
import TestSupport
import Testing

@Suite("Who is away in each uncovered run, and why, worked out by hand")
struct WhoIsAwayTests {
  static func run(_ analysis: AbsenceAnalysis, _ role: RoleID) throws -> [String] {
    let calendar = try #require(analysis[role: role])
    #expect(calendar.uncoveredRuns.map(\.days) == calendar.uncoveredDays)
    return calendar.uncoveredRuns.map { run in
      "\(run.days): "
        + run.away.map { "\($0.person) \($0.reasons.map(\.description).joined(separator: "+"))" }
        .joined(separator: ", ")
    }
  }

  /// The warehouse of `AbsenceAnalysisTests`.
  ///
  /// The forklift shift needs two of A, B, C at once. On Friday 4 December A (vacation) and C (an absence with no kind) are both away. Reach needs
  /// all three: A is away 2–4 December, C 4–7 December, so the first run names both; B's last
  /// day is 9 December, so from the 10th B has left.
  @Test(
    "the warehouse: vacation, an absence of no kind, a leaver",
    arguments: [
      ("forklift-shift", ["2026-12-04: A vacation, C absence"]),
      ("payroll", []),
      ("dispatch", ["2026-11-30 to 2026-12-11: "]),
      (
        "reach",
        [
          "2026-12-02 to 2026-12-07: A vacation, C absence",
          "2026-12-10 to 2026-12-11: B left after 2026-12-09",
        ]
      ),
    ])
  func warehouse(role: String, runs: [String]) throws {
    #expect(try Self.run(Warehouse.analysis, RoleID(role)) == runs)
  }

  /// The month-end close of issue 13: uncovered 21–31 December because both people who can
  /// close are on vacation; the ledger because Alma is on vacation and Cora has left.
  @Test("month-end close over the holidays")
  func monthEnd() throws {
    let analysis = AbsenceAnalysis(
      MonthEnd.organization, coverage: CoverageAnalysis(MonthEnd.organization),
      horizon: MonthEnd.horizon)
    #expect(
      try Self.run(analysis, "month-close") == [
        "2026-12-21 to 2026-12-31: E11 vacation, E12 vacation"
      ])
    #expect(analysis[role: "month-close"]?.uncoveredDayCount == 8)
    #expect(
      try Self.run(analysis, "ledger") == [
        "2026-12-21 to 2026-12-31: E11 vacation, E13 left after 2026-12-11"
      ])
    #expect(try Self.run(analysis, "audit") == ["2026-12-21 to 2026-12-31: E11 vacation"])
    #expect(try Self.run(analysis, "bookkeeping") == [])
  }

  /// After a plan that trains Dario (E14) for the close by 4 January, the run still stops the
  /// close, and Dario is named as still in training.
  @Test("a backup still in training is named as such")
  func inTraining() throws {
    let analysis = AbsenceAnalysis(
      MonthEnd.organization, coverage: CoverageAnalysis(MonthEnd.organization),
      horizon: MonthEnd.horizon, availableFrom: ["month-close": ["E14": .fixture("2027-01-04")]])
    #expect(
      try Self.run(analysis, "month-close") == [
        "2026-12-21 to 2026-12-31: E11 vacation, E12 vacation, E14 in training until 2027-01-04"
      ])
  }

  /// Vacation from 1 to 10 December and parental leave from 5 to 20 December overlap on 5–10
  /// December: the vacation, which starts first, is the reason then, in whichever order the
  /// input lists them (importers sort absences).
  @Test("overlapping absences give the same reason in any order")
  func overlapping() {
    let vacation = Absence(
      from: .fixture("2026-12-01"), to: .fixture("2026-12-10"), kind: "vacation")
    let leave = Absence(
      from: .fixture("2026-12-05"), to: .fixture("2026-12-20"), kind: "parental-leave")
    for absences in [[vacation, leave], [leave, vacation]] {
      let person = Person(id: "P", absences: absences)
      #expect(person.reasonAway(on: .fixture("2026-12-07")) == .absence(kind: "vacation"))
      #expect(person.reasonAway(on: .fixture("2026-12-15")) == .absence(kind: "parental-leave"))
      #expect(person.reasonAway(on: .fixture("2026-12-21")) == nil)
    }
  }

  @Test("a reason to be away exactly on the days a person is not present")
  func reasonMatchesPresence() {
    let days = (0..<60).map { Day.fixture("2026-11-23").adding(days: $0) }
    for person in Warehouse.organization.people + MonthEnd.organization.people {
      for day in days {
        #expect((person.reasonAway(on: day) == nil) == person.isPresent(on: day))
      }
    }
  }
}

@Suite("People leaving within the horizon, worked out by hand")
struct LeaverDepthTests {
  /// Cora leaves within the horizon.
  ///
  /// Her last day, Friday 11 December, is in week 2 (7–13 December): she counts that week and
  /// stops from week 3. She is qualified for the ledger (ledger ≥ 3: Alma and Cora, 2 → 1)
  /// and bookkeeping (ledger ≥ 1: Alma, Cora, Dario, Edda, 4 → 3), not for the audit (ledger ≥ 4).
  @Test("Cora leaves on 11 December: ledger 2 → 1 and bookkeeping 4 → 3 from week 3")
  func cora() {
    let departures = Departure.within(
      MonthEnd.horizon, of: MonthEnd.organization,
      coverage: CoverageAnalysis(MonthEnd.organization))
    #expect(
      departures == [
        Departure(
          person: "E13", lastDay: .fixture("2026-12-11"), fromWeek: 3,
          roles: [
            .init(role: "ledger", depthBefore: 2, depthAfter: 1),
            .init(role: "bookkeeping", depthBefore: 4, depthAfter: 3),
          ])
      ])
  }

  /// The warehouse: B's last day, Wednesday 9 December, is in week 2 of 2, so B stops counting
  /// only from week 3, after the horizon; a leaver before the horizon is not listed.
  @Test(
    "a leaver in the last week stops counting after the horizon; earlier leavers are not listed")
  func edges() {
    var organization = Warehouse.organization
    organization.people.append(
      Person(id: "Z", levels: ["forklift": 3], leaves: .fixture("2026-11-27")))
    let departures = Departure.within(
      Warehouse.horizon, of: organization, coverage: CoverageAnalysis(organization))
    #expect(departures.map(\.person) == ["B"])
    #expect(departures.first?.fromWeek == 3)
    #expect(
      departures.first?.roles == [
        .init(role: "forklift-shift", depthBefore: 3, depthAfter: 2),
        .init(role: "reach", depthBefore: 3, depthAfter: 2),
      ])
  }
}
