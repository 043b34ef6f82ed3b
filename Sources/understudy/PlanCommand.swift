import ArgumentParser
import GapReport
import HRImport
import MentoringOptimizer
import SkillsGraph

extension Understudy {
  /// `understudy plan`: mentoring pairs that raise backup coverage.
  struct Plan: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Propose mentoring pairs that give critical roles enough trained backups.")

    @OptionGroup var input: InputOptions
    @OptionGroup var scenario: ScenarioOptions

    @Option(name: .customLong("mentor-min-level"), help: "Lowest level from which anyone may mentor; default: the policy's, else 3.")
    var mentorMinLevel: Int?

    @Option(name: .customLong("time-limit"), help: "Seconds the optimizer may search before it reports what it has.")
    var timeLimit: Double = 10

    @OptionGroup var output: OutputOptions

    func validate() throws {
      guard timeLimit > 0, timeLimit <= 3600 else {
        throw ValidationError("--time-limit must be between 0 and 3600 seconds")
      }
      if let mentorMinLevel, mentorMinLevel < 0 {
        throw ValidationError("--mentor-min-level must not be negative")
      }
    }

    func run() throws {
      let imported = try input.load()
      try scenario.checkPeople(in: imported.organization)
      let horizon = scenario.horizon(for: imported.organization)
      let before = GapReportContent.analyse(
        imported.organization, horizon: horizon, absenceRate: scenario.absenceRate,
        scenario: scenario.scenario, sources: imported.sources.map(ReportSource.init))
      let options = PlanOptions(
        policy: before.organization.policy, horizonWeeks: horizon.weeks,
        mentorMinLevel: mentorMinLevel, timeLimit: .milliseconds(Int(timeLimit * 1000)))
      let plan = planMentoring(before.organization, options: options)
      let content = PlanReportContent.analyse(plan, before: before, horizon: horizon)
      switch output.format {
      case .markdown: try output.emit(PlanReportMarkdown.render(content))
      case .json: try output.emit(PlanReportJSON.render(content))
      }
    }
  }
}
