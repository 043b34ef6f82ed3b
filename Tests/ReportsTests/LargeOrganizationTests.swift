import MentoringOptimizer
import OrgGenerator
import SkillsGraph
import Testing

@testable import Reports

/// The reports of a generated 2,000-person organization stay readable: short lines, short
/// lists, units on weighted figures, and a skills table grouped by department.
@Suite("Reports at 2,000 people") struct LargeOrganizationTests {
  static let organization = OrganizationGenerator(
    people: 2000, seed: 1, style: .realistic
  ).generate()
  static let horizon = Horizon(for: organization, today: OrganizationGenerator.defaultAsOf)
  static let gaps = GapReportContent.analyse(organization, horizon: horizon)

  /// The longest line a report may have: a wave's sentence about one pair, the longest kind of
  /// line, stays well under it; a table row or bullet listing every person would not.
  static let longestLine = 400

  @Test func gapMarkdownKeepsLinesAndListsShort() throws {
    let markdown = GapReportMarkdown.render(Self.gaps)
    let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
    let longest = try #require(lines.max { $0.count < $1.count })
    #expect(longest.count <= Self.longestLine, "\(longest.prefix(120))…")
    // The organization's absence factor names dozens: ten, then how many more.
    let factor = Self.gaps.absences.organizationAbsenceFactor
    #expect(factor.people.count > 10)
    let bullet = try #require(lines.first { $0.hasPrefix("- Organization absence factor") })
    #expect(bullet.contains("and \(factor.people.count - 10) more"))
    #expect(bullet.split(separator: "(P0").count - 1 == 10)
  }

  @Test func weightedFiguresCarryTheirUnit() throws {
    let markdown = GapReportMarkdown.render(Self.gaps)
    let absences = Self.gaps.absences
    #expect(absences.expectedUncoveredRoleDaysPerYear > AbsenceAnalysis.workingDaysPerYear)
    #expect(
      markdown.contains(
        "uncovered role-days (weighted by criticality), \(absences.uncoveredDayCount) role-days "
          + "unweighted"))
    #expect(
      markdown.contains(
        "summed over \(Self.organization.roles.count) roles, each of which can lose at most 230 "
          + "working days a year"))
    let html = HTMLReport.render(Self.gaps)
    #expect(html.contains("uncovered role-days weighted by criticality"))
    #expect(html.contains("so it can be larger than 230"))
  }

  @Test func heatmapIsGroupedByDepartmentCriticalSkillsFirst() throws {
    let html = HTMLReport.render(Self.gaps)
    let departments = Set(Self.organization.people.map(\.department))
    let folded = html.components(separatedBy: "<details class=\"dept-group\">").count - 1
    #expect(folded > 10 && folded <= departments.count)
    #expect(!html.contains("<table class=\"heatmap filterable\">"))
    // Roles with a dozen qualified people draw a few boxes past the target and count the rest.
    #expect(html.contains("<span class=\"more\">+"))
    // The calendar lists the heavy roles that stop and counts the others.
    #expect(html.contains("critical and high roles have enough qualified people at work"))
    // Far smaller than one table of everyone by every heavy role's skill.
    #expect(html.utf8.count < 1_500_000)
    for group in HTMLHeatmapGroups.groups(Self.organization) where !group.roles.isEmpty {
      // Critical roles come first, so the first columns are the critical roles' skills.
      let weights = group.roles.map(\.weight)
      #expect(weights == weights.sorted(by: >))
      let first = try #require(group.roles.first?.requirements.first?.skill)
      #expect(group.columns.first?.skill == first)
      #expect(group.people.count == Self.organization.people.count { $0.department == group.name })
    }
  }

  @Test func workshopModeWithholdsSmallDepartmentsInTheGroupedHeatmap() throws {
    var content = Self.gaps
    content.privacy = Privacy(minimumGroup: 100)  // more than any generated department holds
    let html = HTMLReport.render(content)
    let skills = try #require(html.components(separatedBy: "<section id=\"skills\"").last)
      .components(separatedBy: "</section>")[0]
    // Every role is under a minimum group of 100: no skill column is shown, so no department
    // table either, and no person row.
    #expect(skills.contains("are not shown in workshop mode"))
    #expect(!skills.contains("<th scope=\"row\">"))
  }

  @Test func planMarkdownHasOneLinePerPair() throws {
    let content = PlanReportContent.plan(
      Self.organization, horizon: Self.horizon,
      options: PlanOptions(policy: Self.organization.policy, timeLimit: .seconds(1)))
    let markdown = PlanReportMarkdown.render(content)
    let lines = markdown.split(separator: "\n")
    #expect(lines.allSatisfy { $0.count <= Self.longestLine })
    let pairLines = lines.filter { $0.hasPrefix("- **") && $0.contains(" learns ") }
    #expect(pairLines.count == content.plan.pairs.count)
    #expect(markdown.contains("Uncovered role-days in the horizon (weighted by criticality)"))
  }
}
