import HRImport
import SkillsGraph
import Testing

@Suite("Workday as it really arrives: reference-only pages and the flat layout")
struct WorkdayVariantTests {
  @Test("a reference-only page: descriptors kept as written, nothing invented")
  func referenceOnly() throws {
    let result = try Vendor.load(["workday-reference-only.xml"])
    #expect(result.organization.people.map(\.id.rawValue) == ["21001", "C-00517", "29990"])
    #expect(
      result.organization.people.map(\.name) == [
        "Logan McNeil", "Pat Quinn (On Leave)", "Facilities Shared Mailbox",
      ])
    for person in result.organization.people {
      #expect(person.department.isEmpty)
      #expect(person.manager == nil)
      #expect(person.email == nil)
      #expect(person.levels.isEmpty)
    }
    #expect(result.sources.map(\.people) == [3])
    #expect(
      result.remarks() == [
        "skipped 1: workers with only a WID (no Employee_ID or Contingent_Worker_ID)",
        "skipped 1: workers without an Employee_ID or Contingent_Worker_ID",
        "reference-only response (Worker_Reference and Worker_Descriptor, no Worker_Data): 3 "
          + "workers named by the descriptor as written; no department, manager, e-mail, job or "
          + "skills in the file",
      ])
  }

  @Test("diagnostics say what a worker has instead of a person id")
  func missingIDs() {
    let warnings = (try? Vendor.load(["workday-reference-only.xml"]))?.warnings
      .filter { $0.message.contains("left out") }.map { Vendor.strip($0.description) }
    #expect(
      warnings == [
        "workday-reference-only.xml:28:3: warning: worker has no Employee_ID or "
          + "Contingent_Worker_ID, only a WID; it is left out, since a WID is an internal id that "
          + "no roles file can refer to",
        "workday-reference-only.xml:32:3: warning: worker's Worker_Reference holds no "
          + "Employee_ID or Contingent_Worker_ID, only IDs of type 'Applicant_ID'; it is left out",
      ])
  }

  @Test("the flat layout: fields under Worker, managers by id or Worker_ID, paging stated")
  func flat() throws {
    let result = try Vendor.load(["workday-flat-page1.xml"])
    #expect(result.organization.people.map(\.id.rawValue) == ["21001", "21002", "C-00517"])
    let logan = try #require(result.person("21001"))
    #expect(logan.name == "Logan McNeil")
    #expect(logan.email == "logan.mcneil@example.com")
    #expect(logan.department == "Global Support")
    #expect(logan.manager == nil)  // 20001 is on another page
    #expect(result.person("21002")?.manager == "21001")  // given by Logan's Worker_ID
    #expect(result.person("C-00517")?.manager == "21001")
    #expect(result.person("C-00517")?.name == "Pat Quinn")
    #expect(result.person("C-00517")?.email == nil)
    #expect(result.sources.map(\.people) == [3])
    #expect(
      result.remarks() == [
        "skipped 1: terminated workers",
        "skipped 1: workers without any id",
        "page 1 of 44 of a paged Get_Workers response: 100 of 4,366 workers",
        "flat layout (fields directly under Worker, no Worker_Data): 5 Worker records; fields "
          + "not read: Location, Worker_Type",
        "manager left empty for 1 person: the manager is in no input file",
      ])
    let warnings = result.warnings.filter { $0.message.contains("left out") }
      .map { Vendor.strip($0.description) }
    #expect(
      warnings == [
        "workday-flat-page1.xml:56:5: warning: worker in the flat layout has no Employee_ID, "
          + "Contingent_Worker_ID or Worker_ID (its fields: First_Name, Organization_Name); it "
          + "is left out"
      ])
  }

  @Test("the flat layout reads the same when streamed")
  func flatStreamed() throws {
    let streamed = try Vendor.load(
      ["workday-flat-page1.xml"], options: Vendor.options(streamAll: true))
    let parsed = try Vendor.load(["workday-flat-page1.xml"])
    #expect(streamed.organization == parsed.organization)
    #expect(streamed.sources == parsed.sources)
  }
}
