import SkillsGraph

/// The gap report for machines: stable keys, sorted ids, the same bytes for the same input.
public enum GapReportJSON {
  /// Renders the analysis of `organization`; `sources` lists where the data came from.
  public static func render(
    _ analysis: CoverageAnalysis, organization: Organization, sources: [ReportSource] = []
  ) -> String {
    JSONValue.object([
      ("summary", summary(analysis, organization: organization)),
      ("roles", .array(analysis.roles.map(role))),
      ("singlePointsOfFailure", .array(analysis.singlePointsOfFailure.map(singlePoint))),
      ("skills", .array(analysis.scarcity.map(scarcity))),
      ("sources", .array(sources.map(source))),
    ]).rendered()
  }

  static func summary(_ analysis: CoverageAnalysis, organization: Organization) -> JSONValue {
    .object([
      ("people", .number(Double(organization.people.count))),
      ("skills", .number(Double(organization.skills.count))),
      ("roles", .number(Double(organization.roles.count))),
      ("coverageScore", .number(analysis.coverageScore)),
      ("coverageCeiling", .number(analysis.coverageCeiling)),
      ("coveragePercent", .number(roundedPercent(analysis.coveragePercent))),
      ("rolesBelowTarget", .number(Double(analysis.rolesBelowTarget))),
      ("singlePointsOfFailure", .number(Double(analysis.singlePointsOfFailure.count))),
    ])
  }

  static func role(_ coverage: CoverageAnalysis.RoleCoverage) -> JSONValue {
    .object([
      ("id", .string(coverage.role.rawValue)),
      ("name", .string(coverage.name)),
      ("weight", .number(coverage.weight)),
      ("target", .number(Double(coverage.target))),
      ("depth", .number(Double(coverage.depth))),
      ("gap", .number(Double(coverage.gap))),
      ("qualified", .array(coverage.qualified.map { .string($0.rawValue) })),
      ("incumbents", .array(coverage.incumbents.map { .string($0.rawValue) })),
    ])
  }

  static func singlePoint(_ entry: CoverageAnalysis.SinglePointOfFailure) -> JSONValue {
    .object([
      ("person", .string(entry.person.rawValue)),
      ("roles", .array(entry.roles.map { .string($0.rawValue) })),
    ])
  }

  static func scarcity(_ entry: CoverageAnalysis.SkillScarcity) -> JSONValue {
    .object([
      ("skill", .string(entry.skill.rawValue)),
      ("level", .number(Double(entry.level))),
      ("holders", .number(Double(entry.holders))),
    ])
  }

  static func source(_ entry: ReportSource) -> JSONValue {
    .object([
      ("file", .string(entry.path)),
      ("profile", .string(entry.profile)),
      ("people", .number(Double(entry.people))),
      ("skills", .number(Double(entry.skills))),
      ("roles", .number(Double(entry.roles))),
      ("absences", .number(Double(entry.absences))),
    ])
  }

  /// Percentages are reported to two decimals.
  static func roundedPercent(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}

/// Where a report's data came from; the CLI fills it from the importer's source summaries.
public struct ReportSource: Hashable, Sendable {
  public var path: String
  public var profile: String
  public var people: Int
  public var skills: Int
  public var roles: Int
  public var absences: Int

  public init(path: String, profile: String, people: Int, skills: Int, roles: Int, absences: Int) {
    self.path = path
    self.profile = profile
    self.people = people
    self.skills = skills
    self.roles = roles
    self.absences = absences
  }
}
