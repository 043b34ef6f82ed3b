import ArgumentParser
import Foundation
import HRImport

extension Understudy {
  /// `understudy convert`: everything the inputs say, merged, as one native file.
  struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write what the input files say, merged, as one file in the native format.",
      discussion: """
        Reads the inputs as analyze does (profiles, --mapping, --derive-roles) and writes the \
        merged organization: people with name, department, manager and e-mail, levels already \
        on the scale, skills, roles, absences and the policy. Check it, keep it, and give it to \
        analyze or plan instead of the exports.
        """)

    @OptionGroup var input: InputOptions

    @Option(
      name: .shortAndLong,
      help: "Write the native file here (atomically) instead of standard output.")
    var output: String?

    func validate() throws {
      guard let output else { return }
      let target = Self.canonical(output)
      if input.files.contains(where: { Self.canonical($0) == target }) {
        throw ValidationError("--output '\(output)' is one of the input files; choose another path")
      }
      if let mapping = input.mapping, Self.canonical(mapping) == target {
        throw ValidationError("--output '\(output)' is the mapping file; choose another path")
      }
    }

    func run() throws {
      let imported = try input.load()
      let organization = imported.organization
      let text = NativeWriter.render(organization)
      guard let output else {
        Console.out(text)
        return
      }
      try OutputOptions.write(text, to: output)
      let absences = organization.people.reduce(0) { $0 + $1.absences.count }
      Console.error(
        "understudy: wrote \(output): \(organization.people.count) people, "
          + "\(organization.skills.count) skills, \(organization.roles.count) roles, "
          + "\(absences) absence\(absences == 1 ? "" : "s")")
    }

    /// The path with symbolic links and `.`/`..` resolved, so two spellings of one file match.
    static func canonical(_ path: String) -> String {
      URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
  }
}
