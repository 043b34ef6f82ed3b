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
  private var skillOrder: [String] = []
  private var skills: [String: SkillRecord] = [:]
  private var personOrder: [String] = []
  private var people: [String: PersonRecord] = [:]
  private var roleOrder: [String] = []
  private var roles: [String: RoleRecord] = [:]
  private var policy = PolicyRecord()
  private var skillNameCache: [String: String]?
  private(set) var diagnostics: [Diagnostic] = []

  mutating func merge(_ file: NativeFile) {
    asOf = file.asOf ?? asOf
    scaleMax = file.scaleMax ?? scaleMax
    for record in file.skills { mergeSkill(record) }
    people.reserveCapacity(people.count + file.people.count)
    personOrder.reserveCapacity(personOrder.count + file.people.count)
    for record in file.people { mergePerson(record) }
    for record in file.roles { mergeRole(record) }
    if let next = file.policy {
      policy.horizonWeeks = next.horizonWeeks ?? policy.horizonWeeks
      policy.mentorMinLevel = next.mentorMinLevel ?? policy.mentorMinLevel
      policy.start = next.start ?? policy.start
      policy.holidays = Array(Set(policy.holidays + next.holidays)).sorted()
    }
  }

  private mutating func mergeSkill(_ record: SkillRecord) {
    let id = record.id.value
    guard var merged = skills[id] else {
      skillOrder.append(id)
      skills[id] = record
      return
    }
    merged.name = record.name ?? merged.name
    merged.category = record.category ?? merged.category
    merged.hoursPerLevel = record.hoursPerLevel ?? merged.hoursPerLevel
    for related in record.related
    where !merged.related.contains(where: { $0.value == related.value }) {
      merged.related.append(related)
    }
    skills[id] = merged
  }

  private mutating func mergePerson(_ record: PersonRecord) {
    let id = record.id.value
    guard var merged = people[id] else {
      personOrder.append(id)
      people[id] = record
      return
    }
    merged.name = record.name ?? merged.name
    merged.department = record.department ?? merged.department
    merged.manager = record.manager ?? merged.manager
    merged.grade = record.grade ?? merged.grade
    merged.mentorHoursPerWeek = record.mentorHoursPerWeek ?? merged.mentorHoursPerWeek
    merged.learningHoursPerWeek = record.learningHoursPerWeek ?? merged.learningHoursPerWeek
    merged.maxMentees = record.maxMentees ?? merged.maxMentees
    merged.canMentor = record.canMentor ?? merged.canMentor
    merged.canLearn = record.canLearn ?? merged.canLearn
    merged.leaves = record.leaves ?? merged.leaves
    merged.email = record.email ?? merged.email
    for entry in record.skills {
      if let index = merged.skills.firstIndex(where: { $0.skill.value == entry.skill.value }) {
        merged.skills[index] = entry
      } else {
        merged.skills.append(entry)
      }
    }
    for interest in record.interests
    where !merged.interests.contains(where: { $0.value == interest.value }) {
      merged.interests.append(interest)
    }
    for absence in record.absences where !merged.absences.contains(absence) {
      merged.absences.append(absence)
    }
    people[id] = merged
  }

  private mutating func mergeRole(_ record: RoleRecord) {
    let id = record.id.value
    guard var merged = roles[id] else {
      roleOrder.append(id)
      roles[id] = record
      return
    }
    merged.name = record.name ?? merged.name
    merged.criticality = record.criticality ?? merged.criticality
    merged.backups = record.backups ?? merged.backups
    merged.minPresent = record.minPresent ?? merged.minPresent
    merged.isDerived = record.isDerived ?? merged.isDerived
    for entry in record.requirements {
      if let index = merged.requirements.firstIndex(where: { $0.skill.value == entry.skill.value })
      {
        merged.requirements[index] = entry
      } else {
        merged.requirements.append(entry)
      }
    }
    for incumbent in record.incumbents
    where !merged.incumbents.contains(where: { $0.value == incumbent.value }) {
      merged.incumbents.append(incumbent)
    }
    roles[id] = merged
  }

  /// Builds the organization, reporting unknown references and levels above the scale.
  mutating func assemble() -> Organization {
    let scale = scaleMax?.value ?? 4
    skillNameCache = skillByName
    let skillIDs = skillOrder
    let personIDs = personOrder

    var organization = Organization(asOf: asOf, scaleMax: scale)
    for id in skillOrder {
      guard let record = skills[id] else { continue }
      organization.skills.append(
        Skill(
          id: SkillID(id), name: record.name, category: record.category,
          hoursPerLevel: record.hoursPerLevel ?? 40,
          related: record.related.compactMap { check($0, kind: "skill", among: skillIDs) }.map {
            SkillID($0)
          }))
    }
    for id in personOrder {
      guard let record = people[id] else { continue }
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
    for id in roleOrder {
      guard let record = roles[id] else { continue }
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
      start: policy.start, holidays: policy.holidays)
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
      candidates = skillOrder.map { id in
        guard let name = skills[id]?.name, name != id else { return id }
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
    for id in skillOrder {
      table[VendorValues.nameKey(id)] = table[VendorValues.nameKey(id)] ?? id
    }
    for id in skillOrder {
      guard let name = skills[id]?.name else { continue }
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
