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

    @OptionGroup(title: "Check-ins") var checkIns: CheckInOptions

    @OptionGroup var output: OutputOptions

    func validate() throws {
      guard timeLimit > 0, timeLimit <= 3600 else {
        throw ValidationError(
          "--time-limit must be more than 0 and at most 3600 seconds, not "
            + formatDecimal(timeLimit, places: 3))
      }
      if let mentorMinLevel { try UsageCheck.notNegative(mentorMinLevel, "--mentor-min-level") }
      if output.format == .xml, workshop.pseudonymize {
        throw ValidationError(
          "--format xml writes the plan file that the next run reads back, with the input's own "
            + "ids; it cannot be pseudonymized (use markdown, json, csv or html in a workshop)")
      }
      try OutputPaths.check(
        outputs: [
          ("--output", output.output), ("--calendar", checkIns.calendar),
          ("--salt-file", workshop.saltFile),
        ], inputs: input.inputPaths)
    }

    func run() throws {
      let prepared = try ReportPreparation.prepare(
        input: input, scenario: scenario, workshop: workshop)
      let options = PlanOptions(
        policy: prepared.organization.policy, mentorMinLevel: mentorMinLevel,
        timeLimit: .milliseconds(Int(timeLimit * 1000)), cascades: noCascades ? false : nil)
      let progress = PlanProgressDisplay(quiet: prepared.quiet)
      var planned = PlanReportContent.plan(
        prepared.organization, horizon: prepared.horizon, options: options,
        absenceRate: prepared.absenceRate, scenario: prepared.scenario, sources: prepared.sources,
        progress: progress.callback)
      progress.finish()
      try PlanFileIssues.report(planned.plan.inputIssues, hideNames: workshop.pseudonymize)
      planned.checkInPattern = try checkIns.pattern()
      // Planned on the input's own ids; workshop mode renames the finished plan only.
      let content = prepared.finished(planned)
      if let format = output.format.report {
        try output.emit(render(content, as: format))
      } else {
        // The plan file keeps the input's own ids: validate() refuses it in workshop mode.
        let record = planned.plan.recorded(start: prepared.horizon.start)
        try output.emit(
          NativeWriter.renderPlanFile(record, asOf: prepared.organization.asOf))
      }
      if let calendar = checkIns.calendar {
        try OutputOptions.write(CheckInCalendar.render(content), to: calendar)
      }
      ProcessEnd.afterOutput(keeping: (prepared, planned, content))
    }
  }
}
