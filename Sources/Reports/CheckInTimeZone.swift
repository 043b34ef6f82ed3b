import Foundation
import SkillsGraph

/// An IANA time zone for the check-in calendar, with the offsets its `VTIMEZONE` block needs.
///
/// Only names of the IANA time zone database are accepted, as calendar programs resolve `TZID`
/// by those names: a name Foundation resolves to itself (`UTC` to `GMT`) that is in Foundation's
/// list of known zones or has a file in the system's copy of the database
/// (`/usr/share/zoneinfo`, where Linux and macOS keep it; the list alone lacks newer names such
/// as `Asia/Kolkata`). An offset such as `GMT+1` or an ICU alias such as `PST` is refused: it
/// means different things to different programs.
public struct CheckInTimeZone: Hashable, Sendable {
  /// The IANA name, as given: `Europe/Paris`.
  public let identifier: String
  let zone: TimeZone

  /// The zone named `identifier`, or `nil` when the time zone database has no such name.
  public init?(identifier: String) {
    guard let zone = TimeZone(identifier: identifier),
      zone.identifier == identifier || identifier == "UTC",
      TimeZone.knownTimeZoneIdentifiers.contains(identifier) || Self.inDatabase(identifier)
    else { return nil }
    self.identifier = identifier
    self.zone = zone
  }

  /// Whether the system's zoneinfo directory has a file for `name`; names are checked to be
  /// plain relative paths (letters, digits, `_`, `+`, `-`, separated by `/`) before any lookup.
  static func inDatabase(_ name: String) -> Bool {
    let parts = name.split(separator: "/", omittingEmptySubsequences: false)
    let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_+-")
    guard !parts.isEmpty, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(allowed.contains) })
    else { return false }
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(
      atPath: "/usr/share/zoneinfo/" + name, isDirectory: &isDirectory)
      && !isDirectory.boolValue
  }

  /// One change of UTC offset: the instant (seconds since 1970, UTC) and the offsets before
  /// and after it, in seconds east of UTC.
  struct Transition: Hashable {
    var instant: Int
    var offsetBefore: Int
    var offsetAfter: Int
    var isDaylight: Bool
  }

  /// The offset in force at `instant` (seconds since 1970, UTC), in seconds east of UTC.
  func offset(at instant: Int) -> Int {
    zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant)))
  }

  /// The transitions that govern local times from `first` through `last`: the last one before
  /// `first` (within 400 days; none for a zone without recent changes), then every one up to
  /// the end of `last`.
  ///
  /// - Complexity: O(t) calls into the time zone database for t transitions in that span.
  func transitions(from first: Day, through last: Day) -> [Transition] {
    let lower = Self.lower(first)
    let upper = Self.upper(last)
    var found: [Transition] = []
    var cursor = Date(timeIntervalSince1970: TimeInterval(lower - 400 * 86_400))
    while let next = zone.nextDaylightSavingTimeTransition(after: cursor),
      next.timeIntervalSince1970 <= TimeInterval(upper)
    {
      let instant = Int(next.timeIntervalSince1970.rounded())
      let transition = Transition(
        instant: instant, offsetBefore: offset(at: instant - 1), offsetAfter: offset(at: instant),
        isDaylight: zone.isDaylightSavingTime(for: next))
      if transition.offsetBefore != transition.offsetAfter {
        if instant <= lower { found.removeAll() }
        found.append(transition)
      }
      guard next > cursor else { break }
      cursor = next
    }
    return found
  }

  /// The `VTIMEZONE` component for events from `first` through `last`, as content lines.
  ///
  /// One `STANDARD` or `DAYLIGHT` sub-component per transition, each with a single `DTSTART`
  /// (RFC 5545 §3.6.5 allows this instead of a recurrence rule): the local time just before the
  /// change, as the zone then showed it. A zone without a change in or just before the span
  /// gets one sub-component from 1970 with its offset (as does the span before a first change
  /// that falls inside it). Derived from the time zone database, so the same database gives the
  /// same bytes; no `TZNAME`, since Foundation offers only names such as `GMT+1`.
  func component(from first: Day, through last: Day) -> [String] {
    var lines = ["BEGIN:VTIMEZONE", "TZID:" + identifier]
    let changes = transitions(from: first, through: last)
    let lower = Self.lower(first)
    // Local times before the first change listed need a sub-component of their own.
    if changes.first.map({ $0.instant > lower }) ?? true {
      let offset = changes.first?.offsetBefore ?? offset(at: lower)
      let kind =
        zone.isDaylightSavingTime(for: Date(timeIntervalSince1970: TimeInterval(lower)))
        ? "DAYLIGHT" : "STANDARD"
      lines += [
        "BEGIN:" + kind, "DTSTART:19700101T000000", "TZOFFSETFROM:" + Self.format(offset),
        "TZOFFSETTO:" + Self.format(offset), "END:" + kind,
      ]
    }
    for change in changes {
      let kind = change.isDaylight ? "DAYLIGHT" : "STANDARD"
      lines += [
        "BEGIN:" + kind, "DTSTART:" + Self.localTime(change.instant + change.offsetBefore),
        "TZOFFSETFROM:" + Self.format(change.offsetBefore),
        "TZOFFSETTO:" + Self.format(change.offsetAfter), "END:" + kind,
      ]
    }
    return lines + ["END:VTIMEZONE"]
  }

  // Fourteen hours of margin on each side cover every UTC offset in use (−12:00 to +14:00).
  static func lower(_ first: Day) -> Int { first.ordinal * 86_400 - 50_400 }
  static func upper(_ last: Day) -> Int { (last.ordinal + 1) * 86_400 + 50_400 }

  /// `YYYYMMDDTHHMMSS` for seconds since 1970 on the local clock.
  static func localTime(_ seconds: Int) -> String {
    let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    let rest = seconds - days * 86_400
    return Day(ordinal: days).compact + "T" + two(rest / 3600) + two(rest / 60 % 60)
      + two(rest % 60)
  }

  /// RFC 5545 UTC offset: `+HHMM`, or `+HHMMSS` when the offset has seconds.
  static func format(_ offset: Int) -> String {
    let magnitude = abs(offset)
    let seconds = magnitude % 60
    return (offset < 0 ? "-" : "+") + two(magnitude / 3600) + two(magnitude / 60 % 60)
      + (seconds == 0 ? "" : two(seconds))
  }

  private static func two(_ value: Int) -> String { (value < 10 ? "0" : "") + "\(value)" }
}
