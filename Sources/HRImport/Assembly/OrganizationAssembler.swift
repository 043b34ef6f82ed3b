internal import OrderedCollections
import SkillsGraph

/// Merges the records of several native files by id and resolves every reference.
///
/// A later file adds to, and attribute by attribute overrides, what earlier files said about the
/// same id; lists merge (a skill level per skill, interests and incumbents as sets, absences
/// appended). A reference that no file defines is an error naming the id, with the closest
/// defined ids as suggestions.
struct OrganizationAssembler {
  private var asOf: Day?
  private var scaleMax: Located<Int>?
  /// Records by id, in the order their ids first appeared.
  private var skills: OrderedDictionary<String, SkillRecord> = [:]
  private var people: OrderedDictionary<String, PersonRecord> = [:]
  private var roles: OrderedDictionary<String, RoleRecord> = [:]
  private var policy = PolicyRecord()
  private var plan: PlanSectionRecord?
  private var skillNameCache: [String: String]?
  private(set) var diagnostics: [Diagnostic] = []
  /// How many person records the files to merge hold in all, when the caller knows: the table
  /// grows to that at once instead of doubling file by file (each doubling moved every record
  /// merged so far into fresh memory).
  var expectedPeople = 0
  /// The most level records in all that are kept until every person is made, then freed on a
  /// thread of their own (about 20 MB of them); more are freed as each person is made.
  static let levelsFreedAfterwards = 1 << 18

  /// Adds a file's records after those of the files merged before it.
  mutating func merge(_ file: consuming NativeFile) {
    asOf = file.asOf ?? asOf
    scaleMax = file.scaleMax ?? scaleMax
    Self.merge(taking: &file.skills, into: &skills)
    Self.merge(taking: &file.people, into: &people, expected: expectedPeople)
    Self.merge(taking: &file.roles, into: &roles)
    if let next = file.policy {
      policy.horizonWeeks = next.horizonWeeks ?? policy.horizonWeeks
      policy.mentorMinLevel = next.mentorMinLevel ?? policy.mentorMinLevel
      policy.start = next.start ?? policy.start
      policy.cascades = next.cascades ?? policy.cascades
      policy.holidays = Array(Set(policy.holidays + next.holidays)).sorted()
    }
    if let next = file.plan {
      // Several plan files add up: their pairs and forbids in the order given.
      var merged = plan ?? PlanSectionRecord()
      merged.start = next.start ?? merged.start
      merged.weeks = next.weeks ?? merged.weeks
      merged.pairs += next.pairs
      merged.forbids += next.forbids
      plan = merged
    }
  }

  /// Merges `files` in order, taking them out of the list as it goes, so that the records of
  /// each are moved into the assembler rather than copied.
  mutating func merge(taking files: inout [NativeFile]) {
    files.withUnsafeMutableBufferPointer { $0.reverse() }  // see `merge(taking:into:)`
    while let file = files.popLast() { merge(file) }
  }

  /// Adds records whose ids are new, in order, and folds the others into the record already
  /// held for their id, leaving `records` empty.
  ///
  /// The records are moved, not copied, when nothing else holds the list (the caller gave its
  /// file up): a copy retains every string of a person, and a 40,000-worker export's pages
  /// spent more on that than on the merge itself.
  /// - Complexity: O(*n*) expected for *n* records, plus the cost of each `absorb`.
  private static func merge<Record: MergeableRecord>(
    taking records: inout [Record], into table: inout OrderedDictionary<String, Record>,
    expected: Int = 0
  ) {
    if table.isEmpty, records.count > 1 {
      // The first file's records, when their ids are unique, become the table's values as
      // they are: no record is copied (a 40,000-worker export's people, all at once).
      var ids: [String] = []
      ids.reserveCapacity(records.count)
      records.withUnsafeBufferPointer { buffer in
        for index in buffer.indices { ids.append(buffer[index].id.value) }
      }
      let keys = OrderedSet(ids)
      if keys.count == records.count {
        let values = records
        records = []
        table = OrderedDictionary(uncheckedUniqueKeys: keys, values: values)
        return
      }
    }
    // Room for every record, growing geometrically (reserving exactly what each file adds
    // would move the whole table once per file), or at once to what all the files hold.
    let needed = table.count + records.count
    let capacity = table.values.elements.capacity
    if needed > capacity { table.reserveCapacity(max(needed, 2 * capacity, expected)) }
    // Last first, so that each record is moved out of the list (`popLast`), reversed in the
    // buffer, whose swaps move: `Array.reverse()` copies each record.
    records.withUnsafeMutableBufferPointer { $0.reverse() }
    var next = records.popLast()
    while let id = next?.id {
      // One lookup per record. A new id takes the record as it is, moved out of `next` (the
      // subscript and `updateValue(_:forKey:)` would copy it); a known one absorbs it.
      table.updateValue(forKey: id.value, default: next.take() ?? Record(id: id)) { held in
        if let later = next.take() { held.absorb(later) }
      }
      next = records.popLast()
    }
  }

  /// Builds the organization, reporting unknown references and levels above the scale.
  mutating func assemble() -> Organization {
    let scale = scaleMax?.value ?? 4
    skillNameCache = skillByName
    let skillIDs = Array(skills.keys)
    let personIDs = Array(people.keys)

    var organization = Organization(asOf: asOf, scaleMax: scale)
    for (id, record) in skills {
      organization.skills.append(
        Skill(
          id: SkillID(id), name: record.name, category: record.category,
          hoursPerLevel: record.hoursPerLevel ?? 40,
          related: record.related.compactMap { check($0, kind: "skill", among: skillIDs) }.map {
            SkillID($0)
          }))
    }
    // Nothing after this reads a person's level records: they are taken out of the table, and
    // freed as each person is made or once all are made (below).
    var levelLists: [InHalves.Levels] = []
    levelLists.reserveCapacity(people.count)
    for index in people.values.indices {
      var held: InHalves.Levels = []
      swap(&held, &people.values[index].skills)
      levelLists.append(held)
    }
    let records = MergedRecords(
      skills: skills, people: people, skillByName: skillByName, skillIDs: skillIDs,
      personIDs: personIDs)
    // A skills matrix's millions of levels (a 10,000 × 500 one holds five million, each with
    // its cell) are freed as each person is made, for the peak. An export's few per person are
    // freed afterwards, on a thread of their own: freed one by one, they went back to the
    // readers' malloc arenas chunk by chunk, merging free chunks for about 1 % of the CPU time
    // of an import of 40,000 workers, on the path it waits for.
    var pairs = 0
    for list in levelLists { pairs &+= list.count }
    let emptying =
      pairs > Self.levelsFreedAfterwards || people.count < ReleaseFreedMemory.backgroundFromPeople
    let madePeople = PeopleAssembly.make(
      records, levelLists: &levelLists, scale: scale, emptying: emptying)
    if !emptying { ReleaseFreedMemory.inBackground(consume levelLists) }
    organization.people = madePeople.people
    diagnostics += madePeople.diagnostics
    // As for people: the requirement records are taken out and freed as each role is made.
    var requirementLists: [InHalves.Levels] = []
    requirementLists.reserveCapacity(roles.count)
    for index in roles.values.indices {
      var held: InHalves.Levels = []
      swap(&held, &roles.values[index].requirements)
      requirementLists.append(held)
    }
    let madeRoles = RoleAssembly.make(
      roles, records: records, requirementLists: &requirementLists, scale: scale)
    organization.roles = madeRoles.roles
    diagnostics += madeRoles.diagnostics
    organization.policy = Policy(
      horizonWeeks: policy.horizonWeeks ?? 12, mentorMinLevel: policy.mentorMinLevel ?? 3,
      start: policy.start, holidays: policy.holidays, cascades: policy.cascades ?? true)
    if let plan {
      organization.plan = resolve(plan, scale: scale, skillIDs: skillIDs, personIDs: personIDs)
      applyDonePairs(to: &organization)
    }
    // With unresolved references the roles' figures are wrong, and so would their warnings be.
    warnAboutGaps(
      in: organization, includingRoles: !diagnostics.contains { $0.severity == .error })
    return organization
  }

  /// The plan section with its references checked, and the contradictions that need no
  /// horizon to see: two kept pairs for one mentee and skill, a forbid or a dropped pair that
  /// rules out a kept one (docs/model.md, "Progress, agreements and re-planning").
  private mutating func resolve(
    _ record: PlanSectionRecord, scale: Int, skillIDs: [String], personIDs: [String]
  ) -> RecordedPlan {
    var plan = RecordedPlan(start: record.start, weeks: record.weeks)
    for entry in record.pairs {
      let mentor = check(entry.mentor, kind: "person", among: personIDs)
      let mentee = check(entry.mentee, kind: "person", among: personIDs)
      let skill = check(entry.skill, kind: "skill", among: skillIDs)
      checkScale(entry.toLevel, scale: scale)
      guard let mentor, let mentee, let skill else { continue }
      if entry.toLevel.value < 1 {
        diagnostics.append(
          Diagnostic(
            .error, "a pair teaches up to level 1 or more, not 0", at: entry.toLevel.location))
        continue
      }
      if mentor == mentee {
        diagnostics.append(
          Diagnostic(
            .error, "'\(mentor)' cannot mentor themselves", at: entry.mentee.location))
        continue
      }
      plan.pairs.append(
        RecordedPair(
          mentor: PersonID(mentor), mentee: PersonID(mentee), skill: SkillID(skill),
          toLevel: entry.toLevel.value, status: entry.status, hoursDone: entry.hoursDone,
          schedule: entry.schedule, place: Self.place(entry.location)))
    }
    for entry in record.forbids {
      let mentor = entry.mentor.map { check($0, kind: "person", among: personIDs) }
      let mentee = entry.mentee.map { check($0, kind: "person", among: personIDs) }
      let skill = entry.skill.map { check($0, kind: "skill", among: skillIDs) }
      // An unresolved field was reported; dropping it would widen the forbid.
      if mentor == .some(nil) || mentee == .some(nil) || skill == .some(nil) { continue }
      plan.forbids.append(
        PairForbid(
          mentor: mentor.flatMap { $0 }.map { PersonID($0) },
          mentee: mentee.flatMap { $0 }.map { PersonID($0) },
          skill: skill.flatMap { $0 }.map { SkillID($0) }, place: Self.place(entry.location)))
    }
    checkKeptPairs(plan)
    return plan
  }

  /// Two agreed or active pairs for one mentee and skill, and kept pairs that a forbid or a
  /// dropped pair rules out, are errors at the later line.
  ///
  /// A forbid is reported once, with the first kept pair it rules out, so that the work and the
  /// messages stay linear in the plan file however many pairs one forbid covers.
  /// - Complexity: O(pairs + forbids).
  private mutating func checkKeptPairs(_ plan: RecordedPlan) {
    var kept: [String: RecordedPair] = [:]
    var dropped = Set<String>()
    // Forbids by the fields they give (an absent field is empty): a kept pair looks up the
    // eight combinations of its own fields and its forbids are exactly those found.
    var forbidsByFields: [ForbidFields: [PairForbid]] = [:]
    for forbid in plan.forbids {
      forbidsByFields[
        ForbidFields(
          mentor: forbid.mentor?.rawValue ?? "", mentee: forbid.mentee?.rawValue ?? "",
          skill: forbid.skill?.rawValue ?? ""), default: []
      ].append(forbid)
    }
    for pair in plan.pairs where pair.status == .dropped {
      dropped.insert("\(pair.mentor)\u{1}\(pair.mentee)\u{1}\(pair.skill)")
    }
    for pair in plan.pairs where pair.status == .agreed || pair.status == .active {
      let key = "\(pair.mentee)\u{1}\(pair.skill)"
      let here = Self.location(pair.place)
      if let first = kept[key] {
        diagnostics.append(
          Diagnostic(
            .error,
            "\(pair.mentee) already has a kept pair for '\(pair.skill)' (\(first.status.rawValue), "
              + "line \(first.place?.line ?? 0)); one mentee learns a skill in one pair: "
              + "drop one of them", at: here))
        continue
      }
      kept[key] = pair
      if dropped.contains("\(pair.mentor)\u{1}\(pair.mentee)\u{1}\(pair.skill)") {
        diagnostics.append(
          Diagnostic(
            .error,
            "pair \(pair.label) is \(pair.status.rawValue) but the same mentor, mentee and skill "
              + "are also marked dropped; keep one of the two", at: here))
      }
      var ruling: [PairForbid] = []
      for fields in ForbidFields.patterns(
        mentor: pair.mentor.rawValue, mentee: pair.mentee.rawValue, skill: pair.skill.rawValue)
      {
        if let found = forbidsByFields.removeValue(forKey: fields) { ruling += found }
      }
      ruling.sort {
        ($0.place?.line ?? 0, $0.place?.column ?? 0) < ($1.place?.line ?? 0, $1.place?.column ?? 0)
      }
      for forbid in ruling {
        diagnostics.append(
          Diagnostic(
            .error,
            "<forbid> (\(forbid.label)) rules out the \(pair.status.rawValue) pair \(pair.label) "
              + "on line \(pair.place?.line ?? 0); remove the forbid or drop the pair",
            at: Self.location(forbid.place)))
      }
    }
  }

  /// The fields a `<forbid>` gives, each empty when it is not given.
  private struct ForbidFields: Hashable {
    var mentor: String
    var mentee: String
    var skill: String

    /// The eight ways a forbid can cover a pair of these fields: each given or not.
    static func patterns(mentor: String, mentee: String, skill: String) -> [ForbidFields] {
      var patterns: [ForbidFields] = []
      for m in [mentor, ""] {
        for e in [mentee, ""] {
          for s in [skill, ""] where !(m.isEmpty && e.isEmpty && s.isEmpty) {
            patterns.append(ForbidFields(mentor: m, mentee: e, skill: s))
          }
        }
      }
      return patterns
    }
  }

  /// Done pairs count as levels held today, as if the export said so; one that the mentee
  /// already exceeds changes nothing, and says so.
  private mutating func applyDonePairs(to organization: inout Organization) {
    guard let plan = organization.plan else { return }
    var position: [PersonID: Int] = [:]
    for (index, person) in organization.people.enumerated() where position[person.id] == nil {
      position[person.id] = index
    }
    for (number, pair) in plan.pairs.enumerated() where pair.status == .done {
      guard let index = position[pair.mentee] else { continue }
      let held = organization.people[index].level(pair.skill)
      if held > pair.toLevel {
        diagnostics.append(
          Diagnostic(
            .warning,
            "done pair \(pair.label): \(pair.mentee) already holds level \(held), so it changes "
              + "nothing", at: Self.location(pair.place)))
        continue
      }
      organization.plan?.pairs[number].heldBefore = held
      organization.people[index].levels[pair.skill] = pair.toLevel
    }
  }

  static func place(_ location: SourceLocation) -> InputPlace {
    InputPlace(file: location.file, line: location.line, column: location.column)
  }

  static func location(_ place: InputPlace?) -> SourceLocation {
    guard let place else { return SourceLocation(file: "") }
    return SourceLocation(file: place.file, line: place.line, column: place.column)
  }

  /// The id when some file defines it; otherwise an error naming it, with the closest of
  /// `ids` (the skill ids or the person ids, as `kind` says) as suggestions, and `nil`
  /// (`MergedRecords.check`).
  private mutating func check(
    _ reference: Located<String>, kind: String, among ids: [String]
  )
    -> String?
  {
    let isSkill = kind == "skill"
    let records = MergedRecords(
      skills: skills, people: people, skillByName: skillByName, skillIDs: isSkill ? ids : [],
      personIDs: isSkill ? [] : ids)
    return records.check(reference, kind: kind, diagnostics: &diagnostics)
  }

  /// Skill ids by the lower-cased, space-collapsed form of their names and ids; the first
  /// skill to claim a key keeps it.
  private var skillByName: [String: String] {
    if let cached = skillNameCache { return cached }
    var table: [String: String] = [:]
    for id in skills.keys {
      table[VendorValues.nameKey(id)] = table[VendorValues.nameKey(id)] ?? id
    }
    for (id, record) in skills {
      guard let name = record.name else { continue }
      table[VendorValues.nameKey(name)] = table[VendorValues.nameKey(name)] ?? id
    }
    return table
  }

  private mutating func checkScale(_ level: Located<Int>, scale: Int) {
    MergedRecords.checkScale(level, scale: scale, diagnostics: &diagnostics)
  }

  /// Warnings that do not stop the run: empty profiles, unstaffable roles, unqualified incumbents.
  private mutating func warnAboutGaps(in organization: Organization, includingRoles: Bool) {
    for person in organization.people where person.levels.values.allSatisfy({ $0 == 0 }) {
      guard let record = people[person.id.rawValue] else { continue }
      diagnostics.append(
        Diagnostic(
          .warning,
          "person '\(person.id)' has no skills; they count only for roles that require none",
          at: record.id.location))
    }
    // No roles, nothing to check: skip indexing everyone's skills for a coverage unused.
    guard includingRoles, !organization.roles.isEmpty else { return }
    // `assemble` makes one person and one role per record, in order: the warnings below find a
    // record by its position.
    assert(organization.people.count == people.count && organization.roles.count == roles.count)
    // Incumbents' levels come from the index's table when there are more of them to look up
    // than (person, skill) entries to index (50,000 roles), else from each person's own levels
    // (a few derived roles of 40,000 people).
    let lookups = organization.roles.reduce(0) { $0 + $1.incumbents.count * $1.requirements.count }
    let entries = organization.people.reduce(0) { $0 + $1.levels.count }
    let levelsFromIndex = lookups > entries
    // Built once here when the incumbents need it, so that the two halves below share it.
    let index = levelsFromIndex ? SkillIndex(people: organization.people) : nil
    let count = organization.roles.count
    guard count >= Self.rolesToSplit else {
      diagnostics += roleWarnings(
        in: organization, roles: 0..<count, levelsFromIndex: levelsFromIndex, index: index)
      return
    }
    // The roles' warnings depend on nothing but the finished organization: after the parse the
    // second core is idle, so half the roles are checked on it, and the warnings joined in order.
    var later: [Diagnostic] = []
    var earlier: [Diagnostic] = []
    Alongside.run(
      background: {
        later = roleWarnings(
          in: organization, roles: count / 2..<count, levelsFromIndex: levelsFromIndex,
          index: index)
      },
      foreground: {
        earlier = roleWarnings(
          in: organization, roles: 0..<count / 2, levelsFromIndex: levelsFromIndex, index: index)
      })
    diagnostics += earlier
    diagnostics += later
  }

  /// From this many roles, their warnings are worked out on two threads.
  private static let rolesToSplit = 4096

  /// The warnings about the roles at `range`, in order: no skill required, nobody qualified
  /// today, incumbents who do not meet the requirements.
  ///
  /// `index` is the skill index when it is already built; otherwise it is built here if some
  /// role needs it.
  private func roleWarnings(
    in organization: Organization, roles range: Range<Int>, levelsFromIndex: Bool,
    index prebuilt: SkillIndex?
  ) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    // Only whether anybody qualifies, and only for roles no incumbent qualifies for: a whole
    // coverage analysis listed and sorted everyone qualified for each role, most of the time
    // and memory of importing 50,000 roles.
    var index = prebuilt
    func builtIndex() -> SkillIndex {
      let built = index ?? SkillIndex(people: organization.people)
      index = built
      return built
    }
    // The organization's people are the assembler's, in the same order: an incumbent's position
    // is its record's index, found without a table of everyone's ids.
    for role in range {
      let id = organization.roles[role].id
      let requirements = organization.roles[role].requirements
      // Read in place: a lookup by id copied the whole record (and its requirement list).
      let roleID = roles.values[role].id
      if requirements.allSatisfy({ $0.level <= 0 }) {
        diagnostics.append(
          Diagnostic(
            .warning,
            "role '\(id)' requires no skill, so everyone counts as qualified for it",
            at: roleID.location))
      }
      let numbers =
        levelsFromIndex && !roles.values[role].incumbents.isEmpty
        ? requirements.map { builtIndex().number(of: $0.skill) } : []
      var unqualifiedIncumbents: [Diagnostic] = []
      var incumbentQualifies = false
      for incumbent in roles.values[role].incumbents {
        guard let position = people.index(forKey: incumbent.value) else { continue }
        // The person's levels alone: calling `Person.level` on the array's element copied the
        // whole person for each requirement.
        let held = levelsFromIndex ? [:] : organization.people[position].levels
        func level(_ requirement: Int) -> Int {
          guard levelsFromIndex, let index else {
            return held[requirements[requirement].skill] ?? 0
          }
          return numbers[requirement].map { index.level(ofPerson: position, skillNumber: $0) } ?? 0
        }
        let missing = requirements.indices.filter { level($0) < requirements[$0].level }
        guard !missing.isEmpty else {
          incumbentQualifies = true
          continue
        }
        let detail = missing.map {
          "'\(requirements[$0].skill)' \(level($0)) < \(requirements[$0].level)"
        }
        .joined(separator: ", ")
        unqualifiedIncumbents.append(
          Diagnostic(
            .warning,
            "incumbent '\(incumbent.value)' of role '\(id)' does not meet its requirements "
              + "(\(detail))", at: incumbent.location))
      }
      // A qualified incumbent answers the question without searching everyone.
      if !incumbentQualifies, !builtIndex().anyoneQualified(for: requirements) {
        diagnostics.append(
          Diagnostic(
            .warning, "role '\(id)' has nobody qualified today", at: roleID.location))
      }
      diagnostics.append(contentsOf: unqualifiedIncumbents)
    }
    return diagnostics
  }
}

/// A record that later files can add to: the rules by which one native file's statement about
/// an id overrides or extends an earlier one's.
private protocol MergeableRecord {
  var id: Located<String> { get }
  /// A record that says nothing but its id.
  init(id: Located<String>)
  /// Takes a later file's record for the same id: each attribute it gives overrides, and its
  /// lists merge into the ones held.
  mutating func absorb(_ later: Self)
}

extension SkillRecord: MergeableRecord {
  init(id: Located<String>) { self.init(id: id, name: nil) }

  mutating func absorb(_ later: Self) {
    name = later.name ?? name
    category = later.category ?? category
    hoursPerLevel = later.hoursPerLevel ?? hoursPerLevel
    related.appendNew(later.related)
  }
}

extension PersonRecord: MergeableRecord {
  init(id: Located<String>) { self.init(id: id, name: nil) }

  mutating func absorb(_ later: Self) {
    name = later.name ?? name
    department = later.department ?? department
    manager = later.manager ?? manager
    grade = later.grade ?? grade
    mentorHoursPerWeek = later.mentorHoursPerWeek ?? mentorHoursPerWeek
    learningHoursPerWeek = later.learningHoursPerWeek ?? learningHoursPerWeek
    maxMentees = later.maxMentees ?? maxMentees
    canMentor = later.canMentor ?? canMentor
    canLearn = later.canLearn ?? canLearn
    leaves = later.leaves ?? leaves
    email = later.email ?? email
    skills.setLevels(later.skills)
    interests.appendNew(later.interests)
    absences.append(contentsOf: later.absences)
  }
}

extension RoleRecord: MergeableRecord {
  init(id: Located<String>) { self.init(id: id, name: nil) }

  mutating func absorb(_ later: Self) {
    name = later.name ?? name
    criticality = later.criticality ?? criticality
    backups = later.backups ?? backups
    minPresent = later.minPresent ?? minPresent
    isDerived = later.isDerived ?? isDerived
    requirements.setLevels(later.requirements)
    incumbents.appendNew(later.incumbents)
  }
}

extension Array where Element == Located<String> {
  /// Appends the references whose values are not here yet, keeping the first location.
  /// - Complexity: O(n + m), so merging many records of one person stays linear.
  fileprivate mutating func appendNew(_ references: [Located<String>]) {
    guard !references.isEmpty else { return }
    var seen = Set(map(\.value))
    for reference in references where seen.insert(reference.value).inserted {
      append(reference)
    }
  }
}

extension Array where Element == (skill: Located<String>, level: Located<Int>) {
  /// Sets each skill's level: a skill already here takes the later level in place, a new one is
  /// appended.
  ///
  /// - Complexity: O(n + m), so merging many records of one person stays linear.
  fileprivate mutating func setLevels(_ entries: [(skill: Located<String>, level: Located<Int>)]) {
    guard !entries.isEmpty else { return }
    var position: [String: Int] = [:]
    for (index, existing) in enumerated() where position[existing.skill.value] == nil {
      position[existing.skill.value] = index
    }
    for entry in entries {
      if let index = position[entry.skill.value] {
        self[index] = entry
      } else {
        position[entry.skill.value] = count
        append(entry)
      }
    }
  }
}
