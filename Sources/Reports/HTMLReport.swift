import MentoringOptimizer
import SkillsGraph

/// The workshop report: one self-contained HTML file for a projector, a browser or paper.
///
/// Style, charts and a small sorting/filtering script are inline; the page makes no network
/// request and reads fully with JavaScript off. Input text is escaped, and the same content
/// always gives the same bytes (no render date, no random ids, no hash-ordered output), so
/// reports can be compared and committed.
public enum HTMLReport {
  /// Renders the gap report: summary, depth per role, who knows what, when the work stops.
  ///
  /// - Complexity: O(people × heavy-role skills + heavy roles × working days), the size of
  ///   the heatmap and the calendar.
  public static func render(_ content: GapReportContent) -> String {
    let organization = content.organization
    let names = HTMLNames(organization)
    var sections = [
      HTML.Section(id: "summary", title: "At a glance", body: HTMLSummary.cards(content))
    ]
    if let baseline = content.baseline {
      sections.append(
        HTML.Section(
          id: "what-if", title: "What if",
          body: whatIf(baseline, names: HTMLNames(baseline.organization))))
    }
    let rows = HTMLCoverageBars.rows(
      organization, before: content.baseline?.coverage ?? content.coverage,
      after: content.coverage, absencesBefore: content.baseline?.absences ?? content.absences,
      absencesAfter: content.absences)
    sections += [
      HTML.Section(
        id: "roles", title: "Depth against target",
        body: HTMLCoverageBars.table(
          rows, names: names, compared: content.baseline != nil, afterLabel: "the what-if",
          disclosure: content.depthDisclosure)),
      HTML.Section(
        id: "skills", title: "Who knows what",
        body: HTMLHeatmap.render(
          organization, coverage: content.coverage, privacy: content.privacy,
          disclosure: content.depthDisclosure)),
      HTML.Section(
        id: "calendar", title: "When the work stops",
        body: HTMLCalendar.render(
          organization, before: content.absences, after: nil,
          disclosure: content.depthDisclosure)
          + HTMLAway.table(content.absences, names: names, disclosure: content.depthDisclosure)),
      HTML.Section(
        id: "leavers", title: "Leaving within the horizon",
        body: HTMLAway.leavers(
          content.departures, horizon: content.absences.horizon, names: names,
          disclosure: content.depthDisclosure, backups: nil)),
    ]
    sections += succession(content)
    sections.append(
      HTML.Section(id: "sources", title: "Data sources", body: sources(content.sources)))
    sections.append(HTML.Section(id: "reading", title: "Reading this report", body: legend))
    return HTML.page(
      title: "Coverage gap report", facts: facts(organization, horizon: content.absences.horizon),
      sections: sections)
  }

  /// Renders the plan report: the gap report's views before and after, the coverage week by
  /// week, the pairs in waves and when they meet.
  ///
  /// - Complexity: as the gap report, plus O(pairs × weeks) for the schedule and
  ///   O(roles × depth × weeks) for the coverage of each week.
  public static func render(_ content: PlanReportContent) -> String {
    let organization = content.organization
    let names = HTMLNames(organization)
    let timeline = PlanTimeline(content)
    let rows = HTMLCoverageBars.rows(
      organization, before: content.plan.before, after: content.plan.after,
      absencesBefore: content.before.absences, absencesAfter: content.absencesAfter)
    var sections = [
      HTML.Section(id: "summary", title: "At a glance", body: HTMLSummary.cards(content)),
      HTML.Section(
        id: "roles", title: "Depth against target, today → after the plan",
        body: HTMLCoverageBars.table(
          rows, names: names, compared: true, afterLabel: "the plan",
          disclosure: content.depthDisclosure)),
      HTML.Section(
        id: "coverage", title: "Coverage week by week",
        body: HTMLCoverageChart.render(content, timeline: timeline)),
      HTML.Section(
        id: "pairs", title: "Mentoring pairs, wave by wave",
        body: HTMLPairs.waves(content, timeline: timeline, names: names)),
      HTML.Section(
        id: "schedule", title: "Week by week",
        body: HTMLGantt.render(content, timeline: timeline, names: names)),
      HTML.Section(
        id: "skills", title: "Who knows what, and what they will learn",
        body: HTMLHeatmap.render(
          organization, coverage: content.plan.before, pairs: content.plan.pairs,
          privacy: content.before.privacy, disclosure: content.depthDisclosure)),
      HTML.Section(
        id: "calendar", title: "When the work stops, today → after the plan",
        body: HTMLCalendar.render(
          organization, before: content.before.absences, after: content.absencesAfter,
          disclosure: content.depthDisclosure)
          + HTMLAway.table(
            content.absencesAfter, names: names, disclosure: content.depthDisclosure,
            afterPlan: true)),
      HTML.Section(
        id: "leavers", title: "Leaving within the horizon",
        body: HTMLAway.leavers(
          content.before.departures, horizon: content.horizon, names: names,
          disclosure: content.depthDisclosure, backups: content.newBackups)),
      HTML.Section(
        id: "unmet", title: "Still below target after the plan",
        body: HTMLPairs.unmet(content, names: names)),
    ]
    if let changes = PlanChangesReport.html(content, names: names) {
      sections.insert(
        HTML.Section(id: "changes", title: "Since the plan file", body: changes), at: 0)
    }
    sections.append(
      HTML.Section(id: "sources", title: "Data sources", body: sources(content.before.sources)))
    sections.append(HTML.Section(id: "reading", title: "Reading this report", body: legend))
    var facts = facts(organization, horizon: content.horizon)
    if content.plan.stats.stoppedOnTimeLimit {
      facts.append("the search stopped on its time limit; a longer time limit may find more")
    }
    return HTML.page(title: "Mentoring plan", facts: facts, sections: sections)
  }

  /// The succession bench, between the calendar and the sources (the gap report only, as in
  /// Markdown: the plan report is about the pairs).
  static func succession(_ content: GapReportContent) -> [HTML.Section] {
    [
      HTML.Section(
        id: "succession", title: "Succession bench",
        body: HTMLSuccession.render(content, names: HTMLNames(content.organization)))
    ]
  }

  static func facts(_ organization: Organization, horizon: Horizon) -> [String] {
    var facts: [String] = []
    if let asOf = organization.asOf { facts.append("data as of \(asOf)") }
    facts.append(
      "\(horizon.weeks) weeks from \(horizon.start) to \(horizon.end.adding(days: -1))")
    facts.append(
      "\(organization.people.count) people, \(organization.skills.count) skills, "
        + "\(organization.roles.count) roles")
    return facts
  }

  static func whatIf(_ baseline: GapReportContent.Baseline, names: HTMLNames) -> String {
    var items: [String] = []
    for away in baseline.scenario.away {
      let period = away.period.map { "from \($0.from) to \($0.to)" } ?? "for the whole horizon"
      items.append("\(names.person(away.person)) is away \(HTML.escape(period))")
    }
    for person in baseline.scenario.excluded.sorted() {
      items.append("\(names.person(person)) has left")
    }
    var out = "<p class=\"lead\">The figures in this report imagine:</p>\n<ul class=\"scenario\">"
    out += items.map { "<li>\($0)</li>" }.joined()
    out += "</ul>\n<p class=\"note\">Cards and the role table show the real figures → the "
    out += "imagined ones.</p>\n"
    return out
  }

  static func sources(_ sources: [SourceSummary]) -> String {
    guard !sources.isEmpty else { return HTML.paragraph("No source files were recorded.") }
    var out = "<table class=\"sources\">\n<thead><tr><th scope=\"col\">File</th>"
    out += "<th scope=\"col\">Format</th><th scope=\"col\" class=\"num\">People</th>"
    out += "<th scope=\"col\" class=\"num\">Skills</th><th scope=\"col\" class=\"num\">Roles</th>"
    out += "<th scope=\"col\" class=\"num\">Absences</th></tr></thead>\n<tbody>\n"
    for source in sources {
      out += "<tr><td><code>\(HTML.escape(source.path))</code></td>"
      out += "<td>\(HTML.escape(source.profile))</td><td class=\"num\">\(source.people)</td>"
      out += "<td class=\"num\">\(source.skills)</td><td class=\"num\">\(source.roles)</td>"
      out += "<td class=\"num\">\(source.absences)</td></tr>\n"
    }
    out += "</tbody>\n</table>\n"
    for source in sources where !source.remarks.isEmpty {
      out += "<p class=\"note\"><code>\(HTML.escape(source.path))</code></p>\n<ul class=\"note\">\n"
      for remark in source.remarks { out += "<li>\(HTML.escape(remark))</li>\n" }
      out += "</ul>\n"
    }
    return out
  }

  static let legend = """
    <dl class="legend">
    <dt>Depth</dt><dd>How many people are qualified for a role (every required skill at its \
    level, incumbents included): the number who must all be away before the work stops.</dd>
    <dt>Target</dt><dd>Incumbents plus the backups a role wants (2 for critical roles, else 1).</dd>
    <dt>Coverage</dt><dd>Each role counts its weight (critical 3, high 2, normal 1) times its \
    depth, capped at its target; the percentage compares that with every role at target.</dd>
    <dt>Single point of failure</dt><dd>The only qualified person for a role of weight 2 or \
    more (marked <span class="badge sole">sole</span> in the skills table).</dd>
    <dt>Uncovered role-days</dt><dd>Working days (Monday to Friday, minus holidays) on which \
    fewer qualified people are at work than the role needs at once, given planned absences and \
    leaving dates; each day counts the role's weight.</dd>
    <dt>Sick-day risk</dt><dd>Expected working days a year on which the role stops when \
    everyone is away unplanned on a small share of days, independently: at most 230, the \
    working days of a year. The summary card adds these up over every role, weighted by \
    criticality, so it can be larger than 230.</dd>
    <dt>Absence factor</dt><dd>The smallest group of people whose being away at once stops \
    roles carrying half of all weight.</dd>
    </dl>

    """
}
