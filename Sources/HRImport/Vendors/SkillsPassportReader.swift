import SkillsGraph

/// Reads the Europass CV before 2020: `SkillsPassport` in `http://europass.cedefop.europa.eu/Europass`
/// (XML schema v3.0 to v3.4), one person per document, for `EuropassReader`.
///
/// Languages carry a CEFR level per skill dimension (listening, reading, spoken interaction,
/// spoken production, writing); the language takes their median. Mother tongues count as C2.
/// Computer, organisational, communication, job-related and other skills are free text: each
/// short item of a list becomes a skill without a level, and longer passages are counted, not
/// guessed at. Paths: `docs/hr-exports.md`, Europass.
enum SkillsPassportReader {
  static let ns = Namespaces.europassV3

  /// The CEFR dimensions of `ForeignLanguage/ProficiencyLevel`, in the schema's order.
  static let dimensions = [
    "Listening", "Reading", "SpokenInteraction", "SpokenProduction", "Writing",
  ]

  /// The free-text skill sections, with the category their skills get.
  static let textSections: [(element: String, category: String?)] = [
    ("Communication", nil), ("Organisational", nil), ("JobRelated", nil),
    ("Computer", "Digital"), ("Other", nil),
  ]

  /// Longest item of a free-text list still read as a skill's name, in words.
  static let maxWords = 5

  /// What one document said beyond its person, for the file's notes.
  struct Tally {
    var motherTongues = 0
    var languagesByDimensions = 0
    var longPassages: [String] = []
    var longPassageCounts: [String: Int] = [:]
    var digitalGrids = 0
    var referenceSections = 0

    mutating func passage(in section: String) {
      if longPassageCounts[section] == nil { longPassages.append(section) }
      longPassageCounts[section, default: 0] += 1
    }
  }

  /// The person of one `SkillsPassport` (or v3.4 `Europass`) document.
  static func read(
    _ document: Node, file: inout VendorFile, tally: inout Tally, locator: Locator
  ) -> VendorPerson {
    let learner = document.first("LearnerInfo", in: ns)
    let identification = learner?.first("Identification", in: ns)
    let id = file.idFromFileName(missing: "a Europass \(document.localName) CV has no id")
    var person = VendorPerson(id: id, at: locator.location(identification ?? document))
    if let name = identification?.first("PersonName", in: ns) {
      let parts = ["FirstName", "Surname"].compactMap { name.text($0, in: ns) }
      person.name = VendorValues.clean(parts.joined(separator: " "))
    }
    person.email = VendorValues.clean(
      identification?.path("ContactInfo", "Email", "Contact", in: ns)?.text)
    let skills = learner?.first("Skills", in: ns)
    if let linguistic = skills?.first("Linguistic", in: ns) {
      readLanguages(linguistic, into: &person, tally: &tally, locator: locator)
    }
    for section in textSections {
      guard let node = skills?.first(section.element, in: ns) else { continue }
      if section.element == "Computer", node.first("ProficiencyLevel", in: ns) != nil {
        tally.digitalGrids += 1
      }
      guard let description = node.first("Description", in: ns), let text = description.text
      else { continue }
      for item in items(text) {
        guard item.split(separator: " ").count <= maxWords, item.count <= 60 else {
          tally.passage(in: "Skills/\(section.element)")
          continue
        }
        person.skills.append(
          VendorSkill(
            name: item, level: .none(source: "Europass free-text skills"),
            location: locator.location(description), category: section.category))
      }
    }
    for achievement in learner?.path("AchievementList", in: ns)?.all("Achievement", in: ns) ?? []
    where achievement.path("Title", "Code", in: ns)?.text?.lowercased() == "references" {
      tally.referenceSections += 1
    }
    return person
  }

  private static func readLanguages(
    _ linguistic: Node, into person: inout VendorPerson, tally: inout Tally, locator: Locator
  ) {
    for tongue in linguistic.paths(["MotherTongueList", "MotherTongue"], in: ns) {
      guard let name = languageName(tongue) else { continue }
      tally.motherTongues += 1
      person.skills.append(
        VendorSkill(
          name: name, level: .named("C2"), location: locator.location(tongue),
          category: "Language"))
    }
    for language in linguistic.paths(["ForeignLanguageList", "ForeignLanguage"], in: ns) {
      guard let name = languageName(language) else { continue }
      let proficiency = language.first("ProficiencyLevel", in: ns)
      // Each dimension is an element holding the level (or, in some writers, a level attribute).
      let levels = dimensions.compactMap { dimension -> String? in
        guard let node = proficiency?.first(dimension, in: ns) else { return nil }
        return VendorValues.clean(node.text ?? node.attribute("level"))
      }
      let level: RawLevel
      if let median = PersonCompetencyReader.cefrMedian(levels) {
        tally.languagesByDimensions += 1
        level = .named(median)
      } else if let first = levels.first {
        level = .named(first)
      } else {
        level = .none(source: "Europass languages without a level")
      }
      person.skills.append(
        VendorSkill(
          name: name, level: level, location: locator.location(proficiency ?? language),
          category: "Language"))
    }
  }

  /// A language's `Description/Label`, else its ISO 639-1 `Code` as "Language xx".
  private static func languageName(_ node: Node) -> String? {
    let description = node.first("Description", in: ns)
    if let label = VendorValues.clean(description?.text("Label", in: ns)) { return label }
    return VendorValues.clean(description?.text("Code", in: ns)).map { "Language \($0)" }
  }

  /// The items of a free-text description: its list items, lines, and parts separated by
  /// semicolons or by commas outside parentheses, with markup and bullets removed.
  static func items(_ text: String) -> [String] {
    var plain = ""
    var inTag = false
    var depth = 0
    for character in text {
      switch character {
      case "<":
        inTag = true
        plain.append("\n")  // a tag (<li>, <br/>, </p>) ends an item
      case ">" where inTag:
        inTag = false
      case _ where inTag:
        break
      case "(":
        depth += 1
        plain.append(character)
      case ")":
        depth = max(depth - 1, 0)
        plain.append(character)
      case "," where depth == 0, ";", "\n", "\r", "•":
        plain.append("\n")
      default:
        plain.append(character)
      }
    }
    let decoded = VendorValues.decodeEntities(plain)
    return decoded.split(separator: "\n").compactMap { line in
      var item = Substring(line)
      while let first = item.first, first == "-" || first == "*" || first == " " || first == "·" {
        item = item.dropFirst()
      }
      return VendorValues.clean(String(item))
    }
  }

  /// The file's notes for what its documents said beyond skills.
  static func notes(_ tally: Tally) -> [String] {
    var notes: [String] = []
    if tally.languagesByDimensions > 0 {
      notes.append(
        "\(tally.languagesByDimensions) language\(tally.languagesByDimensions == 1 ? "" : "s") "
          + "rated per CEFR dimension (listening, reading, spoken interaction, spoken "
          + "production, writing): each takes the median of its dimensions, the lower middle "
          + "one when they are even")
    }
    if tally.motherTongues > 0 {
      notes.append(
        "\(tally.motherTongues) mother tongue\(tally.motherTongues == 1 ? "" : "s") counted as C2")
    }
    for section in tally.longPassages {
      let count = tally.longPassageCounts[section] ?? 0
      notes.append(
        "\(count) free-text passage\(count == 1 ? "" : "s") in \(section) longer than "
          + "\(maxWords) words left out (no skill name can be told from prose)")
    }
    if tally.digitalGrids > 0 {
      notes.append(
        "digital competence self-assessment (Skills/Computer/ProficiencyLevel, areas rated A–C) "
          + "not read: it rates areas, not named skills")
    }
    if tally.referenceSections > 0 {
      notes.append(
        "\(tally.referenceSections) references section\(tally.referenceSections == 1 ? "" : "s") "
          + "not read: referees are not people of the organization")
    }
    return notes
  }
}
