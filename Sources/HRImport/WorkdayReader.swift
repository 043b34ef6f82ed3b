import SkillsGraph

/// Reads Workday `Get_Workers` responses (Human_Resources web service, any version from v25).
///
/// One `wd:Worker` is one record. References carry several ids with a `wd:type`; a person is
/// keyed by `Employee_ID` or `Contingent_Worker_ID` (the `Worker_ID` text as a fallback), never
/// by the WID alone, which changes between tenants. Paths follow `hr-formats.md` §1.5.
struct WorkdayReader: VendorReader {
  private static let ns = Namespaces.workday
  private static let personIDTypes = ["Employee_ID", "Contingent_Worker_ID"]
  private var file: VendorFile
  private var pages: [(page: Int, total: Int)] = []
  private var openEndedLeaves = 0

  init(path: String) { file = VendorFile(path: path, profile: .workday) }

  func isRecord(_ node: Node) -> Bool {
    guard node.inNamespace(Self.ns) else { return false }
    switch node.localName {
    case "Worker", "Response_Results", "Response_Filter": return true
    default: return false
    }
  }

  mutating func read(_ record: Node, locator: Locator) {
    switch record.localName {
    case "Response_Results":
      if let page = Int(record.text("Page", in: Self.ns) ?? ""),
        let total = Int(record.text("Total_Pages", in: Self.ns) ?? "")
      {
        pages.append((page, total))
      }
    case "Response_Filter":
      if let asOf = VendorValues.day(record.text("As_Of_Effective_Date", in: Self.ns)) {
        file.asOf = asOf
      }
    default:
      readWorker(record, locator: locator)
    }
  }

  mutating func finish() -> VendorFile {
    for (page, total) in pages where total > 1 {
      file.notes.append("page \(page) of \(total) of a paged Get_Workers response")
    }
    if openEndedLeaves > 0 {
      file.notes.append(
        "\(openEndedLeaves) leave\(openEndedLeaves == 1 ? "" : "s") of absence with no end date "
          + "read as lasting until further notice")
    }
    if file.people.isEmpty, file.skipped.entries.isEmpty {
      file.holdsNoPeople("a Get_Workers response with no wd:Worker in its Response_Data")
    }
    return file
  }

  private mutating func readWorker(_ worker: Node, locator: Locator) {
    let ns = Self.ns
    let reference = worker.first("Worker_Reference", in: ns)
    let data = worker.first("Worker_Data", in: ns)
    let ids = reference.map(Self.ids) ?? []
    let idNode = reference ?? worker
    guard
      let id = ids.first(where: { Self.personIDTypes.contains($0.type) })?.value
        ?? data?.text("Worker_ID", in: ns)
    else {
      file.skip("workers with only a WID (no Employee_ID or Contingent_Worker_ID)")
      file.warn(
        "worker has no Employee_ID or Contingent_Worker_ID, only a WID; it is left out, since a "
          + "WID is an internal id that no roles file can refer to", at: locator.location(idNode))
      return
    }
    var person = VendorPerson(id: id, at: locator.location(idNode))
    person.wid = ids.first { $0.type == "WID" }?.value
    guard let data else {
      person.name = VendorValues.clean(reference?.attribute("Descriptor"))
      file.people.append(person)
      return
    }
    let employment = data.first("Employment_Data", in: ns)
    let status = employment?.first("Worker_Status_Data", in: ns)
    if VendorValues.bool(status?.text("Terminated", in: ns)) == true {
      file.skip("terminated workers")
      return
    }
    if VendorValues.bool(status?.text("Active", in: ns)) == false {
      file.skip("inactive workers (Active = 0)")
      return
    }
    // A termination entered ahead of time leaves the worker active until that last day.
    person.leaves = VendorValues.day(status?.text("Termination_Date", in: ns))
    person.name = name(data) ?? VendorValues.clean(reference?.attribute("Descriptor"))
    person.email = email(data)
    person.department = department(data)
    readManager(data, into: &person, selfIDs: Set(ids.map(\.value) + [id]), locator: locator)
    person.position = position(employment)
    readQualifications(data, into: &person, locator: locator)
    readLeaves(status, into: &person)
    file.people.append(person)
  }

  /// The `wd:ID` children of a reference, as (type, value).
  private static func ids(_ reference: Node) -> [(type: String, value: String)] {
    reference.all("ID", in: ns).compactMap { node in
      guard let value = node.text else { return nil }
      return (node.attribute("type") ?? "", value)
    }
  }

  private func name(_ data: Node) -> String? {
    let ns = Self.ns
    guard let names = data.path("Personal_Data", "Name_Data", in: ns) else { return nil }
    for kind in ["Preferred_Name_Data", "Legal_Name_Data"] {
      guard let detail = names.path(kind, "Name_Detail_Data", in: ns) else { continue }
      if let formatted = VendorValues.clean(detail.attribute("Formatted_Name")) { return formatted }
      let parts = ["First_Name", "Middle_Name", "Last_Name"].compactMap { detail.text($0, in: ns) }
      if !parts.isEmpty { return VendorValues.clean(parts.joined(separator: " ")) }
    }
    return nil
  }

  /// The work e-mail when one is marked so, else the primary, else the first.
  private func email(_ data: Node) -> String? {
    let ns = Self.ns
    let addresses = data.paths(["Personal_Data", "Contact_Data", "Email_Address_Data"], in: ns)
    func usage(_ node: Node) -> [String] {
      node.paths(["Usage_Data", "Type_Data", "Type_Reference", "ID"], in: ns).compactMap(\.text)
    }
    let work = addresses.first { usage($0).contains { $0.uppercased() == "WORK" } }
    return (work ?? addresses.first)?.text("Email_Address", in: ns)
  }

  /// The supervisory organization's name: Workday lists cost centers, companies and custom
  /// organizations in the same list, told apart by `Organization_Type_ID`.
  private func department(_ data: Node) -> String? {
    let ns = Self.ns
    for entry in data.paths(["Organization_Data", "Worker_Organization_Data"], in: ns) {
      guard let organization = entry.first("Organization_Data", in: ns) else { continue }
      let types = organization.paths(["Organization_Type_Reference", "ID"], in: ns)
      guard types.contains(where: { $0.text?.uppercased() == "SUPERVISORY" }) else { continue }
      return VendorValues.clean(organization.text("Organization_Name", in: ns))
        ?? VendorValues.clean(
          entry.first("Organization_Reference", in: ns)?.attribute("Descriptor"))
    }
    return nil
  }

  /// The direct manager: the last entry of the first supervisory chain (the chain runs from the
  /// top down), skipping the worker, who heads their own organization when they are a manager.
  private mutating func readManager(
    _ data: Node, into person: inout VendorPerson, selfIDs: Set<String>, locator: Locator
  ) {
    let ns = Self.ns
    guard
      let chain = data.path(
        "Management_Chain_Data", "Worker_Supervisory_Management_Chain_Data", in: ns)
    else { return }
    for entry in chain.all("Management_Chain_Data", in: ns).reversed() {
      var references = entry.all("Manager_Reference", in: ns)
      references += entry.all("Manager", in: ns).compactMap { $0.first("Worker_Reference", in: ns) }
      for reference in references {
        let ids = Self.ids(reference)
        guard !ids.contains(where: { selfIDs.contains($0.value) }) else { continue }
        if let id = ids.first(where: { Self.personIDTypes.contains($0.type) }) {
          person.manager = Located(value: id.value, location: locator.location(reference))
          return
        }
        if let wid = ids.first(where: { $0.type == "WID" }) {
          person.managerWID = Located(value: wid.value, location: locator.location(reference))
          return
        }
      }
    }
  }

  /// The primary job (`Primary_Job="1"`, else the first), in v30+ `Worker_Job_Data` or the
  /// older `Employment_Data/Position_Data`.
  private func position(_ employment: Node?) -> VendorPosition? {
    let ns = Self.ns
    guard let employment else { return nil }
    let jobs = employment.all("Worker_Job_Data", in: ns)
    let job = jobs.first { VendorValues.bool($0.attribute("Primary_Job")) == true } ?? jobs.first
    guard
      let data = job?.first("Position_Data", in: ns) ?? employment.first("Position_Data", in: ns)
    else { return nil }
    var position = VendorPosition()
    position.title = VendorValues.clean(
      data.text("Business_Title", in: ns) ?? data.text("Position_Title", in: ns))
    if let profile = data.first("Job_Profile_Summary_Data", in: ns) {
      let reference = profile.first("Job_Profile_Reference", in: ns)
      position.jobProfile = VendorValues.clean(
        profile.text("Job_Profile_Name", in: ns) ?? reference?.attribute("Descriptor"))
      position.jobProfileID = reference.flatMap {
        Self.ids($0).first { $0.type == "Job_Profile_ID" }?.value
      }
      position.isCritical = VendorValues.bool(profile.text("Critical_Job", in: ns)) ?? false
    }
    if position.jobProfile == nil, position.title == nil { return nil }
    return position
  }

  private mutating func readQualifications(
    _ data: Node, into person: inout VendorPerson, locator: Locator
  ) {
    let ns = Self.ns
    let qualifications = data.first("Qualification_Data", in: ns)
    for competency in qualifications?.all("Competency", in: ns) ?? [] {
      let reference = competency.first("Competency_Reference", in: ns)
      guard
        let name = VendorValues.clean(
          reference?.attribute("Descriptor") ?? competency.text("Competency_Descriptor", in: ns))
      else {
        file.skip("competencies without a name (only a WID)")
        continue
      }
      let behavior = competency.first("Competency_Level_Behavior_Reference", in: ns)
      let levelName = VendorValues.clean(
        behavior?.attribute("Descriptor")
          ?? competency.text("Competency_Level_Behavior_Descriptor", in: ns))
      let level: RawLevel =
        levelName.map { .named($0) } ?? .none(source: "Workday competencies without a rating")
      person.skills.append(
        VendorSkill(
          id: reference.flatMap { Self.ids($0).first { $0.type != "WID" }?.value }, name: name,
          level: level, location: locator.location(behavior ?? competency)))
    }
    for certification in qualifications?.all("Certification", in: ns) ?? [] {
      let entries = certification.all("Certification_Data", in: ns)
      for entry in entries.isEmpty ? [certification] : entries {
        guard
          let name = VendorValues.clean(
            entry.text("Certification_Name", in: ns)
              ?? entry.first("Certification_Reference", in: ns)?.attribute("Descriptor")
              ?? certification.first("Certification_Reference", in: ns)?.attribute("Descriptor"))
        else {
          file.skip("certifications without a name")
          continue
        }
        person.certifications.append(
          VendorCertification(
            name: name, issued: VendorValues.day(entry.text("Issued_Date", in: ns)),
            expires: VendorValues.day(entry.text("Expiration_Date", in: ns), end: .end),
            location: locator.location(entry)))
      }
    }
    for item in data.paths(["Skill_Data", "Worker_Skill_Item"], in: ns) {
      let skill = item.first("Skill_Data", in: ns)
      if VendorValues.bool(skill?.attribute("Inactive")) == true {
        file.skip("inactive skills")
        continue
      }
      guard
        let name = VendorValues.clean(
          skill?.attribute("Name") ?? item.first("Skill_Reference", in: ns)?.attribute("Descriptor")
        )
      else {
        file.skip("skills without a name")
        continue
      }
      person.skills.append(
        VendorSkill(
          id: skill?.text("ID", in: ns), name: name,
          level: .none(source: "Workday skills (Skill_Data has no level)"),
          location: locator.location(item)))
    }
  }

  /// Leaves of absence; one without an end lasts until further notice.
  private mutating func readLeaves(_ status: Node?, into person: inout VendorPerson) {
    let ns = Self.ns
    for leave in status?.all("Leave_Status_Data", in: ns) ?? [] {
      guard let start = VendorValues.day(leave.text("Leave_Start_Date", in: ns)) else {
        file.skip("leaves of absence without a start date")
        continue
      }
      let end =
        VendorValues.day(leave.text("Leave_End_Date", in: ns), end: .end)
        ?? VendorValues.day(leave.text("Estimated_Leave_End_Date", in: ns), end: .end)
        ?? VendorValues.day(leave.text("First_Day_Of_Work", in: ns))?.adding(days: -1)
      let kind =
        VendorValues.clean(
          leave.first("Leave_of_Absence_Type_Reference", in: ns)?.attribute("Descriptor"))
        ?? VendorValues.clean(leave.text("Leave_Request_Description", in: ns)) ?? "leave of absence"
      guard let end else {
        person.absences.append(Absence(from: start, to: .openEnded, kind: kind))
        openEndedLeaves += 1
        continue
      }
      guard end >= start else {
        file.skip("leaves of absence that end before they start")
        continue
      }
      person.absences.append(Absence(from: start, to: end, kind: kind))
    }
  }
}

extension Day {
  /// The end of an absence that has none in the export ("until further notice").
  static let openEnded = Day(ordinal: Day(year: 9999, month: 12, day: 31)?.ordinal ?? 2_932_896)
}
