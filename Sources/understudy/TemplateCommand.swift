import ArgumentParser
import HRImport
import Reports

extension Understudy {
  /// `understudy template`: a skills-matrix workbook of the export's people to fill in.
  struct Template: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write a skills-matrix workbook (.xlsx) of the export's people for a manager to "
        + "fill in.",
      discussion: """
        Rows are the people of the files given, columns the skills their roles require (every \
        skill when no roles file is given), with today's levels filled in and a drop-down of \
        the levels on each cell; a second sheet explains the levels. Give the filled workbook \
        after the export to any command: it needs no option, and its levels override the \
        export's.
        """)

    @OptionGroup var input: InputOptions

    @Option(
      name: .shortAndLong, help: ArgumentHelp("The workbook to write.", valueName: "FILE.xlsx"))
    var output: String

    func validate() throws {
      guard output.lowercased().hasSuffix(".xlsx") else {
        throw ValidationError("--output must name an .xlsx file, such as matrix.xlsx")
      }
      try OutputPaths.check(outputs: [("--output", output)], inputs: input.inputPaths)
    }

    func run() throws {
      // Without a roles file the workbook lists every skill: no finding about roles.
      let imported = try input.load(missingRoles: nil)
      let bytes: [UInt8]
      do {
        bytes = try SkillsMatrixTemplate.xlsx(for: imported.organization)
      } catch {
        Console.error("understudy: error: \(error.description)")
        throw ExitCode(ExitStatus.cannotWrite)
      }
      do {
        try AtomicFile.write(bytes: bytes, to: output)
      } catch {
        Console.error(error.description)
        throw ExitCode(ExitStatus.cannotWrite)
      }
      let organization = imported.organization
      Console.error(
        "wrote \(output): \(organization.people.count) people × "
          + "\(SkillsMatrixTemplate.skillCount(of: organization)) skills")
    }
  }
}
