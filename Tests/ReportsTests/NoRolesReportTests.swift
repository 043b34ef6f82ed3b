import Foundation
import MentoringOptimizer
import Reports
import SkillsGraph
import Testing

@Suite("A report with no roles to cover never reads 100 %")
struct NoRolesReportTests {
  /// The team without its roles: a ceiling of 0, as a library caller can still produce.
  static let organization: Organization = {
    var organization = TeamFixture.organization
    organization.roles = []
    return organization
  }()
  static let gaps = GapReportContent.analyse(organization, horizon: TeamFixture.horizon)
  static let plan = PlanReportContent.plan(
    organization, horizon: TeamFixture.horizon,
    options: PlanOptions(policy: organization.policy))

  @Test("Markdown says there are no roles to cover")
  func markdown() {
    let gap = GapReportMarkdown.render(Self.gaps)
    #expect(gap.contains("- **Coverage: no roles to cover** (score 0 of 0)\n"))
    let plan = PlanReportMarkdown.render(Self.plan)
    #expect(plan.contains("- **Coverage: no roles to cover** (score 0 → 0 of 0)\n"))
    for text in [gap, plan] { #expect(!text.contains("100 %")) }
  }

  @Test("JSON gives the percentages as null")
  func json() throws {
    let gap = try #require(
      try JSONSerialization.jsonObject(with: Data(GapReportJSON.render(Self.gaps).utf8))
        as? [String: Any])
    let summary = try #require(gap["summary"] as? [String: Any])
    #expect(summary["coveragePercent"] is NSNull)
    #expect(summary["coverageCeiling"] as? Double == 0)
    let plan = try #require(
      try JSONSerialization.jsonObject(with: Data(PlanReportJSON.render(Self.plan).utf8))
        as? [String: Any])
    let coverage = try #require(plan["coverage"] as? [String: Any])
    #expect(coverage["percentBefore"] is NSNull)
    #expect(coverage["percentAfter"] is NSNull)
  }

  @Test("HTML shows the words, and no meter")
  func html() {
    for text in [HTMLReport.render(Self.gaps), HTMLReport.render(Self.plan)] {
      #expect(text.contains("no roles to cover"))
      #expect(!text.contains("100 %"))
    }
  }
}
