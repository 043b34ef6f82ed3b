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
            issued: flexibleDate(effective?.first("ValidFrom", in: ns), end: .start, locator),
            expires: flexibleDate(effective?.first("ValidTo", in: ns), end: .end, locator),
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
        let level = VendorValues.rating(
          numeric.text, min: numeric.attribute("minValue"), max: numeric.attribute("maxValue"),
          scale: ratingScale,
          label: { _ in
            VendorValues.clean(numeric.attribute("description")).map { "'\($0)'" }
              ?? "NumericValue"
          })
      {
        return (level, numeric)
      }
      if let text = evidence.first("StringValue", in: ns), let value = VendorValues.clean(text.text)
      {
        let low = text.attribute("minValue")
        let high = text.attribute("maxValue")
        if VendorValues.readNumber(low) != .none, VendorValues.readNumber(high) != .none,
          let level = VendorValues.rating(
            value, min: low, max: high, scale: ratingScale, label: { _ in "StringValue" })
        {
          return (level, text)
        }
        return (.named(value), text)
      }
    }
    for spelling in ["ProficiencyLevel", "ProficencyLevel"] {
      if let node = competency.first(spelling, in: ns), let value = VendorValues.clean(node.text) {
        if let level = VendorValues.rating(
          value, min: nil, max: nil, scale: ratingScale,
          label: { _ in "\(spelling) (assumed scale)" })
        {
          return (level, node)
        }
        return (.named(value), node)
      }
    }
    return nil
  }

  /// The date of a `FlexibleDatesType` element.
  ///
  /// The first child that reads as a date wins (`AnyDate`, `YearMonth`, `Year`, `StringDate`, US
  /// order included), else the node's own text; a date that cannot be real is an error where it
  /// is written.
  private mutating func flexibleDate(
    _ node: Node?, end: VendorValues.DateEnd, _ locator: Locator
  ) -> Day? {
    guard let node else { return nil }
    for child in [Node](node.elements) + [node] {
      switch VendorValues.readDay(child.text, end: end) {
      case .day(let day): return day
      case .none: continue
      case .invalid(let why):
        file.error(why, at: locator.location(child))
        return nil
      }
    }
    return nil
  }

  mutating func finish() -> VendorFile {
    if file.people.isEmpty { file.holdsNoPeople("no Resume or Candidate with an id") }
    return file
  }
}
