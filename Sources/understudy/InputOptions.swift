import ArgumentParser
import HRImport

/// The input files every command reads, merged by id in the order given.
struct InputOptions: ParsableArguments {
  @Argument(help: "XML files to read; later files add to and override earlier ones by id.")
  var files: [String]

  func validate() throws {
    guard !files.isEmpty else { throw ValidationError("give at least one XML file to read") }
  }

  /// Imports the files, printing warnings to stderr, or prints every error and exits 65 or 66.
  func load(quiet: Bool = false) throws -> ImportResult {
    do {
      let result = try NativeImporter.load(paths: files)
      if !quiet {
        for warning in result.warnings { Console.error(warning.description) }
      }
      return result
    } catch {
      switch error {
      case .missingInput:
        Console.error(error.description)
        throw ExitCode(ExitStatus.missingInput)
      case .invalidData(let diagnostics):
        for diagnostic in diagnostics { Console.error(diagnostic.description) }
        let errors = diagnostics.count { $0.severity == .error }
        Console.error("understudy: \(errors) error\(errors == 1 ? "" : "s"); nothing was written")
        throw ExitCode(ExitStatus.badData)
      }
    }
  }
}
