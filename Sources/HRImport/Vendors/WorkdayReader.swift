internal import CLibXML2
import SkillsGraph

/// Reads Workday `Get_Workers` responses (Human_Resources web service, any version from v25).
///
/// One `wd:Worker` is one record. References carry several ids with a `wd:type`; a person is
/// keyed by `Employee_ID` or `Contingent_Worker_ID` (the `Worker_ID` text as a fallback), never
/// by the WID alone, which changes between tenants. Paths: `docs/hr-exports.md`, Workday.
struct WorkdayReader: VendorReader {
  private static let ns = Namespaces.workday
  /// The most workers a page's `Page_Results` reserves room for (Workday's own pages hold at
  /// most 999; integration tools write larger ones).
  private static let mostWorkersReserved = 1 << 16
  private var file: VendorFile
  private var pages: [Paging] = []
  private var openEndedLeaves = 0
  /// Workers of a reference-only response (`Worker_Reference` and `Worker_Descriptor` only).
  private var referenceOnly = 0
  /// Workers in the flat layout integration tools write, and the fields of theirs not read.
  private var flat = FlatLayout()

  /// One `Response_Results` block: which page of how many this file is.
  private struct Paging {
    var page: Int
    var totalPages: Int
    var pageResults: Int?
    var totalResults: Int?
  }

  /// The people converted as they are read, when the importer asks for it (see
  /// `FileConversion`); `nil` keeps them as read, for `VendorConversion` to convert in turn.
  private var conversion: FileConversion?

  init(path: String, conversion: FileConversion? = nil) {
    file = VendorFile(path: path, profile: .workday)
    self.conversion = conversion
  }

  /// Adds a person read: converted right away when converting while reading.
  private mutating func keep(_ person: VendorPerson) {
    if conversion != nil {
      conversion?.add(person)
    } else {
      file.people.append(person)
    }
  }

  func isRecord(_ node: Node) -> Bool {
    // Integration tools sometimes drop the namespace inside a Get_Workers_Response envelope.
    guard node.inNamespace(Self.ns) || node.namespace.isEmpty else { return false }
    switch node.localName {
    case "Worker", "Response_Results", "Response_Filter": return true
    default: return false
    }
  }

  mutating func read(_ record: Node, locator: Locator) {
    let ns = record.namespace
    switch record.localName {
    case "Response_Results":
      if let page = Int(record.text("Page", in: ns) ?? ""),
        let total = Int(record.text("Total_Pages", in: ns) ?? "")
      {
        // Only read for a note in the report; a page outside 1...total gets none.
        if page >= 1, page <= total {
          let pageResults = Int(record.text("Page_Results", in: ns) ?? "")
          pages.append(
            Paging(
              page: page, totalPages: total, pageResults: pageResults,
              totalResults: Int(record.text("Total_Results", in: ns) ?? "")))
          // The workers to come, as the page announces them: room for them at once. The file
          // may say anything, so the room is capped (the lists still grow past it if needed).
          if let pageResults, pageResults > 0, conversion != nil {
            conversion?.reserve(min(pageResults, Self.mostWorkersReserved))
          }
        } else {
          file.warn(
            "Page \(page) of Total_Pages \(total) is no page of the response; the paging note is "
              + "left out", at: locator.location(record))
        }
      }
    case "Response_Filter":
      if let asOf = file.day(record.first("As_Of_Effective_Date", in: ns), locator: locator) {
        file.asOf = asOf
        // Certifications count on the first export's date when no native file gives one; a
        // conversion made for another date is redone in turn.
        if conversion?.startUsed == false { conversion?.start = asOf }
      }
    default:
      readWorker(record, locator: locator)
    }
  }

  mutating func finish() -> VendorFile {
    for paging in pages where paging.totalPages > 1 {
      var note =
        "page \(paging.page) of \(paging.totalPages) of a paged Get_Workers response"
      switch (paging.pageResults, paging.totalResults) {
      case (let page?, let total?):
        note += ": \(VendorValues.grouped(page)) of \(VendorValues.grouped(total)) workers"
      case (nil, let total?):
        note += " (\(VendorValues.grouped(total)) workers in all)"
      default:
        break
      }
      file.notes.append(note)
    }
    if referenceOnly > 0 {
      file.notes.append(
        "reference-only response (Worker_Reference and Worker_Descriptor, no Worker_Data): "
          + "\(referenceOnly) worker\(referenceOnly == 1 ? "" : "s") named by the descriptor "
          + "as written; no department, manager, e-mail, job or skills in the file")
    }
    if flat.workers > 0 {
      flat.resolveManagers(in: &file)
      flat.resolveManagers(in: &conversion)
      var note =
        "flat layout (fields directly under Worker, no Worker_Data): \(flat.workers) Worker "
        + "record\(flat.workers == 1 ? "" : "s")"
      if !flat.unread.isEmpty {
        note += "; fields not read: " + flat.unread.sorted().joined(separator: ", ")
      }
      file.notes.append(note)
    }
    if openEndedLeaves > 0 {
      file.notes.append(
        "\(openEndedLeaves) leave\(openEndedLeaves == 1 ? "" : "s") of absence with no end date "
          + "read as lasting until further notice")
    }
    if file.people.isEmpty, conversion?.people.isEmpty ?? true, file.skipped.entries.isEmpty {
      file.holdsNoPeople("a Get_Workers response with no wd:Worker in its Response_Data")
    }
    // On the reading thread: enough when this file alone defines people.
    conversion?.resolveManagersInFile()
    file.converted = conversion
    conversion = nil
    return file
  }

  /// The names this reader matches, looked up once per file in its libxml2 dictionary, and the
  /// record's namespace: a worker is read with pointer comparisons only.
  private var interner: NameInterner?
  private var names: WorkdayElementNames?

  /// Looks the names up before a streamed parse begins, on its thread (see `RecordHandoff`).
  mutating func intern(dictionary: xmlDictPtr) {
    let fresh = NameInterner(dictionary: dictionary)
    names = WorkdayElementNames(fresh)
    interner = fresh
  }

  private mutating func vocabulary(for record: Node) -> (WorkdayElementNames, NamespaceMatch) {
    // The record's own namespace: Workday's, or none when an integration tool dropped it.
    let namespace = NamespaceMatch(record.namespace, declaredBy: record)
    if let interner, let names, interner.serves(record) { return (names, namespace) }
    let fresh = NameInterner(for: record)
    let made = WorkdayElementNames(fresh)
    interner = fresh
    names = made
    return (made, namespace)
  }

  private mutating func readWorker(_ worker: Node, locator: Locator) {
    let (n, ns) = vocabulary(for: worker)
    let reference = worker.first(n.workerReference, in: ns)
    let data = worker.first(n.workerData, in: ns)
    if reference == nil, data == nil {
      readFlatWorker(worker, locator: locator)
      return
    }
    let idNode = reference ?? worker
    guard
      let id = reference.flatMap({ n.personID(of: $0, ns) }) ?? data?.text(n.workerID, in: ns)
    else {
      reportMissingID(reference: reference, names: n, ns: ns, at: locator.location(idNode))
      return
    }
    var person = VendorPerson(id: id, at: locator.location(idNode))
    person.wid = reference.flatMap { n.id(of: $0, typed: "WID", ns) }
    guard let data else {
      // A reference-only response: the descriptor is the display name, kept as written (it may
      // carry a note in parentheses, or name no person at all); nothing else is invented.
      person.name =
        VendorValues.clean(worker.text(n.workerDescriptor, in: ns))
        ?? VendorValues.clean(reference?.attribute(n.descriptor))
      referenceOnly += 1
      keep(person)
      return
    }
    let employment = data.first(n.employmentData, in: ns)
    let status = employment?.first(n.workerStatusData, in: ns)
    if status?.first(n.terminated, in: ns)?.boolean == true {
      file.skip("terminated workers")
      return
    }
    if status?.first(n.active, in: ns)?.boolean == false {
      file.skip("inactive workers (Active = 0)")
      return
    }
    // A termination entered ahead of time leaves the worker active until that last day.
    person.leaves = file.day(status?.first(n.terminationDate, in: ns), locator: locator)
    person.name =
      name(data, n, ns) ?? VendorValues.clean(reference?.attribute(n.descriptor))
      ?? VendorValues.clean(worker.text(n.workerDescriptor, in: ns))
    person.email = email(data, n, ns)
    person.department = department(data, n, ns)
    readManager(
      data, into: &person, worker: reference, id: id, names: n, ns: ns, locator: locator)
    person.position = position(employment, n, ns)
    readQualifications(data, into: &person, names: n, ns: ns, locator: locator)
    readLeaves(status, into: &person, names: n, ns: ns, locator: locator)
    keep(person)
  }

  /// Says what a worker without a person id has instead: only a WID, ids of other types, or
  /// no id at all.
  private mutating func reportMissingID(
    reference: Node?, names n: WorkdayElementNames, ns: NamespaceMatch, at location: SourceLocation
  ) {
    var types: [String] = []
    for node in NamedChildren.of(reference, n.id, in: ns) where node.text != nil {
      let type = node.attribute(n.type) ?? "untyped"
      if !types.contains(type) { types.append(type) }
    }
    let why: String
    if types == ["WID"] {
      file.skip("workers with only a WID (no Employee_ID or Contingent_Worker_ID)")
      why =
        "worker has no Employee_ID or Contingent_Worker_ID, only a WID; it is left out, since a "
        + "WID is an internal id that no roles file can refer to"
    } else if types.isEmpty {
      file.skip("workers without any id")
      why =
        reference == nil
        ? "worker has no Worker_Reference and its Worker_Data has no Worker_ID; it is left out"
        : "worker's Worker_Reference holds no ID and its Worker_Data (if any) no Worker_ID; it is "
          + "left out"
    } else {
      file.skip("workers without an Employee_ID or Contingent_Worker_ID")
      why =
        "worker's Worker_Reference holds no Employee_ID or Contingent_Worker_ID, only IDs of type "
        + types.map { "'\($0)'" }.joined(separator: ", ") + "; it is left out"
    }
    file.warn(why, at: location)
  }

  /// A worker in the flat layout that integration tools write inside a Get_Workers_Response
  /// envelope: `Employee_ID`, `First_Name`, `Organization_Name`, `Manager_ID`, … directly under
  /// `Worker`, without `Worker_Data` or typed references.
  private mutating func readFlatWorker(_ worker: Node, locator: Locator) {
    var fields: [String: (text: String, node: Node)] = [:]
    var order: [String] = []
    for child in worker.elements {
      guard let text = VendorValues.clean(child.text) else { continue }
      let name = child.localName
      if fields[name] == nil {
        fields[name] = (text, child)
        order.append(name)
      }
    }
    guard !order.isEmpty else {
      file.skip("workers without any id")
      file.warn(
        "worker element is empty: no Worker_Reference, no Worker_Data and no fields of its "
          + "own; it is left out", at: locator.location(worker))
      return
    }
    func value(_ names: String...) -> String? {
      for name in names { if let found = fields[name]?.text { return found } }
      return nil
    }
    flat.workers += 1
    for name in order where !FlatLayout.read.contains(name) { flat.unread.insert(name) }
    let idField = ["Employee_ID", "Contingent_Worker_ID", "Worker_ID"].first {
      fields[$0] != nil
    }
    guard let idField, let idValue = fields[idField] else {
      file.skip("workers without any id")
      file.warn(
        "worker in the flat layout has no Employee_ID, Contingent_Worker_ID or Worker_ID (its "
          + "fields: \(order.joined(separator: ", "))); it is left out",
        at: locator.location(worker))
      return
    }
    if VendorValues.bool(value("Terminated")) == true
      || ["terminated", "inactive"].contains(
        value("Worker_Status", "Employment_Status", "Status")?.lowercased() ?? "")
    {
      file.skip("terminated workers")
      return
    }
    if VendorValues.bool(value("Active")) == false {
      file.skip("inactive workers (Active = 0)")
      return
    }
    var person = VendorPerson(id: idValue.text, at: locator.location(idValue.node))
    if let workerID = value("Worker_ID"), workerID != idValue.text {
      flat.workerIDs[workerID] = idValue.text
    }
    person.leaves = VendorValues.day(value("Termination_Date"))
    let parts = [
      value("Preferred_First_Name", "First_Name"), value("Middle_Name"),
      value("Preferred_Last_Name", "Last_Name"),
    ].compactMap { $0 }
    person.name =
      value("Full_Name", "Formatted_Name", "Display_Name")
      ?? (parts.isEmpty ? nil : parts.joined(separator: " "))
      ?? value("Worker_Descriptor", "Legal_Name", "Name")
    person.email = value("Email", "Email_Address", "Work_Email", "Primary_Work_Email")
    person.department = value(
      "Organization_Name", "Supervisory_Organization", "Supervisory_Organization_Name",
      "Department")
    for name in ["Manager_ID", "Manager_Employee_ID", "Manager_Worker_ID"] {
      guard let manager = fields[name], manager.text != idValue.text,
        manager.text != value("Worker_ID")
      else { continue }
      person.manager = Located(value: manager.text, location: locator.location(manager.node))
      break
    }
    var position = VendorPosition()
    position.title = value("Business_Title", "Job_Title", "Position_Title")
    position.jobProfile = value("Job_Profile_Name", "Job_Profile")
    position.jobProfileID = value("Job_Profile_ID")
    position.isCritical = VendorValues.bool(value("Critical_Job")) ?? false
    if position.title != nil || position.jobProfile != nil { person.position = position }
    keep(person)
  }

  private func name(_ data: Node, _ n: WorkdayElementNames, _ ns: NamespaceMatch) -> String? {
    guard let names = data.path(n.personalData, n.nameData, in: ns) else { return nil }
    for kind in [n.preferredNameData, n.legalNameData] {
      guard let detail = names.path(kind, n.nameDetailData, in: ns) else { continue }
      if let formatted = VendorValues.clean(detail.attribute(n.formattedName)) { return formatted }
      let parts = [n.firstName, n.middleName, n.lastName].compactMap { detail.text($0, in: ns) }
      if !parts.isEmpty { return VendorValues.clean(parts.joined(separator: " ")) }
    }
    return nil
  }

  /// The work e-mail when one is marked so, else the primary, else the first.
  private func email(_ data: Node, _ n: WorkdayElementNames, _ ns: NamespaceMatch) -> String? {
    var first: Node?
    for personal in data.children(n.personalData, in: ns) {
      for contact in personal.children(n.contactData, in: ns) {
        for address in contact.children(n.emailAddressData, in: ns) {
          if first == nil { first = address }
          if isWork(address, n, ns) { return address.text(n.emailAddress, in: ns) }
        }
      }
    }
    return first?.text(n.emailAddress, in: ns)
  }

  /// Whether any `Usage_Data/Type_Data/Type_Reference/ID` of an address says `WORK`.
  private func isWork(_ address: Node, _ n: WorkdayElementNames, _ ns: NamespaceMatch) -> Bool {
    for usage in address.children(n.usageData, in: ns) {
      for type in usage.children(n.typeData, in: ns) {
        for reference in type.children(n.typeReference, in: ns) {
          for id in reference.children(n.id, in: ns)
          where id.text.map({ $0.uppercased() == "WORK" }) == true {
            return true
          }
        }
      }
    }
    return false
  }

  /// The supervisory organization's name: Workday lists cost centers, companies and custom
  /// organizations in the same list, told apart by `Organization_Type_ID`.
  private func department(_ data: Node, _ n: WorkdayElementNames, _ ns: NamespaceMatch) -> String? {
    for list in data.children(n.organizationData, in: ns) {
      for entry in list.children(n.workerOrganizationData, in: ns) {
        guard let organization = entry.first(n.organizationData, in: ns),
          isSupervisory(organization, n, ns)
        else { continue }
        return VendorValues.clean(organization.text(n.organizationName, in: ns))
          ?? VendorValues.clean(
            entry.first(n.organizationReference, in: ns)?.attribute(n.descriptor))
      }
    }
    return nil
  }

  private func isSupervisory(
    _ organization: Node, _ n: WorkdayElementNames, _ ns: NamespaceMatch
  ) -> Bool {
    for reference in organization.children(n.organizationTypeReference, in: ns) {
      for id in reference.children(n.id, in: ns) {
        // Most exports write it in this case; any other spelling takes the general route.
        if id.textIs("Supervisory") || id.text?.uppercased() == "SUPERVISORY" { return true }
      }
    }
    return false
  }

  /// The direct manager: the last entry of the first supervisory chain (the chain runs from the
  /// top down), skipping the worker, who heads their own organization when they are a manager.
  private mutating func readManager(
    _ data: Node, into person: inout VendorPerson, worker: Node?, id: String,
    names n: WorkdayElementNames,
    ns: NamespaceMatch, locator: Locator
  ) {
    guard
      let chain = data.path(
        n.managementChainData, n.workerSupervisoryManagementChainData, in: ns)
    else { return }
    /// Whether a reference names the worker: any of its ids is one of the worker's own.
    func isSelf(_ reference: Node) -> Bool {
      for candidate in reference.children(n.id, in: ns) {
        if candidate.textIs(id) { return true }
        guard let worker else { continue }
        for own in worker.children(n.id, in: ns) {
          if let value = own.text, candidate.textIs(value) { return true }
        }
      }
      return false
    }
    /// Takes the reference as the manager when it names someone else; true when it does.
    func take(_ reference: Node) -> Bool {
      guard !isSelf(reference) else { return false }
      if let found = n.personID(of: reference, ns) {
        person.manager = Located(value: found, location: locator.location(reference))
        return true
      }
      if let wid = n.id(of: reference, typed: "WID", ns) {
        person.managerWID = Located(value: wid, location: locator.location(reference))
        return true
      }
      return false
    }
    for entry in chain.childrenReversed(n.managementChainData, in: ns) {
      for reference in entry.children(n.managerReference, in: ns) where take(reference) {
        return
      }
      for manager in entry.children(n.manager, in: ns) {
        if let reference = manager.first(n.workerReference, in: ns), take(reference) { return }
      }
    }
  }

  /// The primary job (`Primary_Job="1"`, else the first), in v30+ `Worker_Job_Data` or the
  /// older `Employment_Data/Position_Data`.
  private func position(
    _ employment: Node?, _ n: WorkdayElementNames, _ ns: NamespaceMatch
  ) -> VendorPosition? {
    guard let employment else { return nil }
    var job: Node?
    for candidate in employment.children(n.workerJobData, in: ns) {
      if job == nil { job = candidate }
      if VendorValues.bool(candidate.attribute(n.primaryJob)) == true {
        job = candidate
        break
      }
    }
    guard
      let data = job?.first(n.positionData, in: ns) ?? employment.first(n.positionData, in: ns)
    else { return nil }
    var position = VendorPosition()
    position.title = VendorValues.clean(
      data.text(n.businessTitle, in: ns) ?? data.text(n.positionTitle, in: ns))
    if let profile = data.first(n.jobProfileSummaryData, in: ns) {
      let reference = profile.first(n.jobProfileReference, in: ns)
      position.jobProfile = VendorValues.clean(
        profile.text(n.jobProfileName, in: ns) ?? reference?.attribute(n.descriptor))
      position.jobProfileID = reference.flatMap { n.id(of: $0, typed: "Job_Profile_ID", ns) }
      position.isCritical = profile.first(n.criticalJob, in: ns)?.boolean ?? false
    }
    if position.jobProfile == nil, position.title == nil { return nil }
    return position
  }

  private mutating func readQualifications(
    _ data: Node, into person: inout VendorPerson, names n: WorkdayElementNames, ns: NamespaceMatch,
    locator: Locator
  ) {
    let qualifications = data.first(n.qualificationData, in: ns)
    for competency in NamedChildren.of(qualifications, n.competency, in: ns) {
      let reference = competency.first(n.competencyReference, in: ns)
      guard
        let name = VendorValues.clean(
          reference?.attribute(n.descriptor) ?? competency.text(n.competencyDescriptor, in: ns))
      else {
        file.skip("competencies without a name (only a WID)")
        continue
      }
      let behavior = competency.first(n.competencyLevelBehaviorReference, in: ns)
      let levelName = VendorValues.clean(
        behavior?.attribute(n.descriptor)
          ?? competency.text(n.competencyLevelBehaviorDescriptor, in: ns))
      let level: RawLevel =
        levelName.map { .named($0) } ?? .none(source: "Workday competencies without a rating")
      person.skills.append(
        VendorSkill(
          id: reference.flatMap { n.id(of: $0, notTyped: "WID", ns) }, name: name,
          level: level, location: locator.location(behavior ?? competency)))
    }
    for certification in NamedChildren.of(qualifications, n.certification, in: ns) {
      var entries = Array(certification.children(n.certificationData, in: ns))
      if entries.isEmpty { entries = [certification] }
      for entry in entries {
        guard
          let name = VendorValues.clean(
            entry.text(n.certificationName, in: ns)
              ?? entry.first(n.certificationReference, in: ns)?.attribute(n.descriptor)
              ?? certification.first(n.certificationReference, in: ns)?.attribute(n.descriptor))
        else {
          file.skip("certifications without a name")
          continue
        }
        person.certifications.append(
          VendorCertification(
            name: name, issued: file.day(entry.first(n.issuedDate, in: ns), locator: locator),
            expires: file.day(entry.first(n.expirationDate, in: ns), end: .end, locator: locator),
            location: locator.location(entry)))
      }
    }
    for list in data.children(n.skillData, in: ns) {
      for item in list.children(n.workerSkillItem, in: ns) {
        let skill = item.first(n.skillData, in: ns)
        if VendorValues.bool(skill?.attribute(n.inactive)) == true {
          file.skip("inactive skills")
          continue
        }
        guard
          let name = VendorValues.clean(
            skill?.attribute(n.name)
              ?? item.first(n.skillReference, in: ns)?.attribute(n.descriptor))
        else {
          file.skip("skills without a name")
          continue
        }
        person.skills.append(
          VendorSkill(
            id: skill?.text(n.id, in: ns), name: name,
            level: .none(source: "Workday skills (Skill_Data has no level)"),
            location: locator.location(item)))
      }
    }
  }

  /// Leaves of absence; one without an end lasts until further notice.
  private mutating func readLeaves(
    _ status: Node?, into person: inout VendorPerson, names n: WorkdayElementNames,
    ns: NamespaceMatch, locator: Locator
  ) {
    for leave in NamedChildren.of(status, n.leaveStatusData, in: ns) {
      guard let start = file.day(leave.first(n.leaveStartDate, in: ns), locator: locator) else {
        file.skip("leaves of absence without a start date")
        continue
      }
      let end =
        file.day(leave.first(n.leaveEndDate, in: ns), end: .end, locator: locator)
        ?? file.day(leave.first(n.estimatedLeaveEndDate, in: ns), end: .end, locator: locator)
        ?? file.day(leave.first(n.firstDayOfWork, in: ns), locator: locator)?.adding(days: -1)
      let kind =
        VendorValues.clean(
          leave.first(n.leaveOfAbsenceTypeReference, in: ns)?.attribute(n.descriptor))
        ?? VendorValues.clean(leave.text(n.leaveRequestDescription, in: ns))
        ?? "leave of absence"
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

/// What the flat layout's workers said, for the file's notes and its managers.
private struct FlatLayout {
  /// The fields the flat layout is read from; any other is listed as not read.
  static let read: Set<String> = [
    "Employee_ID", "Contingent_Worker_ID", "Worker_ID", "Terminated", "Worker_Status",
    "Employment_Status", "Status", "Active", "Termination_Date", "Preferred_First_Name",
    "First_Name", "Middle_Name", "Preferred_Last_Name", "Last_Name", "Full_Name",
    "Formatted_Name", "Display_Name", "Worker_Descriptor", "Legal_Name", "Name", "Email",
    "Email_Address", "Work_Email", "Primary_Work_Email", "Organization_Name",
    "Supervisory_Organization", "Supervisory_Organization_Name", "Department", "Manager_ID",
    "Manager_Employee_ID", "Manager_Worker_ID", "Business_Title", "Job_Title", "Position_Title",
    "Job_Profile_Name", "Job_Profile", "Job_Profile_ID", "Critical_Job",
  ]
  var workers = 0
  var unread = Set<String>()
  /// Person ids by `Worker_ID`, where the two differ, for managers given by `Worker_ID`.
  var workerIDs: [String: String] = [:]

  /// Replaces a manager given by another worker's `Worker_ID` with that worker's person id.
  func resolveManagers(in file: inout VendorFile) {
    guard !workerIDs.isEmpty else { return }
    let ids = Set(file.people.map(\.id.value))
    for index in file.people.indices {
      guard let manager = file.people[index].manager, !ids.contains(manager.value),
        let id = workerIDs[manager.value], id != file.people[index].id.value
      else { continue }
      file.people[index].manager = Located(value: id, location: manager.location)
    }
  }

  /// The same for people converted as they were read.
  func resolveManagers(in conversion: inout FileConversion?) {
    guard !workerIDs.isEmpty, var converted = conversion else { return }
    conversion = nil
    let ids = Set(converted.people.map(\.id.value))
    converted.replaceManagers { person, manager in
      guard !ids.contains(manager), let id = workerIDs[manager], id != person else { return nil }
      return id
    }
    conversion = converted
  }
}

extension Day {
  /// The end of an absence that has none in the export ("until further notice").
  static let openEnded = Day.latest
}
