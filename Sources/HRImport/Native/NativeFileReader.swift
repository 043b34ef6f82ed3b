import SkillsGraph

/// Turns a schema-valid native document into records, checking what the schema cannot:
/// duplicate ids within the file, criticality names, real calendar dates, absence ranges.
struct NativeFileReader {
  static let namespace = "urn:understudy:org:1"

  private let source: SourceText
  private(set) var diagnostics: [Diagnostic] = []

  /// Attribute offsets of the element being read, indexed once per element.
  private let attributes: AttributeIndex

  init(source: SourceText) {
    self.source = source
    attributes = AttributeIndex(source)
  }

  mutating func read(_ root: ParsedElement) -> NativeFile {
    var file = NativeFile(path: source.path)
    guard root.localName == "organization", root.namespace == Self.namespace else {
      error(
        "root element is '\(root.localName)' in namespace '\(root.namespace)', expected "
          + "'organization' in '\(Self.namespace)'", at: root)
      return file
    }
    file.asOf = day(root, "asOf")
    for scale in root.children(named: "scale", in: Self.namespace) {
      if let max = int(scale, "max") {
        file.scaleMax = Located(value: max, location: location(of: "max", in: scale))
      }
    }
    for section in root.children(named: "skills", in: Self.namespace) {
      file.skills = readUnique(section.children(named: "skill", in: Self.namespace), kind: "skill")
      {
        $0.readSkill($1)
      }
    }
    for section in root.children(named: "people", in: Self.namespace) {
      file.people = readUnique(
        section.children(named: "person", in: Self.namespace), kind: "person"
      ) { $0.readPerson($1) }
    }
    for section in root.children(named: "roles", in: Self.namespace) {
      file.roles = readUnique(section.children(named: "role", in: Self.namespace), kind: "role") {
        $0.readRole($1)
      }
    }
    for policy in root.children(named: "policy", in: Self.namespace) {
      file.policy = PolicyRecord(
        horizonWeeks: int(policy, "horizonWeeks"), mentorMinLevel: int(policy, "mentorMinLevel"),
        start: day(policy, "start"), cascades: bool(policy, "cascades"),
        holidays: policy.children(named: "holiday", in: Self.namespace).compactMap {
          day($0, "date")
        },
        levelNames: policy.children(named: "levelName", in: Self.namespace).map {
          (located($0, "name"), locatedInt($0, "level"))
        })
    }
    for plan in root.children(named: "plan", in: Self.namespace) {
      file.plan = readPlan(plan)
    }
    return file
  }

  private mutating func readPlan(_ element: ParsedElement) -> PlanSectionRecord {
    var record = PlanSectionRecord(start: day(element, "start"), weeks: int(element, "weeks"))
    for child in element.children where child.namespace == Self.namespace {
      let here = source.location(ofOffset: child.offset)
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
  private mutating func readUnique<Record>(
    _ elements: [ParsedElement], kind: String, read: (inout Self, ParsedElement) -> Record?
  ) -> [Record] {
    var firstLine: [String: Int] = [:]
    var records: [Record] = []
    for element in elements {
      let id = element[attribute: "id"] ?? ""
      let here = location(of: "id", in: element)
      if let line = firstLine[id] {
        diagnostics.append(
          Diagnostic(
            .error, "duplicate \(kind) id '\(id)' (first defined on line \(line))", at: here))
        continue
      }
      firstLine[id] = here.line
      if let record = read(&self, element) { records.append(record) }
    }
    return records
  }

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

  // MARK: Attribute access (the schema has already checked the lexical forms)

  private func location(of attribute: String, in element: ParsedElement) -> SourceLocation {
    let offset = attributes.offset(named: attribute, inTagAt: element.offset) ?? element.offset
    return source.location(ofOffset: offset)
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
    guard let day = Day(iso: text.trimmingSpaces) else {
      error("'\(text)' is not a calendar day (YYYY-MM-DD)", at: element, attribute: attribute)
      return nil
    }
    return day
  }

  private mutating func error(
    _ message: String, at element: ParsedElement, attribute: String? = nil
  ) {
    let here =
      attribute.map { location(of: $0, in: element) } ?? source.location(ofOffset: element.offset)
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
