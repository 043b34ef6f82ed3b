import ArgumentParser
import HRImport
import OrgGenerator
import SkillsGraph

extension Understudy {
  /// `understudy generate`: a synthetic organization, for trying the tool and for benchmarks.
  struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write a realistic synthetic organization in the native format.",
      discussion: """
        Departments, skills, roles and people are named from a vocabulary per department, and \
        the organization has planned absences and a few leavers in the weeks after --as-of. The \
        same options always give the same file; only --as-of today depends on the day it runs. \
        --plain writes the numbered organization without a calendar that the benchmarks use \
        (the same people, skills, levels and roles as without it).
        """)

    @Option(parsing: .unconditional, help: "Number of people.")
    var people: Int

    @Option(
      parsing: .unconditional, help: "Number of skills; default: scaled to the number of people.")
    var skills: Int?

    @Option(
      parsing: .unconditional, help: "Number of roles; default: scaled to the number of people.")
    var roles: Int?

    @Option(help: "Seed of the generator.")
    var seed: UInt64 = 1

    @Option(
      name: .customLong("as-of"),
      help: ArgumentHelp(
        "Date of the export, from which absences and leaving dates are drawn: YYYY-MM-DD, or "
          + "'today'; the fixed default keeps the file the same on any day.",
        valueName: "date"))
    var asOf: GeneratedDate = .fixed(OrganizationGenerator.defaultAsOf)

    @Flag(help: "Numbered names, no absences, no leavers (the benchmarks' organizations).")
    var plain = false

    @Option(
      name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    func validate() throws {
      try UsageCheck.positive(people, "--people", atMost: 1_000_000)
      if let skills { try UsageCheck.positive(skills, "--skills") }
      if let roles { try UsageCheck.positive(roles, "--roles") }
    }

    func run() throws {
      let organization = OrganizationGenerator(
        people: people, skills: skills, roles: roles, seed: seed,
        style: plain ? .plain : .realistic, asOf: asOf.day
      ).generate()
      let options = try OutputOptions.parse(output.map { ["--output", $0] } ?? [])
      try options.emit(NativeWriter.render(organization))
    }
  }
}

/// The `--as-of` of `generate`: a date, or the day the command runs.
enum GeneratedDate: ExpressibleByArgument {
  case fixed(Day)
  case today

  init?(argument: String) {
    if argument == "today" {
      self = .today
    } else if let day = Day(iso: argument) {
      self = .fixed(day)
    } else {
      return nil
    }
  }

  /// The date meant, reading the clock for `today`.
  var day: Day {
    switch self {
    case .fixed(let day): day
    case .today: Day.today
    }
  }

  var defaultValueDescription: String {
    if case .fixed(let day) = self { return day.description }
    return "today"
  }
}
