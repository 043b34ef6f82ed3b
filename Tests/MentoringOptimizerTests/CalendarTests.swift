import SkillsGraph
import Testing

@testable import MentoringOptimizer

/// Hand-made teams on a real calendar: 12 weeks from Monday 2025-01-06, so week `w` runs from
/// `2025-01-06 + 7·(w − 1)`, Monday to Sunday.
@Suite("Plans on a calendar") struct CalendarTests {
  static let horizon = Horizon(start: day(2025, 1, 6), weeks: 12)

  static func day(_ year: Int, _ month: Int, _ day: Int) -> Day {
    Day(year: year, month: month, day: day) ?? Day(ordinal: 0)
  }

  /// Monday to Friday of 1-based week `week`.
  static func workWeek(_ week: Int, kind: String = "vacation") -> Absence {
    let monday = horizon.firstDay(ofWeek: week)
    return Absence(from: monday, to: monday.adding(days: 4), kind: kind)
  }

  func options(calendar: Bool = true) -> PlanOptions {
    PlanOptions(horizon: calendar ? .calendar(Self.horizon) : .weeks(12), timeLimit: .seconds(5))
  }

  /// A teaches B payroll 2 → 3: 40 h for B at 4 h a week, 10 h for A at 1 h a week.
  func onePair(mentor: [Absence] = [], mentee: [Absence] = []) -> Organization {
    Organization(
      skills: [Skill(id: "payroll")],
      people: [
        Person(id: "A", levels: ["payroll": 4], absences: mentor),
        Person(id: "B", levels: ["payroll": 2], absences: mentee),
      ],
      roles: [Role(id: "run", requirements: [.init(skill: "payroll", level: 3)], incumbents: ["A"])]
    )
  }

  // Without absences the calendar changes nothing: weeks 1–10 at 4 h.
  @Test func noAbsencesIsTheModelSchedule() throws {
    let plan = planMentoring(onePair(), options: options())
    let pair = try #require(plan.pairs.first)
    #expect(pair.startWeek == 1 && pair.endWeek == 10)
    #expect(pair.hoursByWeek == Array(repeating: 4, count: 10))
    #expect(plan.horizonWeeks == 12)
  }

  // The mentor is away all of week 2: B learns nothing that week, so 40 h at 4 h take weeks 1
  // and 3–11, and the pair ends in week 11 instead of 10.
  @Test func mentorVacationSkipsAWeek() throws {
    let organization = onePair(mentor: [Self.workWeek(2)])
    let plan = planMentoring(organization, options: options())
    let pair = try #require(plan.pairs.first)
    #expect(plan.pairs.count == 1)
    #expect(pair.startWeek == 1 && pair.endWeek == 11)
    #expect(pair.hoursByWeek == [4, 0] + Array(repeating: 4, count: 9))
    #expect(violations(of: plan, in: organization, options: options()) == [])
  }

  // B is away in weeks 10 and 11; without the calendar the training would end in week 10, in
  // the middle of the vacation. B learns nothing while away, so the last 4 h move to week 12.
  // B is present 10 weeks: 40 h of budget, exactly the pair's hours.
  @Test func menteeTrainingEndsAfterTheirVacation() throws {
    let organization = onePair(mentee: [
      Absence(from: Self.horizon.firstDay(ofWeek: 10), to: Self.day(2025, 3, 21))
    ])
    let withoutCalendar = try #require(
      planMentoring(organization, options: options(calendar: false)).pairs.first)
    #expect(withoutCalendar.endWeek == 10)
    let plan = planMentoring(organization, options: options())
    let pair = try #require(plan.pairs.first)
    #expect(pair.startWeek == 1 && pair.endWeek == 12)
    #expect(pair.hoursByWeek == Array(repeating: 4, count: 9) + [0, 0, 4])
  }

  // Away Monday to Thursday of week 10 but at work on Friday: not away that week.
  @Test func aPartialWeekIsNotAWeekAway() throws {
    let monday = Self.horizon.firstDay(ofWeek: 10)
    let organization = onePair(mentee: [Absence(from: monday, to: monday.adding(days: 3))])
    let pair = try #require(planMentoring(organization, options: options()).pairs.first)
    #expect(pair.endWeek == 10)
  }

  // B (one step short, 40 h) leaves at the end of February; C needs two steps (80 h at 8 h a
  // week). Without a calendar B is the cheaper backup; with one, B is no backup at all.
  @Test func leaverIsNotTrained() throws {
    let organization = Organization(
      skills: [Skill(id: "payroll")],
      people: [
        Person(id: "A", levels: ["payroll": 4]),
        Person(id: "B", levels: ["payroll": 2], leaves: Self.day(2025, 2, 28)),
        Person(id: "C", levels: ["payroll": 1], learningHoursPerWeek: 8),
      ],
      roles: [Role(id: "run", requirements: [.init(skill: "payroll", level: 3)], incumbents: ["A"])]
    )
    let plain = planMentoring(organization, options: options(calendar: false))
    #expect(plain.pairs.map(\.mentee) == ["B"])
    let plan = planMentoring(organization, options: options())
    #expect(plan.pairs.map(\.mentee) == ["C"])
    #expect(plan.totalMenteeHours == 80)
    #expect(plan.coverageAfter == 2)
    let pair = try #require(plan.pairs.first)
    #expect(pair.startWeek == 1 && pair.endWeek == 10)
  }

  // A mentor who leaves after week 4 teaches only weeks 1–4: at 4 h a week B would need 10 of
  // them, so nobody can teach B and the role stays unmet.
  @Test func leavingMentorTeachesOnlyWhilePresent() {
    let organization = Organization(
      skills: [Skill(id: "payroll")],
      people: [
        Person(id: "A", levels: ["payroll": 4], leaves: Self.day(2025, 1, 31)),
        Person(id: "B", levels: ["payroll": 2]),
      ],
      roles: [Role(id: "run", requirements: [.init(skill: "payroll", level: 3)], incumbents: ["A"])]
    )
    #expect(planMentoring(organization, options: options(calendar: false)).pairs.count == 1)
    let plan = planMentoring(organization, options: options())
    #expect(plan.pairs.isEmpty)
    #expect(plan.unmet.map(\.role) == ["run"])
  }

  // E can qualify for both roles (x and y from 2 to 3, 40 h each, 8 h a week; M teaches both).
  // The critical role 'late' (weight 3) is worth more per week of cover than 'early' (1):
  // x first (weeks 1–5), then y (weeks 6–10) earns 3 · 8 + 1 · 3 = 27 coverage-weeks over the
  // 12 weeks; the other order earns 1 · 8 + 3 · 3 = 17. The most valuable cover arrives first.
  @Test func mostValuableCoverArrivesFirst() throws {
    let organization = Organization(
      skills: [Skill(id: "a"), Skill(id: "x"), Skill(id: "y")],
      people: [
        Person(id: "E", levels: ["a": 1, "x": 2, "y": 2], learningHoursPerWeek: 8),
        Person(
          id: "I1", levels: ["a": 1, "x": 3], canMentor: false, absences: [Self.workWeek(8)]),
        Person(
          id: "I2", levels: ["a": 1, "y": 3], canMentor: false, absences: [Self.workWeek(3)]),
        Person(id: "M", levels: ["x": 4, "y": 4], mentorHoursPerWeek: 4),
      ],
      roles: [
        Role(
          id: "late", requirements: [.init(skill: "a", level: 1), .init(skill: "x", level: 3)],
          incumbents: ["I1"], criticality: .critical, backups: 1),
        Role(
          id: "early", requirements: [.init(skill: "a", level: 1), .init(skill: "y", level: 3)],
          incumbents: ["I2"]),
      ])
    let plan = planMentoring(organization, options: options())
    #expect(plan.pairs.map(\.skill) == ["x", "y"])
    #expect(plan.pairs.map(\.startWeek) == [1, 6])
    #expect(plan.pairs.map(\.endWeek) == [5, 10])
    // Before: each role has one of two (3 + 1 a week, 48 over 12 weeks); then 3 · 8 + 1 · 3.
    #expect(plan.coverageWeeksBefore == 48)
    #expect(plan.coverageWeeks == 75)
    #expect(plan.pairs.flatMap(\.roles).map(\.readyWeek) == [5, 10])
  }
}

/// Collects progress reports; the callback runs on the planning thread, one call at a time.
final class ProgressLog: @unchecked Sendable {
  var reports: [PlanProgress] = []
}

@Suite("Progress") struct ProgressTests {
  @Test func reportsWithoutChangingThePlan() throws {
    for seed in UInt64(1)...5 {
      let organization = tinyOrganization(seed: seed, people: 30, skills: 8, roles: 10)
      let options = PlanOptions(policy: organization.policy, timeLimit: .seconds(30))
      let log = ProgressLog()
      var with = planMentoring(organization, options: options) { log.reports.append($0) }
      var without = planMentoring(organization, options: options)
      with.stats.elapsed = .zero
      without.stats.elapsed = .zero
      #expect(with == without)
      let first = try #require(log.reports.first)
      let last = try #require(log.reports.last)
      #expect(first.phase == .constructing && first.upperBound == nil)
      #expect(last.phase == .bounding)
      #expect(last.upperBound == with.coverageWeeksBound)
      #expect(abs(last.bestScore - with.coverageWeeks) < 1e-9)
      // A run of a few milliseconds reports at the start and at the end only.
      #expect(log.reports.count <= 2 + Int(seconds(last.elapsed) * 10))
      #expect(zip(log.reports, log.reports.dropFirst()).allSatisfy { $0.elapsed <= $1.elapsed })
    }
  }

  func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
  }
}
