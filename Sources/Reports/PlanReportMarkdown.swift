import MentoringOptimizer
import SkillsGraph

/// The mentoring plan for people: who teaches whom what, when, and what it buys.
public enum PlanReportMarkdown {
  /// Renders `content` as Markdown.
  public static func render(_ content: PlanReportContent) -> String {
    let names = Names(content.organization)
    var out = "# Mentoring plan\n\n"
    out += PlanChangesReport.markdown(content, names: names)
    out += summary(content)
    let privacy = content.before.privacy
    let timeline = PlanTimeline(content)
    out += waves(content, timeline: timeline, names: names, privacy: privacy)
    out += coverage(content, timeline: timeline, names: names, privacy: privacy)
    out += unmet(content, names: names, privacy: privacy)
    out += roles(content, names: names, privacy: privacy)
    let disclosure = content.depthDisclosure
    out += LeaverMarkdown.section(
      content.before.departures, horizon: content.horizon, names: names, disclosure: disclosure,
      backups: content.newBackups)
    out += AbsenceMarkdown.calendar(
      content.absencesAfter, names: names, afterPlan: true, disclosure: disclosure)
    out += SuccessionMarkdown.bench(content.before, names: names, disclosure: disclosure)
    out += GapReportMarkdown.sourcesSection(content.before.sources)
    out += legend
    return out
  }

  static func summary(_ content: PlanReportContent) -> String {
    let plan = content.plan
    let horizon = content.horizon
    let before = content.before.absences.uncoveredRoleDays
    let after = content.absencesAfter.uncoveredRoleDays
    var out = "## Summary\n\n"
    // The ceiling is the same before and after: both percentages exist, or neither does.
    let coverage =
      plan.before.coveragePercent == nil
      ? formatCoverage(nil)
      : formatCoverage(plan.before.coveragePercent) + " → "
        + formatCoverage(plan.after.coveragePercent)
    out += "- **Coverage: \(coverage)** (score "
    out += "\(formatNumber(plan.coverageBefore)) → \(formatNumber(plan.coverageAfter)) of "
    out += "\(formatNumber(plan.coverageCeiling)))\n"
    if let percent = plan.horizonPercent {
      out += "- **Coverage over the \(plan.horizonWeeks) weeks: "
      out += "\(formatDecimal(percent, places: 1)) %** (coverage-weeks "
      out += "\(formatDecimal(plan.coverageWeeksBefore, places: 1)) without a plan → "
      out += "\(formatDecimal(plan.coverageWeeks, places: 1)); every week a role has one more "
      out += "trained backup, up to its target, counts its weight)\n"
    }
    out += "- No plan can earn more than **\(formatDecimal(plan.coverageWeeksBound, places: 2))** "
    out += "coverage-weeks: this plan is within **\(formatDecimal(plan.gapPercent, places: 2)) %** "
    out += "of the best possible (certified bound)\n"
    out += "- \(plan.pairs.count) mentoring pairs, "
    out += "\(formatDecimal(plan.totalMenteeHours, places: 1)) learning hours in all, over "
    out += "\(horizon.weeks) weeks from \(horizon.start)\n"
    out += "- Roles below target: \(plan.before.rolesBelowTarget) → \(plan.after.rolesBelowTarget)"
    let disclosure = content.depthDisclosure
    out += "; single points of failure: "
    out += "\(GapReportMarkdown.singlePointCount(plan.before, disclosure)) → "
    out += "\(GapReportMarkdown.singlePointCount(plan.after, disclosure))\n"
    out += "- Uncovered role-days in the horizon (weighted by criticality): "
    out += "\(formatDecimal(before, places: 1)) → \(formatDecimal(after, places: 1)); "
    out += "\(content.before.absences.uncoveredDayCount) → "
    out += "\(GapReportMarkdown.roleDays(content.absencesAfter.uncoveredDayCount)) unweighted "
    out += "(new backups count from the week their training ends)\n"
    let sickBefore = content.before.absences.expectedUncoveredRoleDaysPerYear
    let sickAfter = content.absencesAfter.expectedUncoveredRoleDaysPerYear
    out += "- Expected uncovered role-days a year from sick days (weighted by criticality): "
    out += "\(formatDecimal(sickBefore, places: 1)) → \(formatDecimal(sickAfter, places: 1)), "
    out += GapReportMarkdown.sumOverRoles(content.absencesAfter.roles.count) + "\n"
    let privacy = content.before.privacy
    let factorBefore = content.before.absences.organizationAbsenceFactor
    let factorAfter = content.absencesAfter.organizationAbsenceFactor
    out += "- Organization absence factor (people away at once to stop half the weighted work): "
    out += "\(privacy.count(factorBefore.size)) → \(privacy.count(factorAfter.size))"
    out += factorAfter.isExact ? "\n" : " (greedy; at least \(factorAfter.lowerBound))\n"
    if plan.stats.stoppedOnTimeLimit {
      out += "- The search stopped on its time limit; a longer time limit may find more\n"
    }
    return out + "\n"
  }

  /// The pairs in waves: one heading per month in which pairs start, one line per pair.
  static func waves(
    _ content: PlanReportContent, timeline: PlanTimeline, names: Names, privacy: Privacy
  ) -> String {
    var out = "## Waves\n\n"
    guard !timeline.pairs.isEmpty else {
      return out + "No pair improves coverage within the capacities given.\n\n"
    }
    // Lines break after each sentence: a paragraph still, and no line runs off a terminal.
    out += "Pairs grouped by the month of their first week.\n"
    out += "Each pair raises one skill of the mentee; together a mentee's pairs qualify them for "
    out += "the roles named, from the week the last of them ends.\n"
    out += "Hours are the mentee's; the mentor spends a quarter of them.\n"
    out += content.checkInPattern.sentence + "\n\n"
    let disclosure = content.depthDisclosure
    for wave in timeline.waves {
      out += "### \(wave.month.name)\n\n"
      for index in wave.pairs {
        let line = waveLine(
          timeline.pairs[index], gaps: timeline.gaps[index], horizon: content.horizon,
          names: names, disclosure: disclosure)
        out += "- " + MarkdownTable.escape(line) + "\n"
      }
      out += "\n"
    }
    return out
  }

  /// One pair in a sentence or three: who learns what from whom, when, what for, and how the
  /// mentor got there when the plan trained them.
  static func waveLine(
    _ pair: PlannedPair, gaps: [PlanTimeline.Gap], horizon: Horizon, names: Names,
    disclosure: DepthDisclosure
  ) -> String {
    var out = "**\(names.person(pair.mentee))** learns \(names.skill(pair.skill)) "
    out += "\(pair.fromLevel) → \(pair.toLevel) from \(names.person(pair.mentor)): "
    out += PlanTimeline.hours(pair)
    out += " (\(formatDecimal(pair.menteeHours, places: 1)) h; "
    out += "mentor \(formatDecimal(pair.mentorHours, places: 1)) h)"
    if let gaps = PlanTimeline.gapsText(gaps) { out += "; " + gaps }
    out += "."
    for (week, impacts) in PlanTimeline.readiness(pair) {
      let roles = impacts.map {
        "\(names.role($0.role)): depth \(disclosure.count($0.depthBefore, of: $0.role)) → "
          + disclosure.count($0.depthAfter, of: $0.role)
      }
      out += " Ready in week \(week) (\(horizon.firstDay(ofWeek: week))) for "
      out += roles.joined(separator: "; ") + "."
    }
    if let training = pair.mentorTraining {
      out += " Mentor trained in this plan: \(names.person(training.mentee)) by "
      out += "\(names.person(training.mentor)), ready in week \(training.endWeek)."
    }
    var facts: [String] = []
    if pair.crossDepartment { facts.append("across departments") }
    if pair.matchesInterest { facts.append("the mentee asked to learn this") }
    if let first = facts.first {
      facts[0] = first.prefix(1).uppercased() + first.dropFirst()
      out += " " + facts.joined(separator: "; ") + "."
    }
    return out
  }

  /// What a pair is for, in words: the roles it helps with and their depth before → after.
  static func explanation(
    _ pair: PlannedPair, names: Names, markup: Bool = true,
    disclosure: DepthDisclosure = .showingAll
  ) -> String {
    var parts = pair.roles.map {
      "\(markup ? names.role($0.role) : names.plainRole($0.role)): depth "
        + "\(disclosure.count($0.depthBefore, of: $0.role)) → "
        + disclosure.count($0.depthAfter, of: $0.role)
    }
    if pair.crossDepartment { parts.append("across departments") }
    if pair.matchesInterest { parts.append("the mentee asked to learn this") }
    return parts.joined(separator: "; ")
  }

  /// The coverage curve by month, and the week each role the plan trains for reaches target.
  static func coverage(
    _ content: PlanReportContent, timeline: PlanTimeline, names: Names, privacy: Privacy
  ) -> String {
    guard !timeline.months.isEmpty else { return "" }
    let ceiling = content.plan.coverageCeiling
    var out = "## Coverage week by week\n\n"
    out += "The weighted coverage of each week (every role's weight times its depth that week, "
    out += "up to its target), averaged over the weeks of each month (a week belongs to the "
    out += "month of its first day): without the plan → with it. Every role at target scores "
    out += "\(formatNumber(ceiling)).\n\n"
    var table = MarkdownTable(
      ["Month", "Weeks", "Coverage", "Of the ceiling"], rightAligned: [false, true, true, true])
    for month in timeline.months {
      let weeks =
        month.weeks.count == 1
        ? "\(month.weeks.lowerBound)" : "\(month.weeks.lowerBound)–\(month.weeks.upperBound)"
      let percent = { (value: Double) in formatCoverage(ceiling > 0 ? 100 * value / ceiling : nil) }
      let coverage = formatDecimal(month.after, places: 1)
      guard let before = month.before else {
        table.append([month.month.name, weeks, coverage, percent(month.after)])
        continue
      }
      table.append([
        month.month.name, weeks, "\(formatDecimal(before, places: 1)) → \(coverage)",
        ceiling > 0 ? "\(percent(before)) → \(percent(month.after))" : percent(month.after),
      ])
    }
    out += table.rendered() + "\n"
    guard !timeline.roleTargets.isEmpty else { return out }
    out += "The roles the plan trains for, and the week from which each stays at its target:\n\n"
    var roles = MarkdownTable(
      ["Role", "Target", "At target from"], rightAligned: [false, true, false])
    let disclosure = content.depthDisclosure
    for role in timeline.roleTargets {
      let from = role.atTargetFrom.map { week in
        week == 1
          ? "week 1 (the whole horizon)"
          : "week \(week) (\(content.horizon.firstDay(ofWeek: week)))"
      }
      roles.append([
        names.role(role.role), "\(role.target)",
        // Reaching the target says the depth became the target: hidden with the role's depth.
        privacy.hides(role.target)
          ? "–" : disclosure.derived(from ?? "not within the horizon", of: role.role),
      ])
    }
    return out + roles.rendered() + "\n"
  }

  /// Roles still short, with the optimizer's reason as a sentence with numbers (the nearest
  /// candidate, the limit that binds, what would lift it); in workshop mode the count missing is
  /// hidden with the depth it gives away (target − missing).
  static func unmet(_ content: PlanReportContent, names: Names, privacy: Privacy) -> String {
    let title = "## Still below target after the plan\n\n"
    guard !content.plan.unmet.isEmpty else { return title + "Every role reaches its target.\n\n" }
    var table = MarkdownTable(
      ["Role", "Still missing", "Why"], rightAligned: [false, true, false])
    let disclosure = content.depthDisclosure
    for role in content.plan.unmet {
      table.append([
        names.role(role.role), disclosure.derived("\(role.gap)", of: role.role),
        role.reason.sentence(
          person: names.person, skill: names.skill, number: { formatDecimal($0, places: 1) },
          withheldMentors: disclosure.withheldMentors),
      ])
    }
    return title + unmetIntroduction + "\n\n" + table.rendered() + "\n"
  }

  /// What the reasons say and what "would do" promises, above the table of roles still short.
  static let unmetIntroduction =
    "Why each role stays short: the nearest candidate (fewest learning hours still to learn, "
    + "ties by id), the first limit that stops them, and the smallest change to that limit "
    + "alone that would do (a longer horizon counts the learner's time only; more learning "
    + "hours a week, a mentee slot or mentoring hours are checked against the whole plan, and "
    + "a mentor who would bind next is named)."

  static func roles(_ content: PlanReportContent, names: Names, privacy: Privacy) -> String {
    var table = MarkdownTable(
      ["Role", "Weight", "Depth", "Target", "Uncovered days"],
      rightAligned: [false, true, false, true, false])
    let rows = zip(
      zip(content.plan.before.roles, content.plan.after.roles),
      zip(content.before.absences.roles, content.absencesAfter.roles))
    let disclosure = content.depthDisclosure
    for ((before, after), (calendarBefore, calendarAfter)) in rows {
      table.append([
        names.role(before.role), formatNumber(before.weight),
        "\(disclosure.count(before.depth, of: before.role)) → "
          + disclosure.count(after.depth, of: before.role),
        "\(before.target)",
        "\(calendarBefore.uncoveredDayCount) → \(calendarAfter.uncoveredDayCount)",
      ])
    }
    return "## Every role, before → after\n\n" + table.rendered() + "\n"
  }

  static let legend = """
    ## Reading this plan

    - A pair's **hours** are the mentee's learning hours (levels to climb × the skill's hours per \
    level, a quarter less when the mentee holds a related skill); the mentor spends a quarter of \
    that. Every mentee stays within their weekly learning hours, every mentor within their \
    weekly mentoring hours and mentee limit.
    - **Depth before → after** counts the people qualified for the role today and once every \
    pair has finished. A mentee counts for a role from the week their last pair for it ends \
    (**ready in week N**); with teaching cascades, someone the plan trains may mentor others \
    from the week after.
    - **Coverage week by week** adds, for every week, each role's weight times the people \
    qualified that week, up to its target; people leaving within the horizon stop counting \
    after their last day.
    - The **certified bound** is a score no feasible plan can beat; the percentage says how far, \
    at most, this plan is from the best one.

    """
}
