import MentoringOptimizer
import Reports
import SkillsGraph
import TestSupport

/// A four-person team whose names try to break out of the HTML, with a plan small enough to
/// check by hand.
///
/// Figures by hand, over 12 weeks from Monday 2026-11-30: `close` (critical, target 1 + 2 = 3)
/// has Ann and Bea qualified (depth 2); `audit` (high, target 1 + 1 = 2) has only Ann (depth 1,
/// Ann a single point of failure). Coverage 3 · 2 + 2 · 1 = 8 of 9 + 4 = 13, 61.5 %.
/// Ann's vacations (Mon 30 Nov – Wed 2 Dec, and Mon 15 – Tue 16 Feb in week 12) stop `audit`
/// on 5 working days. The plan has Ann teach the `<script>` person ledger 2→3 (for `close`)
/// and Cem tax 2→3 (for `audit`): 40 h each at 4 h a week, done before week 12, so the plan
/// covers the February days but not the ones in week 1.
enum HTMLFixture {
  static let hostile = "<script>alert(1)</script>"

  static let organization = Organization(
    asOf: Day.fixture("2026-11-27"),
    skills: [
      Skill(id: "ledger", name: "General ledger"),
      Skill(id: "tax", name: "Tax \"VAT\" & <b>law</b>"),
    ],
    people: [
      Person(
        id: "P1", name: "Ann Ødegaard", department: "Finance", levels: ["ledger": 4, "tax": 3],
        absences: [
          Absence(from: Day.fixture("2026-11-30"), to: Day.fixture("2026-12-02"), kind: "vacation"),
          Absence(from: Day.fixture("2027-02-15"), to: Day.fixture("2027-02-16"), kind: "vacation"),
        ]),
      Person(
        id: "P2", name: hostile, department: "R&D <Lab>", levels: ["ledger": 2],
        interests: ["ledger"]),
      Person(id: "P3", name: "Bea Diallo", department: "Finance", levels: ["ledger": 3]),
      Person(id: "P4", name: "Cem Aksoy", department: "Tax", levels: ["tax": 2]),
    ],
    roles: [
      Role(
        id: "close", name: "Month-end close", requirements: [.init(skill: "ledger", level: 3)],
        incumbents: ["P3"], criticality: .critical),
      Role(
        id: "audit", name: "Audit 'tax' <review>", requirements: [.init(skill: "tax", level: 3)],
        incumbents: ["P1"], criticality: .high),
    ],
    policy: Policy(horizonWeeks: 12, start: Day.fixture("2026-11-30")))

  static let horizon = Horizon(for: organization, today: Day.fixture("2026-11-27"))

  static let sources = [
    SourceSummary(
      path: "exports/<evil> & co.xml", profile: "native", people: 4, skills: 2, roles: 2,
      absences: 2)
  ]

  /// The gap report's content, computed afresh on each call (for the determinism test).
  static func gapContent() -> GapReportContent {
    GapReportContent.analyse(organization, horizon: horizon, sources: sources)
  }

  /// The plan report's content, planned afresh on each call.
  static func planContent() -> PlanReportContent {
    let before = gapContent()
    let plan = planMentoring(organization, options: PlanOptions(policy: organization.policy))
    return PlanReportContent.analyse(plan, before: before, horizon: horizon)
  }
}
