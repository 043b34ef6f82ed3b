import ArgumentParser
import GapReport
import HRImport
import SkillsGraph

extension Understudy {
  /// `understudy analyze`: the coverage gap report.
  struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Report which roles are thinly covered and who they depend on.")

    @OptionGroup var input: InputOptions
    @OptionGroup var output: OutputOptions

    @Option(
      name: .customLong("exclude-person"),
      help: "Treat this person as gone (repeatable), e.g. someone who has resigned.")
    var excluded: [String] = []

    func run() throws {
      let imported = try input.load()
      let organization = imported.organization.excluding(Set(excluded.map { PersonID($0) }))
      let analysis = CoverageAnalysis(organization)
      let sources = imported.sources.map(ReportSource.init)
      switch output.format {
      case .markdown:
        try output.emit(
          GapReportMarkdown.render(analysis, organization: organization, sources: sources))
      case .json:
        try output.emit(GapReportJSON.render(analysis, organization: organization, sources: sources))
      }
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

extension ReportSource {
  init(_ summary: SourceSummary) {
    self.init(
      path: summary.path, profile: summary.profile, people: summary.people,
      skills: summary.skills, roles: summary.roles, absences: summary.absences)
  }
}
