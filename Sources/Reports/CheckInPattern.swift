/// When a pair's check-ins are meant to happen: a weekday, a time of day, a length, every so
/// many weeks, in one time zone or in the attendees' own (floating) time.
///
/// The pattern is what the user asks for; ``CheckInSchedule`` turns it into dates and times that
/// respect absences, leaving dates and everyone else's check-ins.
public struct CheckInPattern: Hashable, Sendable {
  /// ISO weekday of the check-in, 1 (Monday) to 5 (Friday).
  public private(set) var weekday: Int
  /// Start time, in minutes after local midnight.
  public private(set) var startMinute: Int
  /// Length of each check-in, in minutes; a check-in ends by midnight.
  public private(set) var minutes: Int
  /// A pair meets in its first week and then every `everyWeeks` weeks while it runs.
  public private(set) var everyWeeks: Int
  /// The zone the times are in; `nil` writes floating times (each attendee's own clock).
  public var timeZone: CheckInTimeZone?

  /// Creates a pattern, bringing each value into its range (weekday 1–5, a start within the
  /// day, at least a minute that ends by midnight, every week or more) so that no value can
  /// trap later; the command line refuses out-of-range values with a message before this.
  public init(
    weekday: Int = 1, startMinute: Int = 600, minutes: Int = 30, everyWeeks: Int = 2,
    timeZone: CheckInTimeZone? = nil
  ) {
    self.weekday = min(5, max(1, weekday))
    self.startMinute = min(24 * 60 - 1, max(0, startMinute))
    self.minutes = min(24 * 60 - self.startMinute, max(1, minutes))
    self.everyWeeks = max(1, everyWeeks)
    self.timeZone = timeZone
  }

  /// Monday at 10:00 for 30 minutes, every two weeks, floating time: what a plan uses unless
  /// told otherwise.
  public static let standard = CheckInPattern()

  /// The latest a later slot may end when someone already has a check-in at the pattern's
  /// time: 18:00, the end of an ordinary working day.
  public static let dayEnd = 18 * 60

  /// English weekday names, Monday first, for reports and the command line.
  public static let weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]

  /// The ISO weekday (1–5) that `text` names: `mon` … `fri` or the full English name, in any
  /// case; `nil` for anything else, the weekend included (check-ins are on working days).
  public static func weekday(named text: String) -> Int? {
    let lower = text.lowercased()
    for (index, name) in weekdayNames.enumerated() {
      let full = name.lowercased()
      if lower == full || lower == String(full.prefix(3)) { return index + 1 }
    }
    return nil
  }

  /// Minutes after midnight for a 24-hour `HH:MM` (one- or two-digit hour), or `nil`.
  public static func minuteOfDay(parsing text: String) -> Int? {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
      parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
      let hour = Int(parts[0]), let minute = Int(parts[1]), (0...23).contains(hour),
      (0...59).contains(minute)
    else { return nil }
    return hour * 60 + minute
  }

  /// `HH:MM` for minutes after midnight.
  public static func clock(_ minuteOfDay: Int) -> String {
    let hour = minuteOfDay / 60
    let minute = minuteOfDay % 60
    return (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
  }

  /// How many back-to-back slots a day offers from the pattern's time: as many as end by
  /// ``dayEnd``, and always at least the first.
  var slotsPerDay: Int { max(1, (Self.dayEnd - startMinute) / minutes) }

  /// The pattern and its rules in one sentence, for the reports that show check-in weeks.
  public var sentence: String {
    let every =
      everyWeeks == 1
      ? "every week" : everyWeeks == 2 ? "every two weeks" : "every \(everyWeeks) weeks"
    var out = "Check-ins \(every) from a pair's first week, "
    out += "\(Self.weekdayNames[weekday - 1])s at \(Self.clock(startMinute))"
    out += timeZone.map { " (\($0.identifier))" } ?? ""
    out += ", \(minutes) minutes each. A check-in moves to another day of its week when either "
    out += "person is away, to the next free slot when one of them is already booked, and to a "
    out += "later week (before the next is due) when no day of its week suits both; otherwise "
    out += "it is skipped."
    return out
  }
}
