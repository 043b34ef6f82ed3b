import ArgumentParser
import HRImport
import OrgGenerator

extension Understudy {
  /// `understudy generate`: a synthetic organization, for trying the tool and for benchmarks.
  struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write a realistic synthetic organization in the native format.",
      discussion: "The same --people, --skills, --roles and --seed always give the same file.")

    @Option(help: "Number of people.")
    var people: Int

    @Option(help: "Number of skills; default: scaled to the number of people.")
    var skills: Int?

    @Option(help: "Number of roles; default: scaled to the number of people.")
    var roles: Int?

    @Option(help: "Seed of the generator.")
    var seed: UInt64 = 1

    @Option(
      name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    func validate() throws {
      guard (1...1_000_000).contains(people) else {
        throw ValidationError("--people must be between 1 and 1,000,000")
      }
      if let skills, skills < 1 { throw ValidationError("--skills must be at least 1") }
      if let roles, roles < 1 { throw ValidationError("--roles must be at least 1") }
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
