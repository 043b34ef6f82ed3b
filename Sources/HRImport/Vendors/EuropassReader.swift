import SkillsGraph

/// Reads Europass CVs and EURES HR-XML 3.2 `Candidate` documents: one person each, with their
/// competencies (CEFR levels for languages), digital and organisational skills (no level), and
/// certifications.
///
/// A CV has no employee id: the person is keyed by the document's `DocumentID`, else by the
/// file's name, so a roles file can still name them.
struct EuropassReader: VendorReader {
  private static let ns = PersonCompetencyReader.namespaces
  private var file: VendorFile
  private let ratingScale: ClosedRange<Double>
  private var passport = SkillsPassportReader.Tally()

  init(path: String, options: ImportOptions) {
    file = VendorFile(path: path, profile: .europass)
    ratingScale = options.ratingScale
  }

  func isRecord(_ node: Node) -> Bool {
    if node.inNamespace(Namespaces.europassV3) {
      return node.localName == "SkillsPassport" || node.localName == "Europass"
    }
    return node.localName == "Candidate"
      && (node.inNamespace(Namespaces.europass) || node.inNamespace(Namespaces.hrxml3))
  }

  mutating func read(_ candidate: Node, locator: Locator) {
    if candidate.inNamespace(Namespaces.europassV3) {
      file.people.append(
        SkillsPassportReader.read(candidate, file: &file, tally: &passport, locator: locator))
      return
    }
    let ns = Self.ns
    let documentID = candidate.first("DocumentID", inAnyOf: ns)
    let id: String
    if let text = documentID?.text {
      id = text
    } else {
      id = file.idFromFileName(missing: "no DocumentID")
    }
    var person = VendorPerson(id: id, at: locator.location(documentID ?? candidate))
    // The supplier's contact is who sent the CV, not a second person in it.
    let contacts = candidate.first("CandidateSupplier", inAnyOf: ns)?.all(
      "PersonContact", inAnyOf: ns)
    file.skip(
      "referees and contacts named in the document (not people)", count: contacts?.count ?? 0)
    let candidatePerson = candidate.first("CandidatePerson", inAnyOf: ns)
    person.name = PersonCompetencyReader.name(candidatePerson?.first("PersonName", inAnyOf: ns))
    for communication in candidatePerson?.all("Communication", inAnyOf: ns) ?? []
    where communication.text("ChannelCode", inAnyOf: ns)?.lowercased() == "email" {
      person.email = communication.text("URI", in: Namespaces.oagis)
      break
    }
    for profile in candidate.all("CandidateProfile", inAnyOf: ns) {
      readProfile(profile, into: &person, locator: locator)
    }
    file.people.append(person)
  }

  private mutating func readProfile(
    _ profile: Node, into person: inout VendorPerson, locator: Locator
  ) {
    let ns = Self.ns
    let competencies = profile.descendants("PersonCompetency", inAnyOf: ns)
    passport.languagesByDimensions += competencies.count {
      $0.first("ProficiencyLevel", inAnyOf: ns) == nil
        && $0.first("CompetencyDimension", inAnyOf: ns) != nil
    }
    PersonCompetencyReader.read(
      competencies, into: &person, file: &file, locator: locator, ratingScale: ratingScale)
    for skill in profile.descendants("DigitalSkill", inAnyOf: ns) {
      guard let name = VendorValues.clean(skill.text) else { continue }
      person.skills.append(
        VendorSkill(
          name: name, level: .none(source: "Europass digital skills"),
          location: locator.location(skill), category: "Digital"))
    }
    for (group, label) in [
      ("OrganisationalSkill", "organisational"), ("ManagementAndLeadershipSkill", "leadership"),
      ("CommunicationSkill", "communication"),
    ] {
      for skill in profile.descendants(group, inAnyOf: ns) {
        guard let name = VendorValues.clean(skill.text("Title", inAnyOf: ns) ?? skill.text)
        else { continue }
        person.skills.append(
          VendorSkill(
            name: name, level: .none(source: "Europass \(label) skills"),
            location: locator.location(skill)))
      }
    }
    for certification in profile.descendants("Certification", inAnyOf: ns) {
      if let read = PersonCompetencyReader.certification(
        certification, file: &file, locator: locator)
      {
        person.certifications.append(read)
      } else {
        file.skip("certifications without a name")
      }
    }
  }

  mutating func finish() -> VendorFile {
    file.notes += SkillsPassportReader.notes(passport)
    if file.people.isEmpty { file.holdsNoPeople("no Candidate or SkillsPassport element") }
    return file
  }
}
