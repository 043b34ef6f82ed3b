import Foundation
import HRImport
import Testing

/// The real and reconstructed exports of the shared vendor samples folder.
///
/// They are not part of the repository: where `../shared/samples/vendor/` is absent (a user's
/// clone), these tests are skipped, and the skip is visible in the test output through the
/// condition's comment.
@Suite(
  "Every shared vendor sample imports, or says why it holds no people",
  .enabled(
    if: Vendor.hasSharedSamples,
    "skipped: ../shared/samples/vendor/ is not present beside the repository"))
struct VendorSamplesTests {
  static let expected: [(file: String, profile: String, people: Int)] = [
    ("bamboohr_employees_directory.xml", "bamboohr", 1),
    ("bamboohr_meta_lists_timeofftypes.xml", "bamboohr", 0),
    ("bamboohr_table_jobInfo.xml", "bamboohr", 0),
    ("bamboohr_time_off_requests.xml", "bamboohr", 1),
    ("bamboohr_whos_out.xml", "bamboohr", 2),
    ("eures_hrxml32_candidate_nav.xml", "europass", 1),
    ("europass_candidate_ec_sample1.xml", "europass", 1),
    ("europass_candidate_personqualifications_postulo.xml", "europass", 1),
    ("europass_real_export_fragment_smhb.xml", "europass", 1),
    ("hrxml25_CandidateExample.xml", "hrxml2", 1),
    ("hrxml25_ResumeExample.xml", "hrxml2", 1),
    ("hrxml25_Competencies.xsd", "none (XML Schema)", 0),
    ("hrxml25_CompetencyTypes.xsd", "none (XML Schema)", 0),
    ("hrxml25_LicensesAndCertifications.xsd", "none (XML Schema)", 0),
    ("hrxml3_oagis_bods_RECONSTRUCTED.xml", "hrxml3", 1),
    ("sf_odata_v2_atom_SYNTHETIC.xml", "successfactors", 1),
    ("workday_get_workers_response_treestryder.xml", "workday", 1),
    ("workday_get_workers_synthetic.xml", "workday", 3),
  ]

  @Test("each file: its profile, its people, or a clear reason", arguments: expected.map(\.file))
  func sample(file: String) throws {
    let path = Vendor.sharedSamples.appendingPathComponent(file).path
    let expected = try #require(Self.expected.first { $0.file == file })
    for streaming in [false, true] {
      var options = Vendor.options(streamAll: streaming)
      options.today = Vendor.today
      guard expected.people > 0 else {
        // A file that yields nobody is an error saying what it held, never a silent pass.
        let error = try #require(throws: ImportError.self) {
          try Importer.load(paths: [path], options: options)
        }
        guard case .invalidData(let diagnostics) = error else {
          Issue.record("expected invalid data, got \(error)")
          continue
        }
        #expect(diagnostics.contains { $0.message.hasPrefix("file holds no people: ") })
        let noPeople = diagnostics.filter { $0.severity == .error }.map(\.message)
        #expect(noPeople.count == 1)
        #expect(noPeople.first?.hasPrefix("no people read from this file: root element ") == true)
        #expect(noPeople.first?.contains(", read as \(expected.profile); ") == true)
        #expect(noPeople.first?.contains("; holds no people: ") == true)
        continue
      }
      let result = try Importer.load(paths: [path], options: options)
      let source = try #require(result.sources.first)
      #expect(source.profile == expected.profile)
      #expect(result.organization.people.count == expected.people)
    }
  }

  @Test("every file in the folder is listed above")
  func complete() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: Vendor.sharedSamples.path)
      .filter { $0.hasSuffix(".xml") || $0.hasSuffix(".xsd") }
    #expect(Set(files) == Set(Self.expected.map(\.file)))
  }

  @Test("the synthetic Workday sample: chains, descriptors, level-less skills, certifications")
  func workdaySynthetic() throws {
    let path = Vendor.sharedSamples.appendingPathComponent("workday_get_workers_synthetic.xml").path
    let result = try Importer.load(paths: [path], options: Vendor.options())
    #expect(result.person("21002")?.manager == "21001")
    #expect(result.person("21003")?.department == "Finance Operations")
    #expect(result.level("21001", "Financial Acumen") == 3)
    #expect(result.level("21002", "Financial Acumen") == 4)
    #expect(result.level("21003", "Financial Acumen") == 2)
    #expect(result.level("21002", "Python") == 2)
    #expect(result.level("21003", "CPA") == 3)
  }
}
