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
  /// Evidence that states time of experience, not proficiency ("Total Months"), by label, in
  /// first-seen order: ignored, and said so in the report.
  private var ignoredEvidence = SkipTally()

  /// Elements whose `PersonName`s are other people: referees, the supplier's contacts.
  private static let otherPeople: Set<String> = [
    "References", "Reference", "CandidateSupplier", "Supplier", "ContactPerson",
  ]

  init(path: String, options: ImportOptions) {
    file = VendorFile(path: path, profile: .hrxml2)
    ratingScale = options.ratingScale
  }

  func isRecord(_ node: Node) -> Bool {
    if node.namespace.isEmpty { return node.localName == "Resume" }
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
    // Résumé parsers often leave the id empty: a CV holds one person, named after the file.
    let id = idNode?.text ?? file.idFromFileName(missing: "no \(record.localName) id")
    var person = VendorPerson(id: id, at: locator.location(idNode ?? record))
    if let personName = Self.ownName(record, ns: ns) {
      person.name =
        VendorValues.clean(personName.text("FormattedName", in: ns))
        ?? VendorValues.clean(
          ["GivenName", "FamilyName"].compactMap { personName.text($0, in: ns) }
            .joined(separator: " "))
    }
    person.email = VendorValues.clean(
      record.path(
        "StructuredXMLResume", "ContactInfo", "ContactMethod", "InternetEmailAddress",
        in: ns)?.text)
    let others = Self.otherPeopleCount(record, ns: ns)
    file.skip("referees and contacts named in the document (not people)", count: others)
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

  /// The person's own `PersonName`: the contact information's or personal data's, else the
  /// first one outside referees and contacts.
  private static func ownName(_ record: Node, ns: String) -> Node? {
    for path in [
      ["StructuredXMLResume", "ContactInfo", "PersonName"],
      ["CandidateProfile", "PersonalData", "PersonName"], ["PersonalData", "PersonName"],
      ["ContactInfo", "PersonName"],
    ] {
      if let found = record.paths(path, in: ns).first { return found }
    }
    func search(_ node: Node) -> Node? {
      for child in node.elements where child.inNamespace(ns) {
        if otherPeople.contains(child.localName) { continue }
        if child.localName == "PersonName" { return child }
        if let found = search(child) { return found }
      }
      return nil
    }
    return search(record)
  }

  /// How many referees and contacts (each with a `PersonName`) the document names.
  private static func otherPeopleCount(_ record: Node, ns: String) -> Int {
    var count = 0
    func walk(_ node: Node, inside: Bool) {
      for child in node.elements where child.inNamespace(ns) {
        if inside, child.localName == "PersonName" {
          count += 1
          continue
        }
        walk(child, inside: inside || otherPeople.contains(child.localName))
      }
    }
    walk(record, inside: false)
    return count
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
      let found = level(child, ns: ns)
      let experience = experienceEvidence(child, ns: ns)
      for evidence in experience { ignoredEvidence.add(evidence) }
      if let found, let name {
        person.skills.append(
          VendorSkill(
            id: child.first("CompetencyId", in: ns)?.attribute("id"), name: name, level: found.raw,
            location: locator.location(found.node)))
      } else if !experience.isEmpty, let name {
        // Only time of experience ("Total Months"): a skill, but no proficiency to map.
        person.skills.append(
          VendorSkill(
            id: child.first("CompetencyId", in: ns)?.attribute("id"), name: name,
            level: .none(source: "HR-XML competencies with only experience evidence"),
            location: locator.location(child)))
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

  /// The label of evidence that states time of experience rather than proficiency.
  ///
  /// Such evidence has a value whose `description` speaks of months, years or experience
  /// ("Total Months"), or a `StringValue` that does ("Total Months Experience: 24"). The
  /// evidence's own `name` and `typeDescription` are not looked at: parsers put the skill's name
  /// and the résumé section there.
  private static func experienceLabel(_ evidence: Node, ns: String) -> String? {
    let value = evidence.first("NumericValue", in: ns) ?? evidence.first("StringValue", in: ns)
    // A StringValue's text is named by what precedes its colon, so counts do not split by value.
    let text = value?.localName == "StringValue" ? value?.text : nil
    let labels = [
      value?.attribute("description"),
      text.map { String($0.split(separator: ":", maxSplits: 1).first ?? Substring($0)) },
    ].compactMap { VendorValues.clean($0) }
    for label in labels {
      let lower = label.lowercased()
      if ["month", "year", "experience", "duration"].contains(where: { lower.contains($0) }) {
        return label
      }
    }
    return nil
  }

  /// The labels of a competency's experience evidence, one per piece.
  private func experienceEvidence(_ competency: Node, ns: String) -> [String] {
    competency.all("CompetencyEvidence", in: ns).compactMap { Self.experienceLabel($0, ns: ns) }
  }

  private func level(_ competency: Node, ns: String) -> (raw: RawLevel, node: Node)? {
    for evidence in competency.all("CompetencyEvidence", in: ns)
    where Self.experienceLabel(evidence, ns: ns) == nil {
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
    for entry in ignoredEvidence.entries {
      file.notes.append(
        "evidence ignored: \(entry.count) '\(entry.reason)' value\(entry.count == 1 ? "" : "s") "
          + "(time of experience, not a proficiency)")
    }
    if file.people.isEmpty { file.holdsNoPeople("no Resume or Candidate") }
    return file
  }
}
