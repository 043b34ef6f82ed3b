import ArgumentParser
import HRImport
import OrgGenerator

extension Understudy {
  /// `understudy generate`: a synthetic organization, for trying the tool and for benchmarks.
  struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write a realistic synthetic organization in the native format.",
      discussion: "The same --people, --skills, --roles and --seed always give the same file.")

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
      name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    func validate() throws {
      try UsageCheck.positive(people, "--people", atMost: 1_000_000)
      if let skills { try UsageCheck.positive(skills, "--skills") }
      if let roles { try UsageCheck.positive(roles, "--roles") }
    }

    func run() throws {
      let organization = OrganizationGenerator(
        people: people, skills: skills, roles: roles, seed: seed
      ).generate()
      let options = try OutputOptions.parse(output.map { ["--output", $0] } ?? [])
      try options.emit(NativeWriter.render(organization))
    }
  }
}
