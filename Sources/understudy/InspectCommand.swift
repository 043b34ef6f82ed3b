import ArgumentParser
import HRImport

extension Understudy {
  /// `understudy inspect`: the structure of an unknown export and a drafted mapping file for it.
  struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show the structure of an XML export and draft a mapping file for it.",
      discussion: """
        Prints the repeated elements with their counts and the fields of the record element \
        with sample values, then a mapping file that guesses the id, name, department, \
        manager, e-mail, skills and absences. Check the guesses, then give the draft to \
        analyze with --mapping FILE.
        """)

    @Argument(help: "The XML export to look at.")
    var file: String

    @Option(
      name: .shortAndLong,
      help: "Write only the drafted mapping file here (atomically), instead of printing both.")
    var output: String?

    func validate() throws {
      try OutputPaths.check(
        outputs: [("--output", output)], inputs: [("the file to inspect", file)])
    }

    func run() throws {
      let structure: XMLStructure
      do {
        structure = try XMLStructure.read(path: file)
      } catch {
        Console.error(error.description)
        throw ExitCode(ExitStatus.missingInput)
      }
      guard structure.isComplete else {
        for diagnostic in structure.diagnostics { Console.error(diagnostic.description) }
        Console.error("understudy: the file could not be read to its end; nothing was drafted")
        throw ExitCode(ExitStatus.badData)
      }
      let draft = MappingDraft(structure)
      if let profile = structure.detectedProfile, profile != .mapping {
        Console.error(
          "understudy: note: this looks like a '\(profile.rawValue)' file, which analyze reads "
            + "without a mapping; use the draft only if that reads nobody")
      }
      guard let draft else {
        Console.out(structure.summary())
        Console.error(
          "understudy: error: no element with two fields or more to read as a person; "
            + "nothing was drafted")
        throw ExitCode(ExitStatus.badData)
      }
      if let output {
        try OutputOptions.write(draft.text, to: output)
        Console.error(
          "understudy: wrote \(output): a mapping for \(draft.records) records at "
            + "\(draft.personSelect); check it, then run analyze with --mapping \(output)")
        return
      }
      Console.out(structure.summary(draft: draft) + "\nDrafted mapping file:\n\n" + draft.text)
    }
  }
}
