import SkillsGraph

/// Reads SAP SuccessFactors OData v2 Atom feeds: `EmpJob` (department, manager, job), `User`
/// and `PerPersonal` (names), `CompetencyRating` (ratings) and `EmployeeTime` (time off).
///
/// Each top-level Atom `entry` is a record; its entity type comes from `category/@term`
/// (`SFOData.EmpJob`) or, failing that, from the entry's id URL. Effective-dated `EmpJob` rows
/// keep the latest one that has started. Paths: `docs/hr-exports.md`, SuccessFactors.
struct SuccessFactorsReader: VendorReader {
  private static let atom = Namespaces.atom
  private var file: VendorFile
  private let today: Day
  private let ratingScale: ClosedRange<Double>
  private var order: [String] = []
  private var people: [String: VendorPerson] = [:]
  private var jobStart: [String: Day] = [:]
  private var ratings = 0

  init(path: String, options: ImportOptions) {
    file = VendorFile(path: path, profile: .successfactors)
    today = options.resolvedToday
    ratingScale = options.ratingScale
  }

  func isRecord(_ node: Node) -> Bool {
    guard node.isNamed("entry", in: Self.atom) else { return false }
    guard let parent = node.parent else { return true }
    return parent.isNamed("feed", in: Self.atom)
  }

  /// An entry's properties, by name; `m:null="true"` and empty values are absent.
  private struct Properties {
    var values: [String: (text: String, node: Node)] = [:]

    init(_ entry: Node) {
      guard
        let properties = entry.path("content", in: Namespaces.atom)?.first(
          "properties", in: Namespaces.odataMetadata)
          ?? entry.first("properties", in: Namespaces.odataMetadata)
      else { return }
      for property in properties.elements where property.inNamespace(Namespaces.odataData) {
        if VendorValues.bool(property.attribute("null")) == true { continue }
        guard let text = property.text else { continue }
        values[property.localName] = (text, property)
      }
    }

    subscript(_ name: String) -> String? { values[name]?.text }
  }

  private static func entityType(_ entry: Node) -> String? {
    if let term = entry.first("category", in: atom)?.attribute("term") {
      return term.hasPrefix("SFOData.") ? String(term.dropFirst(8)) : term
    }
    guard let id = entry.text("id", in: atom), let open = id.firstIndex(of: "(") else { return nil }
    return id[..<open].split(separator: "/").last.map(String.init)
  }

  mutating func read(_ entry: Node, locator: Locator) {
    guard let type = Self.entityType(entry) else {
      file.skip("entries without an entity type")
      return
    }
    let properties = Properties(entry)
    switch type {
    case "EmpJob": readJob(properties, entry: entry, locator: locator)
    case "User": readUser(properties, entry: entry, locator: locator)
    case "PerPersonal": readPersonal(properties, entry: entry, locator: locator)
    case "CompetencyRating": readRating(properties, entry: entry, locator: locator)
    case "EmployeeTime": readTime(properties, entry: entry, locator: locator)
    default: file.skip("\(type) entries (not read by the successfactors profile)")
    }
  }

  /// The person with this id, created on first mention (as a reference until a record that
  /// defines people names them).
  private mutating func person(
    _ id: String, node: Node, locator: Locator, defines: Bool
  ) -> VendorPerson {
    if var known = people[id] {
      if defines { known.isReference = false }
      return known
    }
    order.append(id)
    var person = VendorPerson(id: id, at: locator.location(node))
    person.isReference = !defines
    return person
  }

  private mutating func readJob(_ properties: Properties, entry: Node, locator: Locator) {
    guard let id = properties["userId"], let node = properties.values["userId"]?.node else {
      file.skip("EmpJob entries without a userId")
      return
    }
    let start =
      file.day(properties.values["startDate"]?.node, locator: locator) ?? Day.earliest
    if start > today {
      file.skip("EmpJob rows that start after \(today) (future-dated)")
      return
    }
    if let earlier = jobStart[id], earlier > start {
      file.skip("EmpJob rows superseded by a later row")
      return
    }
    if jobStart[id] != nil { file.skip("EmpJob rows superseded by a later row") }
    jobStart[id] = start
    var person = person(id, node: node, locator: locator, defines: true)
    person.department = VendorValues.clean(properties["department"]) ?? person.department
    if let manager = properties.values["managerId"], manager.text.uppercased() != "NO_MANAGER" {
      person.manager = Located(value: manager.text, location: locator.location(manager.node))
    }
    let title = VendorValues.clean(properties["jobTitle"])
    let code = properties["jobCode"]
    if title != nil || code != nil {
      person.position = VendorPosition(
        jobProfile: title ?? code, jobProfileID: code, title: title)
    }
    people[id] = person
  }

  private mutating func readUser(_ properties: Properties, entry: Node, locator: Locator) {
    guard let id = properties["userId"], let node = properties.values["userId"]?.node else {
      file.skip("User entries without a userId")
      return
    }
    if let status = properties["status"]?.lowercased(), ["inactive", "f", "false"].contains(status)
    {
      file.skip("inactive users")
      return
    }
    var person = person(id, node: node, locator: locator, defines: true)
    let parts = [properties["firstName"], properties["lastName"]].compactMap { $0 }
    person.name =
      VendorValues.clean(properties["defaultFullName"])
      ?? VendorValues.clean(parts.joined(separator: " ")) ?? person.name
    person.email = properties["email"] ?? person.email
    person.department = person.department ?? VendorValues.clean(properties["department"])
    if person.manager == nil, let manager = properties.values["managerId"] {
      person.manager = Located(value: manager.text, location: locator.location(manager.node))
    }
    people[id] = person
  }

  private mutating func readPersonal(_ properties: Properties, entry: Node, locator: Locator) {
    guard let id = properties["personIdExternal"] ?? properties["userId"],
      let node = (properties.values["personIdExternal"] ?? properties.values["userId"])?.node
    else {
      file.skip("PerPersonal entries without a personIdExternal")
      return
    }
    var person = person(id, node: node, locator: locator, defines: true)
    let first = properties["preferredName"] ?? properties["firstName"]
    let parts = [first, properties["lastName"]].compactMap { $0 }
    person.name = VendorValues.clean(parts.joined(separator: " ")) ?? person.name
    people[id] = person
  }

  private mutating func readRating(_ properties: Properties, entry: Node, locator: Locator) {
    guard let id = properties["userId"], let node = properties.values["userId"]?.node,
      let name = VendorValues.clean(properties["name"] ?? properties["competencyName"]),
      let ratingNode = properties.values["rating"],
      let level = VendorValues.rating(
        ratingNode.text, min: nil, max: nil, scale: ratingScale,
        label: { _ in "CompetencyRating.rating (configured rating scale)" })
    else {
      file.skip("CompetencyRating entries without userId, name or rating")
      return
    }
    if case .numeric(let rating, _, _, _) = level, rating < 0 {
      file.skip("CompetencyRating entries not rated (negative rating)")
      return
    }
    var person = person(id, node: node, locator: locator, defines: false)
    person.skills.append(
      VendorSkill(
        id: properties["competencyId"], name: name,
        level: level, location: locator.location(ratingNode.node)))
    ratings += 1
    people[id] = person
  }

  private mutating func readTime(_ properties: Properties, entry: Node, locator: Locator) {
    guard let id = properties["userId"], let node = properties.values["userId"]?.node else {
      file.skip("EmployeeTime entries without a userId")
      return
    }
    let status = properties["approvalStatus"]?.uppercased() ?? "APPROVED"
    guard status == "APPROVED" else {
      file.skip("time off not approved (\(status))")
      return
    }
    guard let start = file.day(properties.values["startDate"]?.node, locator: locator) else {
      file.skip("EmployeeTime entries without a start date")
      return
    }
    let end = file.day(properties.values["endDate"]?.node, end: .end, locator: locator) ?? start
    var person = person(id, node: node, locator: locator, defines: false)
    person.absences.append(
      Absence(from: start, to: max(end, start), kind: VendorValues.clean(properties["timeType"])))
    people[id] = person
  }

  mutating func finish() -> VendorFile {
    file.people = order.compactMap { people[$0] }
    if file.people.isEmpty, file.skipped.entries.isEmpty {
      file.holdsNoPeople("an Atom feed with no entries")
    }
    return file
  }
}
