/// Someone in the organization: what they know, and how much they can teach and learn.
public struct Person: Hashable, Sendable {
  public var id: PersonID
  public var name: String
  public var department: String
  public var manager: PersonID?
  public var grade: String?
  /// Level per skill; a skill not listed is level 0.
  public var levels: [SkillID: Int]
  /// People opt out of mentoring or learning; they are never drafted.
  public var canMentor: Bool
  public var canLearn: Bool
  public var mentorHoursPerWeek: Double
  public var learningHoursPerWeek: Double
  public var maxMentees: Int
  /// Skills the person asked to learn, in the order they were listed.
  public var interests: [SkillID]
  public var absences: [Absence]
  /// The last working day, when the person is known to be leaving.
  public var leaves: Day?
  /// Work e-mail, when the export has one (calendar invitations use it).
  public var email: String?

  public init(
    id: PersonID, name: String? = nil, department: String = "", manager: PersonID? = nil,
    grade: String? = nil, levels: [SkillID: Int] = [:], canMentor: Bool = true,
    canLearn: Bool = true, mentorHoursPerWeek: Double = 2, learningHoursPerWeek: Double = 4,
    maxMentees: Int = 3, interests: [SkillID] = [], absences: [Absence] = [], leaves: Day? = nil,
    email: String? = nil
  ) {
    self.id = id
    self.name = name ?? id.rawValue
    self.department = department
    self.manager = manager
    self.grade = grade
    self.levels = levels
    self.canMentor = canMentor
    self.canLearn = canLearn
    self.mentorHoursPerWeek = mentorHoursPerWeek
    self.learningHoursPerWeek = learningHoursPerWeek
    self.maxMentees = maxMentees
    self.interests = interests
    self.absences = absences
    self.leaves = leaves
    self.email = email
  }

  /// The person's level in `skill`, 0 when they never listed it.
  public func level(_ skill: SkillID) -> Int { levels[skill] ?? 0 }
}

/// A planned absence; both ends are inclusive days.
public struct Absence: Hashable, Sendable {
  public var from: Day
  public var to: Day
  /// What kind of absence it is (vacation, parental-leave, training, …), for reports only.
  public var kind: String?

  public init(from: Day, to: Day, kind: String? = nil) {
    self.from = from
    self.to = to
    self.kind = kind
  }

  /// Whether the person is away on `day`.
  public func contains(_ day: Day) -> Bool { from <= day && day <= to }
}
