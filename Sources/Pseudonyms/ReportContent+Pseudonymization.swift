import MentoringOptimizer
import Reports
import SkillsGraph

/// Workshop mode renames the finished report, never the input.
///
/// The analysis and the optimizer run on the input's own ids (docs/model.md: the tie-break is
/// "on the input's own ids (never on pseudonyms)"), so the plan a workshop discusses is the plan
/// that will run, whatever the salt. Only then is every person the content names replaced by
/// their pseudonym. Lists that are sets of people (who is qualified, single points of failure,
/// who is away) are re-sorted by pseudonym, so their order does not hint at the real ids;
/// lists whose order means something (the plan's pairs, succession candidates by hours, leavers
/// by last day) keep it.
extension Pseudonymization {
  /// The gap report's content with every person replaced by their pseudonym.
  ///
  /// - Complexity: O(size of the content).
  public func apply(to content: GapReportContent) -> GapReportContent {
    var renamed = content
    renamed.organization = apply(to: content.organization)
    renamed.coverage = apply(to: content.coverage)
    renamed.absences = apply(to: content.absences)
    renamed.baseline = content.baseline.map { baseline in
      GapReportContent.Baseline(
        organization: apply(to: baseline.organization), coverage: apply(to: baseline.coverage),
        absences: apply(to: baseline.absences), scenario: baseline.scenario.renamed(by: self))
    }
    renamed.succession = content.succession.map { entry in
      var entry = entry
      entry.incumbent = callAs(entry.incumbent)
      entry.candidates = entry.candidates.map { candidate in
        var candidate = candidate
        candidate.person = callAs(candidate.person)
        return candidate
      }
      return entry
    }
    renamed.departures = content.departures.map { departure in
      var departure = departure
      departure.person = callAs(departure.person)
      return departure
    }.sorted { $0.lastDay != $1.lastDay ? $0.lastDay < $1.lastDay : $0.person < $1.person }
    return renamed
  }

  /// The plan report's content with every person replaced by their pseudonym; the pairs are
  /// the same pairs, in the same order.
  ///
  /// Besides the pairs, that covers why each role stays short (its nearest candidate and the
  /// mentors it names) and what became of an earlier plan file ("Since the plan file"); the
  /// check-ins name nobody (they point at pairs by index) and follow the renamed pairs.
  ///
  /// - Complexity: O(size of the content).
  public func apply(to content: PlanReportContent) -> PlanReportContent {
    var renamed = content
    renamed.organization = apply(to: content.organization)
    renamed.before = apply(to: content.before)
    renamed.absencesAfter = apply(to: content.absencesAfter)
    renamed.plan.before = apply(to: content.plan.before)
    renamed.plan.after = apply(to: content.plan.after)
    renamed.plan.pairs = content.plan.pairs.map { pair in
      var pair = pair
      pair.mentor = callAs(pair.mentor)
      pair.mentee = callAs(pair.mentee)
      pair.mentorTraining = pair.mentorTraining.map { training in
        var training = training
        training.mentor = callAs(training.mentor)
        training.mentee = callAs(training.mentee)
        return training
      }
      return pair
    }
    renamed.plan.unmet = content.plan.unmet.map { role in
      var role = role
      role.reason = apply(to: role.reason)
      return role
    }
    renamed.plan.changes = content.plan.changes.map { apply(to: $0) }
    // Messages that name people by their ids, in words no renaming can reach: workshop mode
    // reports only how many there were (and an error stops the run before any report).
    renamed.plan.inputIssues = []
    return renamed
  }

  /// Coverage with qualified people, incumbents and single points of failure renamed.
  func apply(to coverage: CoverageAnalysis) -> CoverageAnalysis {
    var renamed = coverage
    renamed.roles = coverage.roles.map { role in
      var role = role
      role.qualified = role.qualified.map(callAs).sorted()
      role.incumbents = role.incumbents.map(callAs)
      return role
    }
    renamed.singlePointsOfFailure = coverage.singlePointsOfFailure.map {
      CoverageAnalysis.SinglePointOfFailure(person: callAs($0.person), roles: $0.roles)
    }.sorted { $0.person < $1.person }
    return renamed
  }

  /// The calendar with the people away in each uncovered run and the organization's absence
  /// group renamed.
  func apply(to absences: AbsenceAnalysis) -> AbsenceAnalysis {
    var renamed = absences
    renamed.roles = absences.roles.map { role in
      var role = role
      role.uncoveredRuns = role.uncoveredRuns.map { run in
        UncoveredRun(
          days: run.days,
          away: run.away.map { PersonAway(person: callAs($0.person), reasons: $0.reasons) }
            .sorted { $0.person < $1.person })
      }
      return role
    }
    renamed.organizationAbsenceFactor.people =
      absences.organizationAbsenceFactor.people.map(callAs).sorted()
    return renamed
  }
}
