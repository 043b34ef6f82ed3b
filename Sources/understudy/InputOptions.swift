import ArgumentParser
import Foundation
import HRImport

/// The input files every command reads, merged by id in the order given, and how to read the
/// exports of HR systems among them.
struct InputOptions: ParsableArguments {
  @Argument(
    help: """
      XML files to read: HR exports (detected; see `understudy formats`) and native files; \
      later files add to and override earlier ones by id.
      """)
  var files: [String]

  @Option(
    name: .customLong("profile"),
    help: ArgumentHelp(
      "Read files with this profile instead of detecting it: NAME for every export (native "
        + "files keep their format), or FILE=NAME for one file (repeatable).",
      valueName: "[FILE=]NAME"))
  var profiles: [String] = []

  @Option(
    name: .customLong("mapping"),
    help: ArgumentHelp(
      "A mapping file (XPaths) for exports no built-in profile reads.", valueName: "FILE"))
  var mapping: String?

  @Option(
    name: .customLong("derive-roles"), defaultAsFlag: ImportOptions.RoleDerivation.critical,
    parsing: .next,
    help: ArgumentHelp(
      "Make a role per critical position or job profile (or every one with 'all'), requiring "
        + "the skills its incumbents hold at level 3 or more. Put it after the files.",
      valueName: "critical|all"))
  var deriveRoles: ImportOptions.RoleDerivation? = nil

  @Option(
    name: .customLong("skill-level-default"), parsing: .unconditional,
    help: "The level at which a skill without a level (Workday Skill_Data) counts.")
  var skillLevelDefault: Int = 2

  @Option(
    name: .customLong("rating-scale"),
    help: ArgumentHelp(
      "The scale of numeric ratings that carry none (SuccessFactors CompetencyRating).",
      valueName: "MIN-MAX"))
  var ratingScale: String = "1-5"

  @Flag(help: "Show no progress on the terminal (there is none when stderr is not a terminal).")
  var quiet = false

  func validate() throws {
    guard !files.isEmpty else { throw ValidationError("give at least one XML file to read") }
    _ = try importOptions()
    try UsageCheck.notNegative(skillLevelDefault, "--skill-level-default")
  }

  /// Every file the import reads, with the words that name it in a message.
  var inputPaths: [(what: String, path: String)] {
    files.map { ("the input file", $0) } + (mapping.map { [("the mapping file", $0)] } ?? [])
  }

  /// The options for `Importer`, from the flags.
  func importOptions() throws -> ImportOptions {
    var options = ImportOptions(
      mappingPath: mapping, deriveRoles: deriveRoles, levelLessSkillLevel: skillLevelDefault)
    for entry in profiles {
      let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
      let name = parts.last ?? entry
      guard let profile = ImportProfile(rawValue: name.lowercased()) else {
        throw ValidationError(
          "unknown profile '\(name)' (known: "
            + ImportProfile.allCases.map(\.rawValue).joined(separator: ", ") + ")")
      }
      if parts.count == 2 {
        options.profileByPath[parts[0]] = profile
      } else {
        options.profile = profile
      }
    }
    let bounds = ratingScale.split(separator: "-", maxSplits: 1).compactMap { Double($0) }
    guard bounds.count == 2, bounds[0] < bounds[1] else {
      throw ValidationError("--rating-scale takes MIN-MAX with MIN < MAX, e.g. 1-5 or 0-100")
    }
    options.ratingScale = bounds[0]...bounds[1]
    // Files are read several at once; UNDERSTUDY_FILE_THREADS=1 reads them one by one (for
    // benchmarks and comparisons; the result is the same).
    let environment = ProcessInfo.processInfo.environment
    if let threads = environment["UNDERSTUDY_FILE_THREADS"].flatMap({ Int($0) }), threads >= 1 {
      options.maximumConcurrentFiles = threads
    }
    return options
  }

  /// Imports the files, printing warnings to stderr, or prints every error and exits 65 or 66.
  ///
  /// - Parameters:
  ///   - hideWarnings: leave warnings out (workshop mode: they name people).
  ///   - missingRoles: how to report an input with no role: an error for the commands that
  ///     measure coverage, a warning for `validate` and `convert`, nothing for `template`
  ///     (`nil`), whose people and skills need no role.
  /// - Returns: the imported organization, its warnings and its sources.
  /// - Throws: `ExitCode` 65 or 66 once the errors are printed.
  func load(
    hideWarnings: Bool = false, missingRoles: Diagnostic.Severity? = .error
  ) throws
    -> ImportResult
  {
    var options = try importOptions()
    options.missingRoles = missingRoles
    let status = StatusLine(quiet: quiet)
    options.progress = { progress in
      status.show(
        "reading \(progress.file): \(progress.records) records, "
          + "\(Int((progress.fraction * 100).rounded())) %")
    }
    defer { status.clear() }
    do {
      let result = try Importer.load(paths: files, options: options)
      status.clear()
      if !hideWarnings {
        for warning in result.warnings { Console.error(warning.description) }
        Self.printRemedies(for: result.warnings)
      }
      return result
    } catch {
      switch error {
      case .missingInput:
        Console.error(error.description)
        throw ExitCode(ExitStatus.missingInput)
      case .invalidData(let diagnostics):
        for diagnostic in diagnostics { Console.error(diagnostic.description) }
        Self.printRemedies(for: diagnostics)
        let errors = diagnostics.count { $0.severity == .error }
        Console.error("understudy: \(errors) error\(errors == 1 ? "" : "s"); nothing was written")
        throw ExitCode(ExitStatus.badData)
      }
    }
  }

  /// One note per remedy the diagnostics call for, naming this command line's flags.
  static func printRemedies(for diagnostics: [Diagnostic]) {
    let remedies = Set(diagnostics.compactMap(\.remedy))
    if remedies.contains(.nameProfileOrMapping) {
      Console.error(
        "understudy: note: name the format with --profile NAME (or FILE=NAME), or give "
          + "--mapping FILE for an export no profile reads; 'understudy formats' lists the "
          + "profiles, and 'understudy inspect FILE' shows a file's structure and drafts a mapping")
    }
    if remedies.contains(.giveRoles) {
      Console.error(
        "understudy: note: give a roles file (native XML with a <roles> section; 'understudy "
          + "schema' prints the format) after the export, or add --derive-roles to make a role "
          + "per critical position (--derive-roles all: per position)")
    }
  }
}

extension ImportOptions.RoleDerivation: ExpressibleByArgument {}
