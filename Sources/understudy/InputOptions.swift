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

/// Where and how a command writes its report.
struct OutputOptions: ParsableArguments {
  @Option(name: .shortAndLong, help: "Report format: markdown or json.")
  var format: ReportFormat = .markdown

  @Option(
    name: .shortAndLong,
    help: "Write the report to this file (atomically) instead of standard output.")
  var output: String?

  /// Writes the report, or exits 74 when the output file cannot be written.
  func emit(_ text: String) throws {
    guard let output else {
      Console.out(text)
      return
    }
    do {
      try AtomicFileWriter.write(text, to: output)
    } catch {
      Console.error(error.description)
      throw ExitCode(ExitStatus.cannotWrite)
    }
  }
}

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
  case markdown
  case json
}

/// sysexits(3) codes, which scripts and schedulers already understand.
enum ExitStatus {
  static let usage: Int32 = 64
  static let badData: Int32 = 65
  static let missingInput: Int32 = 66
  static let cannotWrite: Int32 = 74
}
