import SkillsGraph

/// Reads HR-XML 3 `PersonCompetency` and `Certification` elements, shared by the hrxml3 and
/// europass profiles.
///
/// The same element comes in several namespaces: all `hr:` in plain HR-XML 3, the wrapper in the
/// Europass namespace with `hr:CompetencyName` but `eures:CompetencyDimension` in a Europass CV,
/// so every child is matched by local name in any of the three.
enum PersonCompetencyReader {
  static let namespaces = [Namespaces.hrxml3, Namespaces.europass, Namespaces.eures]

  /// CEFR levels in order, for the median of a language's five dimensions.
  static let cefr = ["A1", "A2", "B1", "B2", "C1", "C2"]

  /// The median of CEFR levels (the lower middle one of an even count); `nil` unless every
  /// level is one of A1…C2.
  static func cefrMedian(_ levels: [String]) -> String? {
    let indices = levels.compactMap { cefr.firstIndex(of: $0.uppercased()) }
    guard !indices.isEmpty, indices.count == levels.count else { return nil }
    let sorted = indices.sorted()
    return cefr[sorted[(sorted.count - 1) / 2]]
  }

  /// Reads every competency into `person`, counting the unnamed ones as skipped in `file`.
  static func read(
    _ competencies: [Node], into person: inout VendorPerson, file: inout VendorFile,
    locator: Locator, ratingScale: ClosedRange<Double>
  ) {
    for competency in competencies {
      guard let skill = skill(competency, locator: locator, ratingScale: ratingScale) else {
        file.skip("competencies without an id or name")
        continue
      }
      person.skills.append(skill)
    }
  }

  static func skill(
    _ competency: Node, locator: Locator, ratingScale: ClosedRange<Double>
  ) -> VendorSkill? {
    let ns = namespaces
    let id = VendorValues.clean(competency.text("CompetencyID", inAnyOf: ns))
    let taxonomy = competency.text("TaxonomyID", inAnyOf: ns)?.lowercased()
    var name = VendorValues.clean(competency.text("CompetencyName", inAnyOf: ns))
    if name == nil, let id {
      let last = id.split(separator: "/").last.map(String.init) ?? id
      name = taxonomy == "language" ? "Language \(last)" : id
    }
    guard let name else { return nil }
    let level = self.level(competency, ratingScale: ratingScale)
    let location = locator.location(competency.first("ProficiencyLevel", inAnyOf: ns) ?? competency)
    return VendorSkill(
      id: id, name: name, level: level, location: location,
      category: taxonomy == "language" ? "Language" : nil)
  }

  private static func level(_ competency: Node, ratingScale: ClosedRange<Double>) -> RawLevel {
    let ns = namespaces
    if let proficiency = competency.first("ProficiencyLevel", inAnyOf: ns),
      let score = score(proficiency, ratingScale: ratingScale)
    {
      return score
    }
    // Languages: one score per CEFR dimension; the median stands for the language.
    var dimensionLevels: [RawLevel] = []
    for dimension in competency.all("CompetencyDimension", inAnyOf: ns) {
      guard let scoreNode = dimension.first("Score", inAnyOf: ns),
        let score = score(scoreNode, ratingScale: ratingScale)
      else { continue }
      dimensionLevels.append(score)
    }
    let names = dimensionLevels.compactMap { level -> String? in
      guard case .named(let name) = level else { return nil }
      return name
    }
    if names.count == dimensionLevels.count, let median = cefrMedian(names) {
      return .named(median)
    }
    if let first = dimensionLevels.first { return first }
    return .none(source: "competencies without a proficiency level")
  }

  /// `ScoreNumeric` on its own min/max, or `ScoreText` as a named level.
  static func score(_ node: Node, ratingScale: ClosedRange<Double>) -> RawLevel? {
    let ns = namespaces
    if let numeric = node.first("ScoreNumeric", inAnyOf: ns),
      let level = VendorValues.rating(
        numeric.text, min: numeric.attribute("minimumScoreNumeric"),
        max: numeric.attribute("maximumScoreNumeric"), scale: ratingScale,
        label: { $0 ? "ScoreNumeric (assumed scale)" : "ScoreNumeric" })
    {
      return level
    }
    if let text = VendorValues.clean(node.text("ScoreText", inAnyOf: ns)) { return .named(text) }
    return nil
  }

  /// A certification with its expiry (`FreeFormEffectivePeriod/EndDate`); `nil` without a name.
  static func certification(
    _ node: Node, file: inout VendorFile, locator: Locator
  ) -> VendorCertification? {
    let ns = namespaces
    guard
      let name = VendorValues.clean(
        node.text("CertificationName", inAnyOf: ns)
          ?? node.text("CertificationTypeCode", inAnyOf: ns))
    else { return nil }
    let period = node.first("FreeFormEffectivePeriod", inAnyOf: ns)
    func date(_ element: Node?, end: VendorValues.DateEnd) -> Day? {
      guard let element else { return nil }
      let holder = element.first("FormattedDateTime", inAnyOf: ns).flatMap { formatted in
        formatted.text == nil ? nil : formatted
      }
      return file.day(holder ?? element, end: end, locator: locator)
    }
    let issued =
      date(node.first("FirstIssuedDate", inAnyOf: ns), end: .start)
      ?? date(period?.first("StartDate", inAnyOf: ns), end: .start)
    let expires = date(period?.first("EndDate", inAnyOf: ns), end: .end)
    return VendorCertification(
      name: name, issued: issued, expires: expires, location: locator.location(node))
  }

  /// `PersonName`: `FormattedName`, else given and family names.
  static func name(_ personName: Node?) -> String? {
    guard let personName else { return nil }
    let ns = namespaces + [Namespaces.oagis]
    if let formatted = VendorValues.clean(personName.text("FormattedName", inAnyOf: ns)) {
      return formatted
    }
    let parts = ["GivenName", "MiddleName", "FamilyName"].compactMap {
      personName.text($0, inAnyOf: ns)
    }
    return VendorValues.clean(parts.joined(separator: " "))
  }
}
