import ArgumentParser
import HRImport
import MentoringOptimizer
import Reports
import SkillsGraph

extension Understudy {
  /// `understudy plan`: mentoring pairs that raise backup coverage.
  struct Plan: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Propose mentoring pairs that give critical roles enough trained backups.")

    @OptionGroup var input: InputOptions
    @OptionGroup var scenario: ScenarioOptions
    @OptionGroup var workshop: WorkshopOptions

    @Option(
      name: .customLong("mentor-min-level"), parsing: .unconditional,
      help: "Lowest level from which anyone may mentor; default: the policy's, else 3.")
    var mentorMinLevel: Int?

    @Option(
      name: .customLong("time-limit"), parsing: .unconditional,
      help: "Seconds the optimizer may search before it reports what it has.")
    var timeLimit: Double = 10

    @Flag(
      name: .customLong("no-cascades"),
      help: ArgumentHelp(
        "Only people who hold a level today may teach it (by default, people the plan trains "
          + "to the mentoring level may mentor from the week after their training ends)."))
    var noCascades = false

    @Option(help: "Also write the check-ins as an iCalendar file (RFC 5545) to this path.")
    var calendar: String?

    @Option(
      name: .customLong("checkin-minutes"), parsing: .unconditional,
      help: "Length of each check-in in the calendar.")
    var checkinMinutes: Int = 30

    @OptionGroup var output: OutputOptions

    func validate() throws {
      guard timeLimit > 0, timeLimit <= 3600 else {
        throw ValidationError(
          "--time-limit must be more than 0 and at most 3600 seconds, not "
            + formatDecimal(timeLimit, places: 3))
      }
      try UsageCheck.positive(checkinMinutes, "--checkin-minutes", atMost: 480)
      guard checkinMinutes >= 5 else {
        throw ValidationError("--checkin-minutes must be at least 5, not \(checkinMinutes)")
      }
      if let mentorMinLevel { try UsageCheck.notNegative(mentorMinLevel, "--mentor-min-level") }
      try OutputPaths.check(
        outputs: [
          ("--output", output.output), ("--calendar", calendar), ("--salt-file", workshop.saltFile),
        ], inputs: input.inputPaths)
    }

    func run() throws {
      let prepared = try ReportPreparation.prepare(
        input: input, scenario: scenario, workshop: workshop)
      let options = PlanOptions(
        policy: prepared.organization.policy, mentorMinLevel: mentorMinLevel,
        timeLimit: .milliseconds(Int(timeLimit * 1000)), cascades: noCascades ? false : nil)
      let progress = PlanProgressDisplay(quiet: prepared.quiet)
      let planned = PlanReportContent.plan(
        prepared.organization, horizon: prepared.horizon, options: options,
        absenceRate: prepared.absenceRate, scenario: prepared.scenario, sources: prepared.sources,
        progress: progress.callback)
      progress.finish()
      // Planned on the input's own ids; workshop mode renames the finished plan only.
      let content = prepared.finished(planned)
      try output.emit(render(content, as: output.format))
      if let calendar {
        try OutputOptions.write(
          CheckInCalendar.render(content, minutes: checkinMinutes), to: calendar)
      }
    }
  }
}
