internal import OrderedCollections
import SkillsGraph

/// Turns what the vendor readers found into native records, so that merging, reference checks
/// and suggestions stay in `OrganizationAssembler`.
///
/// This is where levels meet the model's scale (known only once every native file is read),
/// where skills named by an export get ids that a roles file can also reach by name, where
/// certifications are checked against the horizon's start, and where records that only mention
/// a person (a time-off request, a rating) join the person another file defines.
struct VendorConversion {
  private var files: [Importer.LoadedFile]
  private let options: ImportOptions
  /// Reads the file at an index again, not converted while read: for a file whose conversion
  /// while read does not hold once every file is known (see `adopt`).
  private let reread: (Int) -> VendorFile?
  private(set) var diagnostics: [Diagnostic] = []

  /// Skill ids by name, shared by every file so the same name is one skill.
  private var registry = SkillRegistry()
  private var unknownLevels: [String] = []
  private var unknownLevelUses: [String: (count: Int, first: SourceLocation)] = [:]
  /// How many files converted while read were kept as converted, and how many read again.
  private(set) var filesKeptAsRead = 0
  private(set) var filesReadAgain = 0

  struct Output {
    var files: [NativeFile]
    var sources: [SourceSummary]
  }

  init(
    files: [Importer.LoadedFile], options: ImportOptions,
    reread: @escaping (Int) -> VendorFile? = { _ in nil }
  ) {
    self.files = files
    self.options = options
    self.reread = reread
  }

  /// The scale levels are put on when no native file gives one: what a file converted while it
  /// is read assumes (`Importer`), and what `run` checks it against.
  static func defaultScale(options: ImportOptions) -> LevelScale {
    let facts = NativeFacts()
    return LevelScale(
      scaleMax: facts.scaleMax,
      levelLessDefault: min(max(options.levelLessSkillLevel, 0), facts.scaleMax),
      userNames: facts.levelNames)
  }

  /// Converts every file in order.
  ///
  /// - Parameter deliver: when given and no roles are derived (derived roles come as a file of
  ///   their own ahead of all the others, known only at the end), each converted file is handed
  ///   to it in order as soon as it is finished instead of being kept in `Output.files`, so
  ///   that the merge can run beside the conversion of the next files.
  /// - Returns: the converted files (none of them when `deliver` took them) and each file's
  ///   summary, in the order given.
  mutating func run(deliver: ((consuming NativeFile) -> Void)? = nil) -> Output {
    let deliver = options.deriveRoles == nil ? deliver : nil
    let facts = nativeFacts()
    let scale = LevelScale(
      scaleMax: facts.scaleMax,
      levelLessDefault: min(max(options.levelLessSkillLevel, 0), facts.scaleMax),
      userNames: facts.levelNames)
    var vendorAsOf: Day?
    // Who each file defines, and their WIDs, in file order: gathered into one table each below.
    var tables: [IDTables] = []
    for index in files.indices {
      switch files[index] {
      case .native(let native):
        for skill in native.skills {
          registry.register(skill: skill.id.value, name: skill.name)
        }
        tables.append(.native(native.people))
      case .vendor(let vendor):
        vendorAsOf = vendorAsOf ?? vendor.asOf
        if let converted = vendor.converted {
          if converted.sawReference || !Self.same(converted.scale, scale) {
            // Who a reference is, or the levels, depend on other files: read it again.
            replaceWithRereading(at: index)
            guard case .vendor(let again) = files[index] else { continue }
            tables.append(.vendor(again.people))
            continue
          }
          // Gathered on the reading thread.
          tables.append(.gathered(defined: converted.definedIDs, wids: converted.widToID))
        } else {
          tables.append(.vendor(vendor.people))
        }
      }
    }
    // Taken apart, so that `context` below holds the only reference to each table and frees
    // them where it is dropped.
    let (defined, widToID) = IDTables.gather(tables)
    tables = []
    var definedPeople = consume defined
    let start = facts.start ?? facts.asOf ?? vendorAsOf ?? options.resolvedToday
    let promoteReferences = definedPeople.isEmpty
    if promoteReferences {
      for case .vendor(let vendor) in files {
        for person in vendor.people { definedPeople.insert(person.id.value) }
      }
    }
    let context = Context(
      scale: scale, start: start, definedPeople: consume definedPeople, widToID: consume widToID,
      promoteReferences: promoteReferences)
    var output = Output(files: [], sources: [])
    var derivation = RoleDeriver(scale: scale)
    for index in files.indices {
      if var vendor = takeVendorFile(at: index) {
        var conversion: FileConversion
        // Taken out of the file and handed on, so that one reference to its people is ever
        // held (the merge then moves them instead of copying them).
        let asRead = vendor.converted.take()
        let wasConverted = asRead != nil
        if let kept = adopt(consume asRead, start: context.start) {
          conversion = kept
        } else {
          if wasConverted, let again = reread(index) {
            filesReadAgain += 1
            vendor = again
          }
          vendor.converted = nil
          conversion = convert(&vendor, context: context)
        }
        let (native, summary) = finish(
          vendor, &conversion, context: context, fileIndex: index, roles: &derivation)
        output.sources.append(summary)
        // Handed over whole: the merge then holds the only reference to the file's lists.
        if let deliver { deliver(consume native) } else { output.files.append(native) }
        // What is left of a large file's conversion (its id tables, positions, skills seen)
        // took 10 ms to free here, on the path the import waits for.
        ReleaseFreedMemory.drop(consume conversion, people: summary.people)
      } else if case .native(let native) = files[index] {
        if let deliver { deliver(native) } else { output.files.append(native) }
        output.sources.append(
          SourceSummary(
            path: native.path, profile: "native", people: native.people.count,
            skills: native.skills.count, roles: native.roles.count,
            absences: native.people.reduce(0) { $0 + $1.absences.count }))
      }
    }
    if let mode = options.deriveRoles {
      let derived = derivation.derive(mode: mode)
      for (fileIndex, count) in derived.rolesPerFile {
        output.sources[fileIndex].roles += count
        output.sources[fileIndex].notes.append(
          "\(count) role\(count == 1 ? "" : "s") derived from "
            + (mode == .all ? "every position" : "critical positions"))
      }
      for (fileIndex, note) in derived.notes { output.sources[fileIndex].notes.append(note) }
      var roles = NativeFile(path: files.first.map(Self.path) ?? "")
      roles.roles = derived.roles
      output.files.insert(roles, at: 0)
    }
    // Every position read, one per person: 40,000 of them took 10 ms to free here.
    ReleaseFreedMemory.drop(
      consume derivation, people: output.sources.reduce(0) { $0 + $1.people })
    reportUnknownLevels(scaleMax: facts.scaleMax)
    files = []  // the vendor records are converted; free them before the merge
    // Who is defined and the WIDs of every file: 40,000 entries each took 10 ms to free.
    let definedCount = context.definedPeople.count
    ReleaseFreedMemory.drop(consume context, people: definedCount)
    return output
  }

  private static func same(_ a: LevelScale, _ b: LevelScale) -> Bool {
    a.scaleMax == b.scaleMax && a.levelLessDefault == b.levelLessDefault
      && a.userNames == b.userNames
  }

  /// Replaces the file at `index`, converted while read, with the same file read again.
  private mutating func replaceWithRereading(at index: Int) {
    guard case .vendor(let vendor) = files[index], vendor.converted != nil,
      var again = reread(index)
    else { return }
    filesReadAgain += 1
    again.converted = nil
    files[index] = .vendor(again)
  }

  /// A file's conversion made while it was read, when it is what converting it in its turn
  /// would give: made for the same start (if a certification needed it), and with every skill
  /// it named resolving to the same id in the shared registry, whose state it then takes on.
  ///
  /// The level scale and who is defined were checked before (`run`); managers, derived roles
  /// and the report are finished in turn either way (`finish`).
  private mutating func adopt(
    _ asRead: consuming FileConversion?, start: Day
  ) -> FileConversion? {
    guard let converted = asRead.take(), !converted.startUsed || converted.start == start else {
      return nil
    }
    var trial = registry
    guard trial.replay(converted.registry.calls ?? []) else { return nil }
    registry = trial
    filesKeptAsRead += 1
    return converted
  }

  /// The vendor file at `index`, leaving only its name in its place, so that the conversion
  /// owns the one copy of its records and can free each person's levels once converted (a
  /// 10,000 × 500 skills matrix holds five million, each with its cell).
  private mutating func takeVendorFile(at index: Int) -> VendorFile? {
    guard case .vendor(let vendor) = files[index] else { return nil }
    files[index] = .vendor(VendorFile(path: vendor.path, profile: vendor.profile))
    return vendor
  }

  // MARK: Native facts

  private struct NativeFacts {
    var scaleMax = 4
    var asOf: Day?
    var start: Day?
    var levelNames: [String: Int] = [:]
  }

  private mutating func nativeFacts() -> NativeFacts {
    var facts = NativeFacts()
    var named: [(name: Located<String>, level: Located<Int>)] = []
    for case .native(let native) in files {
      facts.scaleMax = native.scaleMax?.value ?? facts.scaleMax
      facts.asOf = native.asOf ?? facts.asOf
      facts.start = native.policy?.start ?? facts.start
      named += native.policy?.levelNames ?? []
    }
    for entry in named {
      if entry.level.value > facts.scaleMax {
        diagnostics.append(
          Diagnostic(
            .error, "level \(entry.level.value) is outside the scale 0...\(facts.scaleMax)",
            at: entry.level.location))
        continue
      }
      facts.levelNames[VendorValues.nameKey(entry.name.value)] = entry.level.value
    }
    return facts
  }

  private static func path(_ file: Importer.LoadedFile) -> String {
    switch file {
    case .native(let native): native.path
    case .vendor(let vendor): vendor.path
    }
  }

  // MARK: Files

  private struct Context {
    var scale: LevelScale
    var start: Day
    var definedPeople: Set<String>
    var widToID: [String: String]
    var promoteReferences: Bool
  }

  /// Converts a file's people and roles in its turn, with the shared registry.
  private mutating func convert(_ vendor: inout VendorFile, context: Context) -> FileConversion {
    var conversion = FileConversion(
      scale: context.scale, start: context.start, promoteReferences: context.promoteReferences,
      derivingRoles: options.deriveRoles != nil, registry: registry)
    registry = SkillRegistry()
    conversion.reserve(vendor.people.count)
    for index in vendor.people.indices {
      // Moved out, so that the file no longer holds what is converted.
      var person = VendorPerson(id: "", at: SourceLocation(file: ""))
      swap(&person, &vendor.people[index])
      // Everyone not a reference is defined by their own record.
      guard !person.isReference || context.definedPeople.contains(person.id.value) else {
        conversion.skip("records of people no input file lists (\(Self.describe(person)))")
        continue
      }
      conversion.add(person)
    }
    vendor.people = []
    registry = conversion.takeRegistry()
    return conversion
  }

  /// What needs every file, in the file's turn: managers, derived roles, the file's skills as
  /// the shared registry names them, and its report.
  private mutating func finish(
    _ vendor: VendorFile, _ conversion: inout FileConversion, context: Context, fileIndex: Int,
    roles: inout RoleDeriver
  ) -> (NativeFile, SourceSummary) {
    let convertedRoles = vendor.roles.map { conversion.convert($0) }
    diagnostics += conversion.diagnostics
    for name in conversion.unknownLevels {
      guard let use = conversion.unknownLevelUses[name] else { continue }
      if unknownLevelUses[name] == nil {
        unknownLevels.append(name)
        unknownLevelUses[name] = (0, use.first)
      }
      unknownLevelUses[name]?.count += use.count
    }
    var native = NativeFile(path: vendor.path)
    native.asOf = vendor.asOf
    if !vendor.holidays.isEmpty { native.policy = PolicyRecord(holidays: vendor.holidays) }
    // Managers resolved on the reading thread hold when this file alone defines people.
    if !(conversion.resolvedInFile && files.count == 1) {
      conversion.resolveManagers(widToID: context.widToID, defined: context.definedPeople)
    }
    let droppedManagers = conversion.droppedManagers
    native.people = conversion.takePeople()
    // Moved out last first, in order (see `OrganizationAssembler.merge`): a copy of each entry
    // retained every string of a person's levels and position.
    var derivation = conversion.takeDerivation()
    derivation.withUnsafeMutableBufferPointer { $0.reverse() }
    while let entry = derivation.popLast() {
      roles.add(
        person: entry.person, position: entry.position, levels: entry.levels,
        fileIndex: fileIndex)
    }
    native.roles = convertedRoles
    native.skills = conversion.fileSkills.map { id in
      SkillRecord(
        id: Located(value: id, location: SourceLocation(file: vendor.path)),
        name: registry.skillNames[id], category: nil, hoursPerLevel: nil)
    }
    var notes = vendor.notes
    if droppedManagers > 0 {
      notes.append(
        "manager left empty for \(droppedManagers) \(droppedManagers == 1 ? "person" : "people"): "
          + "the manager is in no input file")
    }
    if context.promoteReferences, conversion.sawReference {
      notes.append(
        "no input lists people, so everyone this file mentions is read as a person; give the "
          + "directory or worker export too to drop people who have left")
    }
    var skipped = vendor.skipped
    for entry in conversion.skipped.entries { skipped.add(entry.reason, count: entry.count) }
    var summary = SourceSummary(
      path: vendor.path, profile: vendor.profileLabel ?? vendor.profile.rawValue,
      people: conversion.peopleCounted, skills: conversion.fileSkills.count,
      roles: vendor.roles.count, absences: conversion.absences)
    summary.skipped = skipped.entries
    summary.levelMapping = conversion.notes.lines(scale: context.scale, start: context.start)
    summary.notes = notes
    if !vendor.holidays.isEmpty {
      summary.notes.append(
        "\(vendor.holidays.count) holiday\(vendor.holidays.count == 1 ? "" : "s") read")
    }
    return (native, summary)
  }

  private static func describe(_ person: VendorPerson) -> String {
    if !person.absences.isEmpty { return "absences" }
    if !person.skills.isEmpty { return "ratings" }
    return "mentions"
  }

  /// One error per level name that neither the built-in table nor any `<levelName>` defines,
  /// at its first use, naming every unknown name and the line to add for it.
  private mutating func reportUnknownLevels(scaleMax: Int) {
    let all = unknownLevels.map { "'\($0)'" }.joined(separator: ", ")
    for name in unknownLevels {
      guard let use = unknownLevelUses[name] else { continue }
      var message =
        "unknown level name '\(name)' (used \(use.count) time\(use.count == 1 ? "" : "s")); "
        + "say where it sits on the 0–\(scaleMax) scale by adding "
        + "<levelName name=\"\(name)\" level=\"N\"/> to the <policy> of a native file"
      if unknownLevels.count > 1 { message += " (unknown names: \(all))" }
      diagnostics.append(Diagnostic(.error, message, at: use.first))
    }
  }
}
