/// What a spreadsheet column holds, from its header.
enum SheetColumn: Hashable, Sendable {
  case personID, personName, firstName, lastName, department, manager, email
  case mentorHours, learningHours, maxMentees
  case roleID, roleName, criticality, backups, minPresent, incumbents
  case skill, level
  /// A column people keep beside the matrix (job title, location, notes) that is not read.
  case ignored
}

/// Recognises column headers, ignoring case, spacing and punctuation, with the synonyms HR
/// spreadsheets use: `Employee ID`, `Emp. No.`, `Dept`, `E-mail`, `Reports to`, ….
enum HeaderMatcher {
  /// The header as compared: lower case, every run of non-alphanumerics one space, trimmed.
  ///
  /// `"  Employee_ID "` and `"employee-id"` both give `employee id`.
  static func key(_ text: String) -> String {
    var words: [String] = []
    var word = ""
    for character in text.lowercased() {
      if character.isLetter || character.isNumber {
        word.append(character)
      } else if !word.isEmpty {
        words.append(word)
        word = ""
      }
    }
    if !word.isEmpty { words.append(word) }
    return words.joined(separator: " ")
  }

  static let synonyms: [SheetColumn: [String]] = [
    .personID: [
      "id", "employee id", "employee", "employee number", "employee no", "employee nr",
      "employee code", "emp id", "emp no", "emp number", "person id", "person", "personnel number",
      "personnel no", "staff id", "staff number", "staff no", "worker id", "worker", "user id",
      "associate id", "badge", "badge number", "payroll number",
    ],
    .personName: [
      "name", "full name", "employee name", "person name", "display name", "staff name",
      "worker name", "legal name", "preferred name",
    ],
    .firstName: ["first name", "given name", "forename", "first"],
    .lastName: ["last name", "surname", "family name", "last"],
    .department: [
      "department", "dept", "department name", "team", "org unit", "organization",
      "organisation", "organizational unit", "organisational unit", "division", "unit",
      "business unit", "group", "supervisory organization",
    ],
    .manager: [
      "manager", "manager id", "manager employee id", "supervisor", "supervisor id",
      "reports to", "line manager", "manager number",
    ],
    .email: [
      "email", "e mail", "mail", "email address", "e mail address", "work email", "work e mail",
    ],
    .mentorHours: [
      "mentor hours", "mentoring hours", "mentor hours per week", "mentoring hours per week",
      "mentor hours week", "hours mentoring",
    ],
    .learningHours: [
      "learning hours", "learning hours per week", "learning hours week", "training hours",
      "training hours per week", "hours learning",
    ],
    .maxMentees: ["max mentees", "maximum mentees", "mentees", "max mentees at once"],
    .roleID: [
      "role id", "role", "role code", "role key", "key role", "critical role", "position id",
    ],
    .roleName: ["role name", "role title", "position name", "position title"],
    .criticality: ["criticality", "critical", "priority", "importance", "weight"],
    .backups: ["backups", "backup", "backups wanted", "backups needed", "target backups"],
    .minPresent: ["min present", "minimum present", "min staffed", "minpresent"],
    .incumbents: [
      "incumbents", "incumbent", "incumbent ids", "holders", "current holders", "held by",
    ],
    .skill: ["skill", "skill name", "skill id", "competency", "competence", "ability"],
    .level: ["level", "skill level", "proficiency", "proficiency level", "rating", "score"],
    .ignored: [
      "title", "job title", "position", "job", "job profile", "location", "site", "office",
      "grade", "notes", "note", "comment", "comments", "remarks", "start date", "hire date",
      "phone", "mobile", "cost center", "cost centre", "status", "employment type", "no", "nr",
      "row", "total", "average",
    ],
  ]

  private static let table: [String: SheetColumn] = {
    var table: [String: SheetColumn] = [:]
    for (column, names) in synonyms {
      for name in names { table[name] = column }
    }
    return table
  }()

  /// What the header names, or `nil` for anything else (in a matrix, a skill).
  static func match(_ header: String) -> SheetColumn? { table[key(header)] }
}
