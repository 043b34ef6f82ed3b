import Foundation
import TestSupport
import Testing

/// The samples' own case of issue 13: Harborline's month-end close is uncovered 21–31 December
/// because both people who can close are on vacation, and Fatou Ndiaye (HL035) leaves on Friday
/// 29 January 2027, in week 9 of the horizon from 30 November 2026 (25–31 January), so the
/// hazardous goods acceptance, which she and Marek Nowak (HL022) hold, goes from 2 to 1 from
/// week 10 (1 February).
@Suite("Who is away and who leaves, end to end on the samples", .serialized)
struct AwayAndLeaversCommandTests {
  let samples = ["samples/harborline-hr-export.xml", "samples/harborline-roles.xml"].map(
    CLIRunner.path)

  @Test("the gap report says who is away when the close stops, and that Fatou leaves")
  func analyze() throws {
    let outcome = try CLIRunner.run(["analyze"] + samples)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(
      outcome.stdout.contains(
        "- Month-end close (`month-end-close`), 2026-12-21 to 2026-12-31: Ingrid Vermeulen "
          + "(HL040): vacation; Wojciech Lewandowski (HL041): vacation\n"))
    #expect(
      outcome.stdout.contains(
        "- Hazardous goods acceptance (`hazmat-acceptance`), 2027-02-08 to 2027-02-12: Marek "
          + "Nowak (HL022): training; Fatou Ndiaye (HL035): left after 2027-01-29\n"))
    #expect(
      outcome.stdout.contains(
        "- **Fatou Ndiaye (HL035)**, Customs & Compliance, last day 2027-01-29: Hazardous goods "
          + "acceptance (`hazmat-acceptance`): depth 2 → 1 from week 10 (2027-02-01).\n"))
  }

  @Test("the plan names the backup it trains for the role Fatou leaves")
  func plan() throws {
    let outcome = try CLIRunner.run(["plan"] + samples)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(
      outcome.stdout.contains(
        "- **Fatou Ndiaye (HL035)**, Customs & Compliance, last day 2027-01-29: Hazardous goods "
          + "acceptance (`hazmat-acceptance`): depth 2 → 1 from week 10 (2027-02-01); backup in "
          + "the plan: "))
  }
}
