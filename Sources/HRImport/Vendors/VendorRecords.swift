import SkillsGraph

/// A proficiency as the export wrote it, before it is put on the model's `0...L` scale.
///
/// Mapping waits until every file is read, because the scale (`<scale max>`) and the user's level
/// names (`<levelName>` in `<policy>`) may come from a native file given later on the command line.
enum RawLevel: Hashable, Sendable {
  /// A number on the export's own scale, `min...max`; `scale` names it for the report.
  case numeric(Double, min: Double, max: Double, scale: String)
  /// A named level, such as Workday's tenant-defined "Proficient" or a CEFR "B2".
  case named(String)
  /// No level at all (Workday `Skill_Data`, Europass digital skills): counted at the configured
  /// default; `source` names where such skills come from, for the report.
  case none(source: String)
  /// A whole number already on the model's `0...L` scale (a skills-matrix cell); checked
  /// against `L` once every file is read.
  case exact(Int)
  /// A level written as a number that cannot be used (`nan`, `inf`, `1e309`, or such a scale
  /// bound): an error at the skill, saying why.
  case invalid(String)
}

/// One skill, competency or language held by a person in an export.
struct VendorSkill: Sendable {
  /// The export's own non-internal id for the skill, when it has one (`Competency_ID`, say).
  var id: String?
  var name: String
  var level: RawLevel
  /// A skills matrix's number for the column the level sits in; `nil` for other exports.
  ///
  /// The same for every level under one header, so the conversion finds the skill's id once
  /// per number instead of hashing the name of each of a matrix's millions of levels. Unique
  /// within the file, always with the same `name`; `nil` past 65,535 columns in one file.
  /// Sixteen bits, declared here, fit the padding after `level`, so a level record is no
  /// larger for it.
  var key: UInt16?
  var location: SourceLocation
  var category: String?
}

/// A certification, which counts as a skill at level 3 while valid on the horizon's start.
struct VendorCertification: Sendable {
  var name: String
  var issued: Day?
  var expires: Day?
  var location: SourceLocation
}

/// The job a person holds, from which `RoleDeriver` makes roles.
struct VendorPosition: Hashable, Sendable {
  /// The job profile (Workday) or job code; roles group by it when present.
  var jobProfile: String?
  var jobProfileID: String?
  var title: String?
  var isCritical: Bool = false
}

/// What an export says about one person.
struct VendorPerson: Sendable {
  var id: Located<String>
  /// True when the record only mentions the person (a time-off request, a rating row): it adds
  /// to someone another record or file defines, and never creates a person on its own unless
  /// no input defines anyone.
  var isReference = false
  var name: String?
  var email: String?
  var department: String?
  /// Manager by person id.
  var manager: Located<String>?
  /// Workday manager known only by WID, resolved through every Workday file's workers.
  var managerWID: Located<String>?
  /// Workday internal id, to resolve other workers' `managerWID`.
  var wid: String?
  var position: VendorPosition?
  var skills: [VendorSkill] = []
  var certifications: [VendorCertification] = []
  var absences: [Absence] = []
  var leaves: Day?
  /// Mentoring settings, which only a skills matrix gives.
  var mentorHoursPerWeek: Double?
  var learningHoursPerWeek: Double?
  var maxMentees: Int?

  init(id: String, at location: SourceLocation) {
    self.id = Located(value: id, location: location)
  }
}

/// A role as a roles × skills sheet gives it; requirements name skills by id or name.
struct VendorRole: Sendable {
  var id: Located<String>
  var name: String?
  var criticality: Criticality?
  var backups: Int?
  var minPresent: Int?
  /// The skill as the header names it (at the header cell), its level (at the level's cell).
  var requirements: [(skill: Located<String>, level: RawLevel, location: SourceLocation)] = []
  var incumbents: [Located<String>] = []
}

/// Everything read from one vendor file, before levels are mapped and records merged.
struct VendorFile: Sendable {
  var path: String
  var profile: ImportProfile
  /// The profile as the report names it, when it is not a profile's name (a file that is no
  /// export at all).
  var profileLabel: String?
  var people: [VendorPerson] = []
  /// Roles, which only a spreadsheet's roles × skills sheet gives.
  var roles: [VendorRole] = []
  var holidays: [Day] = []
  var asOf: Day?
  /// Why records were left out, with counts, in the order first seen.
  var skipped = SkipTally()
  /// Facts for the report: paging, assumptions made, why the file holds no people.
  var notes: [String] = []
  var diagnostics: [Diagnostic] = []
  /// False when libxml2 could not read the file to its end (broken XML, a DOCTYPE).
  var wellFormed = true
  /// The people converted while the file was read, in place of `people` (see
  /// `FileConversion`); `VendorConversion` keeps them when every file agrees.
  var converted: FileConversion?

  init(path: String, profile: ImportProfile) {
    self.path = path
    self.profile = profile
  }

  mutating func skip(_ reason: String, count: Int = 1) { skipped.add(reason, count: count) }

  mutating func warn(_ message: String, at location: SourceLocation) {
    diagnostics.append(Diagnostic(.warning, message, at: location))
  }

  mutating func error(_ message: String, at location: SourceLocation) {
    diagnostics.append(Diagnostic(.error, message, at: location))
  }

  /// An id for a CV's one person when the document gives none: the file's name without its
  /// extension (with a suffix for a second such document in the file), noted for the report.
  /// - Parameter missing: what the document lacks, for the note ("no ResumeId").
  /// - Returns: the id, unique among the file's people.
  mutating func idFromFileName(missing: String) -> String {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    var base = name.hasSuffix(".xml") ? String(name.dropLast(4)) : name
    if base.isEmpty { base = "cv" }
    var id = base
    var suffix = 2
    while people.contains(where: { $0.id.value == id }) {
      id = "\(base)-\(suffix)"
      suffix += 1
    }
    notes.append("\(missing): the person's id is the file name, '\(id)'")
    return id
  }

  /// The day in `text`, reporting a date that cannot be real as an error at `location`; `nil`
  /// for no date, as for an impossible one.
  mutating func day(
    _ text: String?, end: VendorValues.DateEnd = .start,
    at location: @autoclosure () -> SourceLocation
  ) -> Day? {
    switch VendorValues.readDay(text, end: end) {
    case .day(let day): return day
    case .none: return nil
    case .invalid(let why):
      error(why, at: location())
      return nil
    }
  }

  /// The day in element `node`'s text, an impossible date an error at the element.
  mutating func day(
    _ node: Node?, end: VendorValues.DateEnd = .start, locator: Locator
  ) -> Day? {
    guard let node else { return nil }
    return day(node.text, end: end, at: locator.location(node))
  }

  /// Says that the file was read but holds nobody, and why, both as a warning and in the report.
  mutating func holdsNoPeople(_ why: String) {
    notes.append("holds no people: \(why)")
    warn("file holds no people: \(why)", at: SourceLocation(file: path))
  }
}

/// Counts of skipped records by reason, in first-seen order so reports are stable.
struct SkipTally: Hashable, Sendable {
  private(set) var reasons: [String] = []
  private(set) var counts: [String: Int] = [:]

  mutating func add(_ reason: String, count: Int = 1) {
    guard count > 0 else { return }
    if counts[reason] == nil { reasons.append(reason) }
    counts[reason, default: 0] += count
  }

  var entries: [SkippedRecords] {
    reasons.map { SkippedRecords(reason: $0, count: counts[$0] ?? 0) }
  }
}
