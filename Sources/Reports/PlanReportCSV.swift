import MentoringOptimizer
import SkillsGraph

/// The mentoring plan as a spreadsheet: one row per pair.
///
/// Besides the pair itself: `ready_week` gives, per role the pair serves, the week the mentee
/// counts for it (`role@week; …`); `mentor_trained_by` points at the row that trains the mentor
/// in the same plan, as that row's `mentee_id/skill_id/end_week` (empty when the mentor already
/// holds the level); `hours_per_week` is the schedule, `week:hours; …`, weeks with hours only;
/// `status` is `proposed`, or `agreed`/`active` for a pair kept from a plan file, whose
/// `hours_done` were spent before this plan (its `mentee_hours` are the ones left);
/// `check_ins` gives each check-in's day and local time, `YYYY-MM-DD HH:MM; …` (the weeks are in
/// `check_in_weeks`; both from ``CheckInSchedule``, as the calendar file); `replaces` names the
/// people leaving within the horizon from a role the pair trains for (`role: person; …`).
public enum PlanReportCSV {
  /// Renders one row per pair, in the plan's order.
  public static func render(_ content: PlanReportContent) -> String {
    let names = Names(content.organization)
    var table = CSVTable([
      "mentor_id", "mentor_name", "mentee_id", "mentee_name", "skill_id", "skill_name",
      "from_level", "to_level", "mentee_hours", "mentor_hours", "start_week", "end_week",
      "start_date", "end_date", "check_in_weeks", "roles", "reasons", "ready_week",
      "mentor_trained_by", "hours_per_week", "status", "hours_done", "check_ins", "replaces",
    ])
    let disclosure = content.depthDisclosure
    for (pair, checkIns) in zip(content.plan.pairs, content.checkIns.byPair) {
      table.append([
        pair.mentor.rawValue, names.plainName(pair.mentor), pair.mentee.rawValue,
        names.plainName(pair.mentee), pair.skill.rawValue, names.plainSkill(pair.skill),
        "\(pair.fromLevel)", "\(pair.toLevel)", formatDecimal(pair.menteeHours, places: 2),
        formatDecimal(pair.mentorHours, places: 2), "\(pair.startWeek)", "\(pair.endWeek)",
        content.horizon.firstDay(ofWeek: pair.startWeek).description,
        content.horizon.firstDay(ofWeek: pair.endWeek).adding(days: 4).description,
        checkIns.map { String($0.week) }.joined(separator: " "),
        pair.roles.map(\.role.rawValue).joined(separator: "; "),
        PlanReportMarkdown.explanation(
          pair, names: names, markup: false, disclosure: disclosure),
        pair.roles.map { "\($0.role)@\(PlanTimeline.readyWeek($0, of: pair))" }
          .joined(separator: "; "),
        pair.mentorTraining.map { "\($0.mentee)/\($0.skill)/\($0.endWeek)" } ?? "",
        pair.schedule.map { "\($0.week):\(formatDecimal($0.menteeHours, places: 2))" }
          .joined(separator: "; "),
        pair.status.rawValue, formatDecimal(pair.hoursDone, places: 2),
        checkIns.map { "\($0.day) \(CheckInPattern.clock($0.startMinute))" }
          .joined(separator: "; "),
        LeaverCSV.replaces(pair, content.before.departures),
      ])
    }
    return table.rendered()
  }
}
