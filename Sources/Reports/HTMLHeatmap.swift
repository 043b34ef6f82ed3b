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
    var columns: [Column] = []
    var position: [SkillID: Int] = [:]
    for role in organization.roles where role.isKey {
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

  /// The table; `pairs` adds planned learning to the cells.
  ///
  /// In workshop mode a department of fewer people than the minimum group is not listed, as
  /// no list of so few people is spelled out anywhere in the reports.
  static func render(
    _ organization: Organization, coverage: CoverageAnalysis, pairs: [PlannedPair] = [],
    privacy: Privacy = Privacy()
  ) -> String {
    let columns = columns(organization)
    guard !columns.isEmpty, !organization.people.isEmpty else {
      return HTML.paragraph("No role of weight 2 or more requires any skill.")
    }
    let names = HTMLNames(organization)
    var planned: [PersonID: [SkillID: PlannedPair]] = [:]
    for pair in pairs where planned[pair.mentee]?[pair.skill] == nil {
      planned[pair.mentee, default: [:]][pair.skill] = pair
    }
    var sole: [PersonID: [RoleID]] = [:]
    // The badge names single points of failure: not when the depth rule hides a depth of 1.
    for entry in coverage.singlePointsOfFailure where !privacy.hides(1) {
      sole[entry.person] = entry.roles
    }

    var out = legend(scaleMax: organization.scaleMax, withPlan: !pairs.isEmpty)
    out += "<div class=\"scroll\"><table class=\"heatmap filterable\">\n<thead><tr>"
    out += "<th scope=\"col\" class=\"corner\">Person</th>"
    for column in columns {
      let skill = HTML.escape(names.plainSkill(column.skill))
      out += "<th scope=\"col\" class=\"skill\" title=\"\(skill)\"><span>\(skill)"
      out += "</span><small>≥\(column.required)</small></th>"
    }
    out += "</tr></thead>\n"
    for department in departments(organization.people) {
      out += "<tbody>\n<tr class=\"dept\"><th scope=\"rowgroup\" colspan=\"\(columns.count + 1)\">"
      out += department.name.isEmpty ? "No department" : HTML.escape(department.name)
      out += " <span class=\"muted\">· \(HTML.escape(privacy.count(department.people.count)))"
      out += "</span></th></tr>\n"
      if privacy.hides(department.people.count) {
        out += "<tr class=\"withheld\"><td colspan=\"\(columns.count + 1)\">"
        out += "Not listed in workshop mode: too few people to stay anonymous.</td></tr>\n"
        out += "</tbody>\n"
        continue
      }
      for person in department.people {
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
      out += "</tbody>\n"
    }
    return out + "</table></div>\n"
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
