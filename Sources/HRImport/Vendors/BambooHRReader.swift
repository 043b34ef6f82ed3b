import SkillsGraph

/// Reads BambooHR's XML responses: the employee directory and custom reports
/// (`employees/employee/field@id`), time-off requests (approved only), the who's-out calendar
/// (time off and company holidays) and job-info tables requested for all employees.
///
/// BambooHR ids are the employee's internal id (`employee/@id`), which is what `supervisorEId`,
/// time-off requests and who's-out entries refer to. Shapes: `docs/hr-exports.md`, BambooHR.
struct BambooHRReader: VendorReader {
  private var file: VendorFile
  private let root: String
  private let today: Day
  private var tableRowsWithoutEmployee = 0
  private var latestRow: [String: Day] = [:]

  init(path: String, root names: [QualifiedName], options: ImportOptions) {
    file = VendorFile(path: path, profile: .bamboohr)
    let first = names.first?.localName ?? ""
    root =
      ProfileDetector.bambooRoots.contains(first) || ProfileDetector.bambooMetadata.contains(first)
      ? first : (names.dropFirst().first?.localName ?? first)
    today = options.resolvedToday
  }

  func isRecord(_ node: Node) -> Bool {
    guard node.namespace.isEmpty, let parent = node.parent else { return false }
    switch node.localName {
    case "employee": return parent.localName == "employees"
    case "request": return parent.localName == "requests"
    case "item": return parent.localName == "calendar"
    case "row": return parent.localName == "table"
    default: return false
    }
  }

  mutating func read(_ record: Node, locator: Locator) {
    switch record.localName {
    case "employee": readEmployee(record, locator: locator)
    case "request": readRequest(record, locator: locator)
    case "item": readCalendarItem(record, locator: locator)
    default: readTableRow(record, locator: locator)
    }
  }

  /// The fields of a record: `field@id` in directories and reports, `field@name` in tables.
  private static func fields(_ record: Node) -> [String: (text: String, node: Node)] {
    var fields: [String: (text: String, node: Node)] = [:]
    for field in record.all("field", in: "") {
      guard let key = field.attribute("id") ?? field.attribute("name"), let text = field.text
      else { continue }
      fields[key] = (text, field)
    }
    return fields
  }

  private mutating func readEmployee(_ employee: Node, locator: Locator) {
    let fields = Self.fields(employee)
    guard let id = employee.attribute("id") ?? fields["id"]?.text else {
      file.skip("employees without an id")
      return
    }
    if let status = fields["status"]?.text.lowercased(), status == "inactive" {
      file.skip("inactive employees")
      return
    }
    if let end = file.day(fields["terminationDate"]?.node, locator: locator), end < today {
      file.skip("employees whose termination date has passed")
      return
    }
    var person = VendorPerson(id: id, at: locator.location(employee, attribute: "id"))
    let parts = [
      fields["preferredName"]?.text ?? fields["firstName"]?.text, fields["lastName"]?.text,
    ]
    .compactMap { $0 }
    person.name =
      VendorValues.clean(fields["displayName"]?.text)
      ?? VendorValues.clean(parts.joined(separator: " "))
    person.email = fields["workEmail"]?.text ?? fields["email"]?.text
    person.department = VendorValues.clean(fields["department"]?.text)
    if let supervisor = fields["supervisorEId"] ?? fields["supervisorId"] {
      person.manager = Located(value: supervisor.text, location: locator.location(supervisor.node))
    }
    if let title = VendorValues.clean(fields["jobTitle"]?.text) {
      person.position = VendorPosition(jobProfile: title, title: title)
    }
    file.people.append(person)
  }

  private mutating func readRequest(_ request: Node, locator: Locator) {
    guard let employee = request.first("employee", in: ""), let id = employee.attribute("id")
    else {
      file.skip("time-off requests without an employee id")
      return
    }
    let status = request.text("status", in: "")?.lowercased() ?? "approved"
    guard status == "approved" else {
      file.skip("time-off requests not approved (\(status))")
      return
    }
    guard let start = file.day(request.first("start", in: ""), locator: locator) else {
      file.skip("time-off requests without a start date")
      return
    }
    let end = file.day(request.first("end", in: ""), end: .end, locator: locator) ?? start
    var person = VendorPerson(id: id, at: locator.location(employee, attribute: "id"))
    person.isReference = true
    person.name = VendorValues.clean(employee.text)
    person.absences = [
      Absence(
        from: start, to: max(end, start),
        kind: VendorValues.clean(request.text("type", in: "")) ?? "time off")
    ]
    file.people.append(person)
  }

  private mutating func readCalendarItem(_ item: Node, locator: Locator) {
    let type = item.attribute("type") ?? ""
    guard let start = file.day(item.first("start", in: ""), locator: locator) else {
      file.skip("who's-out entries without a start date")
      return
    }
    let end = max(file.day(item.first("end", in: ""), end: .end, locator: locator) ?? start, start)
    switch type {
    case "timeOff":
      guard let employee = item.first("employee", in: ""), let id = employee.attribute("id") else {
        file.skip("who's-out entries without an employee id")
        return
      }
      var person = VendorPerson(id: id, at: locator.location(employee, attribute: "id"))
      person.isReference = true
      person.name = VendorValues.clean(employee.text)
      person.absences = [Absence(from: start, to: end, kind: "time off")]
      file.people.append(person)
    case "holiday":
      var day = start
      while day <= end, day.ordinal - start.ordinal < 366 {
        file.holidays.append(day)
        day = day.adding(days: 1)
      }
    default:
      file.skip("who's-out entries of type '\(type)'")
    }
  }

  /// A job-info row; only rows that say whose they are (`/employees/all/tables/...`) can be used.
  private mutating func readTableRow(_ row: Node, locator: Locator) {
    guard let id = row.attribute("employeeId") else {
      tableRowsWithoutEmployee += 1
      return
    }
    let fields = Self.fields(row)
    let date = file.day(fields["date"]?.node, locator: locator) ?? Day.earliest
    if let latest = latestRow[id], latest > date {
      file.skip("table rows superseded by a later row")
      return
    }
    if date > today {
      file.skip("table rows that take effect after \(today)")
      return
    }
    latestRow[id] = date
    var person = VendorPerson(id: id, at: locator.location(row, attribute: "employeeId"))
    person.isReference = true
    person.department = VendorValues.clean(fields["department"]?.text)
    if let title = VendorValues.clean(fields["jobTitle"]?.text) {
      person.position = VendorPosition(jobProfile: title, title: title)
    }
    file.people.append(person)
  }

  mutating func finish() -> VendorFile {
    if tableRowsWithoutEmployee > 0 {
      file.skip("table rows without an employeeId", count: tableRowsWithoutEmployee)
    }
    guard file.people.isEmpty, file.holidays.isEmpty else { return file }
    switch root {
    case "table":
      file.holdsNoPeople(
        "a BambooHR table of one employee names no employee (the id is only in the request "
          + "URL); request /employees/all/tables/jobInfo, or a custom report with department "
          + "and supervisorEId")
    case "fields", "lists", "timeOffTypes", "timeOffPolicies":
      file.holdsNoPeople(
        "BambooHR metadata (field list, picklists, time-off types) describes the account, not "
          + "its employees")
    default:
      file.holdsNoPeople("a BambooHR '\(root)' response with no employee in it")
    }
    return file
  }
}
