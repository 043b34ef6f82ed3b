import Foundation
import Testing

/// `understudy analyze EXPORT ROLES` on the exports as real systems and integrations write them.
@Suite("Real exports from the command line: Workday variants, résumés, Europass CVs", .serialized)
struct RealExportCommandTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var export: String
    var roles: String
    /// The export's row of the data sources table.
    var row: String
    /// Lines the report must hold: people by name, the export's remarks.
    var lines: [String]
    var testDescription: String { export }
  }

  static let fixtures = "Tests/HRImportTests/Fixtures/"

  static let cases: [Case] = [
    Case(
      export: "workday-reference-only.xml", roles: "workday-reference-only-roles.xml",
      row: "| workday | 3 | 0 | 0 | 0 |",
      lines: [
        "| Service desk (`service-desk`) | 2 | 0 | 2 | 2 | Logan McNeil (21001) |",
        "- reference-only response (Worker_Reference and Worker_Descriptor, no Worker_Data): 3 "
          + "workers named by the descriptor as written; no department, manager, e-mail, job or "
          + "skills in the file",
      ]),
    Case(
      export: "workday-flat-page1.xml", roles: "workday-flat-roles.xml",
      row: "| workday | 3 | 0 | 0 | 0 |",
      lines: [
        "| Escalations (`escalations`) | 2 | 0 | 2 | 2 | Teresa Serrano (21002) |",
        "- page 1 of 44 of a paged Get_Workers response: 100 of 4,366 workers",
      ]),
    Case(
      export: "hrxml2-parsed-resume.xml", roles: "hrxml2-parsed-resume-roles.xml",
      row: "| hrxml2 | 1 | 3 | 0 | 0 |",
      lines: [
        "| Payroll run (`payroll-run`) | 2 | 1 | 2 | 1 | Noor Haddad (hrxml2-parsed-resume) |",
        "- evidence ignored: 2 'Total Months' values (time of experience, not a proficiency)",
      ]),
    Case(
      export: "europass-v33-cv.xml", roles: "europass-v33-cv-roles.xml",
      row: "| europass | 1 | 7 | 0 | 0 |",
      lines: [
        "| English-language desk (`english-desk`) | 2 | 1 | 2 | 1 | Lea Marchetti "
          + "(europass-v33-cv) |",
        "- 1 mother tongue counted as C2",
      ]),
    Case(
      export: "europass-candidate.xml", roles: "europass-candidate-roles.xml",
      row: "| europass | 1 | 4 | 0 | 0 |",
      lines: [
        "| French-language desk (`french-desk`) | 2 | 1 | 2 | 1 | Tomás Ferreira "
          + "(europass-candidate) |",
        "- no DocumentID: the person's id is the file name, 'europass-candidate'",
      ]),
  ]

  @Test(
    "analyze EXPORT ROLES reads the export, names its people and states its remarks",
    arguments: cases)
  func analyze(_ testCase: Case) throws {
    let outcome = try CLIRunner.run([
      "analyze", Self.fixtures + testCase.export, Self.fixtures + testCase.roles,
    ])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let lines = outcome.stdout.split(separator: "\n").map(String.init)
    #expect(lines.contains("| \(Self.fixtures)\(testCase.export) \(testCase.row)"))
    for line in testCase.lines {
      #expect(lines.contains(line), "missing: \(line)")
    }
    #expect(!outcome.stderr.contains("error:"))
  }

  @Test("understudy formats states the CEFR table the import uses")
  func formatsCEFR() throws {
    let outcome = try CLIRunner.run(["formats"])
    #expect(outcome.status == 0)
    #expect(
      outcome.stdout.contains(
        "CEFR on 0…4: A1, A2 → 1; B1 → 2; B2, C1 → 3; C2 → 4 (k/6 of the top, halves down)"))
    #expect(outcome.stdout.contains("SkillsPassport in http://europass.cedefop.europa.eu/Europass"))
  }
}
