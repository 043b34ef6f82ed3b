import MentoringOptimizer
import Reports
import SkillsGraph
import TestSupport

/// A hand-made plan over three months, small enough that every line of its waves and every
/// figure of its coverage curve is worked out here.
///
/// Twelve weeks from Monday 2026-11-30; the week of 28 December is all holidays (week 5). Weeks
/// start on 30 Nov (November), 7, 14, 21, 28 Dec (weeks 2–5), 4, 11, 18, 25 Jan (weeks 6–9),
/// 1, 8, 15 Feb (weeks 10–12).
///
/// Ann (P1) is the only one qualified for `close` (critical, target 1 + 2 = 3) and `audit`
/// (high, target 1 + 1 = 2): coverage 3 · 1 + 2 · 1 = 5 of 3 · 3 + 2 · 2 = 13 in every week
/// without a plan. The plan, in plan order (by mentee):
///
/// - Bo (P2) learns ledger 2→3 from Ann in weeks 2–11 at 4 h, none in week 5 (holidays): 36 h,
///   ready for `close` in week 11. Across departments, and Bo asked for it.
/// - Cem (P3) learns tax 2→3 from Ann in weeks 1–7 at 8 h, none in week 4 (Cem is away 21 Dec –
///   1 Jan) nor week 5 (holidays): 40 h, ready for `audit` in week 7. Across departments.
/// - Dai (P4) learns tax 2→3 from Cem, whom the plan trained, in weeks 8–12 at 8 h: 40 h, ready
///   for `audit` in week 12.
///
/// Coverage with the plan: 5 in weeks 1–6; `audit` reaches its target 2 with Cem in week 7: 7
/// in weeks 7–10; `close` gains Bo in week 11: 3 · 2 + 4 = 10 in weeks 11–12 (Dai makes `audit`
/// 3 deep, past its target). Coverage-weeks 6 · 5 + 4 · 7 + 2 · 10 = 78, 60 without the plan.
enum WavesFixture {
  static let holidays = (28...31).map { Day.fixture("2026-12-\($0)") } + [Day.fixture("2027-01-01")]

  static let organization = Organization(
    asOf: Day.fixture("2026-11-27"),
    skills: [Skill(id: "ledger", name: "General ledger"), Skill(id: "tax", name: "Tax")],
    people: [
      Person(
        id: "P1", name: "Ann Ødegaard", department: "Finance", levels: ["ledger": 4, "tax": 4],
        mentorHoursPerWeek: 4),
      Person(
        id: "P2", name: "Bo Berg", department: "Sales", levels: ["ledger": 2],
        interests: ["ledger"]),
      Person(
        id: "P3", name: "Cem Aksoy", department: "Tax", levels: ["tax": 2],
        learningHoursPerWeek: 8,
        absences: [Absence(from: Day.fixture("2026-12-21"), to: Day.fixture("2027-01-01"))]),
      Person(
        id: "P4", name: "Dai Ng", department: "Tax", levels: ["tax": 2], learningHoursPerWeek: 8),
    ],
    roles: [
      Role(
        id: "close", name: "Month-end close", requirements: [.init(skill: "ledger", level: 3)],
        incumbents: ["P1"], criticality: .critical),
      Role(
        id: "audit", name: "Audit", requirements: [.init(skill: "tax", level: 3)],
        incumbents: ["P1"], criticality: .high),
    ],
    policy: Policy(horizonWeeks: 12, start: Day.fixture("2026-11-30"), holidays: holidays))

  static let horizon = Horizon(for: organization, today: Day.fixture("2026-11-27"))

  /// Why `close` stays one short.
  ///
  /// Cem and Dai need ledger 0 → 3, 120 h each (Cem first by id). Cem is present in 10 weeks (not 4 nor 5) at 8 h: 80 h. 120 h take 15 weeks present,
  /// weeks 1–3 and 6–17, so 17 weeks; or ⌈120 / 10⌉ = 12 h a week.
  static let closeReason = UnmetReason(
    candidate: "P3", menteeHours: 120,
    limit: .horizon(
      LearningTime(
        hoursPerWeek: 8, weeksPresent: 10, horizonWeeks: 12, hoursThatFit: 80,
        weeksThatWouldDo: 17, hoursPerWeekThatWouldDo: 12)))

  static let pairs = [
    PlannedPair(
      mentor: "P1", mentee: "P2", skill: "ledger", fromLevel: 2, toLevel: 3, menteeHours: 36,
      mentorHours: 9, startWeek: 2, endWeek: 11, hoursByWeek: [4, 4, 4, 0, 4, 4, 4, 4, 4, 4],
      roles: [RoleImpact(role: "close", depthBefore: 1, depthAfter: 2, readyWeek: 11)],
      crossDepartment: true, matchesInterest: true),
    PlannedPair(
      mentor: "P1", mentee: "P3", skill: "tax", fromLevel: 2, toLevel: 3, menteeHours: 40,
      mentorHours: 10, startWeek: 1, endWeek: 7, hoursByWeek: [8, 8, 8, 0, 0, 8, 8],
      roles: [RoleImpact(role: "audit", depthBefore: 1, depthAfter: 3, readyWeek: 7)],
      crossDepartment: true, matchesInterest: false),
    PlannedPair(
      mentor: "P3", mentee: "P4", skill: "tax", fromLevel: 2, toLevel: 3, menteeHours: 40,
      mentorHours: 10, startWeek: 8, endWeek: 12, hoursByWeek: [8, 8, 8, 8, 8],
      roles: [RoleImpact(role: "audit", depthBefore: 1, depthAfter: 3, readyWeek: 12)],
      crossDepartment: false, matchesInterest: false,
      mentorTraining: PairReference(mentor: "P1", mentee: "P3", skill: "tax", endWeek: 7)),
  ]

  static let coverageByWeek: [Double] = [5, 5, 5, 5, 5, 5, 7, 7, 7, 7, 10, 10]

  static let plan: MentoringPlan = {
    var trained = organization
    for pair in pairs {
      if let index = trained.people.firstIndex(where: { $0.id == pair.mentee }) {
        trained.people[index].levels[pair.skill] = pair.toLevel
      }
    }
    return MentoringPlan(
      pairs: pairs, before: CoverageAnalysis(organization), after: CoverageAnalysis(trained),
      coverageWeeks: 78, coverageWeeksBound: 80, coverageByWeek: coverageByWeek,
      coverageByWeekBefore: Array(repeating: 5, count: 12),
      unmet: [UnmetRole(role: "close", gap: 1, reason: closeReason)], horizonWeeks: 12,
      cascades: true,
      stats: PlanStats(
        candidateBundles: 3, iterations: 0, improvements: 0, greedyScore: 78,
        stoppedOnTimeLimit: false, elapsed: .zero))
  }()

  /// The report's content; `minimumGroup` turns on workshop mode.
  static func content(minimumGroup: Int? = nil) -> PlanReportContent {
    var before = GapReportContent.analyse(organization, horizon: horizon)
    before.privacy = Privacy(minimumGroup: minimumGroup)
    return PlanReportContent.analyse(plan, before: before, horizon: horizon)
  }
}
