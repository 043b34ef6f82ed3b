import ArgumentParser
import HRImport
import Reports
import SkillsGraph

extension Understudy {
  /// `understudy analyze`: the coverage gap report.
  struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Report which roles are thinly covered and who they depend on.")

    @OptionGroup var input: InputOptions
    @OptionGroup var scenario: ScenarioOptions
    @OptionGroup var workshop: WorkshopOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
      try OutputPaths.check(
        outputs: [("--output", output.output), ("--salt-file", workshop.saltFile)],
        inputs: input.inputPaths)
    }

    func run() throws {
      let prepared = try ReportPreparation.prepare(
        input: input, scenario: scenario, workshop: workshop)
      let content = prepared.gapReport()
      try output.emit(render(content, as: output.format))
    }
  }

  /// `understudy validate`: only the diagnostics.
  struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check input files and print every problem found, without a report.")

    @OptionGroup var input: InputOptions

    func run() throws {
      let imported = try input.load()
      let organization = imported.organization
      let warnings = imported.warnings.count
      Console.out(
        "ok: \(organization.people.count) people, \(organization.skills.count) skills, "
          + "\(organization.roles.count) roles from \(input.files.count) "
          + "file\(input.files.count == 1 ? "" : "s"); \(warnings) "
          + "warning\(warnings == 1 ? "" : "s")\n")
    }
  }

  /// `understudy schema`: the XSD of the native format.
  struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Print the XML Schema of Understudy's native format.")

    func run() throws { Console.out(NativeImporter.schemaText) }
  }
}
