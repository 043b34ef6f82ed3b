import MentoringOptimizer
import SkillsGraph

/// The mentoring plan for machines: coverage before and after, pairs, schedule, unmet roles.
public enum PlanReportJSON {
  /// Renders `content` as JSON; the same input gives the same bytes (timings are left out).
  public static func render(_ content: PlanReportContent) -> String {
    let plan = content.plan
    let before = content.before
    let disclosure = content.depthDisclosure
    let checkIns = content.checkIns.byPair
    return JSONValue.object([
      ("changes", PlanChangesReport.json(plan.changes)),
      (
        "coverage",
        .object([
          ("before", .number(plan.coverageBefore)),
          ("after", .number(plan.coverageAfter)),
          ("ceiling", .number(plan.coverageCeiling)),
          ("coverageWeeks", .number(GapReportJSON.rounded(plan.coverageWeeks, places: 4))),
          (
            "coverageWeeksBefore",
            .number(GapReportJSON.rounded(plan.coverageWeeksBefore, places: 4))
          ),
          (
            "coverageWeeksBound",
            .number(GapReportJSON.rounded(plan.coverageWeeksBound, places: 4))
          ),
          ("coverageWeeksGapPercent", .number(GapReportJSON.rounded(plan.gapPercent, places: 2))),
          (
            "horizonPercent",
            plan.horizonPercent.map { .number(GapReportJSON.rounded($0, places: 2)) } ?? .null
          ),
          (
            "byWeek",
            .array(plan.coverageByWeek.map { .number(GapReportJSON.rounded($0, places: 4)) })
          ),
          (
            "byWeekBefore",
            .array(plan.coverageByWeekBefore.map { .number(GapReportJSON.rounded($0, places: 4)) })
          ),
          ("cascades", .bool(plan.cascades)),
          ("percentBefore", GapReportJSON.percent(plan.before.coveragePercent)),
          ("percentAfter", GapReportJSON.percent(plan.after.coveragePercent)),
        ])
      ),
      (
        "uncoveredRoleDays",
        .object([
          ("before", .number(before.absences.uncoveredRoleDays)),
          ("after", .number(content.absencesAfter.uncoveredRoleDays)),
        ])
      ),
      (
        "uncoveredDayCount",
        .object([
          ("before", .number(Double(before.absences.uncoveredDayCount))),
          ("after", .number(Double(content.absencesAfter.uncoveredDayCount))),
        ])
      ),
      ("horizon", GapReportJSON.horizon(content.absencesAfter)),
      ("checkInPattern", pattern(content.checkInPattern)),
      (
        "pairs",
        .array(zip(plan.pairs, checkIns).map { pair(content, $0, checkIns: $1, disclosure) })
      ),
      ("unmet", .array(plan.unmet.map { UnmetReasonJSON.role($0, disclosure: disclosure) })),
      (
        "search",
        .object([
          ("candidateBundles", .number(Double(plan.stats.candidateBundles))),
          ("stoppedOnTimeLimit", .bool(plan.stats.stoppedOnTimeLimit)),
          ("totalMenteeHours", .number(GapReportJSON.rounded(plan.totalMenteeHours, places: 2))),
        ])
      ),
      (
        "analysisBefore",
        analysis(
          plan.before, before.absences, organization: content.organization,
          disclosure: disclosure)
      ),
      (
        "analysisAfter",
        analysis(
          plan.after, content.absencesAfter, organization: content.organization,
          disclosure: disclosure)
      ),
      (
        "succession",
        .array(before.succession.map { SuccessionJSON.entry($0, disclosure: disclosure) })
      ),
      (
        "leavers",
        LeaverJSON.leavers(
          before.departures, content.horizon, disclosure, backups: content.newBackups)
      ),
      ("readinessDefinitions", SuccessionJSON.readinessDefinitions),
      ("sources", .array(before.sources.map(GapReportJSON.source))),
    ]).rendered()
  }

  /// The check-in pattern the plan's check-ins follow.
  static func pattern(_ pattern: CheckInPattern) -> JSONValue {
    .object([
      ("weekday", .string(CheckInPattern.weekdayNames[pattern.weekday - 1])),
      ("time", .string(CheckInPattern.clock(pattern.startMinute))),
      ("minutes", .number(Double(pattern.minutes))),
      ("everyWeeks", .number(Double(pattern.everyWeeks))),
      ("timeZone", pattern.timeZone.map { .string($0.identifier) } ?? .null),
    ])
  }

  static func pair(
    _ content: PlanReportContent, _ pair: PlannedPair, checkIns: [CheckIn],
    _ disclosure: DepthDisclosure
  ) -> JSONValue {
    .object([
      ("mentor", .string(pair.mentor.rawValue)),
      ("mentee", .string(pair.mentee.rawValue)),
      ("skill", .string(pair.skill.rawValue)),
      ("status", .string(pair.status.rawValue)),
      ("hoursDone", .number(GapReportJSON.rounded(pair.hoursDone, places: 2))),
      ("fromLevel", .number(Double(pair.fromLevel))),
      ("toLevel", .number(Double(pair.toLevel))),
      ("menteeHours", .number(GapReportJSON.rounded(pair.menteeHours, places: 2))),
      ("mentorHours", .number(GapReportJSON.rounded(pair.mentorHours, places: 2))),
      ("startWeek", .number(Double(pair.startWeek))),
      ("endWeek", .number(Double(pair.endWeek))),
      ("startDate", .string(content.horizon.firstDay(ofWeek: pair.startWeek).description)),
      (
        "endDate",
        .string(content.horizon.firstDay(ofWeek: pair.endWeek).adding(days: 4).description)
      ),
      (
        "schedule",
        .array(
          pair.schedule.map {
            .object([
              ("week", .number(Double($0.week))),
              ("menteeHours", .number(GapReportJSON.rounded($0.menteeHours, places: 4))),
            ])
          })
      ),
      (
        "mentorTrainedBy",
        pair.mentorTraining.map {
          .object([
            ("mentor", .string($0.mentor.rawValue)),
            ("mentee", .string($0.mentee.rawValue)),
            ("skill", .string($0.skill.rawValue)),
            ("endWeek", .number(Double($0.endWeek))),
          ])
        } ?? .null
      ),
      ("checkInWeeks", .array(checkIns.map { .number(Double($0.week)) })),
      (
        "checkIns",
        .array(
          checkIns.map {
            .object([
              ("week", .number(Double($0.week))),
              ("date", .string($0.day.description)),
              ("time", .string(CheckInPattern.clock($0.startMinute))),
            ])
          })
      ),
      ("roles", .array(pair.roles.map { .string($0.role.rawValue) })),
      (
        "impact",
        .array(
          pair.roles.map {
            .object([
              ("role", .string($0.role.rawValue)),
              ("depthBefore", GapReportJSON.depth($0.depthBefore, of: $0.role, disclosure)),
              ("depthAfter", GapReportJSON.depth($0.depthAfter, of: $0.role, disclosure)),
              ("fromWeek", .number(Double($0.readyWeek))),
            ])
          })
      ),
      ("crossDepartment", .bool(pair.crossDepartment)),
      ("matchesInterest", .bool(pair.matchesInterest)),
    ])
  }

  static func analysis(
    _ coverage: CoverageAnalysis, _ absences: AbsenceAnalysis, organization: Organization,
    disclosure: DepthDisclosure
  ) -> JSONValue {
    .object([
      (
        "summary",
        GapReportJSON.summary(
          coverage, absences, organization: organization, disclosure: disclosure)
      ),
      (
        "roles",
        .array(
          zip(coverage.roles, absences.roles).map {
            GapReportJSON.role($0, $1, disclosure: disclosure)
          })
      ),
      ("singlePointsOfFailure", GapReportJSON.singlePoints(coverage, disclosure)),
    ])
  }
}
