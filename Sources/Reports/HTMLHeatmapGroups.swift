import MentoringOptimizer
import SkillsGraph

/// The skills table of a large organization: one folding table per department, each with only
/// the skills its own critical and high roles require, critical roles' skills first.
///
/// One table of 2,000 people by every heavy role's skills is a hundred thousand pixels of
/// mostly empty cells; a workshop reads one team at a time, and a team cares about its own
/// roles. A role belongs to the departments of its incumbents; a role without incumbents is
/// shown in every department, since anyone might fill it.
enum HTMLHeatmapGroups {
  /// Above this many people the heatmap is grouped; smaller organizations keep one table, in
  /// which every department can be compared with every other.
  static let groupedAbove = 200

  /// A department's heavy roles, most critical first (input order among equals), and the
  /// columns they need.
  struct Group {
    var name: String
    var people: [Person]
    var roles: [Role]
    var columns: [HTMLHeatmap.Column]
  }

  /// The departments (by name, the unnamed one last) with their heavy roles and columns.
  ///
  /// - Complexity: O(people + heavy roles × (requirements + incumbents)).
  static func groups(_ organization: Organization) -> [Group] {
    var departmentOf: [PersonID: String] = [:]
    for person in organization.people { departmentOf[person.id] = person.department }
    let heavy = organization.roles.enumerated().filter { $0.element.isKey }.sorted {
      ($0.element.weight, -$0.offset) > ($1.element.weight, -$1.offset)
    }.map(\.element)
    return HTMLHeatmap.departments(organization.people).map { department in
      let roles = heavy.filter { role in
        role.incumbents.isEmpty || role.incumbents.contains { departmentOf[$0] == department.name }
      }
      return Group(
        name: department.name, people: department.people, roles: roles,
        columns: HTMLHeatmap.columns(of: roles))
    }
  }

  /// The most people a department's table lists.
  static let rowsShown = 50

  /// Who a department's table lists, most telling first, up to ``rowsShown``.
  ///
  /// People the plan teaches one of its skills come first, then those who meet the most of its
  /// required levels, then the most levels held (ties by id); nobody who holds none of the
  /// skills. A blank row says nothing, and at 20,000 people a department has hundreds.
  static func relevant(
    _ people: [Person], columns: [HTMLHeatmap.Column],
    planned: [PersonID: [SkillID: PlannedPair]]
  ) -> [Person] {
    let ranked = people.compactMap { person -> (Person, Int, Int, Int)? in
      let learns = columns.contains { planned[person.id]?[$0.skill] != nil } ? 1 : 0
      let met = columns.count { person.level($0.skill) >= $0.required }
      let held = columns.reduce(0) { $0 + person.level($1.skill) }
      return learns + held == 0 ? nil : (person, learns, met, held)
    }
    return ranked.sorted {
      ($0.1, $0.2, $0.3) != ($1.1, $1.2, $1.3)
        ? ($0.1, $0.2, $0.3) > ($1.1, $1.2, $1.3) : $0.0.id < $1.0.id
    }.prefix(rowsShown).map(\.0)
  }

  /// The departments as folding sections; `pairs` adds planned learning to the cells.
  static func render(
    _ organization: Organization, coverage: CoverageAnalysis, pairs: [PlannedPair],
    privacy: Privacy, withheld: Set<SkillID> = []
  ) -> String {
    let names = HTMLNames(organization)
    let planned = HTMLHeatmap.planned(pairs)
    let sole = HTMLHeatmap.sole(coverage, privacy: privacy)
    var groups = groups(organization)
    if !withheld.isEmpty {
      for index in groups.indices {
        groups[index].columns.removeAll { withheld.contains($0.skill) }
      }
    }
    var out = HTMLHeatmap.legend(scaleMax: organization.scaleMax, withPlan: !pairs.isEmpty)
    out += "<p class=\"note\">\(organization.people.count) people in \(groups.count) "
    out += "departments: each department lists the skills its own critical and high roles "
    out += "require (critical roles' first), and up to \(rowsShown) of its people: those the "
    out += "plan teaches one of them, then those who meet the most required levels. Open a "
    out += "department to see them.</p>\n"
    out += "<div class=\"heatmap-groups filterable\">\n"
    var without: [String] = []
    for group in groups {
      let title = group.name.isEmpty ? "No department" : group.name
      guard !group.columns.isEmpty else {
        without.append("\(HTML.escape(title)) (\(HTML.escape(privacy.count(group.people.count))))")
        continue
      }
      let roles = group.roles.map {
        "\(HTML.escape(names.plainRole($0.id))) (\(HTML.escape($0.criticality.description)))"
      }
      out += "<details class=\"dept-group\"><summary><strong>\(HTML.escape(title))</strong>"
      out += " <span class=\"muted\">· \(HTML.escape(privacy.count(group.people.count))) people"
      out += " · \(NameList.shortened(roles, limit: 4))</span></summary>\n"
      let shown =
        privacy.hides(group.people.count)
        ? group.people : relevant(group.people, columns: group.columns, planned: planned)
      out += HTMLHeatmap.table(
        shown, name: group.name, columns: group.columns, organization: organization,
        names: names, planned: planned, sole: sole, privacy: privacy,
        department: group.people.count)
      out += "</details>\n"
    }
    out += "</div>\n"
    if !without.isEmpty {
      out += "<p class=\"note\">No critical or high role has incumbents in "
      out += NameList.shortened(without) + ".</p>\n"
    }
    return out
  }
}
