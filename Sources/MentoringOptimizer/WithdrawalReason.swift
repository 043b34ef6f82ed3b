import SkillsGraph

/// Why a pair the earlier plan proposed is not proposed again: the first thing a manager asks
/// when a pair they may already have announced disappears from the new plan.
///
/// People are named by id, so a pseudonymized report renames them like every other id.
public enum WithdrawalReason: Hashable, Sendable {
  /// The mentor (`isMentor`) or the mentee left on `day`, before the horizon starts.
  case left(person: PersonID, isMentor: Bool, day: Day)
  /// The mentor or the mentee is not among the people of this run (removed from the inputs
  /// or left out by `--exclude-person`).
  case notInRun(person: PersonID, isMentor: Bool)
  /// The mentee leaves on `day`, within the horizon, and nobody who leaves is trained.
  case menteeLeaves(day: Day)
  /// The mentee already holds the skill at `level`, the pair's target or above.
  case alreadyHeld(level: Int)
  /// The new plan teaches the mentee the same skill with another mentor.
  case otherMentor(PersonID)
  /// A forbid in the plan file rules the pair out.
  case forbidden
  /// The mentor no longer takes mentees (not opted in, or no hours to give).
  case mentorUnavailable
  /// The mentor's level in the skill, `level`, is below what teaching to the target needs.
  case mentorBelowLevel(level: Int, needed: Int)
  /// The mentee no longer takes training (not opted in, or no hours to give).
  case menteeUnavailable
  /// Nothing rules the pair out: the new plan reaches more coverage-weeks with other pairs.
  case notChosen

  /// A clause for a report line, with `person` writing a person's name.
  public func clause(person: (PersonID) -> String) -> String {
    func role(_ isMentor: Bool) -> String { isMentor ? "the mentor" : "the mentee" }
    switch self {
    case .left(let id, let isMentor, let day):
      return "\(role(isMentor)) \(person(id)) left on \(day)"
    case .notInRun(let id, let isMentor):
      return "\(role(isMentor)) \(person(id)) is not in this run"
    case .menteeLeaves(let day):
      return "the mentee leaves on \(day), within the horizon, and nobody who leaves is trained"
    case .alreadyHeld(let level): return "the mentee already holds it at level \(level)"
    case .otherMentor(let id): return "the mentee now learns it from \(person(id))"
    case .forbidden: return "a forbid in the plan file rules it out"
    case .mentorUnavailable: return "the mentor no longer takes mentees"
    case .mentorBelowLevel(let level, let needed):
      return "the mentor holds it at level \(level), teaching to that level needs \(needed)"
    case .menteeUnavailable: return "the mentee no longer takes training"
    case .notChosen: return "other pairs give more coverage-weeks"
    }
  }

  /// A short machine-readable name for the JSON report.
  public var code: String {
    switch self {
    case .left: "left"
    case .notInRun: "notInRun"
    case .menteeLeaves: "menteeLeaves"
    case .alreadyHeld: "alreadyHeld"
    case .otherMentor: "otherMentor"
    case .forbidden: "forbidden"
    case .mentorUnavailable: "mentorUnavailable"
    case .mentorBelowLevel: "mentorBelowLevel"
    case .menteeUnavailable: "menteeUnavailable"
    case .notChosen: "notChosen"
    }
  }

  /// The person the reason names, if any.
  public var person: PersonID? {
    switch self {
    case .left(let id, _, _), .notInRun(let id, _), .otherMentor(let id): id
    default: nil
    }
  }

  /// The same reason naming `person` instead (for pseudonyms).
  public func naming(_ person: PersonID) -> WithdrawalReason {
    switch self {
    case .left(_, let isMentor, let day): .left(person: person, isMentor: isMentor, day: day)
    case .notInRun(_, let isMentor): .notInRun(person: person, isMentor: isMentor)
    case .otherMentor: .otherMentor(person)
    default: self
    }
  }
}
