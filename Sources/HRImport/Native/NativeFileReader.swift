import SkillsGraph

/// Turns the elements of a native document into records, checking what the schema cannot:
/// duplicate ids within a section, criticality names, real calendar dates, absence ranges.
///
/// It reads one element at a time (a skill, a person, a role, the scale, the policy, the plan),
/// so a whole tree in memory (`read(_:path:)`) and a file streamed record by record
/// (`NativeStream`) go through the same checks and give the same records and diagnostics.
struct NativeFileReader {
  static let namespace = "urn:understudy:org:1"

  /// The sections that hold records, and the name of their records.
  enum Section: CaseIterable {
    case skills, people, roles

    /// The section element's name.
    var name: String {
      switch self {
      case .skills: "skills"
      case .people: "people"
      case .roles: "roles"
      }
    }

    /// The name of each record in it.
    var recordName: String {
      switch self {
      case .skills: "skill"
      case .people: "person"
      case .roles: "role"
      }
    }

    /// The word for a record in messages.
    var kind: String {
      switch self {
      case .skills: "skill"
      case .people: "person"
      case .roles: "role"
      }
    }
  }

  /// The ids one section has defined, with the line of each.
  ///
  /// A later record with the same id is an error naming that line. Each section starts afresh.
  struct SeenIDs {
    fileprivate var firstLine: [String: Int] = [:]
  }

  /// Where the elements read are: a streamed file's batch of records changes them
  /// (`NativeStream`).
  var positions: any ElementPositions
  private(set) var diagnostics: [Diagnostic] = []

  init(positions: any ElementPositions) {
    self.positions = positions
  }

  init(source: SourceText) {
    self.init(positions: SourcePositions(source))
  }

  /// Reads a whole document held in memory.
  mutating func read(_ root: ParsedElement, path: String) -> NativeFile {
    var file = NativeFile(path: path)
    guard readRoot(root, into: &file) else { return file }
    for child in root.children(named: "scale", in: Self.namespace) {
      readTopLevel(child, into: &file)
    }
    for section in Section.allCases {
      for element in root.children(named: section.name, in: Self.namespace) {
        beginSection(section, in: &file)
        var seen = SeenIDs()
        for record in element.children(named: section.recordName, in: Self.namespace) {
          readRecord(record, of: section, seen: &seen, into: &file)
        }
      }
    }
    for name in ["policy", "plan"] {
      for child in root.children(named: name, in: Self.namespace) {
        readTopLevel(child, into: &file)
      }
    }
    return file
  }

  /// Checks the root element (its children are not looked at) and reads its attributes.
  ///
  /// - Returns: false when it is not a native document's root, whose content is then not read.
  mutating func readRoot(_ root: ParsedElement, into file: inout NativeFile) -> Bool {
    guard Self.isRoot(root) else {
      error(
        "root element is '\(root.localName)' in namespace '\(root.namespace)', expected "
          + "'organization' in '\(Self.namespace)'", at: root)
      return false
    }
    file.asOf = day(root, "asOf")
    return true
  }

  /// Whether `root` is a native document's root element, whose content is read.
  static func isRoot(_ root: ParsedElement) -> Bool {
    root.localName == "organization" && root.namespace == namespace
  }

  /// Starts a section: a later section of the same kind replaces an earlier one's records.
  func beginSection(_ section: Section, in file: inout NativeFile) {
    switch section {
    case .skills: file.skills = []
    case .people: file.people = []
    case .roles: file.roles = []
    }
  }

  /// Reads one record of a section, unless the section has already defined its id.
  mutating func readRecord(
    _ element: ParsedElement, of section: Section, seen: inout SeenIDs,
    into file: inout NativeFile
  ) {
    let id = element[attribute: "id"] ?? ""
    let here = location(of: "id", in: element)
    if let line = seen.firstLine[id] {
      diagnostics.append(
        Diagnostic(
          .error, "duplicate \(section.kind) id '\(id)' (first defined on line \(line))",
          at: here))
      return
    }
    seen.firstLine[id] = here.line
    switch section {
    case .skills: file.skills.append(readSkill(element))
    case .people: file.people.append(readPerson(element))
    case .roles: file.roles.append(readRole(element))
    }
  }

  /// Reads a child of the root that is not a section: `<scale>`, `<policy>` or `<plan>`; the
  /// last of each kind wins.
  mutating func readTopLevel(_ element: ParsedElement, into file: inout NativeFile) {
    switch element.localName {
    case "scale":
      if let max = int(element, "max") {
        file.scaleMax = Located(value: max, location: location(of: "max", in: element))
      }
    case "policy":
      file.policy = readPolicy(element)
    case "plan":
      file.plan = readPlan(element)
    default:
      break
    }
  }

  private mutating func readPolicy(_ policy: ParsedElement) -> PolicyRecord {
    PolicyRecord(
      horizonWeeks: int(policy, "horizonWeeks"), mentorMinLevel: int(policy, "mentorMinLevel"),
      start: day(policy, "start"), cascades: bool(policy, "cascades"),
      holidays: policy.children(named: "holiday", in: Self.namespace).compactMap {
        day($0, "date")
      },
      levelNames: policy.children(named: "levelName", in: Self.namespace).map {
        (located($0, "name"), locatedInt($0, "level"))
      })
  }
  private mutating func readPlan(_ element: ParsedElement) -> PlanSectionRecord {
    var record = PlanSectionRecord(start: day(element, "start"), weeks: int(element, "weeks"))
    for child in element.children where child.namespace == Self.namespace {
      let here = positions.location(ofElement: child.offset)
      switch child.localName {
      case "pair":
        let status =
          child[attribute: "status"].flatMap { PairStatus(rawValue: $0.trimmingSpaces) }
          ?? .proposed
        let schedule = child.children(named: "week", in: Self.namespace).compactMap { week in
          int(week, "n").flatMap { n in double(week, "hours").map { WeekHours(week: n, hours: $0) }
          }
        }
        record.pairs.append(
          PlanPairRecord(
            mentor: located(child, "mentor"), mentee: located(child, "mentee"),
            skill: located(child, "skill"), toLevel: locatedInt(child, "to"), status: status,
            hoursDone: double(child, "hoursDone") ?? 0, schedule: schedule, location: here))
      case "forbid":
        let forbid = ForbidRecord(
          mentor: child[attribute: "mentor"].map { _ in located(child, "mentor") },
          mentee: child[attribute: "mentee"].map { _ in located(child, "mentee") },
          skill: child[attribute: "skill"].map { _ in located(child, "skill") }, location: here)
        if forbid.mentor == nil, forbid.mentee == nil, forbid.skill == nil {
          error(
            "<forbid> names no mentor, mentee or skill, so it would forbid every pair; "
              + "give at least one", at: child)
          continue
        }
        record.forbids.append(forbid)
      default:
        continue
      }
    }
    return record
  }

  /// Reads each element and reports an id that this file already defined.
  private mutating func readSkill(_ element: ParsedElement) -> SkillRecord {
    SkillRecord(
      id: located(element, "id"), name: element[attribute: "name"],
      category: element[attribute: "category"], hoursPerLevel: double(element, "hoursPerLevel"),
      related: element.children(named: "related", in: Self.namespace).map { located($0, "skill") })
  }

  private mutating func readPerson(_ element: ParsedElement) -> PersonRecord {
    var record = PersonRecord(id: located(element, "id"))
    record.name = element[attribute: "name"]
    record.department = element[attribute: "department"]
    record.manager = element[attribute: "manager"].map { _ in located(element, "manager") }
    record.grade = element[attribute: "grade"]
    record.email = element[attribute: "email"].map(\.trimmingSpaces).flatMap {
      $0.isEmpty ? nil : $0
    }
    record.mentorHoursPerWeek = double(element, "mentorHoursPerWeek")
    record.learningHoursPerWeek = double(element, "learningHoursPerWeek")
    record.maxMentees = int(element, "maxMentees")
    record.canMentor = bool(element, "canMentor")
    record.canLearn = bool(element, "canLearn")
    record.leaves = day(element, "leaves")
    record.skills.reserveCapacity(Self.count(of: "skill", in: element))
    for child in element.children where child.namespace == Self.namespace {
      switch child.localName {
      case "skill":
        record.skills.append((located(child, "ref"), locatedInt(child, "level")))
      case "interest":
        record.interests.append(located(child, "skill"))
      case "absence":
        guard let from = day(child, "from"), let to = day(child, "to") else { continue }
        if to < from {
          error("absence ends (\(to)) before it starts (\(from))", at: child, attribute: "to")
          continue
        }
        record.absences.append(Absence(from: from, to: to, kind: child[attribute: "kind"]))
      default:
        continue
      }
    }
    return record
  }

  private mutating func readRole(_ element: ParsedElement) -> RoleRecord {
    var record = RoleRecord(id: located(element, "id"))
    record.name = element[attribute: "name"]
    if let text = element[attribute: "criticality"] {
      let trimmed = text.trimmingSpaces
      if let criticality = Criticality(parsing: trimmed) {
        record.criticality = criticality
      } else if let weight = Double(trimmed), weight > Criticality.maximumWeight {
        error(
          "criticality weight '\(text)' is above the largest weight, "
            + "\(formatNumber(Criticality.maximumWeight))", at: element, attribute: "criticality")
      } else {
        error(
          "unknown criticality '\(text)' (expected 'critical', 'high', 'normal' or a positive "
            + "number)", at: element, attribute: "criticality")
      }
    }
    record.backups = int(element, "backups")
    record.minPresent = int(element, "minPresent")
    record.isDerived = bool(element, "derived")
    record.requirements.reserveCapacity(Self.count(of: "requires", in: element))
    for child in element.children where child.namespace == Self.namespace {
      switch child.localName {
      case "requires":
        record.requirements.append((located(child, "skill"), locatedInt(child, "level")))
      case "incumbent":
        record.incumbents.append(located(child, "person"))
      default:
        continue
      }
    }
    return record
  }

  /// How many children named `name` the element has: the level lists are made that long at
  /// once.
  ///
  /// Grown by appending, a list takes up to twice the room it needs, and each entry is 120 bytes
  /// with its two places: reading 10,000 people of 35 levels each, that was a fifth of the peak
  /// memory.
  private static func count(of name: String, in element: ParsedElement) -> Int {
    var count = 0
    for child in element.children where child.localName == name { count += 1 }
    return count
  }

  // MARK: Attribute access (the schema has already checked the lexical forms)

  private func location(of attribute: String, in element: ParsedElement) -> SourceLocation {
    positions.location(of: attribute, inElement: element.offset)
  }

  private func located(_ element: ParsedElement, _ attribute: String) -> Located<String> {
    Located(
      value: (element[attribute: attribute] ?? "").trimmingSpaces,
      location: location(of: attribute, in: element))
  }

  private func locatedInt(_ element: ParsedElement, _ attribute: String) -> Located<Int> {
    Located(value: int(element, attribute) ?? 0, location: location(of: attribute, in: element))
  }

  private func int(_ element: ParsedElement, _ attribute: String) -> Int? {
    element[attribute: attribute].flatMap { Int($0.trimmingSpaces) }
  }

  private func double(_ element: ParsedElement, _ attribute: String) -> Double? {
    element[attribute: attribute].flatMap { Double($0.trimmingSpaces) }
  }

  private func bool(_ element: ParsedElement, _ attribute: String) -> Bool? {
    switch element[attribute: attribute]?.trimmingSpaces {
    case "true", "1": true
    case "false", "0": false
    default: nil
    }
  }

  private mutating func day(_ element: ParsedElement, _ attribute: String) -> Day? {
    guard let text = element[attribute: attribute] else { return nil }
    guard let day = Self.parseDay(text.trimmingSpaces) else {
      error("'\(text)' is not a calendar day (YYYY-MM-DD)", at: element, attribute: attribute)
      return nil
    }
    return day
  }

  /// `Day(iso:)`, reading the usual `YYYY-MM-DD` of ASCII digits directly (the general parse
  /// splits the text and counts characters: thousands of instructions a date, a tenth of a
  /// person's reading); anything else goes to `Day(iso:)`, so the result is always its result.
  static func parseDay(_ text: String) -> Day? {
    var text = text
    let fields = text.withUTF8 { bytes -> (year: Int, month: Int, day: Int)? in
      guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-")
      else { return nil }
      func number(_ range: Range<Int>) -> Int? {
        var value = 0
        for index in range {
          let digit = bytes[index] &- UInt8(ascii: "0")
          guard digit < 10 else { return nil }
          value = value * 10 + Int(digit)
        }
        return value
      }
      guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10)
      else { return nil }
      return (year, month, day)
    }
    guard let fields else { return Day(iso: text) }
    return Day(year: fields.year, month: fields.month, day: fields.day)
  }

  private mutating func error(
    _ message: String, at element: ParsedElement, attribute: String? = nil
  ) {
    let here =
      attribute.map { location(of: $0, in: element) }
      ?? positions.location(ofElement: element.offset)
    diagnostics.append(Diagnostic(.error, message, at: here))
  }
}

extension String {
  /// The string without leading and trailing XML white space.
  var trimmingSpaces: String {
    let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    // Most values have nothing to trim: no copy then.
    if let first = utf8.first, let last = utf8.last, !isSpace(first), !isSpace(last) {
      return self
    }
    let bytes = Array(utf8)
    guard let first = bytes.firstIndex(where: { !isSpace($0) }),
      let last = bytes.lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(decoding: bytes[first...last], as: UTF8.self)
  }
}
