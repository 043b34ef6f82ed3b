/// The planning window: from a start day for a number of weeks, and its working days.
///
/// Working days are Monday to Friday minus the holidays the input lists; the horizon covers
/// the days `start ..< start + 7 · weeks`, as docs/model.md defines it
/// ("Horizon and working days").
public struct Horizon: Hashable, Sendable {
  public var start: Day
  public var weeks: Int
  public var holidays: Set<Day>

  public init(start: Day, weeks: Int, holidays: some Sequence<Day> = []) {
    self.start = start
    self.weeks = max(0, weeks)
    self.holidays = Set(holidays)
  }

  /// The horizon of `organization`: an explicit start, else its policy's start, else the
  /// export's `asOf`, else `today`; an explicit length, else the policy's.
  public init(for organization: Organization, start: Day? = nil, weeks: Int? = nil, today: Day) {
    self.init(
      start: start ?? organization.policy.start ?? organization.asOf ?? today,
      weeks: weeks ?? organization.policy.horizonWeeks, holidays: organization.policy.holidays)
  }

  /// The first day after the horizon.
  public var end: Day { start.adding(days: 7 * weeks) }

  /// Whether people are expected at work on `day`.
  public func isWorkingDay(_ day: Day) -> Bool { day.isWeekday && !holidays.contains(day) }

  /// Every working day of the horizon, in order.
  public var workingDays: [Day] {
    (0..<(7 * weeks)).map { start.adding(days: $0) }.filter(isWorkingDay)
  }

  /// The 1-based week of the horizon that `day` falls in.
  public func week(of day: Day) -> Int { (day.ordinal - start.ordinal) / 7 + 1 }

  /// The first day of 1-based week `week`.
  public func firstDay(ofWeek week: Int) -> Day { start.adding(days: 7 * (week - 1)) }

  /// The working days of 1-based week `week`, in order; none for a week outside the horizon.
  public func workingDays(ofWeek week: Int) -> [Day] {
    guard week >= 1, week <= weeks else { return [] }
    let first = firstDay(ofWeek: week)
    return (0..<7).map { first.adding(days: $0) }.filter(isWorkingDay)
  }
}

/// A run of days, both ends inclusive.
public struct DayRange: Hashable, Sendable, CustomStringConvertible {
  public var from: Day
  public var to: Day

  public init(from: Day, to: Day) {
    self.from = from
    self.to = to
  }

  public var description: String { from == to ? "\(from)" : "\(from) to \(to)" }
}

extension Person {
  /// Whether the person is at work on `day`: not inside a planned absence, not yet gone.
  public func isPresent(on day: Day) -> Bool {
    if let leaves, day > leaves { return false }
    return !absences.contains { $0.contains(day) }
  }

  /// Whether the person is present in 1-based week `week` of `horizon`.
  ///
  /// Present means at work on at least one of the week's working days (docs/model.md, "Presence
  /// in a week"). Nobody is present in a week without working days, nor in one outside the
  /// horizon.
  ///
  /// - Complexity: O(a) for each of the week's working days, a the person's absences.
  public func isPresent(inWeek week: Int, of horizon: Horizon) -> Bool {
    horizon.workingDays(ofWeek: week).contains(where: isPresent(on:))
  }

  /// Whether the person has left before `day`: their last working day is earlier
  /// (docs/model.md, "Leavers").
  public func hasLeft(before day: Day) -> Bool { leaves.map { $0 < day } ?? false }
}
