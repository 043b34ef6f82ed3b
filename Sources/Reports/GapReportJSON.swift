import SkillsGraph

/// The gap report for machines: stable keys, sorted ids, the same bytes for the same input.
public enum GapReportJSON {
  /// Renders `content` as JSON.
  public static func render(_ content: GapReportContent) -> String {
    String(decoding: Array(renderParts(content).joined()), as: UTF8.self)
  }

  /// ``render(_:)`` as UTF-8 bytes in parts, to be written one after another: the report of a
  /// large organization is megabytes, not checked and copied again as a `String`, and its
  /// succession bench is written on two threads at once.
  public static func renderParts(_ content: GapReportContent) -> [[UInt8]] {
    let disclosure = content.depthDisclosure
    let derived = Set(content.organization.roles.filter(\.isDerived).map(\.id))
    var members: [(String, JSONValue)] = [
      (
        "summary",
        summary(
          content.coverage, content.absences, organization: content.organization,
          disclosure: disclosure)
      ),
      ("horizon", horizon(content.absences)),
      (
        "roles",
        .array(
          zip(content.coverage.roles, content.absences.roles).map {
            role($0, $1, disclosure: disclosure, derived: derived.contains($0.role))
          })
      ),
      ("singlePointsOfFailure", singlePoints(content.coverage, disclosure)),
      ("skills", .array(content.coverage.scarcity.map { scarcity($0, disclosure: disclosure) })),
      (
        "succession",
        .writtenAtOnce(count: content.succession.count, depth: 1) {
          SuccessionJSON.entry(content.succession[$0], disclosure: disclosure)
        }
      ),
      ("readinessDefinitions", SuccessionJSON.readinessDefinitions),
      ("leavers", LeaverJSON.leavers(content.departures, content.absences.horizon, disclosure)),
    ]
    if let baseline = content.baseline {
      members.append(("whatIf", whatIf(baseline, content: content)))
    }
    members.append(("sources", .array(content.sources.map(source))))
    return JSONValue.object(members).renderedParts()
  }

  /// A coverage percentage rounded to 2 places, or `null` when there is nothing to cover.
  static func percent(_ value: Double?) -> JSONValue {
    value.map { .number(rounded($0, places: 2)) } ?? .null
  }

  static func summary(
    _ coverage: CoverageAnalysis, _ absences: AbsenceAnalysis, organization: Organization,
    disclosure: DepthDisclosure = .showingAll
  ) -> JSONValue {
    let privacy = disclosure.privacy
    return .object([
      ("people", .number(Double(organization.people.count))),
      ("skills", .number(Double(organization.skills.count))),
      ("roles", .number(Double(organization.roles.count))),
      ("coverageScore", .number(coverage.coverageScore)),
      ("coverageCeiling", .number(coverage.coverageCeiling)),
      ("coveragePercent", percent(coverage.coveragePercent)),
      ("rolesBelowTarget", .number(Double(coverage.rolesBelowTarget))),
      (
        "singlePointsOfFailure",
        disclosure.showsSinglePoints
          ? .number(Double(coverage.singlePointsOfFailure.count)) : .string("hidden")
      ),
      // Weighted by criticality; the unweighted count beside it (README, "Reading the report").
      ("uncoveredRoleDays", .number(absences.uncoveredRoleDays)),
      ("uncoveredDayCount", .number(Double(absences.uncoveredDayCount))),
      // A sum over roles, weighted: it may exceed the 230 working days of a year.
      (
        "expectedUncoveredRoleDaysPerYear",
        .number(rounded(absences.expectedUncoveredRoleDaysPerYear, places: 2))
      ),
      (
        "expectedUncoveredDaysPerYear",
        .number(rounded(absences.expectedUncoveredDaysPerYear, places: 2))
      ),
      ("absenceFactor", absenceFactor(absences.organizationAbsenceFactor, privacy: privacy)),
    ])
  }

  static func horizon(_ absences: AbsenceAnalysis) -> JSONValue {
    let horizon = absences.horizon
    return .object([
      ("start", .string(horizon.start.description)),
      ("end", .string(horizon.end.adding(days: -1).description)),
      ("weeks", .number(Double(horizon.weeks))),
      ("workingDays", .number(Double(horizon.workingDays.count))),
      ("holidays", .array(horizon.holidays.sorted().map { .string($0.description) })),
      ("absenceRate", .number(absences.absenceRate)),
    ])
  }

  static func absenceFactor(_ factor: OrganizationAbsenceFactor, privacy: Privacy) -> JSONValue {
    .object([
      ("size", people(factor.size, privacy)),
      ("people", peopleList(factor.people, privacy)),
      ("method", .string(factor.isExact ? "exact" : "greedy")),
      ("lowerBound", .number(Double(factor.lowerBound))),
      ("stoppedWeight", .number(factor.stoppedWeight)),
      ("totalWeight", .number(factor.totalWeight)),
    ])
  }

  static func role(
    _ coverage: CoverageAnalysis.RoleCoverage, _ absence: AbsenceAnalysis.RoleAbsence,
    disclosure: DepthDisclosure = .showingAll, derived: Bool = false
  ) -> JSONValue {
    let role = coverage.role
    let hidden = disclosure.hides(role)
    return .object([
      ("id", .string(coverage.role.rawValue)),
      ("name", .string(coverage.name)),
      ("derived", .bool(derived)),
      ("weight", .number(coverage.weight)),
      ("target", .number(Double(coverage.target))),
      ("depth", depth(coverage.depth, of: role, disclosure)),
      ("gap", hidden ? .null : .number(Double(coverage.gap))),
      (
        "qualified",
        hidden && !coverage.qualified.isEmpty
          ? .string(disclosure.hiddenGroup) : peopleList(coverage.qualified, disclosure.privacy)
      ),
      ("incumbents", .array(coverage.incumbents.map { .string($0.rawValue) })),
      ("minPresent", .number(Double(absence.minPresent))),
      ("uncoveredDays", dayRanges(absence.uncoveredDays)),
      ("uncoveredRuns", LeaverJSON.runs(absence.uncoveredRuns, of: role, disclosure)),
      ("uncoveredDayCount", .number(Double(absence.uncoveredDayCount))),
      (
        "expectedUncoveredDaysPerYear",
        hidden ? .null : .number(rounded(absence.expectedUncoveredDaysPerYear, places: 4))
      ),
      ("absenceFactor", depth(absence.absenceFactor, of: role, disclosure)),
    ])
  }

  /// A count of people: a number, or the string "fewer than K" in workshop mode.
  static func people(_ count: Int, _ privacy: Privacy) -> JSONValue {
    privacy.hides(count) ? .string(privacy.count(count)) : .number(Double(count))
  }

  /// A count of `role`'s people under the depth rule: a number, or "fewer than K".
  static func depth(_ count: Int, of role: RoleID, _ disclosure: DepthDisclosure) -> JSONValue {
    disclosure.hidesCount(count, of: role)
      ? .string(disclosure.count(count, of: role)) : .number(Double(count))
  }

  /// The single points of failure, or "hidden" when the depth rule hides a depth of 1.
  static func singlePoints(
    _ coverage: CoverageAnalysis, _ disclosure: DepthDisclosure
  )
    -> JSONValue
  {
    disclosure.showsSinglePoints
      ? .array(coverage.singlePointsOfFailure.map(singlePoint)) : .string("hidden")
  }

  /// A list of people ids, or the string "fewer than K people" in workshop mode.
  static func peopleList(_ ids: [PersonID], _ privacy: Privacy) -> JSONValue {
    if !ids.isEmpty, privacy.hides(ids.count) {
      return .string(privacy.list(ids.map(\.rawValue), separator: ""))
    }
    return .array(ids.map { .string($0.rawValue) })
  }

  static func dayRanges(_ ranges: [DayRange]) -> JSONValue {
    .array(
      ranges.map {
        .object([("from", .string($0.from.description)), ("to", .string($0.to.description))])
      })
  }

  static func whatIf(
    _ baseline: GapReportContent.Baseline, content: GapReportContent
  )
    -> JSONValue
  {
    let before = Dictionary(
      zip(baseline.coverage.roles, baseline.absences.roles).map { ($0.role, ($0, $1)) },
      uniquingKeysWith: { a, _ in a })
    var changes: [JSONValue] = []
    let disclosure = content.depthDisclosure
    for (coverage, absence) in zip(content.coverage.roles, content.absences.roles) {
      guard let (oldCoverage, oldAbsence) = before[coverage.role],
        oldCoverage.depth != coverage.depth
          || oldAbsence.uncoveredDayCount != absence.uncoveredDayCount
      else { continue }
      changes.append(
        .object([
          ("role", .string(coverage.role.rawValue)),
          ("depthBefore", depth(oldCoverage.depth, of: coverage.role, disclosure)),
          ("depthAfter", depth(coverage.depth, of: coverage.role, disclosure)),
          ("uncoveredDaysBefore", .number(Double(oldAbsence.uncoveredDayCount))),
          ("uncoveredDaysAfter", .number(Double(absence.uncoveredDayCount))),
          ("uncoveredDays", dayRanges(absence.uncoveredDays)),
        ]))
    }
    let scenario = baseline.scenario
    return .object([
      (
        "absent",
        .array(
          scenario.away.map { away in
            var fields: [(String, JSONValue)] = [("person", .string(away.person.rawValue))]
            if let period = away.period {
              fields.append(("from", .string(period.from.description)))
              fields.append(("to", .string(period.to.description)))
            }
            return .object(fields)
          })
      ),
      ("excluded", .array(scenario.excluded.sorted().map { .string($0.rawValue) })),
      (
        "baseline",
        summary(
          baseline.coverage, baseline.absences, organization: baseline.organization,
          disclosure: disclosure)
      ),
      ("changes", .array(changes)),
    ])
  }

  static func singlePoint(_ entry: CoverageAnalysis.SinglePointOfFailure) -> JSONValue {
    .object([
      ("person", .string(entry.person.rawValue)),
      ("roles", .array(entry.roles.map { .string($0.rawValue) })),
    ])
  }

  static func scarcity(
    _ entry: CoverageAnalysis.SkillScarcity, disclosure: DepthDisclosure = .showingAll
  ) -> JSONValue {
    let requirement = Requirement(skill: entry.skill, level: entry.level)
    let holders: JSONValue =
      disclosure.hidesHolders(entry.holders, of: requirement)
      ? .string(disclosure.holders(entry.holders, of: requirement))
      : .number(Double(entry.holders))
    return .object([
      ("skill", .string(entry.skill.rawValue)),
      ("level", .number(Double(entry.level))),
      ("holders", holders),
    ])
  }

  static func source(_ entry: SourceSummary) -> JSONValue {
    .object([
      ("file", .string(entry.path)),
      ("profile", .string(entry.profile)),
      ("people", .number(Double(entry.people))),
      ("skills", .number(Double(entry.skills))),
      ("roles", .number(Double(entry.roles))),
      ("absences", .number(Double(entry.absences))),
      (
        "skipped",
        .array(
          entry.skipped.map {
            .object([("reason", .string($0.reason)), ("count", .number(Double($0.count)))])
          })
      ),
      ("levelMapping", .array(entry.levelMapping.map { .string($0) })),
      ("notes", .array(entry.notes.map { .string($0) })),
    ])
  }

  static func rounded(_ value: Double, places: Int) -> Double {
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    return (value * scale).rounded() / scale
  }
}
