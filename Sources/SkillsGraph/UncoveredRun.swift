/// A run of consecutive uncovered working days of one role, with who is away and why.
///
/// A manager planning vacations needs more than "uncovered 21–31 December": they need "because
/// both people who can do it are on vacation then". Each run names every qualified person who
/// does not count on at least one of its days, with the reasons, so the report can say it.
public struct UncoveredRun: Hashable, Sendable {
  /// The run, both ends inclusive (it may span a weekend or a holiday).
  public var days: DayRange
  /// The qualified people who are not at work on at least one day of the run, in id order.
  public var away: [PersonAway]

  public init(days: DayRange, away: [PersonAway]) {
    self.days = days
    self.away = away
  }
}

/// One qualified person missing from an uncovered run, and why.
public struct PersonAway: Hashable, Sendable {
  public var person: PersonID
  /// Why they are away during the run, each reason once, in the order of its first day.
  public var reasons: [AwayReason]

  public init(person: PersonID, reasons: [AwayReason]) {
    self.person = person
    self.reasons = reasons
  }
}

/// Why a qualified person does not count on a working day.
public enum AwayReason: Hashable, Sendable, CustomStringConvertible {
  /// A planned absence, with the kind the input gave (vacation, parental-leave, what-if, …);
  /// nil when it gave none.
  case absence(kind: String?)
  /// The person has left: `lastDay` was their last working day.
  case left(lastDay: Day)
  /// A backup the plan trains, who counts for the role only from `from` (the calendar after a
  /// plan).
  case inTraining(from: Day)

  /// "vacation", "absence", "left after 2026-12-18", "in training until 2027-01-04".
  public var description: String {
    switch self {
    case .absence(let kind):
      guard let kind, !kind.isEmpty else { return "absence" }
      return kind
    case .left(let lastDay): return "left after \(lastDay)"
    case .inTraining(let from): return "in training until \(from)"
    }
  }
}

extension Person {
  /// Why the person is not at work on `day`, or nil when they are: gone after their leaving
  /// date, else the kind of a planned absence that contains the day.
  ///
  /// It gives the reason behind ``isPresent(on:)`` (docs/model.md, "Absences"): nil exactly
  /// when that is true. When absences overlap, the one that starts first wins (then the one
  /// that ends first, then the kind in byte order), so the order in which an input lists them
  /// does not matter: importers may sort them.
  ///
  /// - Complexity: O(a), a the person's absences.
  public func reasonAway(on day: Day) -> AwayReason? {
    if let leaves, day > leaves { return .left(lastDay: leaves) }
    let covering = absences.filter { $0.contains(day) }
    guard
      let first = covering.min(by: {
        ($0.from, $0.to) != ($1.from, $1.to)
          ? ($0.from, $0.to) < ($1.from, $1.to)
          : Array(($0.kind ?? "").utf8).lexicographicallyPrecedes(Array(($1.kind ?? "").utf8))
      })
    else { return nil }
    return .absence(kind: first.kind)
  }
}
