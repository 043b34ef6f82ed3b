import MentoringOptimizer
import OrgGenerator
import SkillsGraph
import TestSupport
import Testing

@testable import Reports

/// The part of a Markdown report from the `## title` heading to the next `## ` heading.
func markdownSection(_ title: String, in text: String) -> String? {
  guard let start = text.range(of: "\n## \(title)\n") else { return nil }
  let rest = text[start.upperBound...]
  let end = rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex
  return String(rest[..<end])
}

@Suite("The Markdown plan in waves, with its coverage week by week")
struct PlanWavesMarkdownTests {
  let text = PlanReportMarkdown.render(WavesFixture.content())

  @Test("one heading per month in which pairs start, and one line per pair")
  func waves() throws {
    let waves = try #require(markdownSection("Waves", in: text))
    let headings = waves.split(separator: "\n").filter { $0.hasPrefix("### ") }
    #expect(headings == ["### November 2026", "### December 2026", "### January 2027"])
    let lines = waves.split(separator: "\n").filter { $0.hasPrefix("- ") }.map(String.init)
    #expect(
      lines == [
        "- **Cem Aksoy (P3)** learns Tax (`tax`) 2 → 3 from Ann Ødegaard (P1): weeks 1–7, "
          + "8 h a week (40 h; mentor 10 h); no hours in week 4 (mentee away) and week 5 "
          + "(holidays). Ready in week 7 (2027-01-11) for Audit (`audit`): depth 1 → 3. "
          + "Across departments.",
        "- **Bo Berg (P2)** learns General ledger (`ledger`) 2 → 3 from Ann Ødegaard (P1): "
          + "weeks 2–11, 4 h a week (36 h; mentor 9 h); no hours in week 5 (holidays). Ready "
          + "in week 11 (2027-02-08) for Month-end close (`close`): depth 1 → 2. Across "
          + "departments; the mentee asked to learn this.",
        "- **Dai Ng (P4)** learns Tax (`tax`) 2 → 3 from Cem Aksoy (P3): weeks 8–12, 8 h a "
          + "week (40 h; mentor 10 h). Ready in week 12 (2027-02-15) for Audit (`audit`): "
          + "depth 1 → 3. Mentor trained in this plan: Cem Aksoy (P3) by Ann Ødegaard (P1), "
          + "ready in week 7.",
      ])
    // Each pair sits under the month of its first week's Monday.
    let december = try #require(waves.range(of: "### December 2026"))
    let january = try #require(waves.range(of: "### January 2027"))
    let bo = try #require(waves.range(of: "**Bo Berg (P2)**"))
    #expect(december.upperBound < bo.lowerBound && bo.upperBound < january.lowerBound)
  }

  @Test("the coverage by month, and the week each role trained for reaches its target")
  func coverage() throws {
    let coverage = try #require(markdownSection("Coverage week by week", in: text))
    #expect(coverage.contains("Every role at target scores 13."))
    #expect(
      coverage.contains(
        """
        | Month | Weeks | Coverage | Of the ceiling |
        | --- | ---: | ---: | ---: |
        | November 2026 | 1 | 5 → 5 | 38.5 % → 38.5 % |
        | December 2026 | 2–5 | 5 → 5 | 38.5 % → 38.5 % |
        | January 2027 | 6–9 | 5 → 6.5 | 38.5 % → 50 % |
        | February 2027 | 10–12 | 5 → 9 | 38.5 % → 69.2 % |
        """))
    #expect(
      coverage.contains(
        """
        | Role | Target | At target from |
        | --- | ---: | --- |
        | Month-end close (`close`) | 3 | not within the horizon |
        | Audit (`audit`) | 2 | week 7 (2027-01-11) |
        """))
  }

  @Test("the tables one row per week and one row per pair are gone; the rest stays")
  func sections() {
    let headings = text.split(separator: "\n").filter { $0.hasPrefix("## ") }
    #expect(
      headings == [
        "## Summary", "## Waves", "## Coverage week by week",
        "## Still below target after the plan", "## Every role, before → after",
        "## Leaving within the horizon",
        "## When the work stops, once the plan runs (2026-11-30 to 2027-02-21)",
        "## Succession bench", "## Reading this plan",
      ])
    #expect(
      text.contains(
        "- **Coverage over the 12 weeks: 50 %** (coverage-weeks 60 without a plan → 78;"))
  }

  @Test("workshop mode: depth under the minimum group, and what gives it away, stays hidden")
  func workshop() throws {
    let text = PlanReportMarkdown.render(WavesFixture.content(minimumGroup: 3))
    let waves = try #require(markdownSection("Waves", in: text))
    // The audit goes from 2 to 3: "fewer than 3 → 3" beside one named mentee would say it had
    // 2, so the rule hides every depth of a role that is under the minimum group at any point.
    #expect(waves.contains("for Audit (`audit`): depth fewer than 3 → fewer than 3."))
    #expect(waves.contains("for Month-end close (`close`): depth fewer than 3 → fewer than 3."))
    #expect(!waves.contains("depth 1") && !waves.contains("→ 2"))
    let coverage = try #require(markdownSection("Coverage week by week", in: text))
    // Reaching a target of 2 would say the depth became 2.
    #expect(coverage.contains("| Audit (`audit`) | 2 | – |"))
    // The close is under the minimum group before the plan: every figure of its depth is
    // hidden, the week it would reach its target included.
    #expect(coverage.contains("| Month-end close (`close`) | 3 | – |"))
    // Still missing 1 of a target of 3 would say the depth is 2.
    let unmet = try #require(markdownSection("Still below target after the plan", in: text))
    #expect(unmet.contains("| Month-end close (`close`) | – | "))
  }

  @Test("without pairs the waves say so and the curve is still drawn")
  func empty() throws {
    var content = WavesFixture.content()
    content.plan.pairs = []
    content.plan.coverageByWeek = Array(repeating: 5, count: 12)
    let text = PlanReportMarkdown.render(content)
    let waves = try #require(markdownSection("Waves", in: text))
    #expect(waves.contains("No pair improves coverage within the capacities given."))
    let coverage = try #require(markdownSection("Coverage week by week", in: text))
    #expect(coverage.contains("| February 2027 | 10–12 | 5 → 5 | 38.5 % → 38.5 % |"))
    #expect(!coverage.contains("At target from"))
  }

  @Test("the same content gives the same bytes")
  func deterministic() {
    #expect(PlanReportMarkdown.render(WavesFixture.content()) == text)
  }
}

@Suite("Reading a plan along the calendar")
struct PlanTimelineTests {
  @Test("waves and reading order: by start week, grouped by the month of the week's Monday")
  func waves() {
    let timeline = PlanTimeline(WavesFixture.content())
    #expect(timeline.waves.map(\.month.name) == ["November 2026", "December 2026", "January 2027"])
    #expect(timeline.waves.map(\.pairs) == [[1], [0], [2]])
    #expect(timeline.numbers == [2, 1, 3])
  }

  @Test("a pair's weeks without hours, each with the reason the calendar gives")
  func gaps() {
    let timeline = PlanTimeline(WavesFixture.content())
    #expect(timeline.gaps[0] == [.init(weeks: 5...5, reason: .holidays)])
    #expect(
      timeline.gaps[1] == [
        .init(weeks: 4...4, reason: .menteeAway), .init(weeks: 5...5, reason: .holidays),
      ])
    #expect(timeline.gaps[2].isEmpty)
  }

  @Test("a gap with everyone at work is put down to the other pairs when their hours are full")
  func busyGap() {
    var organization = WavesFixture.organization
    organization.people[0].mentorHoursPerWeek = 3  // Ann: 2 h for Cem + 1 h for Bo = full
    var pairs = WavesFixture.pairs
    // Bo skips week 3, when Ann mentors Cem 2 h and …
    pairs[0].hoursByWeek = [4, 0, 4, 0, 4, 4, 4, 4, 4, 4]
    // … someone else 1 h: a fourth pair with Ann as mentor in week 3 only.
    pairs.append(
      PlannedPair(
        mentor: "P1", mentee: "P4", skill: "ledger", fromLevel: 0, toLevel: 1, menteeHours: 4,
        mentorHours: 1, startWeek: 3, endWeek: 3, hoursByWeek: [4], roles: [],
        crossDepartment: true, matchesInterest: false))
    let gaps = PlanTimeline.gaps(of: pairs, in: organization, horizon: WavesFixture.horizon)
    #expect(
      gaps[0] == [
        .init(weeks: 3...3, reason: .mentorBusy), .init(weeks: 5...5, reason: .holidays),
      ])
    organization.people[0].mentorHoursPerWeek = 4
    let spare = PlanTimeline.gaps(of: pairs, in: organization, horizon: WavesFixture.horizon)
    #expect(spare[0].first == .init(weeks: 3...3, reason: nil), "no reason is made up")
  }

  @Test(
    "hours a week in words",
    arguments: [
      ([4.0, 4, 4], 1, "weeks 1–3, 4 h a week"),
      ([6.0], 5, "week 5, 6 h a week"),
      ([4.0, 4, 0, 4, 2], 2, "weeks 2–6: 4 h a week in weeks 2–3 and 5, 2 h in week 6"),
      (
        [2.5, 4, 2.5, 4, 1], 1,
        "weeks 1–5: 2.5 h a week in weeks 1 and 3, 4 h in weeks 2 and 4, 1 h in week 5"
      ),
    ])
  func hours(byWeek: [Double], start: Int, expected: String) {
    let total = byWeek.reduce(0, +)
    let pair = PlannedPair(
      mentor: "A", mentee: "B", skill: "s", fromLevel: 1, toLevel: 2, menteeHours: total,
      mentorHours: total / 4, startWeek: start, endWeek: start + byWeek.count - 1,
      hoursByWeek: byWeek, roles: [], crossDepartment: false,
      matchesInterest: false)
    #expect(PlanTimeline.hours(pair) == expected)
  }

  @Test("week depth read off the plan adds up to the plan's own coverage curve")
  func depthMatchesCurve() {
    let content = WavesFixture.content()
    let timeline = PlanTimeline(content)
    #expect(
      timeline.depthByWeek == [
        Array(repeating: 1, count: 10) + [2, 2], [1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3],
      ])
    #expect(Self.curve(timeline, content.plan) == WavesFixture.coverageByWeek)
    #expect(
      timeline.roleTargets == [
        .init(role: "close", target: 3, atTargetFrom: nil),
        .init(role: "audit", target: 2, atTargetFrom: 7),
      ])
  }

  /// `Σ_r w(r) · min(d_w(r), T(r))` for each week, from the timeline's week depth.
  static func curve(_ timeline: PlanTimeline, _ plan: MentoringPlan) -> [Double] {
    let weeks = timeline.depthByWeek.first?.count ?? 0
    return (0..<weeks).map { week in
      zip(plan.after.roles, timeline.depthByWeek).reduce(0) { sum, role in
        sum + role.0.weight * Double(min(role.1[week], role.0.target))
      }
    }
  }
}

@Suite("The reports' week depth agrees with the optimizer's curve on generated plans")
struct PlanTimelinePropertyTests {
  /// A generated organization where mentors are scarce, with vacations and a few leavers,
  /// planned over 26 weeks: the coverage the reports compute week by week from the pairs' ready
  /// weeks and the leaving dates must be the curve the optimizer scored.
  @Test("the curve from week depth is the plan's curve", arguments: [3, 11, 29] as [UInt64])
  func curve(seed: UInt64) {
    var organization = OrganizationGenerator(people: 200, seed: seed, scarcity: .tight).generate()
    let start = Day.fixture("2027-01-04")
    organization.policy.start = start
    organization.policy.horizonWeeks = 26
    var random = SeededRandom(seed: seed)
    for index in organization.people.indices {
      if random.chance(50) {
        let from = start.adding(days: 7 * random.below(24) + random.below(5))
        organization.people[index].absences.append(
          Absence(from: from, to: from.adding(days: 3 + random.below(12))))
      }
      if random.chance(4) {
        organization.people[index].leaves = start.adding(days: 7 * random.below(26) + 2)
      }
    }
    let horizon = Horizon(for: organization, today: start)
    let content = PlanReportContent.plan(
      organization, horizon: horizon,
      options: PlanOptions(policy: organization.policy, timeLimit: .seconds(3)))
    #expect(!content.plan.pairs.isEmpty)
    let timeline = PlanTimeline(content)
    let curve = PlanTimelineTests.curve(timeline, content.plan)
    #expect(curve.count == content.plan.coverageByWeek.count)
    for (week, (ours, theirs)) in zip(curve, content.plan.coverageByWeek).enumerated() {
      #expect(abs(ours - theirs) < 1e-9, "week \(week + 1)")
    }
    // Every pair is in exactly one wave, under the month of its first week.
    #expect(timeline.waves.flatMap(\.pairs).sorted() == Array(content.plan.pairs.indices))
    for wave in timeline.waves {
      for index in wave.pairs {
        let monday = horizon.firstDay(ofWeek: content.plan.pairs[index].startWeek)
        #expect(PlanTimeline.Month(monday) == wave.month)
      }
    }
  }
}
