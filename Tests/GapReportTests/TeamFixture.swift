import SkillsGraph

/// A four-person team small enough that every line of its reports can be checked by eye.
///
/// Figures by hand: `close` (critical, target 1 + 2 = 3) has Ann and Bea qualified: depth 2,
/// gap 1, score 3 · 2 = 6 of 9. `audit | tax` (weight 2.5, target 1) has only Bea: depth 1,
/// score 2.5 of 2.5, Bea a single point of failure. Coverage 8.5 of 11.5 = 73.91 %.
enum TeamFixture {
  static let organization = Organization(
    asOf: Day(iso: "2026-11-24"),
    skills: [
      Skill(id: "ledger", name: "General ledger"), Skill(id: "tax", name: "Tax \"VAT\" law"),
    ],
    people: [
      Person(id: "P2", name: "Ann Ødegaard", department: "Finance", levels: ["ledger": 3]),
      Person(id: "P10", name: "Bea Diallo", department: "Finance", levels: ["ledger": 4, "tax": 3]),
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

  static let sources = [
    ReportSourceFixture.export, ReportSourceFixture.roles,
  ]
}

import GapReport

enum ReportSourceFixture {
  static let export = ReportSource(
    path: "export.xml", profile: "native", people: 4, skills: 2, roles: 0, absences: 0)
  static let roles = ReportSource(
    path: "roles.xml", profile: "native", people: 0, skills: 0, roles: 2, absences: 0)
}
