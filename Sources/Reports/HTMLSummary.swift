import MentoringOptimizer
import SkillsGraph

/// The summary cards at the top: the five figures a workshop starts from, readable across a room.
///
/// Each card states its figure as text; a plan (or a what-if) shows "before → after" so the
/// change is read, not inferred from colour.
enum HTMLSummary {
  /// One card; `value` and `note` are ready HTML.
  struct Card {
    var label: String
    var value: String
    var note: String
    /// Adds a warning edge and icon when the figure is a problem; the text says so too.
    var warn = false
    /// Coverage percentages to draw as meters, one per state shown.
    var meters: [Double] = []
  }

  /// The figures one analysis gives; a card compares two of these.
  struct Figures {
    var coverage: CoverageAnalysis
    var absences: AbsenceAnalysis
    var names: HTMLNames
    /// Workshop mode: people counts under the minimum group read "fewer than K".
    var privacy: Privacy
  }

  /// Cards for a gap report, comparing against the baseline when a what-if changed the input.
  static func cards(_ content: GapReportContent) -> String {
    let now = Figures(
      coverage: content.coverage, absences: content.absences,
      names: HTMLNames(content.organization), privacy: content.privacy)
    guard let baseline = content.baseline else {
      return render(cards(now, nil) + [sickDays(now, nil)])
    }
    let before = Figures(
      coverage: baseline.coverage, absences: baseline.absences,
      names: HTMLNames(baseline.organization), privacy: content.privacy)
    return render(cards(before, now) + [sickDays(before, now)])
  }

  /// Unplanned absence: the expected weighted role-days a year that sick days stop.
  static func sickDays(_ before: Figures, _ after: Figures?) -> Card {
    let rate = formatDecimal(before.absences.absenceRate * 100, places: 2)
    let days = { (f: Figures) in
      formatDecimal(f.absences.expectedUncoveredRoleDaysPerYear, places: 1)
    }
    return Card(
      label: "Sick-day risk", value: HTML.change(days(before), after.map(days)),
      note: "expected uncovered role-days a year, weighted by criticality, when each person is "
        + "away unplanned on \(rate) % of days; "
        + GapReportMarkdown.sumOverRoles((after ?? before).absences.roles.count))
  }

  /// Cards for a plan: today against once every pair has finished, and the plan's own size.
  static func cards(_ content: PlanReportContent) -> String {
    let names = HTMLNames(content.organization)
    let privacy = content.before.privacy
    let before = Figures(
      coverage: content.plan.before, absences: content.before.absences, names: names,
      privacy: privacy)
    let after = Figures(
      coverage: content.plan.after, absences: content.absencesAfter, names: names,
      privacy: privacy)
    let plan = content.plan
    var cards = cards(before, after)
    cards.append(
      Card(
        label: "Mentoring plan",
        value:
          "\(plan.pairs.count) <span class=\"unit\">pair\(plan.pairs.count == 1 ? "" : "s")</span>",
        note: "\(formatDecimal(plan.totalMenteeHours, places: 1)) learning hours over "
          + "\(content.horizon.weeks) weeks; " + certificate(plan)))
    return render(cards)
  }

  /// The five shared cards; `after` nil shows one state.
  static func cards(_ before: Figures, _ after: Figures?) -> [Card] {
    let shown = after ?? before
    /// A figure in both states, "before → after" when they differ.
    func compared(_ figure: (Figures) -> String) -> String {
      HTML.change(figure(before), after.map(figure))
    }
    let horizon = shown.absences.horizon
    return [
      Card(
        label: "Coverage",
        value: compared { formatCoverage($0.coverage.coveragePercent) },
        note: "score \(compared { formatNumber($0.coverage.coverageScore) }) "
          + "of \(formatNumber(shown.coverage.coverageCeiling))",
        meters: [before, after].compactMap { $0?.coverage.coveragePercent }),
      Card(
        label: "Roles below target",
        value: compared { "\($0.coverage.rolesBelowTarget)" }
          + " <span class=\"unit\">of \(shown.coverage.roles.count)</span>",
        note: "fewer qualified people than incumbents plus wanted backups",
        warn: shown.coverage.rolesBelowTarget > 0),
      singlePoints(before, after, compared: compared),
      Card(
        label: "Uncovered role-days",
        value: compared { formatDecimal($0.absences.uncoveredRoleDays, places: 1) },
        note: "uncovered role-days weighted by criticality; "
          + compared { "\($0.absences.uncoveredDayCount)" }
          + (shown.absences.uncoveredDayCount == 1 ? " role-day" : " role-days")
          + " unweighted, over \(horizon.workingDays.count) working days from \(horizon.start) "
          + "to \(horizon.end.adding(days: -1))",
        warn: shown.absences.uncoveredRoleDays > 0),
      Card(
        label: "Organisation absence factor",
        value: compared { $0.privacy.count($0.absences.organizationAbsenceFactor.size) }
          + " <span class=\"unit\">people</span>",
        note: absenceGroup(shown), warn: shown.absences.organizationAbsenceFactor.size <= 1),
    ]
  }

  /// The single points of failure, unless the depth rule hides a depth of 1 (see
  /// `DepthDisclosure.showsSinglePoints`): naming or counting them would say which roles have
  /// one qualified person.
  static func singlePoints(
    _ before: Figures, _ after: Figures?, compared: ((Figures) -> String) -> String
  ) -> Card {
    let shown = after ?? before
    guard !shown.privacy.hides(1) else {
      return Card(
        label: "Single points of failure", value: "hidden",
        note: GapReportMarkdown.singlePointsHidden)
    }
    let spof = shown.coverage.singlePointsOfFailure
    return Card(
      label: "Single points of failure",
      value: compared { "\($0.coverage.singlePointsOfFailure.count)" },
      note: spof.isEmpty
        ? "no role of weight 2 or more rests on one person"
        : "the only qualified person: " + list(spof.map { shown.names.personName($0.person) }),
      warn: !spof.isEmpty)
  }

  /// Who the smallest stopping group is, unless workshop mode withholds so small a list.
  static func absenceGroup(_ figures: Figures) -> String {
    let factor = figures.absences.organizationAbsenceFactor
    guard factor.size > 0 else { return "half the weighted work is already stopped" }
    let people = factor.people.map(figures.names.personName)
    let group =
      figures.privacy.hides(people.count)
      ? figures.privacy.list(people, separator: ", ") : list(people)
    var note =
      "\(group) away together stop \(formatNumber(factor.stoppedWeight)) of "
      + "\(formatNumber(factor.totalWeight)) weight"
    if !factor.isExact { note += " (greedy search; no group under \(factor.lowerBound))" }
    return note
  }

  /// How close the plan is to the best possible, as the optimizer certified it.
  static func certificate(_ plan: MentoringPlan) -> String {
    let bound = formatDecimal(plan.coverageWeeksBound, places: 2)
    guard plan.gapPercent > 0.005 else { return "optimal: it reaches the certified bound \(bound)" }
    return "within \(formatDecimal(plan.gapPercent, places: 2)) % of the best possible plan "
      + "(certified bound \(bound))"
  }

  /// Up to four names, then how many more, so a card keeps its size.
  static func list(_ names: [String]) -> String {
    guard names.count > 4 else { return names.joined(separator: ", ") }
    return names.prefix(3).joined(separator: ", ") + " and \(names.count - 3) more"
  }

  static func render(_ cards: [Card]) -> String {
    var out = "<div class=\"cards\">\n"
    for card in cards {
      out += "<div class=\"card\(card.warn ? " warn" : "")\">\n"
      out +=
        "<p class=\"card-label\">\(card.warn ? "<span class=\"flag\" aria-label=\"needs attention\">⚠</span> " : "")"
      out += "\(HTML.escape(card.label))</p>\n"
      out += "<p class=\"card-value\">\(card.value)</p>\n"
      for (index, meter) in card.meters.enumerated() {
        let width = formatDecimal(min(100, max(0, meter)), places: 1)
        let label = card.meters.count > 1 ? (index == 0 ? "today" : "after") : ""
        out += "<div class=\"meter\(index > 0 ? " after" : "")\" aria-hidden=\"true\">"
        out += "<span style=\"width:\(width)%\"></span><em>\(label)</em></div>\n"
      }
      out += "<p class=\"card-note\">\(card.note)</p>\n</div>\n"
    }
    return out + "</div>\n"
  }
}
