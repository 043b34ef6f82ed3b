import SkillsGraph

/// What an import produced: the merged organization, warnings to show, and where data came from.
public struct ImportResult: Sendable {
  public var organization: Organization
  /// Problems that do not stop the run (a person with no skills, a role nobody can do).
  public var warnings: [Diagnostic]
  /// One summary per input file, in the order given.
  public var sources: [SourceSummary]
}

/// Imports Understudy's native XML format from one or more files.
public enum NativeImporter {
  /// Reads, validates against the bundled XSD, merges by id and resolves the given files.
  ///
  /// Every file is read even when an earlier one has errors, so one run reports everything to
  /// fix (up to 50 errors per file).
  /// - Parameters:
  ///   - paths: files in merge order; later files override earlier ones by id.
  ///   - streamingThreshold: files larger than this stream record by record; smaller ones are
  ///     parsed in memory. The result is the same either way; by default every file streams,
  ///     as `Importer` streams native files.
  /// - Returns: the organization, warnings and one source summary per file.
  /// - Throws: `ImportError.missingInput` for a file that cannot be read,
  ///   `ImportError.invalidData` with every error (and the warnings) when the data is not usable.
  public static func load(
    paths: [String], streamingThreshold: Int = 0
  ) throws(ImportError) -> ImportResult {
    try InputFiles.checkReadable(paths)
    var files: [NativeFile] = []
    var diagnostics: [Diagnostic] = []
    var everyFileParsed = true
    for path in paths {
      let read = try read(path: path, displayPath: path, streamAbove: streamingThreshold)
      diagnostics += read.diagnostics
      guard let file = read.file else {
        everyFileParsed = false
        continue
      }
      files.append(file)
    }
    return try assemble(
      consume files, diagnostics: diagnostics, order: paths, resolve: everyFileParsed)
  }

  /// Reads one native file into records: parsed in memory up to `threshold` bytes, streamed
  /// record by record above (`NativeStream`); both validate against the XSD and give the same
  /// records and diagnostics.
  ///
  /// - Returns: the records (`nil` when the file is not well-formed or breaks an input limit)
  ///   and the file's diagnostics.
  /// - Throws: `ImportError.missingInput` when the file cannot be read.
  static func read(
    path: String, displayPath: String, streamAbove threshold: Int
  ) throws(ImportError) -> (file: NativeFile?, diagnostics: [Diagnostic]) {
    try InputFiles.checkReadable(path, displayPath: displayPath)
    var outcome: (file: NativeFile?, diagnostics: [Diagnostic])?
    if RecordSource.fileSize(path) > threshold,
      case .read(let file, let diagnostics) = NativeStream.read(
        path: path, displayPath: displayPath)
    {
      outcome = (file, diagnostics)
    }
    // Small files, and files in another encoding than UTF-8, are read in memory.
    if outcome == nil {
      let parsed = try SafeXMLParser.parse(path: path, displayPath: displayPath, schema: .native)
      if let root = parsed.root {
        var reader = NativeFileReader(source: parsed.source)
        outcome = (reader.read(root, path: displayPath), parsed.diagnostics + reader.diagnostics)
      } else {
        outcome = (nil, parsed.diagnostics)
      }
    }
    guard let outcome else { return (nil, []) }
    if let file = outcome.file {
      let size = RecordSource.fileSize(path)
      ImportProgressSink.report?(
        ImportProgress(
          file: displayPath, records: file.people.count + file.roles.count + file.skills.count,
          bytesRead: size, totalBytes: size))
    }
    return outcome
  }

  /// Parses native XML held in memory, validated against the schema as a file is.
  ///
  /// Public for programs that hold the XML already (generated data, the fuzz harness of the
  /// native reader in `Fuzz/`); the command line imports files.
  /// - Throws: `ImportError.invalidData` as `load(paths:)` does.
  public static func load(
    xml: String, name: String = "<memory>"
  ) throws(ImportError)
    -> ImportResult
  {
    let parsed = SafeXMLParser.parse(bytes: Array(xml.utf8), displayPath: name, schema: .native)
    var diagnostics = parsed.diagnostics
    var files: [NativeFile] = []
    if let root = parsed.root {
      var reader = NativeFileReader(source: parsed.source)
      files.append(reader.read(root, path: name))
      diagnostics += reader.diagnostics
    }
    return try assemble(
      consume files, diagnostics: diagnostics, order: [name], resolve: parsed.root != nil)
  }

  /// The XSD of the native format, as shipped.
  public static var schemaText: String { XMLSchema.nativeText }

  private static func assemble(
    _ files: consuming [NativeFile], diagnostics: [Diagnostic], order: [String], resolve: Bool
  ) throws(ImportError) -> ImportResult {
    var diagnostics = diagnostics
    var organization = Organization()
    let sources = files.map { file in
      SourceSummary(
        path: file.path, profile: "native", people: file.people.count, skills: file.skills.count,
        roles: file.roles.count, absences: file.people.reduce(0) { $0 + $1.absences.count })
    }
    // References are resolved whenever every file could be read into a tree: a file that is not
    // well-formed would make every id it defines look unknown.
    if resolve {
      var assembler = OrganizationAssembler()
      assembler.merge(taking: &files)
      organization = assembler.assemble()
      diagnostics += assembler.diagnostics
    }
    let sorted = sortAndCap(diagnostics, order: order)
    if sorted.contains(where: { $0.severity == .error }) {
      throw .invalidData(sorted)
    }
    return ImportResult(organization: organization, warnings: sorted, sources: sources)
  }

  /// Orders diagnostics by file (as given), then place; keeps at most 50 errors per file.
  ///
  /// A file's reading may have capped its own errors already: its "too many errors" stays, once,
  /// after the file's other diagnostics, and is not counted as one more error.
  static func sortAndCap(_ diagnostics: [Diagnostic], order: [String]) -> [Diagnostic] {
    let rank = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    func isCap(_ diagnostic: Diagnostic) -> Bool {
      diagnostic.severity == .error && diagnostic.message == SafeXMLParser.tooManyErrors
    }
    let sorted = diagnostics.enumerated().sorted { lhs, rhs in
      let a = lhs.element.location
      let b = rhs.element.location
      let aLine = isCap(lhs.element) ? Int.max : a.line
      let bLine = isCap(rhs.element) ? Int.max : b.line
      return (rank[a.file] ?? order.count, aLine, a.column, lhs.offset)
        < (rank[b.file] ?? order.count, bLine, b.column, rhs.offset)
    }.map(\.element)
    var errorsPerFile: [String: Int] = [:]
    var capped: Set<String> = []
    var kept: [Diagnostic] = []
    for diagnostic in sorted {
      let file = diagnostic.location.file
      if isCap(diagnostic) {
        if capped.insert(file).inserted { kept.append(diagnostic) }
        continue
      }
      if diagnostic.severity == .error {
        let count = errorsPerFile[file, default: 0] + 1
        errorsPerFile[file] = count
        if count == SafeXMLParser.maximumErrors + 1, capped.insert(file).inserted {
          kept.append(
            Diagnostic(.error, SafeXMLParser.tooManyErrors, at: SourceLocation(file: file)))
        }
        if count > SafeXMLParser.maximumErrors { continue }
      }
      kept.append(diagnostic)
    }
    return kept
  }
}
