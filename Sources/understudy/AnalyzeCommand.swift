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
      _ = try output.format.reportOnly()
      try OutputPaths.check(
        outputs: [("--output", output.output), ("--salt-file", workshop.saltFile)],
        inputs: input.inputPaths)
    }

    func run() throws {
      let prepared = try ReportPreparation.prepare(
        input: input, scenario: scenario, workshop: workshop)
      let content = prepared.gapReport()
      try output.emit(parts: renderParts(content, as: output.format.reportOnly()))
      ProcessEnd.afterOutput(keeping: (prepared, content))
    }
  }

  /// `understudy validate`: only the diagnostics.
  struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract:
        "Check input files: print what each one gave and every problem found, without a report.")

    @OptionGroup var input: InputOptions

    func run() throws {
      let imported = try input.load(missingRoles: .warning)
      let organization = imported.organization
      // Per file, the same facts as a report's data sources: what was read, what was skipped.
      for source in imported.sources {
        Console.out(
          "\(source.path) (\(source.profile)): \(source.people) people, \(source.skills) skills, "
            + "\(source.roles) roles, \(source.absences) absences\n")
        for remark in source.remarks { Console.out("  \(remark)\n") }
      }
      let warnings = imported.warnings.count
      Console.out(
        "ok: \(organization.people.count) people, \(organization.skills.count) skills, "
          + "\(organization.roles.count) roles from \(input.files.count) "
          + "file\(input.files.count == 1 ? "" : "s"); \(warnings) "
          + "warning\(warnings == 1 ? "" : "s")\n")
      ProcessEnd.afterOutput(keeping: imported)
    }
  }

  /// `understudy schema`: the XSD of the native format.
  struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Print the XML Schema of Understudy's native format.")

    func run() throws { Console.out(NativeImporter.schemaText) }
  }
}
