import SkillsGraph

/// Display names for ids as escaped HTML fragments, falling back to the id for anything unknown.
///
/// The Markdown report's `Names` writes ids in backticks; here the id follows the name in a
/// quieter style, so a person reads the name first but can still find the row in the export.
struct HTMLNames {
  private var people: [PersonID: Person] = [:]
  private var skills: [SkillID: Skill] = [:]
  private var roles: [RoleID: Role] = [:]

  init(_ organization: Organization) {
    for person in organization.people where people[person.id] == nil { people[person.id] = person }
    for skill in organization.skills where skills[skill.id] == nil { skills[skill.id] = skill }
    for role in organization.roles where roles[role.id] == nil { roles[role.id] = role }
  }

  /// The person as "name id", escaped.
  func person(_ id: PersonID) -> String {
    Self.labelled(people[id]?.name, id: id.rawValue)
  }

  /// The person's name alone (the id when unknown), escaped: for compact places.
  func personName(_ id: PersonID) -> String {
    HTML.escape(plainPerson(id))
  }

  /// The person's name alone, not escaped: for text that is escaped later, such as titles.
  func plainPerson(_ id: PersonID) -> String { people[id]?.name ?? id.rawValue }

  /// The person's department, not escaped; empty when the export names none.
  func department(_ id: PersonID) -> String { people[id]?.department ?? "" }

  /// Several people, comma-separated, or "nobody".
  func people(_ ids: [PersonID]) -> String {
    ids.isEmpty ? "<span class=\"muted\">nobody</span>" : ids.map(person).joined(separator: ", ")
  }

  func skill(_ id: SkillID) -> String { Self.labelled(skills[id]?.name, id: id.rawValue) }

  /// The skill's name alone, not escaped.
  func plainSkill(_ id: SkillID) -> String { skills[id]?.name ?? id.rawValue }

  func role(_ id: RoleID) -> String { Self.labelled(roles[id]?.name, id: id.rawValue) }

  /// The role's name alone, not escaped.
  func plainRole(_ id: RoleID) -> String { roles[id]?.name ?? id.rawValue }

  private static func labelled(_ name: String?, id: String) -> String {
    guard let name, name != id else { return "<span class=\"name\">\(HTML.escape(id))</span>" }
    return "<span class=\"name\">\(HTML.escape(name))</span> "
      + "<span class=\"id\">\(HTML.escape(id))</span>"
  }
}
