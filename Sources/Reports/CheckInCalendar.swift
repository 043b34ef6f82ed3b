import MentoringOptimizer
import SkillsGraph

/// The plan's check-ins as an RFC 5545 calendar, so mentors and mentees can put them in the
/// calendar they already use.
///
/// One event per check-in of every pair: on the first working day of the check-in week on which
/// both are at work (else the week's first working day), at 10:00 local time. UIDs and DTSTAMP
/// come from the input (the pair and week; the export's date), never from the clock, so the
/// same input gives the same bytes and re-importing updates events instead of duplicating them.
public enum CheckInCalendar {
  /// Renders the calendar with CRLF line ends and lines folded at 75 octets.
  public static func render(_ content: PlanReportContent, minutes: Int = 30) -> String {
    let organization = content.organization
    let horizon = content.horizon
    let names = Names(organization)
    let people = Dictionary(
      organization.people.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    let stamp = (organization.asOf ?? horizon.start).compact + "T000000Z"
    var lines = [
      "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Understudy//Mentoring plan//EN",
      "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
    ]
    for pair in content.plan.pairs {
      for week in pair.checkInWeeks {
        let day = checkInDay(week: week, pair: pair, horizon: horizon, people: people)
        let done = pair.hoursByWeek.prefix(max(0, week - pair.startWeek)).reduce(0, +)
        let roles = pair.roles.map { names.plainRole($0.role) }.joined(separator: ", ")
        let mentee = names.plainName(pair.mentee)
        let mentor = names.plainName(pair.mentor)
        let skill = names.plainSkill(pair.skill)
        var description = "Check-in for \(mentee) learning \(skill) with \(mentor).\n"
        description += "Target level: \(pair.toLevel) (from \(pair.fromLevel)).\n"
        description += "Learning hours so far: \(formatDecimal(done, places: 1)) of "
        description += "\(formatDecimal(pair.menteeHours, places: 1)); to go: "
        description += "\(formatDecimal(pair.menteeHours - done, places: 1)).\n"
        if !roles.isEmpty { description += "Protects: \(roles)." }
        lines += [
          "BEGIN:VEVENT",
          "UID:" + uid(pair: pair, week: week),
          "DTSTAMP:" + stamp,
          "DTSTART:" + day.compact + "T100000",
          "DURATION:PT\(minutes)M",
          "SUMMARY:" + escape("Check-in: \(mentee) learns \(skill) with \(mentor)"),
          "DESCRIPTION:" + escape(description),
          attendee(pair.mentor, people: people, names: names, role: "CHAIR"),
          attendee(pair.mentee, people: people, names: names, role: "REQ-PARTICIPANT"),
          "END:VEVENT",
        ]
      }
    }
    lines.append("END:VCALENDAR")
    return lines.map { fold($0) + "\r\n" }.joined()
  }

  static func checkInDay(
    week: Int, pair: PlannedPair, horizon: Horizon, people: [PersonID: Person]
  ) -> Day {
    let days = (0..<7).map { horizon.firstDay(ofWeek: week).adding(days: $0) }.filter(
      horizon.isWorkingDay)
    let bothThere = days.first { day in
      [pair.mentor, pair.mentee].allSatisfy { people[$0]?.isPresent(on: day) ?? true }
    }
    return bothThere ?? days.first ?? horizon.firstDay(ofWeek: week)
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
