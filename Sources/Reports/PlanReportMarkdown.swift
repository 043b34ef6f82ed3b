import MentoringOptimizer
import SkillsGraph

/// The mentoring plan for people: who teaches whom what, when, and what it buys.
public enum PlanReportMarkdown {
  /// Renders `content` as Markdown.
  public static func render(_ content: PlanReportContent) -> String {
    let names = Names(content.organization)
    var out = "# Mentoring plan\n\n"
    out += summary(content)
    let privacy = content.before.privacy
    out += pairs(content, names: names, privacy: privacy)
    out += schedule(content, names: names)
    out += unmet(content, names: names)
    out += roles(content, names: names, privacy: privacy)
    out += AbsenceMarkdown.calendar(content.absencesAfter, names: names, afterPlan: true)
    out += SuccessionMarkdown.bench(content.before, names: names)
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
    out += "; single points of failure: \(plan.before.singlePointsOfFailure.count) → "
    out += "\(plan.after.singlePointsOfFailure.count)\n"
    out += "- Uncovered role-days in the horizon: \(formatDecimal(before, places: 1)) → "
    out += "\(formatDecimal(after, places: 1)) (new backups count from the week their "
    out += "training ends)\n"
    let sickBefore = content.before.absences.expectedUncoveredRoleDaysPerYear
    let sickAfter = content.absencesAfter.expectedUncoveredRoleDaysPerYear
    out += "- Expected uncovered role-days a year from sick days: "
    out += "\(formatDecimal(sickBefore, places: 1)) → \(formatDecimal(sickAfter, places: 1))\n"
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

  static func pairs(_ content: PlanReportContent, names: Names, privacy: Privacy) -> String {
    var out = "## Pairs\n\n"
    guard !content.plan.pairs.isEmpty else {
      return out + "No pair improves coverage within the capacities given.\n\n"
    }
    out += "Each pair raises one skill of the mentee; together a mentee's pairs qualify them "
    out += "for the roles named.\n\n"
    var table = MarkdownTable(
      ["Mentee", "Skill", "Level", "Mentor", "Weeks", "Hours (mentee / mentor)", "What it is for"],
      rightAligned: [false, false, false, false, false, true, false])
    for pair in content.plan.pairs {
      table.append([
        names.person(pair.mentee), names.skill(pair.skill), "\(pair.fromLevel) → \(pair.toLevel)",
        names.person(pair.mentor), "\(pair.startWeek)–\(pair.endWeek)",
        "\(formatDecimal(pair.menteeHours, places: 1)) / \(formatDecimal(pair.mentorHours, places: 1))",
        explanation(pair, names: names, privacy: privacy),
      ])
    }
    return out + table.rendered() + "\n"
  }

  /// What a pair is for, in words: the roles it helps with and their depth before → after.
  static func explanation(
    _ pair: PlannedPair, names: Names, markup: Bool = true, privacy: Privacy = Privacy()
  ) -> String {
    var parts = pair.roles.map {
      "\(markup ? names.role($0.role) : names.plainRole($0.role)): depth "
        + "\(privacy.count($0.depthBefore)) → \(privacy.count($0.depthAfter))"
    }
    if pair.crossDepartment { parts.append("across departments") }
    if pair.matchesInterest { parts.append("the mentee asked to learn this") }
    return parts.joined(separator: "; ")
  }

  static func schedule(_ content: PlanReportContent, names: Names) -> String {
    guard !content.plan.pairs.isEmpty else { return "" }
    var out = "## Week by week\n\n"
    out += "Check-ins every two weeks from a pair's first week.\n\n"
    var table = MarkdownTable(["Week", "From", "Learning", "Check-ins"])
    for week in 1...max(1, content.horizon.weeks) {
      let active = content.plan.pairs.filter { $0.startWeek <= week && week <= $0.endWeek }
      guard !active.isEmpty else { continue }
      let learning = active.map { pair in
        let hours =
          pair.hoursByWeek.indices.contains(week - pair.startWeek)
          ? pair.hoursByWeek[week - pair.startWeek] : 0
        return
          "\(pair.mentee) ← \(pair.mentor): `\(pair.skill)` \(formatDecimal(hours, places: 1)) h"
      }
      let checkIns = active.filter { $0.checkInWeeks.contains(week) }.map {
        "\($0.mentee) & \($0.mentor)"
      }
      table.append([
        "\(week)", content.horizon.firstDay(ofWeek: week).description,
        learning.joined(separator: "; "), checkIns.isEmpty ? "–" : checkIns.joined(separator: "; "),
      ])
    }
    return out + table.rendered() + "\n"
  }

  static func unmet(_ content: PlanReportContent, names: Names) -> String {
    var out = "## Still below target after the plan\n\n"
    guard !content.plan.unmet.isEmpty else { return out + "Every role reaches its target.\n\n" }
    var table = MarkdownTable(
      ["Role", "Still missing", "Why"], rightAligned: [false, true, false])
    for role in content.plan.unmet {
      table.append([names.role(role.role), "\(role.gap)", role.reason.description])
    }
    return out + table.rendered() + "\n"
  }

  static func roles(_ content: PlanReportContent, names: Names, privacy: Privacy) -> String {
    var table = MarkdownTable(
      ["Role", "Weight", "Depth", "Target", "Uncovered days"],
      rightAligned: [false, true, false, true, false])
    let rows = zip(
      zip(content.plan.before.roles, content.plan.after.roles),
      zip(content.before.absences.roles, content.absencesAfter.roles))
    for ((before, after), (calendarBefore, calendarAfter)) in rows {
      table.append([
        names.role(before.role), formatNumber(before.weight),
        "\(privacy.count(before.depth)) → \(privacy.count(after.depth))",
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
    pair has finished.
    - The **certified bound** is a score no feasible plan can beat; the percentage says how far, \
    at most, this plan is from the best one.

    """
}
