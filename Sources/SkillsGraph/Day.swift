#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A calendar day (proleptic Gregorian, no time zone), the unit of absences and horizons.
///
/// Kept free of Foundation so the model stays a pure value layer: a day is its count of days
/// since 1970-01-01, which makes ranges, weekdays and arithmetic exact and cheap.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// Days since 1970-01-01 (negative before it).
  public var ordinal: Int

  public init(ordinal: Int) { self.ordinal = ordinal }

  /// Today in UTC: the day a horizon starts when neither the input nor the user names one.
  ///
  /// The one place that reads the clock, so the importers and the command line agree on what
  /// "today" is; tests and reproducible runs pass a day explicitly instead.
  public static var today: Day { Day(ordinal: Int(time(nil)) / 86_400) }

  /// The years a day can have: 1 to 9999, as in ISO 8601's four-digit form.
  ///
  /// Days come from untrusted files, so the calendar is bounded: every ordinal of a valid day
  /// fits comfortably in `Int`, and arithmetic on it (ranges, weeks, horizons) cannot overflow.
  public static let validYears: ClosedRange<Int> = 1...9999

  /// The first day of year 1 (0001-01-01).
  public static let earliest = Day(ordinal: -719_162)

  /// The last day of year 9999 (9999-12-31).
  public static let latest = Day(ordinal: 2_932_896)

  /// Creates the day from its calendar fields, or `nil` when they name no real day or the year
  /// lies outside `validYears`.
  public init?(year: Int, month: Int, day: Int) {
    guard Day.validYears.contains(year), (1...12).contains(month), day >= 1,
      day <= Day.daysIn(month: month, year: year)
    else {
      return nil
    }
    // Howard Hinnant's days_from_civil.
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let m = month > 2 ? month - 3 : month + 9
    let dayOfYear = (153 * m + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    ordinal = era * 146_097 + dayOfEra - 719_468
  }

  /// Parses an ISO 8601 calendar day, `YYYY-MM-DD` with the year in `validYears`; anything else
  /// is `nil`.
  public init?(iso text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
    else { return nil }
    self.init(year: year, month: month, day: day)
  }

  /// The calendar fields of this day.
  public var components: (year: Int, month: Int, day: Int) {
    let z = ordinal + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  /// ISO weekday: 1 is Monday, 7 is Sunday.
  public var weekday: Int {
    let w = (ordinal + 3) % 7  // 1970-01-01 was a Thursday (ISO 4).
    return (w < 0 ? w + 7 : w) + 1
  }

  /// Monday to Friday.
  public var isWeekday: Bool { weekday <= 5 }

  /// The day `count` days later (earlier when negative).
  ///
  /// Callers keep `count` bounded (a few weeks or years); a count taken from input must be
  /// range-checked first, since the sum is not.
  public func adding(days count: Int) -> Day { Day(ordinal: ordinal + count) }

  /// `YYYY-MM-DD`.
  public var description: String {
    let (y, m, d) = components
    return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
  }

  public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }
}

private func pad(_ value: Int, _ width: Int) -> String {
  let digits = String(value)
  return String(repeating: "0", count: max(0, width - digits.count)) + digits
}
