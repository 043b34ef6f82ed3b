import SkillsGraph

/// The hand-made team every coverage figure in these tests was worked out on by hand.
///
/// | person | payroll | accounting | tax |
/// |--------|---------|------------|-----|
/// | A      | 4       | 3          | 2   |
/// | B      | 3       | 2          |     |
/// | C      | 2       | 4          | 3   |
/// | D      |         |            | 4   |
/// | E      |         | 2          | 1   |
/// | F      |         |            |     |
enum SixPeople {
  static let organization = Organization(
    skills: [Skill(id: "payroll"), Skill(id: "accounting"), Skill(id: "tax")],
    people: [
      Person(id: "A", levels: ["payroll": 4, "accounting": 3, "tax": 2]),
      Person(id: "B", levels: ["payroll": 3, "accounting": 2]),
      Person(id: "C", levels: ["payroll": 2, "accounting": 4, "tax": 3]),
      Person(id: "D", levels: ["tax": 4]),
      Person(id: "E", levels: ["accounting": 2, "tax": 1]),
      Person(id: "F"),
    ],
    roles: [
      Role(
        id: "payroll-run",
        requirements: [.init(skill: "payroll", level: 3), .init(skill: "accounting", level: 2)],
        incumbents: ["A"], criticality: .critical),
      Role(
        id: "month-close",
        requirements: [.init(skill: "accounting", level: 3), .init(skill: "tax", level: 2)],
        incumbents: ["C"], criticality: .high),
      Role(
        id: "tax-filing", requirements: [.init(skill: "tax", level: 4)], incumbents: ["D"],
        criticality: .high),
      Role(
        id: "audit-prep",
        requirements: [.init(skill: "accounting", level: 4), .init(skill: "tax", level: 3)],
        incumbents: ["C"], criticality: .normal),
      Role(
        id: "vat",
        requirements: [.init(skill: "tax", level: 3), .init(skill: "payroll", level: 2)],
        criticality: .weight(2.5)),
    ])
}
