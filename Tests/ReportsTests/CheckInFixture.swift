import MentoringOptimizer
import Reports
import SkillsGraph
import TestSupport

/// Four hand-made pairs over eight weeks, made to collide, with every check-in worked out here.
///
/// Weeks start on Mondays 4, 11, 18, 25 January, 1, 8, 15, 22 February 2027 (weeks 1–8). Ann is
/// away all of week 3 (18–22 January); Bo is away Monday 4 January; Eve leaves on Tuesday
/// 2 February (her last working day). In plan order:
///
/// 0. Ann teaches Bo ledger, weeks 1–8: check-ins due in weeks 1, 3, 5, 7.
/// 1. Ann teaches Cem tax, weeks 1–6: due in weeks 1, 3, 5.
/// 2. Cem teaches Dai audit, weeks 1–8: due in weeks 1, 3, 5, 7. Cem is a mentee in pair 1 and
///    a mentor here.
/// 3. Eve teaches Fay ledger, weeks 1–7 (a plan kept from before Eve gave notice): due in weeks
///    1, 3, 5, 7.
enum CheckInFixture {
  static let organization = Organization(
    asOf: Day.fixture("2026-12-18"),
    skills: [Skill(id: "ledger"), Skill(id: "tax"), Skill(id: "audit")],
    people: [
      Person(
        id: "P1", name: "Ann", levels: ["ledger": 4, "tax": 4],
        absences: [Absence(from: Day.fixture("2027-01-18"), to: Day.fixture("2027-01-22"))]),
      Person(
        id: "P2", name: "Bo", levels: ["ledger": 2],
        absences: [Absence(from: Day.fixture("2027-01-04"), to: Day.fixture("2027-01-04"))]),
      Person(id: "P3", name: "Cem", levels: ["tax": 2, "audit": 4]),
      Person(id: "P4", name: "Dai", levels: ["audit": 2]),
      Person(id: "P5", name: "Eve", levels: ["ledger": 4], leaves: Day.fixture("2027-02-02")),
      Person(id: "P6", name: "Fay", levels: ["ledger": 1]),
    ],
    roles: [],
    policy: Policy(horizonWeeks: 8, start: Day.fixture("2027-01-04")))

  static let horizon = Horizon(for: organization, today: Day.fixture("2027-01-04"))

  static func pair(
    _ mentor: PersonID, _ mentee: PersonID, _ skill: SkillID, weeks: ClosedRange<Int>
  ) -> PlannedPair {
    PlannedPair(
      mentor: mentor, mentee: mentee, skill: skill, fromLevel: 2, toLevel: 3,
      menteeHours: Double(4 * weeks.count), mentorHours: Double(weeks.count),
      startWeek: weeks.lowerBound, endWeek: weeks.upperBound,
      hoursByWeek: Array(repeating: 4, count: weeks.count), roles: [], crossDepartment: false,
      matchesInterest: false)
  }

  static let pairs = [
    pair("P1", "P2", "ledger", weeks: 1...8), pair("P1", "P3", "tax", weeks: 1...6),
    pair("P3", "P4", "audit", weeks: 1...8), pair("P5", "P6", "ledger", weeks: 1...7),
  ]

  static func plan(_ pairs: [PlannedPair] = pairs) -> MentoringPlan {
    let coverage = CoverageAnalysis(organization)
    return MentoringPlan(
      pairs: pairs, before: coverage, after: coverage, coverageWeeks: 0, coverageWeeksBound: 0,
      coverageByWeek: Array(repeating: 0, count: 8), coverageByWeekBefore: [], unmet: [],
      horizonWeeks: 8, cascades: true,
      stats: PlanStats(
        candidateBundles: 0, iterations: 0, improvements: 0, greedyScore: 0,
        stoppedOnTimeLimit: false, elapsed: .zero))
  }

  static func schedule(
    _ pattern: CheckInPattern = .standard, pairs: [PlannedPair] = pairs
  ) -> CheckInSchedule {
    CheckInSchedule(
      plan: plan(pairs), organization: organization, horizon: horizon, pattern: pattern)
  }

  /// The report content over the fixture, for the renderers.
  static func content(_ pattern: CheckInPattern = .standard) -> PlanReportContent {
    let before = GapReportContent.analyse(organization, horizon: horizon)
    var content = PlanReportContent.analyse(plan(), before: before, horizon: horizon)
    content.checkInPattern = pattern
    return content
  }
}

extension CheckIn {
  /// "week 4 (due 3): 2027-01-25 10:30", to compare schedules at a glance.
  var summary: String {
    "week \(week)\(week == patternWeek ? "" : " (due \(patternWeek))"): \(day) "
      + CheckInPattern.clock(startMinute)
  }
}
