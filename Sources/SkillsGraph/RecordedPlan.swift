/// Where a record was read, so that a problem found long after import (while planning) can
/// still point at the line a manager has to edit: `file:line:column`.
public struct InputPlace: Hashable, Sendable, CustomStringConvertible {
  public var file: String
  /// 1-based; 0 when unknown.
  public var line: Int
  /// 1-based, in UTF-8 bytes; 0 when unknown.
  public var column: Int

  public init(file: String, line: Int = 0, column: Int = 0) {
    self.file = file
    self.line = line
    self.column = column
  }

  public var description: String {
    guard line > 0 else { return file }
    return column > 0 ? "\(file):\(line):\(column)" : "\(file):\(line)"
  }
}

/// What has become of a pair since a plan proposed it (docs/model.md, "Progress, agreements and
/// re-planning").
public enum PairStatus: String, Hashable, Sendable, CaseIterable {
  /// As the optimizer wrote it: planned afresh on the next run.
  case proposed
  /// Agreed with both people: every new plan keeps it.
  case agreed
  /// Running: kept with its mentor, its remaining hours scheduled.
  case active
  /// Finished: the mentee holds the target level.
  case done
  /// Called off: never proposed again for the same mentor, mentee and skill.
  case dropped
}

/// One pair of a plan file, as the manager left it.
public struct RecordedPair: Hashable, Sendable {
  public var mentor: PersonID
  public var mentee: PersonID
  public var skill: SkillID
  /// The level the pair teaches up to.
  public var toLevel: Int
  public var status: PairStatus
  /// Mentee hours already spent, for an active pair.
  public var hoursDone: Double
  /// The weeks the plan that wrote it gave the pair, and the mentee hours in each; written for
  /// people to read, never read back as a constraint.
  public var schedule: [WeekHours]
  /// Where the pair was read, for messages about it.
  public var place: InputPlace?
  /// For a done pair: the level the other inputs gave the mentee before the pair was counted,
  /// so a report can say what the finished training changed.
  public var heldBefore: Int?

  public init(
    mentor: PersonID, mentee: PersonID, skill: SkillID, toLevel: Int, status: PairStatus,
    hoursDone: Double = 0, schedule: [WeekHours] = [], place: InputPlace? = nil
  ) {
    self.mentor = mentor
    self.mentee = mentee
    self.skill = skill
    self.toLevel = toLevel
    self.status = status
    self.hoursDone = hoursDone
    self.schedule = schedule
    self.place = place
  }

  /// `mentor → mentee: skill to level`, the way messages name a pair.
  public var label: String { "\(mentor) → \(mentee): '\(skill)' to level \(toLevel)" }

  /// Equal pairs say the same thing; where they were read does not matter.
  public static func == (lhs: Self, rhs: Self) -> Bool {
    (lhs.mentor, lhs.mentee, lhs.skill, lhs.toLevel, lhs.status, lhs.hoursDone)
      == (rhs.mentor, rhs.mentee, rhs.skill, rhs.toLevel, rhs.status, rhs.hoursDone)
      && lhs.schedule == rhs.schedule
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(mentor)
    hasher.combine(mentee)
    hasher.combine(skill)
    hasher.combine(toLevel)
    hasher.combine(status)
  }
}

/// Mentee hours in one week of a plan.
public struct WeekHours: Hashable, Sendable {
  /// 1-based week of the plan.
  public var week: Int
  public var hours: Double

  public init(week: Int, hours: Double) {
    self.week = week
    self.hours = hours
  }
}

/// A pair that must not happen: every given field must match, absent fields match anything.
public struct PairForbid: Hashable, Sendable {
  public var mentor: PersonID?
  public var mentee: PersonID?
  public var skill: SkillID?
  public var place: InputPlace?

  public init(
    mentor: PersonID? = nil, mentee: PersonID? = nil, skill: SkillID? = nil,
    place: InputPlace? = nil
  ) {
    self.mentor = mentor
    self.mentee = mentee
    self.skill = skill
    self.place = place
  }

  /// Whether a pair of `mentor` teaching `mentee` `skill` is forbidden by this entry.
  public func matches(mentor: PersonID, mentee: PersonID, skill: SkillID) -> Bool {
    (self.mentor.map { $0 == mentor } ?? true) && (self.mentee.map { $0 == mentee } ?? true)
      && (self.skill.map { $0 == skill } ?? true)
  }

  /// `mentor E5, skill 'tax'`: the fields given, for messages.
  public var label: String {
    var parts: [String] = []
    if let mentor { parts.append("mentor \(mentor)") }
    if let mentee { parts.append("mentee \(mentee)") }
    if let skill { parts.append("skill '\(skill)'") }
    return parts.isEmpty ? "(nothing)" : parts.joined(separator: ", ")
  }

  /// Equal forbids rule out the same pairs; where they were read does not matter.
  public static func == (lhs: Self, rhs: Self) -> Bool {
    (lhs.mentor, lhs.mentee, lhs.skill) == (rhs.mentor, rhs.mentee, rhs.skill)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(mentor)
    hasher.combine(mentee)
    hasher.combine(skill)
  }
}

/// A plan section: an earlier plan's pairs with what became of them.
///
/// With the pairs that must never be proposed. Given back as an input, it drives the next run.
public struct RecordedPlan: Hashable, Sendable {
  /// The first day of the horizon the plan was made for.
  public var start: Day?
  /// The horizon the plan was made for, in weeks.
  public var weeks: Int?
  /// In the order read (several files' sections one after another).
  public var pairs: [RecordedPair]
  public var forbids: [PairForbid]

  public init(
    start: Day? = nil, weeks: Int? = nil, pairs: [RecordedPair] = [], forbids: [PairForbid] = []
  ) {
    self.start = start
    self.weeks = weeks
    self.pairs = pairs
    self.forbids = forbids
  }

  /// Whether the plan rules out `mentor` teaching `mentee` `skill`: a forbid entry matches, or the
  /// same mentor, mentee and skill were dropped before (at any level).
  public func rulesOut(mentor: PersonID, mentee: PersonID, skill: SkillID) -> Bool {
    forbids.contains { $0.matches(mentor: mentor, mentee: mentee, skill: skill) }
      || pairs.contains {
        $0.status == .dropped && $0.mentor == mentor && $0.mentee == mentee && $0.skill == skill
      }
  }
}
