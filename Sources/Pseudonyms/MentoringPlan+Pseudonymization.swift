import MentoringOptimizer
import SkillsGraph

/// The parts of a plan that name people beyond its pairs: what became of an earlier plan file,
/// and why a role stays short.
///
/// Lists whose order means something keep it: the plan file's pairs and forbids in the order
/// the manager wrote them, the kept and proposed pairs in the plan's order, the mentors of a
/// shortage in the planner's order. A mentor's mentees are a set, sorted by id, so they are
/// re-sorted by pseudonym.
extension Pseudonymization {
  /// A plan section with every mentor, mentee and forbidden person renamed.
  ///
  /// - Complexity: O(pairs + forbids).
  public func apply(to plan: RecordedPlan) -> RecordedPlan {
    var renamed = plan
    renamed.pairs = plan.pairs.map { apply(to: $0) }
    renamed.forbids = plan.forbids.map { apply(to: $0) }
    return renamed
  }

  /// "Since the plan file" with every pair and forbid renamed.
  ///
  /// - Complexity: O(pairs + forbids).
  public func apply(to changes: PlanChanges) -> PlanChanges {
    var renamed = changes
    renamed.finished = changes.finished.map { apply(to: $0) }
    renamed.running = changes.running.map { apply(to: $0) }
    renamed.agreed = changes.agreed.map { apply(to: $0) }
    renamed.added = changes.added.map { apply(to: $0) }
    renamed.proposedAgain = changes.proposedAgain.map { apply(to: $0) }
    renamed.withdrawn = changes.withdrawn.map { apply(to: $0) }
    renamed.withdrawnReasons = changes.withdrawnReasons.map { reason in
      reason.person.map { reason.naming(callAs($0)) } ?? reason
    }
    renamed.dropped = changes.dropped.map { apply(to: $0) }
    renamed.forbids = changes.forbids.map { apply(to: $0) }
    return renamed
  }

  /// The reason with its nearest candidate and every mentor it names renamed.
  ///
  /// - Complexity: O(mentors and mentees named).
  public func apply(to reason: UnmetReason) -> UnmetReason {
    var renamed = reason
    renamed.candidate = reason.candidate.map(callAs)
    switch reason.limit {
    case .noLearner(let nearest):
      renamed.limit = .noLearner(
        nearest: nearest.map {
          UnavailableCandidate(person: callAs($0.person), menteeHours: $0.menteeHours, why: $0.why)
        })
    case .horizon(var time):
      time.mentorsNext = time.mentorsNext.map { apply(to: $0) }
      renamed.limit = .horizon(time)
    case .mentors(let shortage):
      renamed.limit = .mentors(apply(to: shortage))
    case .noMentor, .learnerBusy, .pairTaken, .searchStopped:
      break
    }
    return renamed
  }

  /// The mentors of a shortage, their mentees and the mentor a change is for, renamed.
  func apply(to shortage: MentorShortage) -> MentorShortage {
    var renamed = shortage
    renamed.mentors = shortage.mentors.map { load in
      var load = load
      load.person = callAs(load.person)
      load.mentees = load.mentees.map(callAs).sorted()
      return load
    }
    renamed.change = shortage.change.map {
      MentorChange(
        mentor: callAs($0.mentor), extraSlot: $0.extraSlot, hoursPerWeek: $0.hoursPerWeek)
    }
    return renamed
  }

  func apply(to pair: RecordedPair) -> RecordedPair {
    var renamed = pair
    renamed.mentor = callAs(pair.mentor)
    renamed.mentee = callAs(pair.mentee)
    return renamed
  }

  func apply(to key: PairKey) -> PairKey {
    PairKey(mentor: callAs(key.mentor), mentee: callAs(key.mentee), skill: key.skill)
  }

  func apply(to forbid: PairForbid) -> PairForbid {
    var renamed = forbid
    renamed.mentor = forbid.mentor.map(callAs)
    renamed.mentee = forbid.mentee.map(callAs)
    return renamed
  }
}
