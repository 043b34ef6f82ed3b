import Reports
import SkillsGraph
import TestSupport

/// A four-person team small enough that every line of its reports can be checked by eye.
///
/// Figures by hand: `close` (critical, target 1 + 2 = 3) has Ann and Bea qualified: depth 2,
/// gap 1, score 3 · 2 = 6 of 9. `audit | tax` (weight 2.5, target 1) has only Bea: depth 1,
/// score 2.5 of 2.5, Bea a single point of failure. Coverage 8.5 of 11.5 = 73.91 %.
///
/// Over two weeks from Tuesday 2026-11-24, Bea's vacation (Mon Nov 30 – Wed Dec 2) leaves
/// `audit | tax` uncovered on 3 working days: 2.5 · 3 = 7.5 uncovered role-days. Sick days:
/// `close` 230 · 0.03² = 0.207, `audit` 230 · 0.03 = 6.9; weighted 3 · 0.207 + 2.5 · 6.9 = 17.871.
/// Stopping half the weight (2.75 of 5.5) takes Ann and Bea together.
enum TeamFixture {
  static let organization = Organization(
    asOf: Day(iso: "2026-11-24"),
    skills: [
      Skill(id: "ledger", name: "General ledger"), Skill(id: "tax", name: "Tax \"VAT\" law"),
    ],
    people: [
      Person(id: "P2", name: "Ann Ødegaard", department: "Finance", levels: ["ledger": 3]),
      Person(
        id: "P10", name: "Bea Diallo", department: "Finance", levels: ["ledger": 4, "tax": 3],
        absences: [
          Absence(from: Day.fixture("2026-11-30"), to: Day.fixture("2026-12-02"), kind: "vacation")
        ]),
      Person(id: "P3", name: "Cem Aksoy", department: "Tax", levels: ["tax": 2]),
      Person(id: "P1", name: "Dai Ng", department: "Tax"),
    ],
    roles: [
      Role(
        id: "close", name: "Month-end close", requirements: [.init(skill: "ledger", level: 3)],
        incumbents: ["P2"], criticality: .critical),
      Role(
        id: "audit", name: "Audit | tax", requirements: [.init(skill: "tax", level: 3)],
        criticality: .weight(2.5)),
    ])

  static let horizon = Horizon(
    for: organization, weeks: 2, today: organization.asOf ?? Day(ordinal: 0))

  static let content = GapReportContent.analyse(organization, horizon: horizon, sources: sources)

  static let sources = [
    SourceSummaryFixture.export, SourceSummaryFixture.roles,
  ]
}

enum SourceSummaryFixture {
  static let export = SourceSummary(
    path: "export.xml", profile: "native", people: 4, skills: 2, roles: 0, absences: 0)
  static let roles = SourceSummary(
    path: "roles.xml", profile: "native", people: 0, skills: 0, roles: 2, absences: 0)
}
