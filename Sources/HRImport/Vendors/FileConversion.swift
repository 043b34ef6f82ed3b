internal import OrderedCollections
import SkillsGraph

/// The conversion of one vendor file's people into native records, one person at a time.
///
/// Everything here needs only the level scale, the horizon's start and a skill registry, so a
/// file can be converted either in its turn after every file is read (`VendorConversion`,
/// with the shared registry), or while it is read, person by person on its reading thread,
/// with a registry of its own that `VendorConversion` later checks against the shared one.
/// What needs every file (who is defined, managers by WID, derived roles) is kept aside for
/// `VendorConversion` to finish in order.
struct FileConversion: Sendable {
  let scale: LevelScale
  /// The horizon's start, against which certifications count; see `startUsed`.
  var start: Day
  /// Whether a certification was checked against `start`: the conversion is then only right
  /// for that start.
  private(set) var startUsed = false
  /// Whether everyone a file mentions counts as a person (no input defines anyone).
  let promoteReferences: Bool
  private let derivingRoles: Bool
  var registry: SkillRegistry

  /// The converted people, in the order read, managers still unresolved.
  private(set) var people: [PersonRecord] = []
  /// Parallel to `people`: the manager as the export gave it, by person id or by WID.
  private(set) var managers: [(id: Located<String>?, wid: Located<String>?)] = []
  /// When converting while reading: who the file defines, and their ids by WID, gathered on
  /// the reading thread so that a single file needs no other tables for its managers.
  private let gathersIDs: Bool
  private(set) var definedIDs = Set<String>()
  private(set) var widToID: [String: String] = [:]
  /// How many managers `resolveManagers` left empty, and whether it ran with this file's
  /// own tables (`resolveManagersInFile`).
  private(set) var droppedManagers = 0
  private(set) var resolvedInFile = false
  /// What `RoleDeriver` needs, in the order read, when roles are derived.
  private(set) var derivation:
    [(person: Located<String>, position: VendorPosition, levels: [String: Int])] = []
  /// The file's skills, in first-seen order.
  private(set) var fileSkills: [String] = []
  private var seenSkills = Set<String>()
  private var keyed = KeyedSkills()
  private(set) var notes = LevelNotes()
  /// Why records were left out by the conversion, to add after the reader's own reasons.
  private(set) var skipped = SkipTally()
  private(set) var diagnostics: [Diagnostic] = []
  /// Level names neither the built-in table nor the user defines, in first-use order.
  private(set) var unknownLevels: [String] = []
  private(set) var unknownLevelUses: [String: (count: Int, first: SourceLocation)] = [:]
  /// People counted for the report (references only when they are promoted).
  private(set) var peopleCounted = 0
  private(set) var absences = 0
  private(set) var sawReference = false
  /// Each person converted, for the skills matrix's per-person marks.
  private var personNumber = 0

  init(
    scale: LevelScale, start: Day, promoteReferences: Bool, derivingRoles: Bool,
    registry: SkillRegistry, gathersIDs: Bool = false
  ) {
    self.gathersIDs = gathersIDs
    self.scale = scale
    self.start = start
    self.promoteReferences = promoteReferences
    self.derivingRoles = derivingRoles
    self.registry = registry
  }

  /// Gives the registry back to the shared conversion, leaving an empty one.
  mutating func takeRegistry() -> SkillRegistry {
    defer { registry = SkillRegistry() }
    return registry
  }

  /// Notes a reason a person was left out, for the file's report.
  mutating func skip(_ reason: String) { skipped.add(reason) }

  /// Reserves room for `count` people, and for their ids when they are gathered while reading.
  ///
  /// Grown one person at a time, the lists and tables of a 5,000-worker page were copied a dozen
  /// times each, into fresh pages of memory: a tenth of the conversion's time.
  mutating func reserve(_ count: Int) {
    people.reserveCapacity(count)
    managers.reserveCapacity(count)
    if gathersIDs {
      definedIDs.reserveCapacity(count)
      widToID.reserveCapacity(count)
    }
  }

  /// Sets each person's manager where some input defines them, through `widToID` for a
  /// manager given only by WID, and counts those left empty (in no input file).
  ///
  /// Every person's manager is set again from what the export gave, so running it a second
  /// time with other tables gives what running it only then would.
  mutating func resolveManagers(widToID: [String: String], defined: Set<String>) {
    var dropped = 0
    for index in people.indices {
      var manager = managers[index].id
      if manager == nil, let wid = managers[index].wid {
        manager = widToID[wid.value].map { Located(value: $0, location: wid.location) }
        if manager == nil { dropped += 1 }
      }
      var kept: Located<String>?
      if let found = manager {
        if defined.contains(found.value) {
          kept = found
        } else {
          dropped += 1
        }
      }
      people[index].manager = kept
    }
    droppedManagers = dropped
    resolvedInFile = false
  }

  /// Whether `resolveManagersInFile` runs: only for a file read alone, since with other files
  /// the managers are resolved again in turn with every file's tables.
  var resolvesInFile = false

  /// `resolveManagers` with this file's own tables, on the reading thread: what the managers
  /// are when no other file defines anyone.
  mutating func resolveManagersInFile() {
    guard gathersIDs, resolvesInFile else { return }
    resolveManagers(widToID: widToID, defined: definedIDs)
    resolvedInFile = true
  }

  /// What `RoleDeriver` needs, taken out, so that its entries can be moved rather than copied.
  /// - Returns: the entries, in the order read.
  mutating func takeDerivation()
    -> [(person: Located<String>, position: VendorPosition, levels: [String: Int])]
  {
    defer { derivation = [] }
    return derivation
  }

  /// Gives the people out, and lets go of the tables gathered while reading.
  mutating func takePeople() -> [PersonRecord] {
    defer {
      people = []
      managers = []
      definedIDs = []
      widToID = [:]
    }
    return people
  }

  /// Changes the manager given by id for people where `replacement` gives another (the flat
  /// layout's managers named by another worker's `Worker_ID`).
  mutating func replaceManagers(_ replacement: (_ person: String, _ manager: String) -> String?) {
    for index in people.indices {
      guard let manager = managers[index].id,
        let id = replacement(people[index].id.value, manager.value)
      else { continue }
      managers[index].id = Located(value: id, location: manager.location)
    }
  }

  /// Levels one person may hold before their list is indexed.
  private static let shortList = 16

  /// Converts one person that some input defines: levels onto the scale, skills to ids, the
  /// highest level per skill in first-seen order.
  mutating func add(_ person: VendorPerson) {
    defer { personNumber += 1 }
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
    if person.isReference { sawReference = true }
    if !person.isReference || promoteReferences { peopleCounted += 1 }
    if gathersIDs, !person.isReference {
      definedIDs.insert(person.id.value)
      if let wid = person.wid { widToID[wid] = person.id.value }
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
        keepMatrixLevels($0, person: personNumber, into: &levels)
      }
    }
    for skill in matrixRow ? [] : person.skills {
      guard let level = mapLevel(skill) else { continue }
      let id = registry.id(id: skill.id, name: skill.name)
      keep(id, level, skill.location)
      if seenSkills.insert(id).inserted { fileSkills.append(id) }
    }
    for certification in person.certifications {
      startUsed = true
      let valid =
        (certification.issued.map { $0 <= start } ?? true)
        && (certification.expires.map { $0 >= start } ?? true)
      guard valid else {
        notes.certificationsLeftOut += 1
        skipped.add("certifications expired or not yet valid on \(start)")
        continue
      }
      notes.certificationsCounted += 1
      let id = registry.id(id: nil, name: certification.name)
      keep(id, scale.certificationLevel, certification.location)
      if seenSkills.insert(id).inserted { fileSkills.append(id) }
    }
    record.skills = levels.map {
      (
        Located(value: $0.id, location: $0.location),
        Located(value: $0.level, location: $0.location)
      )
    }
    people.append(record)
    managers.append((person.manager, person.managerWID))
    // Roles are only derived on request; otherwise nothing reads the positions.
    if derivingRoles, let position = person.position, !person.isReference {
      derivation.append(
        (
          person.id, position,
          Dictionary(levels.lazy.map { ($0.id, $0.level) }, uniquingKeysWith: { a, _ in a })
        ))
    }
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
  /// `add` keeps any person's (the highest level per skill, in first-seen order), with every
  /// lookup by the column's key: a skill's name is hashed once per file, not once per level
  /// (a 10,000 × 500 matrix holds five million).
  private mutating func keepMatrixLevels(
    _ skills: UnsafeBufferPointer<VendorSkill>, person: Int,
    into levels: inout [(id: String, level: Int, location: SourceLocation)]
  ) {
    // Fields are read in place through a pointer: a subscript copies a level out whole (its
    // location and names) for each field read.
    guard let first = skills.baseAddress else { return }
    for index in skills.indices {
      let skill = first + index
      guard let key = skill.pointee.key.map(Int.init),
        let level = mapLevel(skill.pointee)
      else { continue }
      if key >= keyed.slotOfKey.count {
        keyed.slotOfKey.append(
          contentsOf: repeatElement(-1, count: key + 1 - keyed.slotOfKey.count))
      }
      var slot = keyed.slotOfKey[key]
      if slot < 0 {
        let id = registry.id(id: skill.pointee.id, name: skill.pointee.name)
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
        if seenSkills.insert(id).inserted { fileSkills.append(id) }
      }
    }
  }

  /// A role from a roles × skills sheet; its skills stay as the sheet names them, and the
  /// assembler resolves them by id or name (with suggestions for a misspelt one).
  mutating func convert(_ role: VendorRole) -> RoleRecord {
    var record = RoleRecord(id: role.id)
    record.name = role.name
    record.criticality = role.criticality
    record.backups = role.backups
    record.minPresent = role.minPresent
    record.incumbents = role.incumbents
    for requirement in role.requirements {
      let skill = VendorSkill(
        name: requirement.skill.value, level: requirement.level, location: requirement.location)
      guard let level = mapLevel(skill) else { continue }
      record.requirements.append(
        (requirement.skill, Located(value: level, location: requirement.location)))
    }
    return record
  }

  /// The level on the model's scale, noted for the report; `nil`, with an error or a note of
  /// the unknown name, when it has none.
  private mutating func mapLevel(_ skill: VendorSkill) -> Int? {
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
}

/// What the report says about levels in one file.
struct LevelNotes: Sendable {
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
