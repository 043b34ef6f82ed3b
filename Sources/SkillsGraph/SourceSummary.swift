/// What one input file contributed, for the report's data sources section.
public struct SourceSummary: Hashable, Sendable {
  public var path: String
  /// The format the file was read as.
  public var profile: String
  public var people: Int
  public var skills: Int
  public var roles: Int
  public var absences: Int
  /// Records left out, each reason with its count: inactive workers, time off not approved,
  /// record types the profile does not read, absences of people no input lists.
  public var skipped: [SkippedRecords] = []
  /// How the file's levels were put on the model's scale, one line each (numeric scales,
  /// named levels and where their values came from, level-less skills, certifications).
  public var levelMapping: [String] = []
  /// Other facts worth a line in the report: paging, holidays read, assumptions made, or why
  /// the file holds no people.
  public var notes: [String] = []

  public init(
    path: String, profile: String, people: Int = 0, skills: Int = 0, roles: Int = 0,
    absences: Int = 0, skipped: [SkippedRecords] = [], levelMapping: [String] = [],
    notes: [String] = []
  ) {
    self.path = path
    self.profile = profile
    self.people = people
    self.skills = skills
    self.roles = roles
    self.absences = absences
    self.skipped = skipped
    self.levelMapping = levelMapping
    self.notes = notes
  }

  /// Every remark about the file, for the reports' data sources sections.
  public var remarks: [String] {
    skipped.map { "skipped \($0.count): \($0.reason)" } + levelMapping + notes
  }
}

/// Records of one kind that an import left out, and why.
public struct SkippedRecords: Hashable, Sendable {
  public var reason: String
  public var count: Int

  public init(reason: String, count: Int) {
    self.reason = reason
    self.count = count
  }
}
