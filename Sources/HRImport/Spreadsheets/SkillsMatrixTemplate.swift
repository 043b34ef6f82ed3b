import SkillsGraph

/// A people × skills workbook for a manager to fill in: the organization's people as rows, the
/// skills its roles require (or every skill, when there are no roles) as columns, today's levels
/// filled in, a drop-down of the levels on every level cell, and a sheet explaining them.
///
/// Understudy reads the filled workbook back like any other skills matrix: give it after the
/// export, and its levels override the export's for the same person and skill.
public enum SkillsMatrixTemplate {
  /// The headers of the person columns, which the skills-matrix reader knows.
  static let personColumns = ["Employee ID", "Name", "Department", "Manager"]

  /// Why a template could not be made.
  public struct Failure: Error, Sendable, CustomStringConvertible {
    public var description: String
  }

  /// The template's `.xlsx` bytes; the same organization always gives the same bytes.
  ///
  /// - Throws: `Failure` when the workbook cannot be assembled.
  /// - Complexity: O(people × skills).
  public static func xlsx(for organization: Organization) throws(Failure) -> [UInt8] {
    do {
      return try XLSXWriter.data(sheets(for: organization))
    } catch {
      throw Failure(description: error.description)
    }
  }

  /// How many skill columns the template of `organization` has.
  public static func skillCount(of organization: Organization) -> Int {
    skills(of: organization).count
  }

  /// The skills the template asks about: those the roles require, in role order, or every
  /// skill when there are no roles.
  static func skills(of organization: Organization) -> [Skill] {
    guard !organization.roles.isEmpty else { return organization.skills }
    var wanted: [SkillID] = []
    var seen = Set<SkillID>()
    for role in organization.roles {
      for requirement in role.requirements where seen.insert(requirement.skill).inserted {
        wanted.append(requirement.skill)
      }
    }
    let byID = Dictionary(
      organization.skills.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    return wanted.map { byID[$0] ?? Skill(id: $0) }
  }

  /// A skill's column header: its name, unless another chosen skill has the same name or the
  /// name reads as a person column ("Team"); then its id.
  static func headers(for skills: [Skill]) -> [String] {
    var counts: [String: Int] = [:]
    for skill in skills { counts[VendorValues.nameKey(skill.name), default: 0] += 1 }
    return skills.map { skill in
      let clash =
        counts[VendorValues.nameKey(skill.name), default: 0] > 1
        || HeaderMatcher.match(skill.name) != nil || skill.name.isEmpty
      return clash ? skill.id.rawValue : skill.name
    }
  }

  static func sheets(for organization: Organization) -> [XLSXWriter.Sheet] {
    let skills = skills(of: organization)
    let headers = headers(for: skills)
    var matrix = XLSXWriter.Sheet(name: "Skills")
    matrix.rows.append((personColumns + headers).map { .heading($0) })
    for person in organization.people {
      var row: [XLSXWriter.Cell] = [
        .text(person.id.rawValue), .text(person.name), .text(person.department),
        person.manager.map { .text($0.rawValue) } ?? .empty,
      ]
      for skill in skills {
        row.append(person.levels[skill.id].map { .number(Double($0)) } ?? .empty)
      }
      matrix.rows.append(row)
    }
    matrix.widths =
      [12, 24, 20, 12] + headers.map { Double(min(max($0.count, 8), 30)) + 2 }
    matrix.frozenRows = 1
    matrix.frozenColumns = 2
    let names = levelNames(scaleMax: organization.scaleMax)
    if !skills.isEmpty, !organization.people.isEmpty {
      let values = (0...organization.scaleMax).map(String.init) + names.compactMap { $0 }
      matrix.validations = [
        XLSXWriter.Validation(
          range: CellRange(
            top: 1, left: personColumns.count, bottom: organization.people.count,
            right: personColumns.count + skills.count - 1),
          values: values,
          prompt:
            "A level from 0 to \(organization.scaleMax) or its name (see the Levels sheet); "
            + "leave empty when the person does not have the skill")
      ]
    }
    return [matrix, legend(scaleMax: organization.scaleMax, names: names)]
  }

  /// The model's own name of each level `0...L` (none, aware, working, proficient, expert,
  /// spread over the scale as the built-in level names are), where one falls on it.
  static func levelNames(scaleMax: Int) -> [String?] {
    var names = [String?](repeating: nil, count: scaleMax + 1)
    let model: [(String, Double)] = [
      ("none", 0), ("aware", 0.25), ("working", 0.5), ("proficient", 0.75), ("expert", 1),
    ]
    for (name, fraction) in model {
      guard let level = LevelScale.roundHalfDown(fraction * Double(scaleMax)),
        names.indices.contains(level)
      else { continue }
      if names[level] == nil { names[level] = name }
    }
    return names
  }

  private static let meanings = [
    "none": "has not done it",
    "aware": "knows what it is and whom to ask",
    "working": "does it with help on the hard cases",
    "proficient": "does it alone, including the hard cases",
    "expert": "teaches it and handles the exceptions",
  ]

  private static func legend(scaleMax: Int, names: [String?]) -> XLSXWriter.Sheet {
    var sheet = XLSXWriter.Sheet(name: "Levels")
    sheet.rows.append([.heading("Level"), .heading("Or write"), .heading("Meaning")])
    for level in 0...scaleMax {
      let name = names[level]
      sheet.rows.append([
        .number(Double(level)), name.map { .text($0) } ?? .empty,
        name.flatMap { meanings[$0] }.map { .text($0) } ?? .empty,
      ])
    }
    sheet.rows.append([])
    for line in [
      "Leave a cell empty when the person does not have the skill.",
      "Other level names (Beginner, Advanced, Master, …) are read too.",
      "Add a column for another skill: its header is the skill's id or name.",
      "Read this workbook after the HR export: its levels then override the export's.",
    ] {
      sheet.rows.append([.text(line)])
    }
    sheet.widths = [8, 12, 44]
    sheet.frozenRows = 1
    return sheet
  }
}
