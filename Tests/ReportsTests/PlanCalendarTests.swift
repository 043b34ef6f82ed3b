import MentoringOptimizer
import Reports
import SkillsGraph
import TestSupport
import Testing

/// A backup whose training ends in the middle of their own vacation, worked out by hand.
///
/// Twelve weeks from Monday 2026-11-30. Bea alone does `audit` (tax 3) and is away Wed 3 – Fri 5
/// February (week 10) and all of week 11 (8 – 12 February): 8 uncovered days, 2.5 · 8 = 20
/// role-days. Cem (tax 2) learns tax 3 from Bea: 40 hours at 4 a week, weeks 1–10, so Cem counts
/// from Monday 1 February, but is away 3 – 5 February too: only week 11 is saved. After: 3 days,
/// 7.5 role-days.
enum MidVacation {
  static let organization = Organization(
    skills: [Skill(id: "tax")],
    people: [
      Person(
        id: "P10", name: "Bea", levels: ["tax": 3],
        absences: [
          Absence(from: Day.fixture("2027-02-03"), to: Day.fixture("2027-02-05")),
          Absence(from: Day.fixture("2027-02-08"), to: Day.fixture("2027-02-12")),
        ]),
      Person(
        id: "P3", name: "Cem", levels: ["tax": 2],
        absences: [Absence(from: Day.fixture("2027-02-03"), to: Day.fixture("2027-02-05"))]),
    ],
    roles: [
      Role(
        id: "audit", requirements: [.init(skill: "tax", level: 3)], incumbents: ["P10"],
        criticality: .weight(2.5))
    ],
    policy: Policy(horizonWeeks: 12, start: Day.fixture("2026-11-30")))

  static let content: PlanReportContent = {
    let horizon = Horizon(for: organization, today: Day.fixture("2026-11-30"))
    return PlanReportContent.plan(
      organization, horizon: horizon, options: PlanOptions(policy: organization.policy))
  }()
}

@Suite("The plan's calendar: backups count from the week their training ends")
struct PlanCalendarTests {
  let content = MidVacation.content

  @Test("Cem learns tax from Bea in weeks 1 to 10")
  func pair() throws {
    let pair = try #require(content.plan.pairs.first)
    #expect(content.plan.pairs.count == 1)
    #expect("\(pair.mentor)→\(pair.mentee):\(pair.skill)" == "P10→P3:tax")
    #expect(pair.startWeek == 1)
    #expect(pair.endWeek == 10)
  }

  @Test("Cem counts from Monday of week 10")
  func availability() {
    let availability = PlanReportContent.availability(
      of: content.plan, in: MidVacation.organization, horizon: content.horizon)
    #expect(availability == ["audit": ["P3": Day.fixture("2027-02-01")]])
  }

  @Test("uncovered days before and after, worked out by hand")
  func uncovered() throws {
    #expect(content.before.absences.uncoveredRoleDays == 20)
    #expect(content.absencesAfter.uncoveredRoleDays == 7.5)
    let after = try #require(content.absencesAfter[role: "audit"])
    #expect(after.uncoveredDays.map(\.description) == ["2027-02-03 to 2027-02-05"])
    let json = PlanReportJSON.render(content)
    #expect(json.contains("\"uncoveredRoleDays\": {\n    \"before\": 20,\n    \"after\": 7.5\n  }"))
  }
}
