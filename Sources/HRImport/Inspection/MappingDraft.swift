import SkillsGraph

/// A mapping file drafted from an export's structure: the record element, and the fields that
/// look like the person's id, name, department, manager, e-mail and position, their skills
/// (with levels) and absences, guessed from the fields' names and values.
///
/// The draft is valid input for the importer as it stands; its comments say what each guess
/// rests on, so a user checks it rather than writes it.
public struct MappingDraft: Sendable {
  /// One guessed field: the mapping attribute, its XPath and why.
  public struct Guess: Sendable, Equatable {
    public var attribute: String
    public var xpath: String
    public var reason: String
  }

  /// A `<skill>`, `<certification>` or `<absence>` element of the draft.
  public struct Section: Sendable, Equatable {
    public var element: String
    public var select: String
    public var fields: [Guess]
    /// Attributes that are values, not XPaths: `min`, `max`, `approvedValues`.
    public var values: [(name: String, value: String)]

    public static func == (lhs: Section, rhs: Section) -> Bool {
      lhs.element == rhs.element && lhs.select == rhs.select && lhs.fields == rhs.fields
        && lhs.values.map(\.name) == rhs.values.map(\.name)
        && lhs.values.map(\.value) == rhs.values.map(\.value)
    }
  }

  /// The file the draft was made from.
  public var source: String
  /// The absolute XPath of the person records.
  public var personSelect: String
  public var records: Int
  public var person: [Guess]
  public var sections: [Section]
  /// Fields of the record that no guess used, as XPaths relative to it.
  public var unmapped: [String]
  public var rootName: String
  public var rootNamespace: String
  /// Namespace prefixes the XPaths use, with their URIs.
  public var namespaces: [(prefix: String, uri: String)]

  /// The guess for a person attribute (`id`, `name`, …), if any.
  public subscript(person attribute: String) -> Guess? {
    person.first { $0.attribute == attribute }
  }

  /// Drafts a mapping for the structure, or `nil` when it has no element with two fields or
  /// more to call a record.
  ///
  /// - Complexity: O(paths²) in the number of distinct paths, which is capped.
  public init?(_ structure: XMLStructure) {
    guard let record = structure.recordElement, let root = structure.paths.first else {
      return nil
    }
    var guesser = Guesser(structure: structure, record: record)
    source = structure.path
    personSelect = structure.absolutePath(record)
    records = structure.paths[record].count
    person = guesser.person()
    sections = guesser.sections()
    unmapped = structure.fields(of: record).filter { !guesser.used.contains($0) }.map {
      structure.relativePath(to: $0, from: record)
    }
    rootName = root.localName
    rootNamespace = root.namespace
    var used: [String] = []
    let expressions =
      [personSelect] + person.map(\.xpath)
      + sections.flatMap { [$0.select] + $0.fields.map(\.xpath) }
    for expression in expressions {
      for prefix in MappingXPath.prefixes(in: expression) where !used.contains(prefix) {
        used.append(prefix)
      }
    }
    let uris = Dictionary(
      structure.prefixes.map { ($0.value, $0.key) }, uniquingKeysWith: { a, _ in a })
    namespaces = used.compactMap { prefix in uris[prefix].map { (prefix, $0) } }
  }

  /// The mapping file, with comments on each guess.
  public var text: String {
    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!--\n"
    out += comment(
      "Drafted from the structure of \(fileName(source)): \(records) records at "
        + "\(personSelect). Every XPath below is a guess from the fields' names and values: "
        + "check each one against the file, then keep this file beside the export.")
    out += "\n"
    let width = (person + sections.flatMap(\.fields)).map(\.attribute.count).max() ?? 0
    for guess in person {
      out += comment(
        "person " + guess.attribute.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
          + guess.xpath + ": " + guess.reason, indent: 2)
    }
    for section in sections {
      out += comment("\(section.element) \(section.select)", indent: 2)
      for guess in section.fields {
        out += comment(
          "  " + guess.attribute.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
            + guess.xpath + ": " + guess.reason, indent: 2)
      }
    }
    if person.count < 2 || sections.isEmpty {
      out += comment(
        "Not found: "
          + [
            self[person: "name"] == nil ? "a name" : nil,
            sections.contains { $0.element == "skill" } ? nil : "skills",
          ].compactMap { $0 }.joined(separator: ", ") + ".", indent: 2)
    }
    if !unmapped.isEmpty {
      let shown = unmapped.prefix(24).joined(separator: ", ")
      let more = unmapped.count > 24 ? " and \(unmapped.count - 24) more" : ""
      out += comment("Other fields of each record: \(shown)\(more).", indent: 2)
    }
    out += "-->\n"
    out +=
      "<mapping xmlns=\"\(MappingFile.namespace)\""
      + attribute("name", "Draft for \(fileName(source))")
      + ">\n"
    for (prefix, uri) in namespaces {
      out += "  <namespace" + attribute("prefix", prefix) + attribute("uri", uri) + "/>\n"
    }
    out += "  <match" + attribute("root", rootName)
    if !rootNamespace.isEmpty { out += attribute("namespace", rootNamespace) }
    out += "/>\n"
    out += element("person", select: personSelect, fields: person, values: [])
    for section in sections {
      out += element(
        section.element, select: section.select, fields: section.fields, values: section.values)
    }
    out += "</mapping>\n"
    return out
  }

  private func element(
    _ name: String, select: String, fields: [Guess], values: [(name: String, value: String)]
  ) -> String {
    let indent = String(repeating: " ", count: name.count + 3)
    var line = "  <\(name)" + attribute("select", select)
    var out = ""
    for piece in fields.map({ attribute($0.attribute, $0.xpath) })
      + values.map({ attribute($0.name, $0.value) })
    {
      if line.count + piece.count > 100 {
        out += line + "\n"
        line = indent + piece.dropFirst()
      } else {
        line += piece
      }
    }
    return out + line + "/>\n"
  }

  private func fileName(_ path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
  }

  /// Comment text, wrapped, with `--` (which may not appear in a comment) broken up.
  private func comment(_ text: String, indent: Int = 2) -> String {
    let leading = text.prefix { $0 == " " }.count
    if leading > 0 { return comment(String(text.dropFirst(leading)), indent: indent + leading) }
    var safe = text.replacingOccurrences(of: "--", with: "- -")
    if safe.hasSuffix("-") { safe += " " }
    let pad = String(repeating: " ", count: indent)
    var lines: [String] = []
    var line = ""
    for word in safe.split(separator: " ", omittingEmptySubsequences: false) {
      if !line.isEmpty, line.count + word.count + 1 > 96 - indent {
        lines.append(line)
        line = "    "
      }
      line += (line.isEmpty || line == "    " ? "" : " ") + word
    }
    lines.append(line)
    return lines.map { pad + $0 + "\n" }.joined()
  }

  private func attribute(_ name: String, _ value: String) -> String {
    var escaped = ""
    for character in value {
      switch character {
      case "&": escaped += "&amp;"
      case "<": escaped += "&lt;"
      case ">": escaped += "&gt;"
      case "\"": escaped += "&quot;"
      default: escaped.append(character)
      }
    }
    return " \(name)=\"\(escaped)\""
  }
}

/// The guesses themselves: scores from a field's name (`FieldName`) and its values
/// (`XMLStructure.ValueSummary`); the best score above a threshold wins, the first in the file
/// on a tie.
private struct Guesser {
  let structure: XMLStructure
  let record: Int
  var used: Set<Int> = []
  var idField: Int?
  /// The element the fields being guessed belong to: the record, or one of its groups.
  var scope: Int

  init(structure: XMLStructure, record: Int) {
    self.structure = structure
    self.record = record
    scope = record
  }

  func name(_ index: Int, from ancestor: Int? = nil) -> FieldName {
    FieldName(structure, index, from: ancestor ?? record)
  }

  func values(_ index: Int) -> XMLStructure.ValueSummary { structure.paths[index].values }

  func path(_ index: Int, from ancestor: Int? = nil) -> String {
    structure.relativePath(to: index, from: ancestor ?? record)
  }

  /// The candidate with the best score of at least `threshold`, not already used.
  func best(_ candidates: [Int], threshold: Int = 1, score: (Int) -> Int?) -> Int? {
    var found: (index: Int, score: Int)?
    for index in candidates
    where !used.contains(index) && values(index).present > 0
      && !structure.isFeedMetadata(index, from: scope)
    {
      guard let value = score(index), value >= threshold else { continue }
      if value > (found?.score ?? Int.min) { found = (index, value) }
    }
    return found?.index
  }

  func describe(_ index: Int) -> String { values(index).kind }

  mutating func person() -> [MappingDraft.Guess] {
    let fields = structure.fields(of: record)
    let count = structure.paths[record].count
    var guesses: [MappingDraft.Guess] = []
    func take(_ attribute: String, _ index: Int?, because reason: String) {
      guard let index else { return }
      used.insert(index)
      guesses.append(
        MappingDraft.Guess(
          attribute: attribute, xpath: path(index), reason: reason + " (\(describe(index)))"))
    }

    idField = best(fields, threshold: 3) { index in
      let n = name(index)
      let v = values(index)
      guard v.unique, !n.has(FieldName.otherThings), !v.mostly(v.dates), !v.mostly(v.emails)
      else { return nil }
      var score = 3
      if n.endsLikeID { score += 2 }
      if n.has(FieldName.personWords) { score += 2 }
      score += v.mostly(v.ids, 0.95) ? 1 : -3
      if v.present * 2 < count { score -= 2 }
      return score
    }
    take("id", idField, because: "its values are all different and look like ids")

    let nameWords = [
      "fullname", "displayname", "formattedname", "preferredname", "name", "descriptor",
    ]
    let notName =
      FieldName.otherThings + [
        "first", "given", "fore", "last", "family", "sur", "middle", "nick", "user", "file",
        "login",
      ]
    let fullName = best(fields, threshold: 2) { index in
      let n = name(index)
      let v = values(index)
      guard !n.has(notName) || n.leaf == "name" && !n.has(FieldName.otherThings) else { return nil }
      var score = n.has(nameWords) ? 3 : 0
      if v.mostly(v.names, 0.6) { score += 2 }
      if v.mostly(v.numbers) || v.mostly(v.emails) { return nil }
      return score
    }
    if let fullName {
      take("name", fullName, because: "named like a name")
    } else {
      let first = best(fields) { index in
        let n = name(index)
        guard !n.has(FieldName.otherThings) else { return nil }
        return ["firstname", "givenname", "forename", "first", "fname", "vorname", "prenom"]
          .contains(n.leaf) ? 1 : nil
      }
      let last = best(fields) { index in
        let n = name(index)
        guard !n.has(FieldName.otherThings) else { return nil }
        return ["lastname", "familyname", "surname", "last", "lname", "nachname", "nom"]
          .contains(n.leaf) ? 1 : nil
      }
      if let first, let last {
        used.formUnion([first, last])
        guesses.append(
          MappingDraft.Guess(
            attribute: "name", xpath: "concat(\(path(first)), ' ', \(path(last)))",
            reason: "first and last names, joined"))
      }
    }

    let department = best(fields, threshold: 1) { index in
      let n = name(index)
      let v = values(index)
      guard n.has(FieldName.departmentWords), !n.has(FieldName.managerWords) else { return nil }
      var score = n.endsLikeID ? 1 : 3
      if v.mostly(v.numbers) { score -= 1 }
      return score
    }
    take("department", department, because: "named like a department")

    let manager = best(fields, threshold: 2) { index in
      let n = name(index)
      let v = values(index)
      guard n.has(FieldName.managerWords) else { return nil }
      var score = 2
      if n.endsLikeID { score += 2 }
      if n.leaf.hasSuffix("name") || v.mostly(v.names) { score -= 3 }
      if let id = idField, values(id).overlap(with: v) > 0 { score += 3 }
      return score
    }
    take("manager", manager, because: "named like a manager, with values like the ids")

    let email = best(fields, threshold: 2) { index in
      let n = name(index)
      let v = values(index)
      var score = v.mostly(v.emails) ? 4 : 0
      if n.has(["mail"]) { score += 2 }
      if n.has(["work", "business", "office"]) { score += 1 }
      return score
    }
    take("email", email, because: "e-mail addresses")

    let position = best(fields, threshold: 2) { index in
      let n = name(index)
      let v = values(index)
      guard
        n.has(["jobtitle", "position", "jobname", "jobprofile", "title", "job", "designation"]),
        !n.has(FieldName.managerWords + ["skill", "competenc", "critical"]),
        !v.mostly(v.numbers), !v.mostly(v.dates)
      else { return nil }
      var score = n.endsLikeID ? 1 : 3
      if n.key == "title", v.mostly(v.names) { score -= 2 }
      return score
    }
    take("position", position, because: "named like a job or position")

    let critical = best(fields, threshold: 1) { index in
      let v = values(index)
      return name(index).has(["critical", "keyjob", "keyposition"]) && v.mostly(v.booleans)
        ? 1 : nil
    }
    take("critical", critical, because: "true or false, named like a critical job")
    return guesses
  }

  /// Every repeated element below the record, nested ones too (an OData `$expand` puts a
  /// person's ratings in `link/m:inline/feed/entry`, inside the repeated `link`).
  func allGroups() -> [Int] {
    var found: [Int] = []
    var queue = structure.groups(of: record)
    while let group = queue.first {
      queue.removeFirst()
      found.append(group)
      queue += structure.groups(of: group)
    }
    return found
  }

  static let levelWords = ["level", "rating", "proficiency", "score", "grade", "rank", "stars"]
  static let skillWords = [
    "skill", "competenc", "qualification", "expertise", "proficienc", "capabilit", "language",
    "talent",
  ]
  static let certificationWords = ["cert", "licen"]
  static let absenceWords = [
    "absence", "leave", "timeoff", "vacation", "holiday", "pto", "away", "requests",
  ]

  mutating func sections() -> [MappingDraft.Section] {
    var sections: [MappingDraft.Section] = []
    for group in allGroups() {
      scope = group
      defer { scope = record }
      let groupName = name(group)
      let fields = structure.fields(of: group)
      if groupName.has(Self.absenceWords), let section = absence(group, fields) {
        sections.append(section)
      } else if groupName.has(Self.certificationWords), let section = certification(group, fields) {
        sections.append(section)
      } else if let section = skill(group, fields, named: groupName.has(Self.skillWords)) {
        sections.append(section)
      }
    }
    return sections
  }

  private mutating func skill(
    _ group: Int, _ fields: [Int], named: Bool
  ) -> MappingDraft.Section? {
    let level = best(fields, threshold: 1) { index in
      let n = name(index, from: group)
      let v = values(index)
      guard n.has(Self.levelWords), !n.endsLikeID || n.leaf.hasSuffix("level") else { return nil }
      return v.mostly(v.numbers) ? 3 : (v.mostly(v.dates) ? nil : 2)
    }
    guard named || level != nil else { return nil }
    let skillName = best(fields.filter { $0 != level }, threshold: 1) { index in
      let n = name(index, from: group)
      let v = values(index)
      if v.mostly(v.numbers) || v.mostly(v.dates) { return nil }
      if n.key.isEmpty { return 2 }  // the element's own text: <Skill level="3">Payroll</Skill>
      if n.endsLikeID { return nil }
      if n.has(["name", "descriptor"]) { return 4 }
      if n.has(["title", "label", "description", "skill", "competenc", "language"]) { return 3 }
      return 1
    }
    guard let skillName else { return nil }
    var section = MappingDraft.Section(
      element: "skill", select: path(group), fields: [], values: [])
    section.fields.append(
      MappingDraft.Guess(
        attribute: "name", xpath: path(skillName, from: group),
        reason: "the skill's name (\(describe(skillName)))"))
    used.insert(skillName)
    let id = best(fields.filter { $0 != level }, threshold: 1) { index in
      name(index, from: group).endsLikeID ? 1 : nil
    }
    if let id {
      used.insert(id)
      section.fields.append(
        MappingDraft.Guess(
          attribute: "id", xpath: path(id, from: group),
          reason: "a code for the skill (\(describe(id)))"))
    }
    if let level {
      used.insert(level)
      let v = values(level)
      if v.mostly(v.numbers), let low = v.lowest, let high = v.highest {
        let scale = Self.scale(low: low, high: high)
        section.fields.append(
          MappingDraft.Guess(
            attribute: "level", xpath: path(level, from: group),
            reason:
              "numbers from \(formatNumber(low)) to \(formatNumber(high)), read on a scale of "
              + "\(formatNumber(scale.min))–\(formatNumber(scale.max)): change min and max if "
              + "your scale differs"))
        section.values = [("min", formatNumber(scale.min)), ("max", formatNumber(scale.max))]
      } else {
        section.fields.append(
          MappingDraft.Guess(
            attribute: "level", xpath: path(level, from: group),
            reason: "level names (\(v.samples.joined(separator: ", "))), read through the table of "
              + "level names"))
      }
    }
    return section
  }

  /// The rating scale numbers from `low` to `high` most likely use.
  static func scale(low: Double, high: Double) -> (min: Double, max: Double) {
    if low >= 0, high <= 4, low == 0 { return (0, 4) }
    if low >= 0, high <= 5 { return (low == 0 ? 0 : 1, 5) }
    if low >= 0, high <= 10 { return (low == 0 ? 0 : 1, 10) }
    if low >= 0, high <= 100 { return (0, 100) }
    return (low, max(high, low + 1))
  }

  private mutating func certification(_ group: Int, _ fields: [Int]) -> MappingDraft.Section? {
    let certName = best(fields, threshold: 1) { index in
      let n = name(index, from: group)
      let v = values(index)
      if v.mostly(v.dates) || v.mostly(v.numbers) || n.endsLikeID { return nil }
      return n.has(["name", "title", "descriptor"]) || n.key.isEmpty ? 2 : 1
    }
    guard let certName else { return nil }
    used.insert(certName)
    var section = MappingDraft.Section(
      element: "certification", select: path(group),
      fields: [
        MappingDraft.Guess(
          attribute: "name", xpath: path(certName, from: group), reason: "the certification's name")
      ], values: [])
    let dates = fields.filter { values($0).mostly(values($0).dates) }
    if let issued = best(
      dates,
      score: {
        name($0, from: group).has(["issue", "obtain", "from", "start", "granted"]) ? 1 : nil
      })
    {
      used.insert(issued)
      section.fields.append(
        MappingDraft.Guess(attribute: "issued", xpath: path(issued, from: group), reason: "a date"))
    }
    if let expires = best(
      dates,
      score: { name($0, from: group).has(["expir", "until", "valid", "to", "end"]) ? 1 : nil })
    {
      used.insert(expires)
      section.fields.append(
        MappingDraft.Guess(
          attribute: "expires", xpath: path(expires, from: group), reason: "a date"))
    }
    return section
  }

  private mutating func absence(_ group: Int, _ fields: [Int]) -> MappingDraft.Section? {
    let dates = fields.filter { values($0).mostly(values($0).dates) }
    let from =
      best(dates) { name($0, from: group).has(["start", "from", "begin", "first"]) ? 1 : nil }
      ?? dates.first
    guard let from else { return nil }
    used.insert(from)
    var section = MappingDraft.Section(
      element: "absence", select: path(group),
      fields: [
        MappingDraft.Guess(
          attribute: "from", xpath: path(from, from: group), reason: "the first day")
      ], values: [])
    let to =
      best(dates) { name($0, from: group).has(["end", "to", "until", "last", "return"]) ? 1 : nil }
      ?? dates.first { $0 != from }
    if let to {
      used.insert(to)
      section.fields.append(
        MappingDraft.Guess(attribute: "to", xpath: path(to, from: group), reason: "the last day"))
    }
    let others = fields.filter { !dates.contains($0) }
    if let kind = best(
      others,
      score: { name($0, from: group).has(["type", "kind", "reason", "category"]) ? 1 : nil })
    {
      used.insert(kind)
      section.fields.append(
        MappingDraft.Guess(
          attribute: "kind", xpath: path(kind, from: group), reason: "the kind of absence"))
    }
    if let status = best(
      others, score: { name($0, from: group).has(["status", "approval", "state"]) ? 1 : nil })
    {
      let approved = (values(status).vocabulary ?? []).filter {
        VendorValues.nameKey($0).hasPrefix("approved")
      }
      if !approved.isEmpty {
        used.insert(status)
        section.fields.append(
          MappingDraft.Guess(
            attribute: "status", xpath: path(status, from: group),
            reason: "only absences with status \(approved.joined(separator: " or ")) count"))
        section.values = [("approvedValues", approved.joined(separator: ","))]
      }
    }
    return section
  }
}
