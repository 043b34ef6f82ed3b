import SkillsGraph

/// Reads HR-XML 2.x (2007-04-15) `Resume` and `Candidate` documents: the person, their
/// `Competency` tree with `CompetencyEvidence/NumericValue` on its own `minValue`/`maxValue`
/// scale (or `ProficiencyLevel`, also spelt `ProficencyLevel` as the official schema does), and
/// licenses and certifications with their `ValidTo` dates.
///
/// Competencies under `PreferredPosition` or `PositionOpening` describe a wanted job, not the
/// person, and are left out.
struct HRXML2Reader: VendorReader {
  private static let ns = Namespaces.hrxml2
  private var file: VendorFile
  private let ratingScale: ClosedRange<Double>

  init(path: String, options: ImportOptions) {
    file = VendorFile(path: path, profile: .hrxml2)
    ratingScale = options.ratingScale
  }

  func isRecord(_ node: Node) -> Bool {
    guard node.namespace.hasPrefix("http://ns.hr-xml.org/2") else { return false }
    return node.localName == "Resume" || node.localName == "Candidate"
  }

  mutating func read(_ record: Node, locator: Locator) {
    let ns = record.namespace
    let idNode =
      record.path("ResumeId", "IdValue", in: ns)
      ?? record.path("CandidateRecordInfo", "Id", "IdValue", in: ns)
      ?? record.path("CandidateProfile", "ProfileId", "IdValue", in: ns)
      ?? record.path("Id", "IdValue", in: ns)
    guard let idNode, let id = idNode.text else {
      file.skip("\(record.localName) documents without an id")
      return
    }
    var person = VendorPerson(id: id, at: locator.location(idNode))
    if let personName = record.descendants("PersonName", in: ns).first {
      person.name =
        VendorValues.clean(personName.text("FormattedName", in: ns))
        ?? VendorValues.clean(
          ["GivenName", "FamilyName"].compactMap { personName.text($0, in: ns) }
            .joined(separator: " "))
    }
    collectCompetencies(record, ns: ns, into: &person, locator: locator)
    for kind in ["LicenseOrCertification", "SecurityCredential"] {
      for credential in record.descendants(kind, in: ns) {
        guard let name = VendorValues.clean(credential.text("Name", in: ns)) else { continue }
        let effective = credential.first("EffectiveDate", in: ns)
        person.certifications.append(
          VendorCertification(
            name: name,
            issued: Self.flexibleDate(effective?.first("ValidFrom", in: ns), end: .start),
            expires: Self.flexibleDate(effective?.first("ValidTo", in: ns), end: .end),
            location: locator.location(credential)))
      }
    }
    file.people.append(person)
  }

  /// Walks the competency tree: a competency with a value is a skill; one without a value and
  /// without children is a skill with no level; a grouping competency only holds others.
  private mutating func collectCompetencies(
    _ node: Node, ns: String, into person: inout VendorPerson, locator: Locator
  ) {
    for child in node.elements {
      if child.isNamed("PreferredPosition", in: ns) || child.isNamed("PositionOpening", in: ns) {
        let wanted = child.descendants("Competency", in: ns).count
        file.skip(
          "competencies of a wanted position (requirements, not the person's)", count: wanted)
        continue
      }
      guard child.isNamed("Competency", in: ns) else {
        collectCompetencies(child, ns: ns, into: &person, locator: locator)
        continue
      }
      let children = child.all("Competency", in: ns)
      let name = VendorValues.clean(child.attribute("name"))
      if let level = level(child, ns: ns), let name {
        person.skills.append(
          VendorSkill(
            id: child.first("CompetencyId", in: ns)?.attribute("id"), name: name, level: level.raw,
            location: locator.location(level.node)))
      } else if children.isEmpty, let name {
        person.skills.append(
          VendorSkill(
            id: child.first("CompetencyId", in: ns)?.attribute("id"), name: name,
            level: .none(source: "HR-XML competencies without evidence"),
            location: locator.location(child)))
      }
      collectCompetencies(child, ns: ns, into: &person, locator: locator)
    }
  }

  private func level(_ competency: Node, ns: String) -> (raw: RawLevel, node: Node)? {
    for evidence in competency.all("CompetencyEvidence", in: ns) {
      if let numeric = evidence.first("NumericValue", in: ns),
        let value = VendorValues.number(numeric.text)
      {
        let low = VendorValues.number(numeric.attribute("minValue"))
        let high = VendorValues.number(numeric.attribute("maxValue"))
        let label =
          VendorValues.clean(numeric.attribute("description")).map { "'\($0)'" }
          ?? "NumericValue"
        return (
          .numeric(
            value, min: low ?? ratingScale.lowerBound, max: high ?? ratingScale.upperBound,
            scale: label), numeric
        )
      }
      if let text = evidence.first("StringValue", in: ns), let value = VendorValues.clean(text.text)
      {
        if let number = VendorValues.number(value),
          let low = VendorValues.number(text.attribute("minValue")),
          let high = VendorValues.number(text.attribute("maxValue"))
        {
          return (.numeric(number, min: low, max: high, scale: "StringValue"), text)
        }
        return (.named(value), text)
      }
    }
    for spelling in ["ProficiencyLevel", "ProficencyLevel"] {
      if let node = competency.first(spelling, in: ns), let value = VendorValues.clean(node.text) {
        if let number = VendorValues.number(value) {
          return (
            .numeric(
              number, min: ratingScale.lowerBound, max: ratingScale.upperBound,
              scale: "\(spelling) (assumed scale)"), node
          )
        }
        return (.named(value), node)
      }
    }
    return nil
  }

  /// `FlexibleDatesType`: `AnyDate`, `YearMonth`, `Year`, `StringDate` (US order included).
  private static func flexibleDate(_ node: Node?, end: VendorValues.DateEnd) -> Day? {
    guard let node else { return nil }
    for child in node.elements {
      if let day = VendorValues.day(child.text, end: end) { return day }
    }
    return VendorValues.day(node.text, end: end)
  }

  mutating func finish() -> VendorFile {
    if file.people.isEmpty { file.holdsNoPeople("no Resume or Candidate with an id") }
    return file
  }
}
