public import SkillsGraph

/// Month-end close over the holidays, the case issue 13 describes, small enough to work out by
/// hand; the same organization as `Tests/UnderstudyCLITests/Fixtures/month-end.xml`.
///
/// The horizon is 6 weeks from Monday 2026-11-30 (to 2027-01-10), with 25 December and
/// 1 January as holidays. By hand:
///
/// - `month-close` (critical, close ≥ 3): Alma (E11) and Bruno (E12) qualify, depth 2, target
///   1 + 2 = 3. Alma is on vacation 21–31 December and Bruno 21 December–1 January, so the role
///   is uncovered on the working days 21, 22, 23, 24, 28, 29, 30 and 31 December (25 December is
///   a holiday): 8 days, one run "2026-12-21 to 2026-12-31", both away on vacation.
/// - `ledger` (high, ledger ≥ 3): Alma and Cora (E13) qualify, depth 2. Cora's last day is
///   Friday 2026-12-11, in week 2 (7–13 December): she counts in week 2 and stops from week 3
///   (from 2026-12-14), so the role's week depth goes 2 → 1 from week 3. From then Alma alone
///   covers it, so it is uncovered on the same 8 days as the close: Alma on vacation, Cora left
///   after 2026-12-11.
/// - `audit` (high, ledger ≥ 4): Alma alone, depth 1: Alma is a single point of failure.
///   Uncovered on the same 8 days, Alma on vacation.
/// - `bookkeeping` (normal, ledger ≥ 1): everyone but Bruno, depth 4; 3 from week 3. Never
///   uncovered.
///
/// Dario (E14) and Edda (E15) are alike but for their ids and names: which of them the plan
/// trains is settled by the tie-break on ids, which is what a pseudonym would change.
public enum MonthEnd {
  public static let organization = Organization(
    asOf: .fixture("2026-11-30"),
    skills: [
      Skill(id: "close", name: "Month-end close", hoursPerLevel: 8),
      Skill(id: "ledger", name: "General ledger", hoursPerLevel: 8),
    ],
    people: [
      Person(
        id: "E11", name: "Alma Quist", department: "Finance", levels: ["close": 4, "ledger": 4],
        absences: [
          Absence(from: .fixture("2026-12-21"), to: .fixture("2026-12-31"), kind: "vacation")
        ]),
      Person(
        id: "E12", name: "Bruno Vela", department: "Finance", levels: ["close": 3],
        absences: [
          Absence(from: .fixture("2026-12-21"), to: .fixture("2027-01-01"), kind: "vacation")
        ]),
      Person(
        id: "E13", name: "Cora Lind", department: "Finance", levels: ["ledger": 3],
        leaves: .fixture("2026-12-11")),
      Person(
        id: "E14", name: "Dario Senn", department: "Operations",
        levels: ["close": 1, "ledger": 1]),
      Person(
        id: "E15", name: "Edda Falk", department: "Operations", levels: ["close": 1, "ledger": 1]
      ),
    ],
    roles: [
      Role(
        id: "month-close", name: "Month-end close",
        requirements: [.init(skill: "close", level: 3)], incumbents: ["E11"],
        criticality: .critical),
      Role(
        id: "ledger", name: "Ledger keeping", requirements: [.init(skill: "ledger", level: 3)],
        incumbents: ["E13"], criticality: .high),
      Role(
        id: "audit", name: "Audit liaison", requirements: [.init(skill: "ledger", level: 4)],
        incumbents: ["E11"], criticality: .high),
      Role(
        id: "bookkeeping", name: "Bookkeeping", requirements: [.init(skill: "ledger", level: 1)]),
    ],
    policy: Policy(
      horizonWeeks: 6, start: .fixture("2026-11-30"),
      holidays: [.fixture("2026-12-25"), .fixture("2027-01-01")]))

  /// The horizon of the organization's policy.
  public static let horizon = Horizon(
    start: .fixture("2026-11-30"), weeks: 6,
    holidays: [.fixture("2026-12-25"), .fixture("2027-01-01")])

  /// Every id and name of a person in the organization, for checks that none leaks.
  public static let identifying = [
    "E11", "E12", "E13", "E14", "E15", "Alma", "Quist", "Bruno", "Vela", "Cora", "Lind", "Dario",
    "Senn", "Edda", "Falk",
  ]
}
