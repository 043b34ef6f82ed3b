import SkillsGraph

/// Skill ids met while reading the organization, numbered as they come.
struct SkillInterner {
  private var numbering = StringNumbering()
  private(set) var ids: [SkillID] = []
  var hours: [Double] = []
  var related: [[SkillID]] = []

  /// The number of `id`, or nil when it is new.
  mutating func find(_ id: SkillID) -> Int? { numbering.find(id.rawValue) }

  /// Numbers a new id (one `find` did not know), with the default step of 40 hours.
  mutating func add(_ id: SkillID) -> Int {
    ids.append(id)
    hours.append(40)
    related.append([])
    return numbering.add(id.rawValue)
  }

  /// The number of `id`; a skill people or roles mention without declaring it gets the next
  /// number and the default step.
  mutating func intern(_ id: SkillID) -> Int { find(id) ?? add(id) }
}
