import SkillsGraph

/// Reads any mix of HR exports and native files into one organization.
///
/// Each file's format is detected from its first elements (or given with `ImportOptions`), read
/// by its profile, and then everything merges by id through the same rules as native files: a
/// manager's roles file joins a Workday export by person id and by skill id or name, and an
/// unknown reference is an error naming it, with the closest names as suggestions.
public enum Importer {
  /// Reads, maps levels, merges and resolves the given files.
  ///
  /// Every file is read even when an earlier one has errors, so one run reports everything to
  /// fix (up to 50 errors per file).
  /// - Parameters:
  ///   - paths: files in merge order; later files override earlier ones by id.
  ///   - options: profile overrides, the mapping file, role derivation, level defaults.
  /// - Returns: the organization, warnings, and one source summary per file.
  /// - Throws: `ImportError.missingInput` for a file that cannot be read,
  ///   `ImportError.invalidData` with every error (and the warnings) when the data is not usable.
  /// - Complexity: O(size of the input); files above `options.streamingThreshold` stream, so
  ///   memory grows with the people read, not with the file.
  public static func load(
    paths: [String], options: ImportOptions = ImportOptions()
  )
    throws(ImportError) -> ImportResult
  {
    let outcome = ImportProgressSink.with(options.progress) {
      Result { () throws(ImportError) in try loadFiles(paths: paths, options: options) }
    }
    return try outcome.get()
  }

  private static func loadFiles(
    paths: [String], options: ImportOptions
  )
    throws(ImportError) -> ImportResult
  {
    try InputFiles.checkReadable(paths + (options.mappingPath.map { [$0] } ?? []))
    var diagnostics: [Diagnostic] = []
    var mapping: MappingFile?
    if let mappingPath = options.mappingPath {
      let loaded = try MappingFile.load(path: mappingPath)
      diagnostics += loaded.diagnostics
      mapping = loaded.mapping
      if mapping == nil {
        // Without its mapping, every file it was meant for would look unreadable.
        throw .invalidData(NativeImporter.sortAndCap(diagnostics, order: [mappingPath] + paths))
      }
    }
    var loaded: [LoadedFile] = []
    var everyFileParsed = true
    let (whileRead, peeks) = conversionWhileRead(paths: paths, options: options)
    for outcome in readEach(
      paths: paths, options: options, mapping: mapping, convert: whileRead, peeks: peeks)
    {
      let outcome = try outcome.get()
      diagnostics += outcome.diagnostics
      if let file = outcome.file { loaded.append(file) } else { everyFileParsed = false }
    }
    if !everyFileParsed {
      // A file that could not be read would make every id it defines look unknown.
      throw .invalidData(NativeImporter.sortAndCap(diagnostics, order: paths))
    }
    if let mapping, !loaded.contains(where: \.isReadByMapping) {
      // A mapping the user gave is never ignored: if it reads nothing, say why.
      diagnostics.append(unusedMapping(mapping, paths: paths, options: options))
      throw .invalidData(NativeImporter.sortAndCap(diagnostics, order: [mapping.path] + paths))
    }
    var assembler = OrganizationAssembler()
    assembler.expectedPeople = loaded.reduce(0) { total, file in
      switch file {
      case .native(let native): total + native.people.count
      case .vendor(let vendor): total + (vendor.converted?.people.count ?? vendor.people.count)
      }
    }
    var conversion = VendorConversion(files: loaded, options: options) { index in
      // The file as `VendorConversion` converts it in its turn; its diagnostics were said.
      guard index < paths.count,
        let again = try? read(
          path: paths[index], options: options, mapping: mapping, convert: nil,
          peeked: peeks[index]),
        case .vendor(let file)? = again.file
      else { return nil }
      return file
    }
    loaded = []
    var converted = VendorConversion.Output(files: [], sources: [])
    var released = false
    if options.deriveRoles == nil, paths.count > 1 {
      // Several files: each is merged, in order, while the conversion finishes the next, and
      // the memory the conversion freed (the records as read) is given back during the merge.
      let handoff = HandoffQueue<NativeFile>()
      // A file read again in its turn reports its progress as it would on this thread.
      let report = ImportProgressSink.report
      Alongside.run(
        background: {
          if report == nil {
            converted = conversion.run(deliver: handoff.put)
          } else {
            ImportProgressSink.with(report) { converted = conversion.run(deliver: handoff.put) }
          }
          handoff.close()
          ReleaseFreedMemory.now()
        },
        foreground: { while let file = handoff.take() { assembler.merge(file) } })
      released = true
    } else {
      converted = conversion.run()
    }
    diagnostics += conversion.diagnostics
    // The assembler takes the files' records, so that one copy is ever held.
    assembler.merge(taking: &converted.files)
    let organization = assembler.assemble()
    diagnostics += assembler.diagnostics
    // Freeing 40,000 people's records took 5-10 ms; a small organization's cost nothing.
    ReleaseFreedMemory.drop(consume assembler, people: organization.people.count)
    // One file is read on the calling thread, and trimming after it gave back nothing that
    // lowered a peak (BENCHMARKS.md, "At 40,000 people"), for 20-30 ms of cache misses.
    if !released, paths.count > 1 { ReleaseFreedMemory.now() }
    if organization.people.isEmpty {
      diagnostics += noPeople(paths: paths, sources: converted.sources)
    } else if organization.roles.isEmpty, let severity = options.missingRoles {
      diagnostics.append(
        noRoles(
          severity, paths: paths, deriving: options.deriveRoles, sources: converted.sources))
    }
    let sorted = NativeImporter.sortAndCap(diagnostics, order: paths)
    if sorted.contains(where: { $0.severity == .error }) { throw .invalidData(sorted) }
    return ImportResult(organization: organization, warnings: sorted, sources: converted.sources)
  }

  /// What reading one file on its own gave: the file (`nil` when it could not be read) and its
  /// diagnostics, or the error that stopped it.
  typealias FileOutcome = Result<(file: LoadedFile?, diagnostics: [Diagnostic]), ImportError>

  /// Reads every file on its own, several at once, and returns the outcomes in the order given.
  ///
  /// Reading a file (parsing it and reading its profile's records) depends on no other file, so
  /// up to `options.maximumConcurrentFiles` files are read at once, each by its own libxml2
  /// parser on its own thread; everything that depends on the order (diagnostics, the
  /// conversion's finish, the merge) happens afterwards, in the order given, so the result is
  /// the same as reading one file after another. Progress from the reading threads reaches the caller one report
  /// at a time, and each file's last report is passed on again once every file is read, in the
  /// order given (see `ImportProgressSink.Relay`).
  /// - Parameters:
  ///   - paths: the files, in merge order.
  ///   - options: how to read them, and how many at once.
  ///   - mapping: the mapping file, already loaded.
  ///   - convert: how a Workday export's people are converted as they are read, or `nil` to
  ///     keep them as read (`conversionWhileRead`).
  ///   - peeks: each file's first elements where `conversionWhileRead` already looked at them.
  /// - Returns: one outcome per path, in the order of `paths`.
  private static func readEach(
    paths: [String], options: ImportOptions, mapping: MappingFile?, convert: FileConversion?,
    peeks: [RecordSource.Peek?]
  ) -> [FileOutcome] {
    let width = options.maximumConcurrentFiles
    guard ConcurrentFiles.threads(count: paths.count, width: width) > 1 else {
      // One file at a time on this thread, which already has the caller's progress callback.
      return paths.indices.map { index in
        Result { () throws(ImportError) in
          try read(
            path: paths[index], options: options, mapping: mapping, convert: convert,
            peeked: peeks[index])
        }
      }
    }
    // Before any thread starts: xmlInitParser and the deny-all entity loader, once.
    LibXML.initialize()
    let relay = ImportProgressSink.report.map { ImportProgressSink.Relay($0, files: paths.count) }
    let filesAtOnce = {
      var each = options
      each.streamsOnOneThread = true
      return each
    }()
    let outcomes = ConcurrentFiles.map(count: paths.count, width: width) { index in
      // The progress callback is per thread: give this one the relay's, for this file.
      ImportProgressSink.with(relay?.report(for: index)) {
        Result { () throws(ImportError) in
          try read(
            path: paths[index], options: filesAtOnce, mapping: mapping, convert: convert,
            peeked: peeks[index])
        }
      }
    }
    relay?.finish()
    return outcomes
  }

  /// One error per file when no file yields a person: what each file held instead (its root
  /// element, its repeated elements with counts) and what its profile skipped and why.
  ///
  /// - Complexity: one streaming pass over each file, made only on this failure.
  private static func noPeople(paths: [String], sources: [SourceSummary]) -> [Diagnostic] {
    let anyExport = sources.contains { $0.profile != "native" }
    return zip(paths, sources).map { path, source in
      let census = ElementCensus.take(path: path)
      // A spreadsheet has no root element to speak of: only say how it was read.
      let spreadsheet = census.root == nil && source.profile.hasPrefix("spreadsheet")
      var facts = [
        spreadsheet
          ? "read as \(source.profile)" : "\(census.rootDescription), read as \(source.profile)"
      ]
      if let records = census.recordsDescription() { facts.append("it holds " + records) }
      facts += source.remarks
      return Diagnostic(
        .error, "no people read from this file: " + facts.joined(separator: "; "),
        at: SourceLocation(file: path, line: max(census.root?.line ?? 0, 0)),
        // A spreadsheet is known by its name and read by its layout: naming a profile or
        // giving a mapping (for XML exports) would not change what it holds.
        remedy: anyExport && !spreadsheet ? .nameProfileOrMapping : nil)
    }
  }

  /// The finding that the input defines no role, at the first file: nothing to measure
  /// coverage against; with derivation asked for, why it made none.
  private static func noRoles(
    _ severity: Diagnostic.Severity, paths: [String], deriving: ImportOptions.RoleDerivation?,
    sources: [SourceSummary]
  ) -> Diagnostic {
    var message = "no roles: no input file defines a role"
    if let deriving {
      // The deriver notes each position it could not turn into a role.
      let unshared = sources.flatMap(\.notes).count { $0.hasPrefix("no role derived for ") }
      let kind = deriving == .critical ? "critical " : ""
      if unshared == 0 {
        message +=
          deriving == .critical
          ? ", and no position or job profile is marked critical to derive one from"
          : ", and no person has a position or job profile to derive one from"
      } else {
        message +=
          ", and the incumbents of the \(unshared) \(kind)position\(unshared == 1 ? "" : "s") or "
          + "job profile\(unshared == 1 ? "" : "s") found share no skill to derive one from"
      }
    }
    return Diagnostic(
      severity, message + "; coverage needs roles to measure against",
      at: SourceLocation(file: paths.first ?? ""), remedy: .giveRoles)
  }

  /// Why a mapping file read none of the inputs: each input's root and how it was read.
  private static func unusedMapping(
    _ mapping: MappingFile, paths: [String], options: ImportOptions
  ) -> Diagnostic {
    var message = "the mapping file reads none of the inputs"
    if let match = mapping.matchRoot {
      message += ": it is for files whose root element is '\(match.localName)'"
      if let namespace = match.namespace { message += " in namespace '\(namespace)'" }
    }
    let files = paths.map { path in
      let names = RecordSource.peek(path: path, displayPath: path).names
      let root = names.first
      let how: String
      switch ProfileDetector.detect(names) {
      case .profile(.native): how = "read as native"
      case _ where (options.profileByPath[path] ?? options.profile) != nil:
        how =
          "given the profile \((options.profileByPath[path] ?? options.profile)?.rawValue ?? "")"
      case .profile(let detected): how = "detected as \(detected.rawValue)"
      case .notAnExport, .unknown: how = "not recognised"
      }
      return "'\(path)' has the root '\(root?.localName ?? "")' and was \(how)"
    }
    message += "; " + files.joined(separator: ", ")
    message += "; correct the mapping's <match root=\"…\"/>, or name the mapping profile for the "
    message += "files it describes"
    return Diagnostic(.error, message, at: SourceLocation(file: mapping.path))
  }

  /// The profiles a user can name for a file (all but mapping, which needs a mapping file),
  /// as a list for a message: "native, workday, … or europass".
  private static let profileNames: String = {
    let names = ImportProfile.allCases.filter { $0 != .mapping }.map(\.rawValue)
    return names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
  }()

  /// One file, read by its profile.
  enum LoadedFile: Sendable {
    case native(NativeFile)
    case vendor(VendorFile)

    /// True when the file was read through a mapping file.
    var isReadByMapping: Bool {
      if case .vendor(let file) = self { file.profile == .mapping } else { false }
    }
  }

  /// How a Workday export's people are converted while it is read, or `nil` when some input
  /// is a native file.
  ///
  /// Converting a person needs the level scale, which a native file may give, the horizon's
  /// start and the skills already named; without native files the scale is the default, and
  /// `VendorConversion` checks the start and the skills in each file's turn, reading a file
  /// again when they differ (the result is always the one of converting in turn). A native
  /// file among the inputs would make that likely, so the people are then kept as read.
  /// - Returns: the conversion, and the first elements of each file it looked at (by index),
  ///   which `read` then takes instead of opening the file for them again.
  private static func conversionWhileRead(
    paths: [String], options: ImportOptions
  ) -> (conversion: FileConversion?, peeks: [RecordSource.Peek?]) {
    var peeks = [RecordSource.Peek?](repeating: nil, count: paths.count)
    guard options.convertsWhileReading, options.profile != .native else { return (nil, peeks) }
    for (index, path) in paths.enumerated() {
      if let named = options.profileByPath[path] {
        if named == .native { return (nil, peeks) }
        continue
      }
      if SpreadsheetFormat.detect(path: path, named: false) != nil { continue }
      let peek = RecordSource.peek(path: path, displayPath: path)
      peeks[index] = peek
      if case .profile(.native) = ProfileDetector.detect(peek.names) { return (nil, peeks) }
    }
    var conversion = FileConversion(
      scale: VendorConversion.defaultScale(options: options), start: options.resolvedToday,
      promoteReferences: false, derivingRoles: options.deriveRoles != nil,
      registry: SkillRegistry(recording: true), gathersIDs: true)
    conversion.resolvesInFile = paths.count == 1
    return (conversion, peeks)
  }

  /// Reads one file by its profile; `peeked` is its first elements when already looked at.
  private static func read(
    path: String, options: ImportOptions, mapping: MappingFile?, convert: FileConversion?,
    peeked: RecordSource.Peek?
  )
    throws(ImportError) -> (file: LoadedFile?, diagnostics: [Diagnostic])
  {
    let named = options.profileByPath[path]
    if named == nil || named == .spreadsheet,
      let format = SpreadsheetFormat.detect(path: path, named: named == .spreadsheet)
    {
      return vendor(try SpreadsheetImport.read(path: path, format: format))
    }
    let peek = peeked ?? RecordSource.peek(path: path, displayPath: path)
    // A DOCTYPE, or a file too broken to show its first element, stops here; a file broken
    // further on is read by its profile, which reports every error with its place.
    if !peek.diagnostics.isEmpty, peek.names.isEmpty {
      let isDoctype = peek.diagnostics.contains { $0.message.hasPrefix("DOCTYPE") }
      guard !isDoctype, RecordSource.fileSize(path) <= options.streamingThreshold else {
        return (nil, peek.diagnostics)
      }
      // The streaming peek stops at the first error; a full parse lists them all.
      let parsed = try SafeXMLParser.parse(path: path, displayPath: path)
      return (nil, parsed.diagnostics.isEmpty ? peek.diagnostics : parsed.diagnostics)
    }
    let verdict = ProfileDetector.detect(peek.names)
    var profile: ImportProfile
    if let chosen = options.profileByPath[path] {
      profile = chosen
    } else if case .profile(let detected) = verdict, detected == .native || detected == .spreadsheet
    {
      // Neither is an HR system's export, so a profile named for every export does not apply.
      profile = detected
    } else if let chosen = options.profile {
      profile = chosen
    } else if let mapping, mapping.matchRoot == nil || mapping.claims(peek.names) {
      // A mapping without <match root> is for every export given no profile, whatever the
      // detector says: the user gave it for a reason.
      profile = .mapping
    } else {
      switch verdict {
      case .profile(let detected):
        profile = detected
      case .notAnExport(let why):
        var file = VendorFile(path: path, profile: .native)
        file.profileLabel = "none (XML Schema)"
        file.holdsNoPeople(why)
        return vendor(file)
      case .unknown:
        if mapping != nil {
          profile = .mapping
        } else {
          let root = peek.names.first
          let namespace =
            root.map { $0.namespace.isEmpty ? "no namespace" : "namespace '\($0.namespace)'" } ?? ""
          return (
            nil,
            [
              Diagnostic(
                .error,
                "cannot tell which HR system wrote this file (root element "
                  + "'\(root?.localName ?? "")' in \(namespace)); name its profile ("
                  + Self.profileNames + "), or give a mapping file for an export no "
                  + "profile reads", at: SourceLocation(file: path, line: max(root?.line ?? 1, 1)),
                remedy: .nameProfileOrMapping)
            ]
          )
        }
      }
    }
    let threshold = options.streamingThreshold
    func readAll<Reader: VendorReader>(_ reader: inout Reader) throws(ImportError) -> VendorFile {
      try reader.run(
        path: path, displayPath: path, streamAbove: threshold,
        oneThread: options.streamsOnOneThread)
    }
    switch profile {
    case .native:
      // Native files always stream: as exact as in memory, and faster and smaller at every size
      // measured (BENCHMARKS.md, "Native format streaming").
      let read = try NativeImporter.read(path: path, displayPath: path, streamAbove: 0)
      return (read.file.map { .native($0) }, read.diagnostics)
    case .workday:
      var reader = WorkdayReader(path: path, conversion: convert)
      return try vendor(readAll(&reader))
    case .successfactors:
      var reader = SuccessFactorsReader(path: path, options: options)
      return try vendor(readAll(&reader))
    case .bamboohr:
      var reader = BambooHRReader(path: path, root: peek.names, options: options)
      return try vendor(readAll(&reader))
    case .hrxml3:
      var reader = HRXML3Reader(path: path, options: options)
      return try vendor(readAll(&reader))
    case .hrxml2:
      var reader = HRXML2Reader(path: path, options: options)
      return try vendor(readAll(&reader))
    case .europass:
      var reader = EuropassReader(path: path, options: options)
      return try vendor(readAll(&reader))
    case .spreadsheet:
      let format = SpreadsheetFormat.detect(path: path) ?? .excel2003
      return try vendor(SpreadsheetImport.read(path: path, format: format))
    case .mapping:
      guard let mapping else {
        return (
          nil,
          [
            Diagnostic(
              .error,
              "the mapping profile needs a mapping file describing this export, and none was given",
              at: SourceLocation(file: path))
          ]
        )
      }
      return try vendor(MappingReader.read(path: path, mapping: mapping, options: options))
    }
  }

  /// A vendor file with its diagnostics split off: a file that is not well-formed yields none.
  private static func vendor(_ file: VendorFile) -> (file: LoadedFile?, diagnostics: [Diagnostic]) {
    var file = file
    let diagnostics = file.diagnostics
    file.diagnostics = []
    return (file.wellFormed ? .vendor(file) : nil, diagnostics)
  }
}
