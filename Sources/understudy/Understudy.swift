import ArgumentParser

/// The `understudy` command: gap reports and mentoring plans from HR exports.
@main
struct Understudy: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Find the work only one or two people can do, and plan who should learn it.",
    discussion: """
      Exit codes: 0 success, 64 bad usage, 65 bad input data, 66 missing input file, \
      74 output cannot be written.
      """,
    version: "0.1.0",
    subcommands: [
      Analyze.self, Plan.self, Validate.self, Convert.self, Inspect.self, Template.self,
      Generate.self, Schema.self,
      Formats.self,
    ]
  )

  /// Usage errors read like every other error the tool prints: `understudy: error: …`.
  static var _errorPrefix: String { "understudy: error: " }
}
