import Foundation
import MentoringOptimizer
import Reports
import SkillsGraph
import TestSupport
import Testing

/// The payroll team of the samples, cut down.
///
/// Brigitte Schneider is the only mentor (1 h a week, one mentee), Burak Çelik needs payroll 2 → 3 (30 h) and Ingrid Vermeulen 1 → 3 (60 h), at
/// 4 h a week each, from Monday 2026-11-30 with no holidays and no cascades. 'payroll-run' is
/// critical: target 1 + 2 = 3, depth 1 today.
///
/// Brigitte's one slot goes to Burak: 4 h a week in weeks 1–7 and 2 in week 8 (Brigitte gives
/// 1 h a week, then 0.5). Ingrid stays one short:
///
/// - over 12 weeks her 60 h exceed the 48 h that fit: 60 / 4 = 15 weeks, or ⌈60 / 12⌉ = 5 h a
///   week, would do. At 5 h a week Brigitte binds next: Burak leaves her 0.5 h in week 8 and
///   1 h in weeks 9–12. With a second slot and 2 h a week she would carry 4 h of Ingrid's in
///   weeks 1–7 and 5 h in weeks 8–12, 53 h; with 3 h a week, 5 h in every week, 60 h;
/// - over 26 weeks 104 h fit, but Brigitte's slot is taken; with a second one, Brigitte's
///   0.5 h in week 8 and 1 h in weeks 9–26 carry 2 + 72 h of Ingrid's at 4 h a week, more
///   than 60.
@Suite("Reasons in the plan reports") struct UnmetReasonReportTests {
  static func content(weeks: Int) -> PlanReportContent {
    var organization = Organization(
      asOf: Day.fixture("2026-11-27"),
      skills: [Skill(id: "payroll", name: "Payroll processing", hoursPerLevel: 30)],
      people: [
        Person(
          id: "HL044", name: "Brigitte Schneider", levels: ["payroll": 4], mentorHoursPerWeek: 1,
          maxMentees: 1),
        Person(id: "HL045", name: "Burak Çelik", levels: ["payroll": 2]),
        Person(id: "HL040", name: "Ingrid Vermeulen", levels: ["payroll": 1]),
      ],
      roles: [
        Role(
          id: "payroll-run", name: "Payroll run", requirements: [.init(skill: "payroll", level: 3)],
          incumbents: ["HL044"], criticality: .critical)
      ],
      policy: Policy(horizonWeeks: weeks, start: Day.fixture("2026-11-30")))
    organization.policy.cascades = false
    let horizon = Horizon(for: organization, today: Day.fixture("2026-11-27"))
    return PlanReportContent.plan(
      organization, horizon: horizon,
      options: PlanOptions(policy: organization.policy, timeLimit: .seconds(5)))
  }

  @Test(
    "Markdown: the nearest candidate and the limit, with names and numbers",
    arguments: [
      (
        12,
        "Ingrid Vermeulen (HL040) needs 60 h; 48 h fit in 12 weeks at 4 h a week: 15 weeks or "
          + "5 h a week would do; at 5 h a week the mentors of Payroll processing (`payroll`) "
          + "bind next: the only mentor, Brigitte Schneider (HL044), takes 1 mentee and teaches "
          + "Burak Çelik (HL045): one more mentee slot and 3 h a week would do"
      ),
      (
        26,
        "Ingrid Vermeulen (HL040) needs 60 h of Payroll processing (`payroll`); the only mentor, "
          + "Brigitte Schneider (HL044), takes 1 mentee and teaches Burak Çelik (HL045): one "
          + "more mentee slot would do"
      ),
    ])
  func markdown(weeks: Int, sentence: String) throws {
    let content = Self.content(weeks: weeks)
    #expect(content.plan.pairs.map(\.mentee) == ["HL045"])
    let text = PlanReportMarkdown.render(content)
    let section = try #require(markdownSection("Still below target after the plan", in: text))
    #expect(section.contains("| Payroll run (`payroll-run`) | 1 | \(sentence) |"))
  }

  @Test("HTML: the same sentence, names escaped in their spans")
  func html() throws {
    let html = HTMLReport.render(Self.content(weeks: 26))
    let section = try #require(HTMLScan.section("unmet", in: html))
    let expected: String = [
      "<td><span class=\"name\">Ingrid Vermeulen</span> <span class=\"id\">HL040</span> needs",
      "60 h of <span class=\"name\">Payroll processing</span> <span class=\"id\">payroll</span>;",
      "the only mentor, <span class=\"name\">Brigitte Schneider</span>",
      "<span class=\"id\">HL044</span>, takes 1 mentee and teaches <span class=\"name\">Burak",
      "Çelik</span> <span class=\"id\">HL045</span>: one more mentee slot would do</td>",
    ].joined(separator: " ")
    #expect(section.contains(expected))
  }

  @Test("JSON: the limit and its numbers as fields, the sentence with ids")
  func json() throws {
    let data = Data(PlanReportJSON.render(Self.content(weeks: 12)).utf8)
    let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let unmet = try #require((document["unmet"] as? [[String: Any]])?.first)
    #expect(unmet["candidate"] as? String == "HL040")
    #expect(unmet["menteeHours"] as? Double == 60)
    #expect(unmet["limit"] as? String == "horizon")
    let details = try #require(unmet["details"] as? [String: Any])
    #expect(details["hoursThatFit"] as? Double == 48)
    #expect(details["weeksThatWouldDo"] as? Int == 15)
    #expect(details["hoursPerWeekThatWouldDo"] as? Int == 5)
    let next = try #require(details["mentorsNext"] as? [String: Any])
    let change = try #require(next["change"] as? [String: Any])
    #expect(change["mentor"] as? String == "HL044" && change["extraSlot"] as? Bool == true)
    #expect(change["hoursPerWeek"] as? Double == 3)
    #expect(
      (unmet["reason"] as? String)?.hasPrefix(
        "HL040 needs 60 h; 48 h fit in 12 weeks at 4 h a week: 15 weeks or 5 h a week would do; "
          + "at 5 h a week the mentors of 'payroll' bind next: the only mentor, HL044, takes 1 "
          + "mentee") == true)
  }
}
