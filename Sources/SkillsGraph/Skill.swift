/// Something a person can know, at a level on the organization's scale.
public struct Skill: Hashable, Sendable {
  public var id: SkillID
  public var name: String
  public var category: String?
  /// Learning hours for one level step; the default of 40 is a working week of study.
  public var hoursPerLevel: Double
  /// Skills whose holders (at level 2 or more) learn this one faster.
  public var related: [SkillID]

  public init(
    id: SkillID, name: String? = nil, category: String? = nil, hoursPerLevel: Double = 40,
    related: [SkillID] = []
  ) {
    self.id = id
    self.name = name ?? id.rawValue
    self.category = category
    self.hoursPerLevel = hoursPerLevel
    self.related = related
  }
}
