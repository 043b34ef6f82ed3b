import SkillsGraph

/// The gap report for people: what is at risk, who the work hangs on, which skills are rare.
public enum GapReportMarkdown {
  /// How many of the scarcest (skill, level) pairs the report lists.
  static let scarcestShown = 10

  /// Renders `content` as Markdown.
  public static func render(_ content: GapReportContent) -> String {
    let analysis = content.coverage
    let organization = content.organization
    let names = Names(organization)
    var out = "# Coverage gap report\n\n"
    if let asOf = organization.asOf { out += "Data as of \(asOf).\n\n" }
    out += summary(content)
    if let baseline = content.baseline {
      out += AbsenceMarkdown.whatIf(baseline, content, Names(baseline.organization))
    }
    let disclosure = content.depthDisclosure
    out += belowTarget(analysis, names: names, disclosure: disclosure)
    out += singlePoints(analysis, names: names, disclosure: disclosure)
    out += LeaverMarkdown.section(content.departures, content: content, names: names)
    out += AbsenceMarkdown.calendar(content.absences, names: names, disclosure: disclosure)
    out += AbsenceMarkdown.sickDayRisk(content, names: names)
    out += SuccessionMarkdown.bench(content, names: names)
    out += scarcest(analysis, names: names, disclosure: disclosure)
    out += allRoles(analysis, names: names, disclosure: disclosure)
    out += sourcesSection(content.sources)
    out += legend
    return out
  }

  static func summary(_ content: GapReportContent) -> String {
    let analysis = content.coverage
    let organization = content.organization
    let absences = content.absences
    let horizon = absences.horizon
    let factor = absences.organizationAbsenceFactor
    let names = Names(organization)
    let group = NameList.shortened(factor.people.map(names.person), privacy: content.privacy)
    let method =
      factor.isExact
      ? "smallest possible"
      : "found by a greedy search; no group smaller than \(factor.lowerBound) exists"
    return """
      ## Summary

      - **Coverage: \(formatCoverage(analysis.coveragePercent))** \
      (score \(formatNumber(analysis.coverageScore)) of \(formatNumber(analysis.coverageCeiling)))
      - Roles below target: **\(analysis.rolesBelowTarget)** of \(analysis.roles.count)
      - Single points of failure: **\(singlePointCount(analysis, content.depthDisclosure))**
      - Uncovered work from \(horizon.start) to \(horizon.end.adding(days: -1)) \
      (\(horizon.weeks) weeks): **\(formatDecimal(absences.uncoveredRoleDays, places: 1))** \
      uncovered role-days (weighted by criticality), \(roleDays(absences.uncoveredDayCount)) \
      unweighted
      - Sick days: **\(formatDecimal(absences.expectedUncoveredRoleDaysPerYear, places: 1))** \
      expected uncovered role-days a year (weighted by criticality; \
      \(formatDecimal(absences.expectedUncoveredDaysPerYear, places: 1)) unweighted) at \
      \(formatDecimal(absences.absenceRate * 100, places: 2)) % daily absence, \
      \(sumOverRoles(absences.roles.count))
      - Organization absence factor: **\(content.privacy.count(factor.size))** \
      (\(factor.size == 0 ? "half the weighted work is already stopped" : group); \
      stops \(formatNumber(factor.stoppedWeight)) of \(formatNumber(factor.totalWeight)) weight; \
      \(method))
      - \(organization.people.count) people, \(organization.skills.count) skills, \
      \(organization.roles.count) roles


      """
  }

  /// "1 role-day" or "47 role-days".
  static func roleDays(_ count: Int) -> String { "\(count) role-day\(count == 1 ? "" : "s")" }

  /// Why an expected sick-day figure may pass the 230 working days of a year: it adds up roles.
  static func sumOverRoles(_ roles: Int) -> String {
    let days = formatNumber(AbsenceAnalysis.workingDaysPerYear)
    return roles == 1
      ? "out of \(days) working days a year"
      : "summed over \(roles) roles, each of which can lose at most \(days) working days a year"
  }

  static func belowTarget(
    _ analysis: CoverageAnalysis, names: Names,
    disclosure: DepthDisclosure = .showingAll
  ) -> String {
    var out = "## Roles below target\n\n"
    let short = analysis.roles.filter { $0.gap > 0 }.sorted {
      let a = $0.weight * Double($0.gap)
      let b = $1.weight * Double($1.gap)
      return a != b ? a > b : $0.role < $1.role
    }
    guard !short.isEmpty else {
      return out + "Every role has as many qualified people as its target.\n\n"
    }
    out += "Most urgent first (weight × gap).\n\n"
    var table = MarkdownTable(
      ["Role", "Weight", "Depth", "Target", "Gap", "Qualified today"],
      rightAligned: [false, true, true, true, true, false])
    for role in short {
      table.append([
        names.role(role.role), formatNumber(role.weight),
        disclosure.count(role.depth, of: role.role), "\(role.target)",
        disclosure.derived("\(role.gap)", of: role.role),
        role.qualified.isEmpty
          ? names.people([])
          : disclosure.shortened(role.qualified.map(names.person), of: role.role),
      ])
    }
    return out + table.rendered() + "\n"
  }

  static func singlePoints(
    _ analysis: CoverageAnalysis, names: Names,
    disclosure: DepthDisclosure = .showingAll
  ) -> String {
    var out = "## Single points of failure\n\n"
    guard disclosure.showsSinglePoints else { return out + singlePointsHidden + "\n\n" }
    guard !analysis.singlePointsOfFailure.isEmpty else {
      return out + "No role of weight 2 or more rests on one person.\n\n"
    }
    out +=
      "The only qualified person for roles of weight 2 or more: when they are away, the work stops.\n\n"
    for entry in analysis.singlePointsOfFailure {
      let roles = entry.roles.map { names.role($0) }.joined(separator: "; ")
      out += "- **\(names.person(entry.person))**\(names.department(entry.person)): \(roles)\n"
    }
    return out + "\n"
  }

  /// What the report says instead of the single points of failure when a depth of 1 is hidden.
  static let singlePointsHidden =
    "Not shown in workshop mode: naming or counting them would tell which roles have a single "
    + "qualified person."

  /// The number of single points of failure, or "hidden" when the depth rule hides them.
  static func singlePointCount(
    _ analysis: CoverageAnalysis, _ disclosure: DepthDisclosure
  )
    -> String
  {
    disclosure.showsSinglePoints ? "\(analysis.singlePointsOfFailure.count)" : "hidden"
  }

  static func scarcest(
    _ analysis: CoverageAnalysis, names: Names, disclosure: DepthDisclosure = .showingAll
  ) -> String {
    var out = "## Scarcest skills\n\n"
    guard !analysis.scarcity.isEmpty else { return out + "No role requires any skill.\n\n" }
    out += "People holding each skill at the level roles require, rarest first.\n\n"
    var table = MarkdownTable(["Skill", "Level", "Holders"], rightAligned: [false, true, true])
    for entry in analysis.scarcity.prefix(scarcestShown) {
      let requirement = Requirement(skill: entry.skill, level: entry.level)
      table.append([
        names.skill(entry.skill), "≥ \(entry.level)",
        disclosure.holders(entry.holders, of: requirement),
      ])
    }
    return out + table.rendered() + "\n"
  }

  static func allRoles(
    _ analysis: CoverageAnalysis, names: Names,
    disclosure: DepthDisclosure = .showingAll
  ) -> String {
    var table = MarkdownTable(
      ["Role", "Weight", "Depth", "Target", "Gap", "Incumbents"],
      rightAligned: [false, true, true, true, true, false])
    for role in analysis.roles {
      table.append([
        names.role(role.role), formatNumber(role.weight),
        disclosure.count(role.depth, of: role.role), "\(role.target)",
        disclosure.derived("\(role.gap)", of: role.role), names.people(role.incumbents),
      ])
    }
    return "## All roles\n\n" + table.rendered() + "\n"
  }

  static func sourcesSection(_ sources: [SourceSummary]) -> String {
    guard !sources.isEmpty else { return "" }
    var table = MarkdownTable(
      ["File", "Format", "People", "Skills", "Roles", "Absences"],
      rightAligned: [false, false, true, true, true, true])
    for source in sources {
      table.append([
        source.path, source.profile, "\(source.people)", "\(source.skills)", "\(source.roles)",
        "\(source.absences)",
      ])
    }
    var out = "## Data sources\n\n" + table.rendered() + "\n"
    for source in sources where !source.remarks.isEmpty {
      out += "`\(source.path)`:\n\n"
      for remark in source.remarks { out += "- \(remark)\n" }
      out += "\n"
    }
    return out
  }

  static let legend = """
    ## Reading this report

    - **Depth**: how many people are qualified for a role today (every required skill at its \
    level, incumbents included): the number who must all be away before the work stops.
    - **Target**: incumbents plus the backups a role wants (2 for critical roles, else 1).
    - **Gap**: how many more qualified people the role needs to reach its target.
    - **Coverage**: each role counts its weight (critical 3, high 2, normal 1) times its depth, \
    capped at its target; the percentage compares that with every role at target.
    - **Uncovered role-days**: working days (Monday to Friday, minus holidays) on which fewer \
    qualified people are at work than the role needs at once, given planned absences and leaving \
    dates; each day counts the role's weight.
    - **Absence factor**: the fewest people whose being away at once stops a role \
    (depth − people needed at once + 1); for the organization, the smallest group whose absence \
    stops roles carrying half of all weight.

    """
}

/// Display names for ids, falling back to the id for anything unknown.
struct Names {
  private var people: [PersonID: Person] = [:]
  private var skills: [SkillID: Skill] = [:]
  private var roles: [RoleID: Role] = [:]

  init(_ organization: Organization) {
    for person in organization.people { people[person.id] = person }
    for skill in organization.skills { skills[skill.id] = skill }
    for role in organization.roles { roles[role.id] = role }
  }

  func person(_ id: PersonID) -> String {
    guard let name = people[id]?.name, name != id.rawValue else { return id.rawValue }
    return "\(name) (\(id))"
  }

  func department(_ id: PersonID) -> String {
    guard let department = people[id]?.department, !department.isEmpty else { return "" }
    return ", \(department)"
  }

  /// Up to ``NameList/limit`` people and how many more, or "nobody".
  func people(_ ids: [PersonID], privacy: Privacy = Privacy()) -> String {
    ids.isEmpty ? "nobody" : NameList.shortened(ids.map(person), privacy: privacy)
  }

  /// The person's name alone (the id when the input gave none), for spreadsheets.
  func plainName(_ id: PersonID) -> String { people[id]?.name ?? id.rawValue }

  /// The skill's name alone, for spreadsheets.
  func plainSkill(_ id: SkillID) -> String { skills[id]?.name ?? id.rawValue }

  /// The role's name alone, for spreadsheets and calendars.
  func plainRole(_ id: RoleID) -> String { roles[id]?.name ?? id.rawValue }

  func skill(_ id: SkillID) -> String {
    guard let name = skills[id]?.name, name != id.rawValue else { return "`\(id)`" }
    return "\(name) (`\(id)`)"
  }

  /// The role's name and id; roles derived from an export's positions say so.
  func role(_ id: RoleID) -> String {
    let derived = roles[id]?.isDerived == true ? " *(derived)*" : ""
    guard let name = roles[id]?.name, name != id.rawValue else { return "`\(id)`" + derived }
    return "\(name) (`\(id)`)" + derived
  }
}
