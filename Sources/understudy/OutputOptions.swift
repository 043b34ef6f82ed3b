import ArgumentParser
import Reports

/// Where and how a command writes its report.
struct OutputOptions: ParsableArguments {
  @Option(
    name: .shortAndLong,
    help: "Report format: markdown, json, csv or html; for a plan also xml (the plan file).")
  var format: OutputFormat = .markdown

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
    try Self.write(text, to: output)
  }

  /// Writes a report already in UTF-8, in parts (a large JSON report), or exits 74.
  func emit(parts: [[UInt8]]) throws {
    guard let output else {
      for part in parts { Console.out(utf8: part) }
      return
    }
    do {
      try AtomicFile.write(parts: parts, to: output)
    } catch {
      Console.error(error.description)
      throw ExitCode(ExitStatus.cannotWrite)
    }
  }

  /// Writes `text` to `path` atomically, or exits 74.
  static func write(_ text: String, to path: String) throws {
    do {
      try AtomicFile.write(text, to: path)
    } catch {
      Console.error(error.description)
      throw ExitCode(ExitStatus.cannotWrite)
    }
  }
}

/// The report formats, and the plan file: a plan section of the native format that the next
/// run reads back (only `plan` writes it).
enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
  case markdown
  case json
  case csv
  case html
  case xml

  /// The report format; `nil` for the plan file.
  var report: ReportFormat? { ReportFormat(rawValue: rawValue) }

  /// For commands that write reports only: the format, or a usage error for `xml`.
  func reportOnly() throws -> ReportFormat {
    guard let report else {
      throw ValidationError(
        "--format xml writes a plan file and only 'understudy plan' has one; use markdown, json, "
          + "csv or html here")
    }
    return report
  }
}

/// sysexits(3) codes, which scripts and schedulers already understand.
enum ExitStatus {
  static let usage: Int32 = 64
  static let badData: Int32 = 65
  static let missingInput: Int32 = 66
  static let cannotWrite: Int32 = 74
}
