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

  init(path: String, options: ImportOptions) {
    file = VendorFile(path: path, profile: .europass)
    ratingScale = options.ratingScale
  }

  func isRecord(_ node: Node) -> Bool {
    node.localName == "Candidate"
      && (node.inNamespace(Namespaces.europass) || node.inNamespace(Namespaces.hrxml3))
  }

  mutating func read(_ candidate: Node, locator: Locator) {
    let ns = Self.ns
    let documentID = candidate.first("DocumentID", inAnyOf: ns)
    let id: String
    if let text = documentID?.text {
      id = text
    } else {
      let name = file.path.split(separator: "/").last.map(String.init) ?? file.path
      id = name.hasSuffix(".xml") ? String(name.dropLast(4)) : name
      file.notes.append("no DocumentID: the person's id is the file name, '\(id)'")
    }
    var person = VendorPerson(id: id, at: locator.location(documentID ?? candidate))
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
    PersonCompetencyReader.read(
      profile.descendants("PersonCompetency", inAnyOf: ns), into: &person, file: &file,
      locator: locator, ratingScale: ratingScale)
    for skill in profile.descendants("DigitalSkill", inAnyOf: ns) {
      guard let name = VendorValues.clean(skill.text) else { continue }
      person.skills.append(
        VendorSkill(
          name: name, level: .none(source: "Europass digital skills"),
          location: locator.location(skill), category: "Digital"))
    }
    for group in ["OrganisationalSkill", "ManagementAndLeadershipSkill", "CommunicationSkill"] {
      for skill in profile.descendants(group, inAnyOf: ns) {
        guard let name = VendorValues.clean(skill.text("Title", inAnyOf: ns) ?? skill.text)
        else { continue }
        person.skills.append(
          VendorSkill(
            name: name, level: .none(source: "Europass \(group.lowercased())s"),
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
    if file.people.isEmpty { file.holdsNoPeople("no Candidate element") }
    return file
  }
}
