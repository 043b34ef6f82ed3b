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
  private var skillNameCache: [String: String]?
  private(set) var diagnostics: [Diagnostic] = []

  mutating func merge(_ file: NativeFile) {
    asOf = file.asOf ?? asOf
    scaleMax = file.scaleMax ?? scaleMax
    Self.merge(file.skills, into: &skills)
    Self.merge(file.people, into: &people)
    Self.merge(file.roles, into: &roles)
    if let next = file.policy {
      policy.horizonWeeks = next.horizonWeeks ?? policy.horizonWeeks
      policy.mentorMinLevel = next.mentorMinLevel ?? policy.mentorMinLevel
      policy.start = next.start ?? policy.start
      policy.cascades = next.cascades ?? policy.cascades
      policy.holidays = Array(Set(policy.holidays + next.holidays)).sorted()
    }
  }

  /// Adds records whose ids are new, in order, and folds the others into the record already
  /// held for their id.
  ///
  /// - Complexity: O(*n*) expected for *n* records, plus the cost of each `absorb`.
  private static func merge<Record: MergeableRecord>(
    _ records: [Record], into table: inout OrderedDictionary<String, Record>
  ) {
    table.reserveCapacity(table.count + records.count)
    for record in records {
      if let index = table.index(forKey: record.id.value) {
        table.values[index].absorb(record)
      } else {
        table[record.id.value] = record
      }
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
    for (id, record) in people {
      var levels: [SkillID: Int] = [:]
      levels.reserveCapacity(record.skills.count)
      for entry in record.skills {
        guard let skill = check(entry.skill, kind: "skill", among: skillIDs) else { continue }
        checkScale(entry.level, scale: scale)
        levels[SkillID(skill)] = entry.level.value
      }
      var person = Person(
        id: PersonID(id), name: record.name, department: record.department ?? "",
        manager: record.manager.flatMap { check($0, kind: "person", among: personIDs) }.map {
          PersonID($0)
        }, grade: record.grade, levels: levels)
      person.canMentor = record.canMentor ?? true
      person.canLearn = record.canLearn ?? true
      person.mentorHoursPerWeek = record.mentorHoursPerWeek ?? 2
      person.learningHoursPerWeek = record.learningHoursPerWeek ?? 4
      person.maxMentees = record.maxMentees ?? 3
      person.interests = record.interests.compactMap { check($0, kind: "skill", among: skillIDs) }
        .map { SkillID($0) }
      person.absences = record.absences.sorted { ($0.from, $0.to) < ($1.from, $1.to) }
      person.leaves = record.leaves
      person.email = record.email
      organization.people.append(person)
    }
    for (id, record) in roles {
      var requirements: [Requirement] = []
      for entry in record.requirements {
        guard let skill = check(entry.skill, kind: "skill", among: skillIDs) else { continue }
        checkScale(entry.level, scale: scale)
        requirements.append(Requirement(skill: SkillID(skill), level: entry.level.value))
      }
      organization.roles.append(
        Role(
          id: RoleID(id), name: record.name, requirements: requirements,
          incumbents: record.incumbents.compactMap { check($0, kind: "person", among: personIDs) }
            .map { PersonID($0) },
          criticality: record.criticality ?? .normal, backups: record.backups,
          minPresent: record.minPresent ?? 1, isDerived: record.isDerived ?? false))
    }
    organization.policy = Policy(
      horizonWeeks: policy.horizonWeeks ?? 12, mentorMinLevel: policy.mentorMinLevel ?? 3,
      start: policy.start, holidays: policy.holidays, cascades: policy.cascades ?? true)
    // With unresolved references the roles' figures are wrong, and so would their warnings be.
    warnAboutGaps(
      in: organization, includingRoles: !diagnostics.contains { $0.severity == .error })
    return organization
  }

  /// The id when some file defines it; otherwise an error naming it, and `nil`.
  ///
  /// A skill may also be named the way an export names it (`"Financial Acumen"` for the id
  /// `financial-acumen`), ignoring case and runs of white space, so a manager's roles file can
  /// use the names people see in the HR system.
  private mutating func check(
    _ reference: Located<String>, kind: String, among ids: [String]
  )
    -> String?
  {
    let defined = kind == "skill" ? skills[reference.value] != nil : people[reference.value] != nil
    if defined { return reference.value }
    var candidates = ids
    if kind == "skill" {
      if let id = skillByName[VendorValues.nameKey(reference.value)] { return id }
      // Offer each skill once, by whichever of its id and name is closer (the id on a tie).
      let target = Array(reference.value.lowercased().utf8)
      candidates = skills.map { id, record in
        guard let name = record.name, name != id else { return id }
        let byID = Suggestions.editDistance(target, Array(id.lowercased().utf8), limit: 64)
        let byName = Suggestions.editDistance(target, Array(name.lowercased().utf8), limit: 64)
        return byName < byID ? name : id
      }
    }
    var message = "unknown \(kind) '\(reference.value)'"
    let suggestions = Suggestions.closest(to: reference.value, among: candidates)
    if !suggestions.isEmpty {
      message += " (did you mean " + suggestions.map { "'\($0)'" }.joined(separator: " or ") + "?)"
    }
    diagnostics.append(Diagnostic(.error, message, at: reference.location))
    return nil
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
    guard level.value > scale else { return }
    diagnostics.append(
      Diagnostic(
        .error, "level \(level.value) is outside the scale 0...\(scale)", at: level.location))
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
    let analysis = CoverageAnalysis(organization)
    // Only incumbents are looked up: no table of everyone unless a role lists some.
    var table: [PersonID: Person]?
    func byID(_ id: PersonID) -> Person? {
      if table == nil {
        table = Dictionary(
          organization.people.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
      }
      return table?[id]
    }
    for (role, coverage) in zip(organization.roles, analysis.roles) {
      guard let record = roles[role.id.rawValue] else { continue }
      if role.requirements.allSatisfy({ $0.level <= 0 }) {
        diagnostics.append(
          Diagnostic(
            .warning,
            "role '\(role.id)' requires no skill, so everyone counts as qualified for it",
            at: record.id.location))
      }
      if coverage.depth == 0 {
        diagnostics.append(
          Diagnostic(
            .warning, "role '\(role.id)' has nobody qualified today", at: record.id.location))
      }
      for incumbent in record.incumbents {
        guard let person = byID(PersonID(incumbent.value)) else { continue }
        let missing = role.requirements.filter { person.level($0.skill) < $0.level }
        guard !missing.isEmpty else { continue }
        let detail = missing.map { "'\($0.skill)' \(person.level($0.skill)) < \($0.level)" }
          .joined(separator: ", ")
        diagnostics.append(
          Diagnostic(
            .warning,
            "incumbent '\(incumbent.value)' of role '\(role.id)' does not meet its requirements "
              + "(\(detail))", at: incumbent.location))
      }
    }
  }
}

/// A record that later files can add to: the rules by which one native file's statement about
/// an id overrides or extends an earlier one's.
private protocol MergeableRecord {
  var id: Located<String> { get }
  /// Takes a later file's record for the same id: each attribute it gives overrides, and its
  /// lists merge into the ones held.
  mutating func absorb(_ later: Self)
}

extension SkillRecord: MergeableRecord {
  mutating func absorb(_ later: Self) {
    name = later.name ?? name
    category = later.category ?? category
    hoursPerLevel = later.hoursPerLevel ?? hoursPerLevel
    related.appendNew(later.related)
  }
}

extension PersonRecord: MergeableRecord {
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
