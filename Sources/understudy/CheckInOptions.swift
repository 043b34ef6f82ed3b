import ArgumentParser
import Reports

/// `plan`'s check-in options: the calendar file and the pattern every view of the plan follows.
struct CheckInOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Also write the check-ins as an iCalendar file (RFC 5545) to this path; every view of the "
        + "plan shows the same check-ins.", valueName: "file.ics"))
  var calendar: String?

  @Option(
    name: .customLong("checkin-day"),
    help: ArgumentHelp(
      "Weekday of the check-ins, mon to fri; moved within the week when either person is away.",
      valueName: "day"))
  var day = "mon"

  @Option(
    name: .customLong("checkin-time"),
    help: ArgumentHelp(
      "Time of the check-ins, HH:MM (24-hour); someone already booked then gets the next free "
        + "slot (until 18:00), else another day of the week.",
      valueName: "hh:mm"))
  var time = "10:00"

  @Option(
    name: .customLong("checkin-every"), parsing: .unconditional,
    help: ArgumentHelp(
      "Weeks between a pair's check-ins, from the pair's first week; one nobody can attend moves "
        + "to a later week before the next.", valueName: "weeks"))
  var every = 2

  @Option(
    name: .customLong("checkin-minutes"), parsing: .unconditional,
    help: ArgumentHelp("Length of each check-in, 5 to 480 minutes.", valueName: "minutes"))
  var minutes = 30

  @Option(
    name: .customLong("timezone"),
    help: ArgumentHelp(
      "IANA time zone of the check-in times, such as Europe/Paris; default: floating times, "
        + "read in each attendee's own zone.", valueName: "zone"))
  var timeZone: String?

  func validate() throws { _ = try pattern() }

  /// The pattern the options describe.
  ///
  /// - Throws: `ValidationError` naming the option and the value it cannot use.
  func pattern() throws -> CheckInPattern {
    try UsageCheck.positive(minutes, "--checkin-minutes", atMost: 480)
    guard minutes >= 5 else {
      throw ValidationError("--checkin-minutes must be at least 5, not \(minutes)")
    }
    try UsageCheck.positive(every, "--checkin-every", atMost: 52)
    guard let weekday = CheckInPattern.weekday(named: day) else {
      throw ValidationError("--checkin-day must be a working day, mon to fri, not '\(day)'")
    }
    guard let start = CheckInPattern.minuteOfDay(parsing: time) else {
      throw ValidationError(
        "--checkin-time must be a time of day as HH:MM (00:00 to 23:59), not '\(time)'")
    }
    guard start + minutes <= 24 * 60 else {
      throw ValidationError(
        "--checkin-time \(time) with --checkin-minutes \(minutes) ends after midnight")
    }
    var zone: CheckInTimeZone?
    if let timeZone {
      zone = CheckInTimeZone(identifier: timeZone)
      guard zone != nil else {
        throw ValidationError(
          "--timezone must be an IANA time zone name such as Europe/Paris or UTC, not '\(timeZone)'"
        )
      }
    }
    return CheckInPattern(
      weekday: weekday, startMinute: start, minutes: minutes, everyWeeks: every, timeZone: zone)
  }
}
