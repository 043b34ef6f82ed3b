import SkillsGraph

/// A problem found in an earlier plan given as input, at the line to edit.
public struct PlanInputIssue: Hashable, Sendable, CustomStringConvertible {
  public enum Severity: String, Hashable, Sendable {
    /// The plan cannot be made until the file is fixed.
    case error
    /// The plan is made; the file says something that was read differently than written.
    case warning
  }

  public var severity: Severity
  public var message: String
  public var place: InputPlace?

  public init(_ severity: Severity, _ message: String, at place: InputPlace?) {
    self.severity = severity
    self.message = message
    self.place = place
  }

  /// `file:line:column: error: message`, as every diagnostic prints.
  public var description: String {
    (place.map { "\($0): " } ?? "") + "\(severity.rawValue): \(message)"
  }
}

/// Mentor, mentee and skill: what makes two plans' pairs the same pair.
public struct PairKey: Hashable, Sendable, Comparable {
  public var mentor: PersonID
  public var mentee: PersonID
  public var skill: SkillID

  public init(mentor: PersonID, mentee: PersonID, skill: SkillID) {
    self.mentor = mentor
    self.mentee = mentee
    self.skill = skill
  }

  public static func < (lhs: Self, rhs: Self) -> Bool {
    (lhs.mentee, lhs.skill, lhs.mentor) < (rhs.mentee, rhs.skill, rhs.mentor)
  }
}

/// What became of an earlier plan given back as input: the report opens with it, and the plan
/// file this run writes carries its history on.
public struct PlanChanges: Hashable, Sendable {
  /// The horizon the earlier plan was made for.
  public var earlierStart: Day?
  public var earlierWeeks: Int?
  /// Done pairs: recorded as done, or active ones whose hours are all spent.
  public var finished: [RecordedPair]
  /// Active pairs the new plan keeps with their mentors.
  public var running: [PairKey]
  /// Agreed pairs the new plan keeps.
  public var agreed: [PairKey]
  /// Pairs this run proposes that the earlier plan did not.
  public var added: [PairKey]
  /// Pairs the earlier plan proposed that this run proposes again.
  public var proposedAgain: [PairKey]
  /// Pairs the earlier plan proposed that this run does not.
  public var withdrawn: [RecordedPair]
  /// Why each of `withdrawn` is not proposed again, in the same order.
  public var withdrawnReasons: [WithdrawalReason]
  /// Pairs called off: recorded as dropped, or active ones whose mentor or mentee left.
  public var dropped: [RecordedPair]
  /// Pairs that must not happen, carried to the next plan file.
  public var forbids: [PairForbid]
  /// `C` today as the inputs have it without the pairs recorded done, and with them.
  public var coverageThen: Double
  public var coverageNow: Double

  public init(
    earlierStart: Day?, earlierWeeks: Int?, finished: [RecordedPair], running: [PairKey],
    agreed: [PairKey], added: [PairKey], proposedAgain: [PairKey], withdrawn: [RecordedPair],
    withdrawnReasons: [WithdrawalReason]? = nil, dropped: [RecordedPair], forbids: [PairForbid],
    coverageThen: Double, coverageNow: Double
  ) {
    self.earlierStart = earlierStart
    self.earlierWeeks = earlierWeeks
    self.finished = finished
    self.running = running
    self.agreed = agreed
    self.added = added
    self.proposedAgain = proposedAgain
    self.withdrawn = withdrawn
    self.withdrawnReasons =
      withdrawnReasons ?? Array(repeating: .notChosen, count: withdrawn.count)
    self.dropped = dropped
    self.forbids = forbids
    self.coverageThen = coverageThen
    self.coverageNow = coverageNow
  }
}

extension MentoringPlan {
  /// This plan as a plan section to keep and edit: its pairs with their schedules (proposed,
  /// agreed, active with the hours done before), then the earlier plan's done and dropped pairs
  /// and its forbids, so history is never lost between runs.
  ///
  /// - Parameter start: the first day of this plan's horizon.
  /// - Returns: the plan section, pairs in the plan's order, then the history.
  public func recorded(start: Day?) -> RecordedPlan {
    var record = RecordedPlan(start: start, weeks: horizonWeeks)
    for pair in pairs {
      record.pairs.append(
        RecordedPair(
          mentor: pair.mentor, mentee: pair.mentee, skill: pair.skill, toLevel: pair.toLevel,
          status: pair.status, hoursDone: pair.hoursDone,
          schedule: pair.schedule.map { WeekHours(week: $0.week, hours: $0.menteeHours) }))
    }
    if let changes {
      record.pairs += changes.finished.map { $0.with(status: .done) }
      record.pairs += changes.dropped.map { $0.with(status: .dropped) }
      record.forbids = changes.forbids.map {
        PairForbid(mentor: $0.mentor, mentee: $0.mentee, skill: $0.skill)
      }
    }
    return record
  }
}

extension RecordedPair {
  /// The same pair with another status, without its schedule, hours done or place.
  func with(status: PairStatus) -> RecordedPair {
    RecordedPair(
      mentor: mentor, mentee: mentee, skill: skill, toLevel: toLevel, status: status)
  }
}
