import MentoringOptimizer
import SkillsGraph

/// The mentoring plan as a spreadsheet: one row per pair.
public enum PlanReportCSV {
  /// Renders one row per pair, in the plan's order.
  public static func render(_ content: PlanReportContent) -> String {
    let names = Names(content.organization)
    var table = CSVTable([
      "mentor_id", "mentor_name", "mentee_id", "mentee_name", "skill_id", "skill_name",
      "from_level", "to_level", "mentee_hours", "mentor_hours", "start_week", "end_week",
      "start_date", "end_date", "check_in_weeks", "roles", "reasons",
    ])
    for pair in content.plan.pairs {
      table.append([
        pair.mentor.rawValue, names.plainName(pair.mentor), pair.mentee.rawValue,
        names.plainName(pair.mentee), pair.skill.rawValue, names.plainSkill(pair.skill),
        "\(pair.fromLevel)", "\(pair.toLevel)", formatDecimal(pair.menteeHours, places: 2),
        formatDecimal(pair.mentorHours, places: 2), "\(pair.startWeek)", "\(pair.endWeek)",
        content.horizon.firstDay(ofWeek: pair.startWeek).description,
        content.horizon.firstDay(ofWeek: pair.endWeek).adding(days: 4).description,
        pair.checkInWeeks.map(String.init).joined(separator: " "),
        pair.roles.map(\.role.rawValue).joined(separator: "; "),
        PlanReportMarkdown.explanation(
          pair, names: names, markup: false, privacy: content.before.privacy),
      ])
    }
    return table.rendered()
  }
}
