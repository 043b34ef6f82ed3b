import Foundation
import HRImport
import Reports
import SkillsGraph
import TestSupport
import Testing

/// Workday people converted as they are read give what converting them after every file is
/// read gives: the same organization, sources, diagnostics and report, also when a later file
/// names a skill or counts a certification differently than it would alone.
@Suite("Conversion while reading")
struct ConversionWhileReadTests {
  /// One import's result in a form to compare.
  struct Outcome: Equatable {
    var organization: Organization?
    var sources: [SourceSummary] = []
    var diagnostics: [String]
    var report: String?

    init(
      paths: [String], whileReading: Bool, threads: Int = 1, streamAll: Bool = false,
      derive: ImportOptions.RoleDerivation? = nil
    ) {
      var options = Vendor.options(streamAll: streamAll, derive: derive)
      options.maximumConcurrentFiles = threads
      options.convertsWhileReading = whileReading
      do {
        let result = try Importer.load(paths: paths, options: options)
        organization = result.organization
        sources = result.sources
        diagnostics = result.warnings.map(\.description)
        let horizon = Horizon(for: result.organization, today: .fixture("2026-11-24"))
        let content = GapReportContent.analyse(
          result.organization, horizon: horizon, sources: result.sources)
        report = render(content, as: .json)
      } catch {
        switch error {
        case .invalidData(let list): diagnostics = list.map(\.description)
        case .missingInput: diagnostics = [error.description]
        }
      }
    }
  }

  func expectSame(
    _ paths: [String], threads: [Int] = [1, 2], streamAll: Bool = false,
    derive: ImportOptions.RoleDerivation? = nil,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) -> Outcome {
    let inTurn = Outcome(paths: paths, whileReading: false, streamAll: streamAll, derive: derive)
    for count in threads {
      let whileRead = Outcome(
        paths: paths, whileReading: true, threads: count, streamAll: streamAll, derive: derive)
      #expect(whileRead == inTurn, sourceLocation: sourceLocation)
    }
    return inTurn
  }

  @Test("an export's pages: the same whole or streamed, one at a time or at once")
  func pages() throws {
    let folder = try TemporaryFolder(prefix: "understudy-while-read")
    defer { try? FileManager.default.removeItem(at: folder.url) }
    let pages = try ParallelPagesImportTests.Pages().write(4, into: folder)
    for streamAll in [false, true] {
      for derive in [nil, ImportOptions.RoleDerivation.all] {
        let outcome = expectSame(pages, streamAll: streamAll, derive: derive)
        #expect(outcome.organization?.people.count == 60)
      }
    }
    let whole = expectSame([ParallelPagesImportTests.export], derive: .critical)
    #expect(whole.organization?.people.count == 60)
  }

  /// A Get_Workers response of one worker, as of `asOf`, with a competency, certifications
  /// and a manager given by WID only.
  static func export(
    asOf: String, id: String, wid: String, competency: (id: String, name: String)?,
    certifications: [(name: String, expires: String)], managerWID: String?
  ) -> String {
    var qualifications = ""
    if let competency {
      qualifications +=
        "<wd:Competency><wd:Competency_Level_Behavior_Reference wd:Descriptor=\"Proficient\"/>"
        + "<wd:Competency_Reference wd:Descriptor=\"\(competency.name)\"><wd:ID "
        + "wd:type=\"Competency_ID\">\(competency.id)</wd:ID></wd:Competency_Reference>"
        + "</wd:Competency>"
    }
    for certification in certifications {
      qualifications +=
        "<wd:Certification><wd:Certification_Data><wd:Certification_Name>\(certification.name)"
        + "</wd:Certification_Name><wd:Expiration_Date>\(certification.expires)"
        + "</wd:Expiration_Date></wd:Certification_Data></wd:Certification>"
    }
    let manager =
      managerWID.map {
        "<wd:Management_Chain_Data><wd:Worker_Supervisory_Management_Chain_Data>"
          + "<wd:Management_Chain_Data><wd:Manager_Reference><wd:ID wd:type=\"WID\">\($0)</wd:ID>"
          + "</wd:Manager_Reference></wd:Management_Chain_Data>"
          + "</wd:Worker_Supervisory_Management_Chain_Data></wd:Management_Chain_Data>"
      } ?? ""
    return """
      <?xml version="1.0" encoding="UTF-8"?>
      <wd:Get_Workers_Response xmlns:wd="urn:com.workday/bsvc">
      <wd:Response_Filter><wd:As_Of_Effective_Date>\(asOf)</wd:As_Of_Effective_Date></wd:Response_Filter>
      <wd:Response_Data><wd:Worker><wd:Worker_Reference wd:Descriptor="Worker \(id)">
      <wd:ID wd:type="WID">\(wid)</wd:ID><wd:ID wd:type="Employee_ID">\(id)</wd:ID>
      </wd:Worker_Reference><wd:Worker_Data><wd:Worker_ID>\(id)</wd:Worker_ID>\(manager)
      <wd:Qualification_Data>\(qualifications)</wd:Qualification_Data>
      </wd:Worker_Data></wd:Worker></wd:Response_Data></wd:Get_Workers_Response>
      """
  }

  @Test("a later file whose skills or start differ from its own is converted again, in turn")
  func laterFileDiffers() throws {
    let folder = try TemporaryFolder(prefix: "understudy-while-read")
    defer { try? FileManager.default.removeItem(at: folder.url) }
    let first = folder.file("first.xml")
    let second = folder.file("second.xml")
    try Self.export(
      asOf: "2026-01-10", id: "E1", wid: "w1", competency: ("PY-1", "Python"),
      certifications: [], managerWID: nil
    ).write(toFile: first, atomically: false, encoding: .utf8)
    // Alone, its certification named "Python" would be a skill 'python' of its own, and the
    // one expiring in 2025 valid on its own date; after the first file, neither holds.
    try Self.export(
      asOf: "2025-01-01", id: "E2", wid: "w2", competency: nil,
      certifications: [("Python", "2027-01-01"), ("Rust", "2025-06-01")], managerWID: "w1"
    ).write(toFile: second, atomically: false, encoding: .utf8)
    for streamAll in [false, true] {
      let outcome = expectSame([first, second], streamAll: streamAll)
      let people = try #require(outcome.organization?.people)
      let worker = try #require(people.first { $0.id == PersonID("E2") })
      #expect(worker.levels[SkillID("PY-1")] == 3)
      #expect(worker.levels[SkillID("python")] == nil)
      #expect(worker.levels[SkillID("rust")] == nil)
      #expect(worker.manager == PersonID("E1"))
      // Alone, the second file keeps what it says.
      let alone = expectSame([second], streamAll: streamAll)
      let only = try #require(alone.organization?.people.first)
      #expect(only.levels[SkillID("python")] == 3)
      #expect(only.levels[SkillID("rust")] == 3)
    }
  }
}
