import ArgumentParser
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
      try OutputPaths.check(outputs: [("--output", output)], inputs: input.inputPaths)
    }

    func run() throws {
      // An export without roles is worth keeping as one file too; roles may come later.
      let imported = try input.load(missingRoles: .warning)
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

  }
}
