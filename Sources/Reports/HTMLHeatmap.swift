import MentoringOptimizer
import SkillsGraph

/// People × the skills that the heavy roles (weight 2 or more: critical and high) require.
///
/// Each cell shows the level as a number and as a shade, so it survives a black-and-white
/// printer; a planned pair shows "from→to" in an outlined cell. Rows are grouped by department
/// because a workshop discusses one team at a time.
enum HTMLHeatmap {
  /// A column: a skill and the highest level any heavy role requires of it.
  struct Column {
    var skill: SkillID
    var required: Int
  }

  /// The skills heavy roles require, in the order the roles first name them.
  static func columns(_ organization: Organization) -> [Column] {
    columns(of: organization.roles.filter(\.isKey))
  }

  /// The skills `roles` require, in the order the roles first name them, each at the highest
  /// level any of them requires.
  static func columns(of roles: [Role]) -> [Column] {
    var columns: [Column] = []
    var position: [SkillID: Int] = [:]
    for role in roles {
      for requirement in role.requirements {
        if let index = position[requirement.skill] {
          columns[index].required = max(columns[index].required, requirement.level)
        } else {
          position[requirement.skill] = columns.count
          columns.append(Column(skill: requirement.skill, required: requirement.level))
        }
      }
    }
    return columns
  }

  /// People grouped by department (departments by name, the unnamed one last), each group in
  /// natural id order.
  static func departments(_ people: [Person]) -> [(name: String, people: [Person])] {
    let grouped = Dictionary(grouping: people, by: \.department)
    let names = grouped.keys.sorted { a, b in
      a.isEmpty != b.isEmpty ? !a.isEmpty : a < b
    }
    return names.map { name in
      (name, (grouped[name] ?? []).sorted { $0.id < $1.id })
    }
  }

  /// The first planned pair of each mentee in each skill, for the cells.
  static func planned(_ pairs: [PlannedPair]) -> [PersonID: [SkillID: PlannedPair]] {
    var planned: [PersonID: [SkillID: PlannedPair]] = [:]
    for pair in pairs where planned[pair.mentee]?[pair.skill] == nil {
      planned[pair.mentee, default: [:]][pair.skill] = pair
    }
    return planned
  }

  /// The roles each single point of failure alone is qualified for; none when the depth rule
  /// hides a depth of 1, since the badge would name them.
  static func sole(_ coverage: CoverageAnalysis, privacy: Privacy) -> [PersonID: [RoleID]] {
    var sole: [PersonID: [RoleID]] = [:]
    guard !privacy.hides(1) else { return sole }
    for entry in coverage.singlePointsOfFailure { sole[entry.person] = entry.roles }
    return sole
  }

  /// The table; `pairs` adds planned learning to the cells.
  ///
  /// Above ``HTMLHeatmapGroups/groupedAbove`` people, one table per department instead.
  ///
  /// In workshop mode a department of fewer people than the minimum group is not listed, as
  /// no list of so few people is spelled out anywhere in the reports.
  ///
  /// Under the depth rule, the skills a hidden role requires are left out: counting the cells
  /// at or above its level would give its depth away.
  static func render(
    _ organization: Organization, coverage: CoverageAnalysis, pairs: [PlannedPair] = [],
    privacy: Privacy = Privacy(), disclosure: DepthDisclosure = .showingAll
  ) -> String {
    let withheld = withheldSkills(organization, disclosure: disclosure)
    let columns = columns(organization).filter { !withheld.contains($0.skill) }
    let note = withheldNote(withheld.count, privacy: privacy)
    guard !columns.isEmpty, !organization.people.isEmpty else {
      return note + HTML.paragraph("No role of weight 2 or more requires any skill shown here.")
    }
    if organization.people.count > HTMLHeatmapGroups.groupedAbove {
      return note
        + HTMLHeatmapGroups.render(
          organization, coverage: coverage, pairs: pairs, privacy: privacy, withheld: withheld)
    }
    let names = HTMLNames(organization)
    let planned = planned(pairs)
    let sole = sole(coverage, privacy: privacy)
    var out = note + legend(scaleMax: organization.scaleMax, withPlan: !pairs.isEmpty)
    out += "<div class=\"scroll\"><table class=\"heatmap filterable\">\n"
    out += header(columns, names: names)
    for department in departments(organization.people) {
      out += body(
        department.people, name: department.name, columns: columns, organization: organization,
        names: names, planned: planned, sole: sole, privacy: privacy)
    }
    return out + "</table></div>\n"
  }

  /// The skills of the roles whose depth the rule hides.
  static func withheldSkills(
    _ organization: Organization, disclosure: DepthDisclosure
  ) -> Set<SkillID> {
    guard !disclosure.hiddenRoles.isEmpty else { return [] }
    var skills = Set<SkillID>()
    for role in organization.roles where disclosure.hides(role.id) {
      for requirement in role.requirements { skills.insert(requirement.skill) }
    }
    return skills
  }

  /// Says how many skills are left out, and why; empty when none is.
  static func withheldNote(_ count: Int, privacy: Privacy) -> String {
    guard count > 0, let group = privacy.minimumGroup else { return "" }
    return "<p class=\"note\">\(count) skill\(count == 1 ? " is" : "s are") not shown in workshop "
      + "mode: a role with fewer than \(group) qualified people requires "
      + "\(count == 1 ? "it" : "them"), and the levels people hold would give that number away."
      + "</p>\n"
  }

  /// One department's own table, in a scroll box, for the grouped view; `people` may be fewer
  /// than the `department`'s size, and a last row counts the others.
  static func table(
    _ people: [Person], name: String, columns: [Column], organization: Organization,
    names: HTMLNames, planned: [PersonID: [SkillID: PlannedPair]], sole: [PersonID: [RoleID]],
    privacy: Privacy, department: Int
  ) -> String {
    "<div class=\"scroll\"><table class=\"heatmap\">\n" + header(columns, names: names)
      + body(
        people, name: name, columns: columns, organization: organization, names: names,
        planned: planned, sole: sole, privacy: privacy, department: department)
      + "</table></div>\n"
  }

  /// The header row: "Person", then each skill written upright with its required level.
  static func header(_ columns: [Column], names: HTMLNames) -> String {
    var out = "<thead><tr><th scope=\"col\" class=\"corner\">Person</th>"
    for column in columns {
      let skill = HTML.escape(names.plainSkill(column.skill))
      out += "<th scope=\"col\" class=\"skill\" title=\"\(skill)\"><span>\(skill)"
      out += "</span><small>≥\(column.required)</small></th>"
    }
    return out + "</tr></thead>\n"
  }

  /// One department: its heading row, then a row per person (or a withheld note); when
  /// `department` counts more people than `people`, a last row says how many are not listed.
  static func body(
    _ people: [Person], name: String, columns: [Column], organization: Organization,
    names: HTMLNames, planned: [PersonID: [SkillID: PlannedPair]], sole: [PersonID: [RoleID]],
    privacy: Privacy, department: Int? = nil
  ) -> String {
    let size = department ?? people.count
    var out = "<tbody>\n<tr class=\"dept\"><th scope=\"rowgroup\" colspan=\"\(columns.count + 1)\">"
    out += name.isEmpty ? "No department" : HTML.escape(name)
    out += " <span class=\"muted\">· \(HTML.escape(privacy.count(size)))"
    out += "</span></th></tr>\n"
    if privacy.hides(size) {
      out += "<tr class=\"withheld\"><td colspan=\"\(columns.count + 1)\">"
      out += "Not listed in workshop mode: too few people to stay anonymous.</td></tr>\n"
      return out + "</tbody>\n"
    }
    for person in people {
      out += "<tr><th scope=\"row\">\(names.person(person.id))"
      if let roles = sole[person.id] {
        let list = roles.map(names.plainRole).joined(separator: ", ")
        out +=
          " <span class=\"badge sole\" title=\"only qualified person for \(HTML.escape(list))\">"
        out += "sole</span>"
      }
      out += "</th>"
      for column in columns {
        out += cell(person, column, pair: planned[person.id]?[column.skill], organization, names)
      }
      out += "</tr>\n"
    }
    if size > people.count {
      out += "<tr class=\"withheld\"><td colspan=\"\(columns.count + 1)\">"
      out += "\(size - people.count) more in the department, who hold fewer of these skills, "
      out += "are not listed.</td></tr>\n"
    }
    return out + "</tbody>\n"
  }

  static func cell(
    _ person: Person, _ column: Column, pair: PlannedPair?, _ organization: Organization,
    _ names: HTMLNames
  ) -> String {
    let level = person.level(column.skill)
    let shade = "l\(bucket(level, scaleMax: organization.scaleMax))"
    let meets = level >= column.required ? " ok" : ""
    guard let pair else {
      return "<td class=\"\(shade)\(meets)\">\(level == 0 ? "·" : "\(level)")</td>"
    }
    let title =
      "\(names.plainPerson(person.id)) learns \(names.plainSkill(column.skill)) "
      + "\(pair.fromLevel)→\(pair.toLevel) with \(names.plainPerson(pair.mentor)), "
      + "weeks \(pair.startWeek)–\(pair.endWeek)"
    return "<td class=\"\(shade) planned\" title=\"\(HTML.escape(title))\">"
      + "\(pair.fromLevel)→\(pair.toLevel)</td>"
  }

  /// Five shades whatever the scale: level 0 is always the lightest, `scaleMax` the darkest.
  static func bucket(_ level: Int, scaleMax: Int) -> Int {
    guard scaleMax > 0, level > 0 else { return 0 }
    return min(4, max(1, (level * 4 + scaleMax - 1) / scaleMax))
  }

  static func legend(scaleMax: Int, withPlan: Bool) -> String {
    var out = "<p class=\"lead\">Levels 0–\(scaleMax) of each person in the skills that "
    out += "critical and high roles require; · is level 0. A bold underlined number meets "
    out += "the highest level those roles need."
    out += withPlan ? " Outlined cells such as 2→3 are planned learning." : ""
    out += "</p>\n<p class=\"key\" aria-hidden=\"true\">"
    for level in 0...max(0, scaleMax) {
      out +=
        "<span class=\"l\(bucket(level, scaleMax: scaleMax))\">\(level == 0 ? "·" : "\(level)")</span>"
    }
    if withPlan { out += "<span class=\"planned\">2→3</span> planned" }
    return out + "</p>\n"
  }
}
