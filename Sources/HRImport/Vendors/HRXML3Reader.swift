import SkillsGraph

/// Reads HR-XML 3.x / OAGIS 9 business object documents (`SyncIndicativeData`,
/// `SyncOrganizationChart`, `SyncTimeCard`), as 1C and payroll integrations send them.
///
/// Each noun under a BOD's `DataArea` is a record. People are keyed by their first `PersonID`,
/// since that is what `TimeCard` refers to. Paths: `docs/hr-exports.md`, HR-XML 3.
struct HRXML3Reader: VendorReader {
  private static let ns = Namespaces.hrxml3
  private static let any = [Namespaces.hrxml3, Namespaces.oagis]
  private var file: VendorFile
  private let today: Day
  private let ratingScale: ClosedRange<Double>
  private var unitNames: [String: String] = [:]
  private var departmentIDs: [Int: String] = [:]

  init(path: String, options: ImportOptions) {
    file = VendorFile(path: path, profile: .hrxml3)
    today = options.resolvedToday
    ratingScale = options.ratingScale
  }

  func isRecord(_ node: Node) -> Bool {
    guard node.inNamespace(Self.ns) else { return false }
    return node.parent?.isNamed("DataArea", in: Self.ns) == true
  }

  mutating func read(_ record: Node, locator: Locator) {
    switch record.localName {
    case "IndicativeData":
      for dossier in record.all("IndicativePersonDossier", in: Self.ns) {
        readDossier(dossier, locator: locator)
      }
    case "OrganizationChart":
      for unit in record.descendants("OrganizationUnit", in: Self.ns) {
        guard let id = unit.text("OrganizationUnitID", in: Self.ns),
          let name = VendorValues.clean(unit.text("OrganizationUnitName", in: Self.ns))
        else { continue }
        unitNames[id] = name
      }
    case "TimeCard":
      readTimeCard(record, locator: locator)
    default:
      file.skip("\(record.localName) records (not read by the hrxml3 profile)")
    }
  }

  mutating func finish() -> VendorFile {
    for (index, id) in departmentIDs {
      file.people[index].department = unitNames[id] ?? id
    }
    if !unitNames.isEmpty {
      file.notes.append("\(unitNames.count) organization units read from OrganizationChart")
    }
    if file.people.isEmpty {
      file.holdsNoPeople("no IndicativeData or TimeCard with a PersonID")
    }
    return file
  }

  private mutating func readDossier(_ dossier: Node, locator: Locator) {
    let ns = Self.ns
    let any = Self.any
    let indicative = dossier.first("IndicativePerson", in: ns)
    let idNode =
      indicative?.first("PersonID", in: ns)
      ?? dossier.path("IndicativeEmployee", "EmployeeID", in: ns)
    guard let idNode, let id = idNode.text else {
      file.skip("IndicativePersonDossier without a PersonID")
      return
    }
    var person = VendorPerson(id: id, at: locator.location(idNode))
    let employment = dossier.first("IndicativeEmployment", in: ns)
    if VendorValues.bool(employment?.text("EmployedIndicator", in: ns)) == false {
      file.skip("people no longer employed (EmployedIndicator false)")
      return
    }
    let lifecycles = employment?.all("EmploymentLifecycle", in: ns) ?? []
    for termination in lifecycles.flatMap({ $0.all("Termination", in: ns) }) {
      let last =
        file.day(termination.first("LastWorkedDate", in: ns), locator: locator)
        ?? file.day(termination.first("TerminationDate", in: ns), locator: locator)
      guard let last else { continue }
      if last < today {
        file.skip("terminated people")
        return
      }
      person.leaves = last
    }
    person.name = PersonCompetencyReader.name(indicative?.all("PersonName", in: ns).last)
    for communication in indicative?.all("Communication", in: ns) ?? []
    where communication.text("ChannelCode", in: ns)?.lowercased() == "email" {
      person.email = communication.text("URI", inAnyOf: any)
      break
    }
    for leave in lifecycles.flatMap({ $0.all("Leave", in: ns) }) {
      guard let start = file.day(leave.first("LeaveStartDate", in: ns), locator: locator) else {
        continue
      }
      let back =
        file.day(leave.first("WorkReturnDate", in: ns), locator: locator)
        ?? file.day(leave.first("ScheduledWorkReturnDate", in: ns), locator: locator)
      let end = back?.adding(days: -1) ?? .openEnded
      guard end >= start else { continue }
      person.absences.append(
        Absence(
          from: start, to: end,
          kind: VendorValues.clean(leave.text("LeaveReasonCode", in: ns)) ?? "leave"))
    }
    if let deployment = dossier.all("IndicativeDeployment", in: ns).last {
      let units = deployment.paths(["DeploymentOrganization", "OrganizationIdentifiers"], in: ns)
      if let name = VendorValues.clean(units.last?.text("OrganizationName", in: ns)) {
        person.department = name
      } else if let name = VendorValues.clean(deployment.text("DepartmentName", in: ns)) {
        person.department = name
      } else if let unit = units.last?.text("OrganizationID", in: ns) {
        departmentIDs[file.people.count] = unit
      }
      // Not in the published paths; read when a producer adds it.
      if let manager = deployment.first("ManagerID", in: ns), let value = manager.text {
        person.manager = Located(value: value, location: locator.location(manager))
      }
      let jobTitle = VendorValues.clean(deployment.path(["Job", "JobTitle"], inAnyOf: any)?.text)
      let title = VendorValues.clean(deployment.text("PositionTitle", in: ns))
      if jobTitle != nil || title != nil {
        person.position = VendorPosition(
          jobProfile: jobTitle, jobProfileID: deployment.path("Job", "JobCode", in: ns)?.text,
          title: title)
      }
    }
    PersonCompetencyReader.read(
      dossier.descendants("PersonCompetency", in: ns), into: &person, file: &file,
      locator: locator, ratingScale: ratingScale)
    for certification in dossier.descendants("Certification", in: ns) {
      if let read = PersonCompetencyReader.certification(
        certification, file: &file, locator: locator)
      {
        person.certifications.append(read)
      }
    }
    file.people.append(person)
  }

  /// Time cards as the absence feed: each reported interval is time away, its type code the
  /// kind of absence.
  private mutating func readTimeCard(_ card: Node, locator: Locator) {
    let ns = Self.ns
    let resource = card.first("ReportedResource", in: ns)
    let idNode =
      resource?.path("SpecifiedPerson", "PersonID", in: ns)
      ?? resource?.path("Person", "PersonID", in: ns)
      ?? resource?.path("Employee", "EmployeeID", in: ns)
    guard let idNode, let id = idNode.text else {
      file.skip("TimeCard without a PersonID")
      return
    }
    var person = VendorPerson(id: id, at: locator.location(idNode))
    person.isReference = true
    for interval in card.descendants("TimeInterval", in: ns) {
      let period = interval.first("FreeFormEffectivePeriod", in: ns)
      let start = file.day(period?.path("StartDate", "FormattedDateTime", in: ns), locator: locator)
      let end = file.day(
        period?.path("EndDate", "FormattedDateTime", in: ns), end: .end, locator: locator)
      guard let start else {
        file.skip("time intervals without a start date")
        continue
      }
      let code = interval.first("TimeIntervalTypeCode", in: ns)
      let kind = VendorValues.clean(code?.attribute("name")) ?? VendorValues.clean(code?.text)
      person.absences.append(Absence(from: start, to: max(end ?? start, start), kind: kind))
    }
    file.people.append(person)
  }
}
