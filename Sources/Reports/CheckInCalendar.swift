import MentoringOptimizer
import SkillsGraph

/// The plan's check-ins as an RFC 5545 calendar, so mentors and mentees can put them in the
/// calendar they already use.
///
/// One event per check-in of ``CheckInSchedule`` (the same dates and times the other views of
/// the plan show), with mentor and mentee as attendees. Times are floating (each attendee's own
/// clock) unless the pattern names a time zone; then every `DTSTART` carries its `TZID` and the
/// calendar a `VTIMEZONE` for the horizon. UIDs come from the pair and the week the pattern gave
/// the check-in, DTSTAMP from the export's date, never from the clock: the same input gives the
/// same bytes, and re-importing after a change updates events instead of duplicating them.
public enum CheckInCalendar {
  /// Renders the calendar with CRLF line ends and lines folded at 75 octets.
  ///
  /// - Complexity: the schedule's, plus O(c) for c check-ins.
  public static func render(_ content: PlanReportContent) -> String {
    let organization = content.organization
    let horizon = content.horizon
    let pattern = content.checkInPattern
    let names = Names(organization)
    let people = Dictionary(
      organization.people.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    let stamp = (organization.asOf ?? horizon.start).compact + "T000000Z"
    var lines = [
      "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Understudy//Mentoring plan//EN",
      "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
    ]
    if let zone = pattern.timeZone {
      lines += zone.component(from: horizon.start, through: horizon.end.adding(days: -1))
    }
    let start = pattern.timeZone.map { "DTSTART;TZID=\($0.identifier):" } ?? "DTSTART:"
    for checkIn in content.checkIns.all {
      let pair = content.plan.pairs[checkIn.pair]
      // An active pair kept from a plan file brings the hours spent before this plan.
      let done =
        pair.hoursDone
        + pair.hoursByWeek.prefix(max(0, checkIn.week - pair.startWeek)).reduce(0, +)
      let total = pair.hoursDone + pair.menteeHours
      let roles = pair.roles.map { names.plainRole($0.role) }.joined(separator: ", ")
      let mentee = names.plainName(pair.mentee)
      let mentor = names.plainName(pair.mentor)
      let skill = names.plainSkill(pair.skill)
      var description = "Check-in for \(mentee) learning \(skill) with \(mentor).\n"
      description += "Target level: \(pair.toLevel) (from \(pair.fromLevel)).\n"
      description += "Learning hours so far: \(formatDecimal(done, places: 1)) of "
      description += "\(formatDecimal(total, places: 1)); to go: "
      description += "\(formatDecimal(total - done, places: 1)).\n"
      if !roles.isEmpty { description += "Protects: \(roles)." }
      lines += [
        "BEGIN:VEVENT",
        "UID:" + uid(pair: pair, week: checkIn.patternWeek),
        "DTSTAMP:" + stamp,
        start + checkIn.day.compact + "T" + clock(checkIn.startMinute),
        "DURATION:PT\(checkIn.minutes)M",
        "SUMMARY:" + escape("Check-in: \(mentee) learns \(skill) with \(mentor)"),
        "DESCRIPTION:" + escape(description),
        attendee(pair.mentor, people: people, names: names, role: "CHAIR"),
        attendee(pair.mentee, people: people, names: names, role: "REQ-PARTICIPANT"),
        "END:VEVENT",
      ]
    }
    lines.append("END:VCALENDAR")
    return lines.map { fold($0) + "\r\n" }.joined()
  }

  /// `HHMMSS` for minutes after midnight, the iCalendar TIME form.
  static func clock(_ minuteOfDay: Int) -> String {
    CheckInPattern.clock(minuteOfDay).filter { $0 != ":" } + "00"
  }

  static func uid(pair: PlannedPair, week: Int) -> String {
    let parts = [pair.mentee.rawValue, pair.mentor.rawValue, pair.skill.rawValue, "w\(week)"]
    // Dots separate the parts and are encoded inside them, so two pairs never share a UID.
    return parts.map(percentEncoded).joined(separator: ".") + "@understudy.invalid"
  }

  static func attendee(
    _ id: PersonID, people: [PersonID: Person], names: Names, role: String
  ) -> String {
    // A quoted parameter value may hold anything but quotes and control characters.
    let name = String(
      String.UnicodeScalarView(
        names.plainName(id).unicodeScalars.filter {
          $0 != "\"" && $0.value >= 0x20 && $0.value != 0x7F
        }))
    let address =
      plausibleEmail(people[id]?.email).map { "mailto:" + $0 }
      ?? "urn:understudy:person:" + percentEncoded(id.rawValue)
    return "ATTENDEE;CN=\"\(name)\";ROLE=\(role):\(address)"
  }

  /// RFC 5545 §3.3.11 TEXT escaping.
  static func escape(_ text: String) -> String {
    var out = ""
    var previous: Unicode.Scalar?
    // By scalar: "\r\n" is one Character in Swift and must become one "\n", never a raw break.
    for scalar in text.unicodeScalars {
      defer { previous = scalar }
      switch scalar {
      case "\\": out += "\\\\"
      case ";": out += "\\;"
      case ",": out += "\\,"
      case "\n": if previous != "\r" { out += "\\n" }
      case "\r": out += "\\n"
      case _ where scalar.value < 0x20 || scalar.value == 0x7F: continue
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// An e-mail address fit for a `mailto:` URI, or nil: a value with white space, control
  /// characters or iCalendar delimiters could break out of the ATTENDEE line.
  static func plausibleEmail(_ text: String?) -> String? {
    guard let text, !text.isEmpty, text.contains("@") else { return nil }
    let forbidden = Set(" \t\r\n;:,\"<>()[]\\".unicodeScalars)
    guard !text.unicodeScalars.contains(where: { forbidden.contains($0) || $0.value < 0x20 })
    else { return nil }
    return text
  }

  /// Folds a content line into chunks of at most 75 octets, never inside a UTF-8 character.
  static func fold(_ line: String) -> String {
    var result = ""
    var octets = 0
    var limit = 75
    for character in line {
      let size = String(character).utf8.count
      if octets + size > limit {
        result += "\r\n "
        octets = 0
        limit = 74  // the leading space of a continuation line counts
      }
      result.append(character)
      octets += size
    }
    return result
  }

  static func percentEncoded(_ text: String) -> String {
    var out = ""
    for byte in text.utf8 {
      let scalar = Unicode.Scalar(byte)
      if (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)
        || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F || byte == 0x2D
      {
        out.unicodeScalars.append(scalar)
      } else {
        let hex = String(byte, radix: 16, uppercase: true)
        out += "%" + (hex.count == 1 ? "0" + hex : hex)
      }
    }
    return out
  }
}

extension Day {
  /// `YYYYMMDD`, the iCalendar DATE form.
  var compact: String { description.filter { $0 != "-" } }
}
