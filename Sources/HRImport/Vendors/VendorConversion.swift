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
  private(set) var diagnostics: [Diagnostic] = []

  /// Skill ids by name key (and id key), shared by every file so the same name is one skill.
  private var skillIDs: [String: String] = [:]
  private var skillNames: [String: String] = [:]
  /// Caches for the hot path: 40,000 workers name the same few hundred skills over and over.
  private var idByExactName: [String: String] = [:]
  private var seenPairs: [String: String] = [:]
  private var unknownLevels: [String] = []
  private var unknownLevelUses: [String: (count: Int, first: SourceLocation)] = [:]

  struct Output {
    var files: [NativeFile]
    var sources: [SourceSummary]
  }

  init(files: [Importer.LoadedFile], options: ImportOptions) {
    self.files = files
    self.options = options
  }

  mutating func run() -> Output {
    let facts = nativeFacts()
    let scale = LevelScale(
      scaleMax: facts.scaleMax,
      levelLessDefault: min(max(options.levelLessSkillLevel, 0), facts.scaleMax),
      userNames: facts.levelNames)
    var vendorAsOf: Day?
    var definedPeople = Set<String>()
    var widToID: [String: String] = [:]
    for file in files {
      switch file {
      case .native(let native):
        for skill in native.skills {
          register(skill: skill.id.value, name: skill.name)
        }
        for person in native.people { definedPeople.insert(person.id.value) }
      case .vendor(let vendor):
        vendorAsOf = vendorAsOf ?? vendor.asOf
        for person in vendor.people where !person.isReference {
          definedPeople.insert(person.id.value)
          if let wid = person.wid { widToID[wid] = person.id.value }
        }
      }
    }
    let start = facts.start ?? facts.asOf ?? vendorAsOf ?? options.resolvedToday
    let promoteReferences = definedPeople.isEmpty
    if promoteReferences {
      for case .vendor(let vendor) in files {
        for person in vendor.people { definedPeople.insert(person.id.value) }
      }
    }
    var context = Context(
      scale: scale, start: start, definedPeople: definedPeople, widToID: widToID,
      promoteReferences: promoteReferences)
    var output = Output(files: [], sources: [])
    var derivation = RoleDeriver(scale: scale)
    for index in files.indices {
      if var vendor = takeVendorFile(at: index) {
        let (native, summary) = convert(
          &vendor, context: &context, fileIndex: index, roles: &derivation)
        output.files.append(native)
        output.sources.append(summary)
      } else if case .native(let native) = files[index] {
        output.files.append(native)
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
    reportUnknownLevels(scaleMax: facts.scaleMax)
    files = []  // the vendor records are converted; free them before the merge
    return output
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

  // MARK: Skills

  private mutating func register(skill id: String, name: String?) {
    skillNames[id] = skillNames[id] ?? name ?? id
    let idKey = VendorValues.nameKey(id)
    skillIDs[idKey] = skillIDs[idKey] ?? id
    if let name {
      let key = VendorValues.nameKey(name)
      skillIDs[key] = skillIDs[key] ?? id
    }
  }

  /// The id of a skill an export names: the export's own id when it has one, else the id of a
  /// skill with the same name, else a new id made from the name.
  private mutating func skillID(id: String?, name: String) -> String {
    if let id, !id.isEmpty {
      if skillNames[id] == nil || seenPairs[id] != name {
        register(skill: id, name: name)
        seenPairs[id] = name
      }
      return id
    }
    if let known = idByExactName[name] { return known }
    defer { idByExactName[name] = skillIDs[VendorValues.nameKey(name)] }
    if let known = skillIDs[VendorValues.nameKey(name)] { return known }
    var candidate = VendorValues.slug(name)
    var suffix = 2
    while skillNames[candidate] != nil {
      candidate = VendorValues.slug(name) + "-\(suffix)"
      suffix += 1
    }
    register(skill: candidate, name: name)
    return candidate
  }

  // MARK: Files

  private struct Context {
    var scale: LevelScale
    var start: Day
    var definedPeople: Set<String>
    var widToID: [String: String]
    var promoteReferences: Bool
  }

  /// What the report says about levels in one file.
  private struct LevelNotes {
    var numeric: [String] = []
    var numericCounts: [String: Int] = [:]
    var named: [String] = []
    var namedInfo: [String: (level: Int, origin: LevelScale.Origin, count: Int)] = [:]
    var levelLess: [String] = []
    /// Parallel to `levelLess`: a file names one or two sources, so a list beats hashing.
    var levelLessCounts: [Int] = []
    var certificationsCounted = 0
    /// Levels a skills matrix gave on the model's own scale.
    var exact = 0
    var certificationsLeftOut = 0

    func lines(scale: LevelScale, start: Day) -> [String] {
      var lines: [String] = []
      for key in numeric {
        lines.append(
          "\(key), mapped linearly onto the 0–\(scale.scaleMax) scale, halves down "
            + "(\(numericCounts[key] ?? 0) rating\(numericCounts[key] == 1 ? "" : "s"))")
      }
      if exact > 0 {
        lines.append(
          "\(exact) level\(exact == 1 ? "" : "s") given on the 0–\(scale.scaleMax) scale itself, "
            + "read as they are")
      }
      if !named.isEmpty {
        let items = named.compactMap { name -> String? in
          guard let info = namedInfo[name] else { return nil }
          return "'\(name)' → \(info.level) (\(info.origin.rawValue), \(info.count)×)"
        }
        lines.append("named levels: " + items.joined(separator: ", "))
      }
      for (source, count) in zip(levelLess, levelLessCounts) {
        lines.append(
          "\(count) skill\(count == 1 ? "" : "s") without a level (\(source)) counted at level "
            + "\(scale.levelLessDefault) (the configured default)")
      }
      if certificationsCounted + certificationsLeftOut > 0 {
        lines.append(
          "\(certificationsCounted) certification\(certificationsCounted == 1 ? "" : "s") valid "
            + "on \(start) counted at level \(scale.certificationLevel)"
            + (certificationsLeftOut > 0
              ? "; \(certificationsLeftOut) expired or not yet valid then, left out" : ""))
      }
      return lines
    }
  }

  /// Levels one person may hold before their list is indexed (see `convert`).
  private static let shortList = 16

  private mutating func convert(
    _ vendor: inout VendorFile, context: inout Context, fileIndex: Int, roles: inout RoleDeriver
  ) -> (NativeFile, SourceSummary) {
    var native = NativeFile(path: vendor.path)
    native.asOf = vendor.asOf
    if !vendor.holidays.isEmpty { native.policy = PolicyRecord(holidays: vendor.holidays) }
    var skipped = vendor.skipped
    var notes = vendor.notes
    var levelNotes = LevelNotes()
    native.people.reserveCapacity(vendor.people.count)
    let derivingRoles = options.deriveRoles != nil
    var fileSkills: [String] = []
    var seenSkills = Set<String>()
    var keyed = KeyedSkills()
    var people = 0
    var absences = 0
    var droppedManagers = 0
    for index in vendor.people.indices {
      let person = vendor.people[index]
      // Converted below; dropping them from the file now frees them after this person.
      vendor.people[index].skills = []
      vendor.people[index].certifications = []
      guard context.definedPeople.contains(person.id.value) else {
        skipped.add("records of people no input file lists (\(Self.describe(person)))")
        continue
      }
      var record = PersonRecord(id: person.id)
      record.name = person.name
      record.email = person.email
      record.department = person.department
      record.leaves = person.leaves
      record.absences = OrderedSet(person.absences)
      record.mentorHoursPerWeek = person.mentorHoursPerWeek
      record.learningHoursPerWeek = person.learningHoursPerWeek
      record.maxMentees = person.maxMentees
      absences += person.absences.count
      if !person.isReference || context.promoteReferences { people += 1 }
      var manager = person.manager
      if manager == nil, let wid = person.managerWID {
        manager = context.widToID[wid.value].map { Located(value: $0, location: wid.location) }
        if manager == nil { droppedManagers += 1 }
      }
      if let found = manager {
        if context.definedPeople.contains(found.value) {
          record.manager = found
        } else {
          droppedManagers += 1
        }
      }
      // The highest level per skill, in first-seen order. Most people hold a handful of
      // skills, and a list searched from the start beats a dictionary for them; a row of a
      // skills matrix holds hundreds, so past `shortList` the list gets an index (searching it
      // made a 10,000 × 500 workbook quadratic per person).
      var levels: [(id: String, level: Int, location: SourceLocation)] = []
      levels.reserveCapacity(person.skills.count + person.certifications.count)
      var positions: [String: Int] = [:]
      func keep(_ id: String, _ level: Int, _ location: SourceLocation) {
        let found: Int?
        if levels.count <= Self.shortList {
          found = levels.firstIndex(where: { $0.id == id })
        } else {
          if positions.isEmpty {
            positions.reserveCapacity(levels.capacity)
            for (index, held) in levels.enumerated() { positions[held.id] = index }
          }
          found = positions[id]
        }
        if let index = found {
          if level > levels[index].level { levels[index] = (id, level, location) }
        } else {
          if !positions.isEmpty { positions[id] = levels.count }
          levels.append((id, level, location))
        }
      }
      // A skills matrix's row: every lookup by its columns' keys.
      let matrixRow = person.skills.allSatisfy { $0.key != nil }
      if matrixRow {
        person.skills.withUnsafeBufferPointer {
          keepMatrixLevels(
            $0, person: index, into: &levels, keyed: &keyed, scale: context.scale,
            notes: &levelNotes, seen: &seenSkills, fileSkills: &fileSkills)
        }
      }
      for skill in matrixRow ? [] : person.skills {
        guard let level = mapLevel(skill, scale: context.scale, notes: &levelNotes) else {
          continue
        }
        let id = skillID(id: skill.id, name: skill.name)
        keep(id, level, skill.location)
        if seenSkills.insert(id).inserted { fileSkills.append(id) }
      }
      for certification in person.certifications {
        let valid =
          (certification.issued.map { $0 <= context.start } ?? true)
          && (certification.expires.map { $0 >= context.start } ?? true)
        guard valid else {
          levelNotes.certificationsLeftOut += 1
          skipped.add("certifications expired or not yet valid on \(context.start)")
          continue
        }
        levelNotes.certificationsCounted += 1
        let id = skillID(id: nil, name: certification.name)
        keep(id, context.scale.certificationLevel, certification.location)
        if seenSkills.insert(id).inserted { fileSkills.append(id) }
      }
      record.skills = levels.map {
        (
          Located(value: $0.id, location: $0.location),
          Located(value: $0.level, location: $0.location)
        )
      }
      native.people.append(record)
      // Roles are only derived on request; otherwise nothing reads the positions.
      if derivingRoles, let position = person.position, !person.isReference {
        roles.add(
          person: person.id, position: position,
          levels: Dictionary(
            levels.lazy.map { ($0.id, $0.level) }, uniquingKeysWith: { a, _ in a }),
          fileIndex: fileIndex)
      }
    }
    for role in vendor.roles {
      native.roles.append(convert(role, scale: context.scale, notes: &levelNotes))
    }
    native.skills = fileSkills.map { id in
      SkillRecord(
        id: Located(value: id, location: SourceLocation(file: vendor.path)), name: skillNames[id],
        category: nil, hoursPerLevel: nil)
    }
    if droppedManagers > 0 {
      notes.append(
        "manager left empty for \(droppedManagers) \(droppedManagers == 1 ? "person" : "people"): "
          + "the manager is in no input file")
    }
    if context.promoteReferences, vendor.people.contains(where: \.isReference) {
      notes.append(
        "no input lists people, so everyone this file mentions is read as a person; give the "
          + "directory or worker export too to drop people who have left")
    }
    var summary = SourceSummary(
      path: vendor.path, profile: vendor.profileLabel ?? vendor.profile.rawValue, people: people,
      skills: fileSkills.count, roles: vendor.roles.count, absences: absences)
    summary.skipped = skipped.entries
    summary.levelMapping = levelNotes.lines(scale: context.scale, start: context.start)
    summary.notes = notes
    if !vendor.holidays.isEmpty {
      summary.notes.append(
        "\(vendor.holidays.count) holiday\(vendor.holidays.count == 1 ? "" : "s") read")
    }
    return (native, summary)
  }

  /// A skills matrix's skills by `VendorSkill.key`, for one file: each key's slot (keys of one
  /// skill share it), and per slot the skill's id and where the person at hand holds it.
  private struct KeyedSkills {
    var slotOfKey: [Int] = []
    var slotOfID: [String: Int] = [:]
    var ids: [String] = []
    /// Whether the file's skill list has the slot's skill yet.
    var listed: [Bool] = []
    /// The person whose levels hold the slot's skill at `position` (-1: nobody yet).
    var holder: [Int] = []
    var position: [Int] = []
  }

  /// The levels of a person whose skills all come from a skills matrix's columns, kept as
  /// `convert` keeps any person's (the highest level per skill, in first-seen order), with
  /// every lookup by the column's key: a skill's name is hashed once per file, not once per
  /// level (a 10,000 × 500 matrix holds five million).
  private mutating func keepMatrixLevels(
    _ skills: UnsafeBufferPointer<VendorSkill>, person: Int,
    into levels: inout [(id: String, level: Int, location: SourceLocation)],
    keyed: inout KeyedSkills, scale: LevelScale, notes: inout LevelNotes,
    seen: inout Set<String>, fileSkills: inout [String]
  ) {
    // Fields are read in place through a pointer: a subscript copies a level out whole (its
    // location and names) for each field read.
    guard let first = skills.baseAddress else { return }
    for index in skills.indices {
      let skill = first + index
      guard let key = skill.pointee.key.map(Int.init),
        let level = mapLevel(skill.pointee, scale: scale, notes: &notes)
      else { continue }
      if key >= keyed.slotOfKey.count {
        keyed.slotOfKey.append(
          contentsOf: repeatElement(-1, count: key + 1 - keyed.slotOfKey.count))
      }
      var slot = keyed.slotOfKey[key]
      if slot < 0 {
        let id = skillID(id: skill.pointee.id, name: skill.pointee.name)
        if let known = keyed.slotOfID[id] {
          slot = known
        } else {
          slot = keyed.ids.count
          keyed.slotOfID[id] = slot
          keyed.ids.append(id)
          keyed.listed.append(false)
          keyed.holder.append(-1)
          keyed.position.append(0)
        }
        keyed.slotOfKey[key] = slot
      }
      let id = keyed.ids[slot]
      if keyed.holder[slot] == person {
        let held = keyed.position[slot]
        if level > levels[held].level { levels[held] = (id, level, skill.pointee.location) }
      } else {
        keyed.holder[slot] = person
        keyed.position[slot] = levels.count
        levels.append((id, level, skill.pointee.location))
      }
      if !keyed.listed[slot] {
        keyed.listed[slot] = true
        if seen.insert(id).inserted { fileSkills.append(id) }
      }
    }
  }

  /// A role from a roles × skills sheet; its skills stay as the sheet names them, and the
  /// assembler resolves them by id or name (with suggestions for a misspelt one).
  private mutating func convert(
    _ role: VendorRole, scale: LevelScale, notes: inout LevelNotes
  ) -> RoleRecord {
    var record = RoleRecord(id: role.id)
    record.name = role.name
    record.criticality = role.criticality
    record.backups = role.backups
    record.minPresent = role.minPresent
    record.incumbents = role.incumbents
    for requirement in role.requirements {
      let skill = VendorSkill(
        name: requirement.skill.value, level: requirement.level, location: requirement.location)
      guard let level = mapLevel(skill, scale: scale, notes: &notes) else { continue }
      record.requirements.append(
        (requirement.skill, Located(value: level, location: requirement.location)))
    }
    return record
  }

  private static func describe(_ person: VendorPerson) -> String {
    if !person.absences.isEmpty { return "absences" }
    if !person.skills.isEmpty { return "ratings" }
    return "mentions"
  }

  private mutating func mapLevel(
    _ skill: VendorSkill, scale: LevelScale, notes: inout LevelNotes
  )
    -> Int?
  {
    switch skill.level {
    case .invalid(let why):
      diagnostics.append(Diagnostic(.error, "level of '\(skill.name)': \(why)", at: skill.location))
      return nil
    case .numeric(let value, let low, let high, let label):
      guard value.isFinite, low.isFinite, high.isFinite, high > low else {
        diagnostics.append(
          Diagnostic(
            .error,
            "level \(formatNumber(value)) of '\(skill.name)' is on a scale "
              + "\(formatNumber(low))–\(formatNumber(high)) that holds no levels (the scale must "
              + "be finite numbers, its minimum below its maximum)", at: skill.location))
        return nil
      }
      guard let level = scale.level(value, min: low, max: high) else {
        diagnostics.append(
          Diagnostic(
            .error,
            "level \(formatNumber(value)) of '\(skill.name)' is outside its scale "
              + "\(formatNumber(low))–\(formatNumber(high))", at: skill.location))
        return nil
      }
      let key = "\(label) on \(formatNumber(low))–\(formatNumber(high))"
      if notes.numericCounts[key] == nil { notes.numeric.append(key) }
      notes.numericCounts[key, default: 0] += 1
      return level
    case .named(let name):
      // One lookup for a name already met in this file (most uses).
      if let index = notes.namedInfo.index(forKey: name) {
        notes.namedInfo.values[index].count += 1
        return notes.namedInfo.values[index].level
      }
      guard let found = scale.level(named: name) else {
        if unknownLevelUses[name] == nil {
          unknownLevels.append(name)
          unknownLevelUses[name] = (0, skill.location)
        }
        unknownLevelUses[name]?.count += 1
        return nil
      }
      notes.named.append(name)
      notes.namedInfo[name] = (found.level, found.origin, 1)
      return found.level
    case .exact(let level):
      guard level >= 0, level <= scale.scaleMax else {
        diagnostics.append(
          Diagnostic(
            .error,
            "level \(level) of '\(skill.name)' is outside the scale 0–\(scale.scaleMax)",
            at: skill.location))
        return nil
      }
      notes.exact += 1
      return level
    case .none(let source):
      if let index = notes.levelLess.firstIndex(of: source) {
        notes.levelLessCounts[index] += 1
      } else {
        notes.levelLess.append(source)
        notes.levelLessCounts.append(1)
      }
      return scale.levelLessDefault
    }
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
