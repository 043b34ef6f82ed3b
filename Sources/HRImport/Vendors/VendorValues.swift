import SkillsGraph

/// Lenient readers for the values real exports contain.
///
/// Every quirk here was seen in real files (see `docs/hr-exports.md`): dates with a zone suffix
/// (`2025-02-03-08:00`), with a time (`2024-01-01T00:00:00`), partial (`2025-02`, `2025`), as an
/// OData JSON tick count (`/Date(1444003200000)/`) or in US order (`4/1/1997`); booleans as
/// `0`/`1`/`true`/`false`; text escaped twice (`&amp;#xa;` arriving as `&#xa;`).
enum VendorValues {
  /// Which end of a partial date to take: a range that says `2025-02` starts on the 1st and ends
  /// on the 28th.
  enum DateEnd {
    case start
    case end
  }

  /// What a date value holds: a day, nothing usable (empty, or text that is no date at all,
  /// read as absent as before), or a date that cannot be real (a year beyond 9999, a 30th of
  /// February, milliseconds past `Int`), which the readers report as an error at the value.
  enum DayReading: Equatable {
    case day(Day)
    case none
    case invalid(String)
  }

  /// The calendar day in `text`, or `nil` when it holds none or an impossible one.
  static func day(_ text: String?, end: DateEnd = .start) -> Day? {
    if case .day(let day) = readDay(text, end: end) { return day }
    return nil
  }

  /// Reads a date in any of the forms real exports write (see the type's comment), checking
  /// every number against the calendar's limits (`Day.validYears`) before any arithmetic.
  static func readDay(_ text: String?, end: DateEnd = .start) -> DayReading {
    // The common case, YYYY-MM-DD with or without a zone or time after it, read from the bytes.
    if let text, text.utf8.count >= 10 {
      var copy = text
      let fast: DayReading? = copy.withUTF8 { b in
        func digit(_ i: Int) -> Int? { b[i] >= 48 && b[i] <= 57 ? Int(b[i] - 48) : nil }
        guard b[4] == 45, b[7] == 45, b.count == 10 || [45, 43, 84, 90, 32].contains(b[10]),
          let y0 = digit(0), let y1 = digit(1), let y2 = digit(2), let y3 = digit(3),
          let m0 = digit(5), let m1 = digit(6), let d0 = digit(8), let d1 = digit(9)
        else { return nil }
        return calendarDay(
          [y0 * 1000 + y1 * 100 + y2 * 10 + y3, m0 * 10 + m1, d0 * 10 + d1], text: text)
      }
      if let fast { return fast }
    }
    guard var text = text?.trimmingSpaces, !text.isEmpty else { return .none }
    if text.hasPrefix("/Date(") { return odataDay(text) }
    if let t = text.firstIndex(where: { $0 == "T" || $0 == " " }) { text = String(text[..<t]) }
    if text.contains("/") { return usDay(text) }
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    // YYYY, YYYY-MM, YYYY-MM-DD, each possibly followed by a zone: -08:00, +01:00, Z.
    var fields: [Int] = []
    for (index, part) in parts.enumerated() {
      var piece = Substring(part)
      if index == 0, piece.count != 4 { return .none }
      if index > 0 {
        if piece.hasSuffix("Z") { piece = piece.dropLast() }
        if let plus = piece.firstIndex(of: "+") { piece = piece[..<plus] }
        if piece.contains(":") || fields.count == 3 { break }
        if piece.count != 2 { return .none }
      }
      // At most four digits: no overflow is possible below.
      guard let value = Int(piece) else { return .none }
      fields.append(value)
      if fields.count == 3 { break }
    }
    switch fields.count {
    case 1:
      return calendarDay(end == .start ? [fields[0], 1, 1] : [fields[0], 12, 31], text: text)
    case 2:
      let first = calendarDay([fields[0], fields[1], 1], text: text)
      guard end == .end, case .day = first else { return first }
      // The last day of the month: the next month's first day, less one (December ends on 31).
      let last =
        fields[1] == 12
        ? Day(year: fields[0], month: 12, day: 31)
        : Day(year: fields[0], month: fields[1] + 1, day: 1)?.adding(days: -1)
      return last.map { .day($0) } ?? first
    case 3:
      return calendarDay(fields, text: text)
    default:
      return .none
    }
  }

  /// The day of `[year, month, day]`; all zeros (`0000-00-00`, how some systems write "no
  /// date") read as no date, any other impossible combination as an invalid date.
  private static func calendarDay(_ fields: [Int], text: String) -> DayReading {
    if let day = Day(year: fields[0], month: fields[1], day: fields[2]) { return .day(day) }
    if fields.allSatisfy({ $0 == 0 }) { return .none }
    if !Day.validYears.contains(fields[0]) {
      return .invalid(
        "date '\(text)' has the year \(fields[0]), outside the years "
          + "\(Day.validYears.lowerBound)...\(Day.validYears.upperBound) a date can have")
    }
    return .invalid("date '\(text)' names no calendar day (month \(fields[1]), day \(fields[2]))")
  }

  /// OData JSON ticks: `/Date(ms)/` or `/Date(ms+hhmm)/`, milliseconds since 1970-01-01 UTC
  /// (the zone, when given, says where the value was entered; the day is the UTC one).
  private static func odataDay(_ text: String) -> DayReading {
    let expected =
      "date '\(text)' is not an OData date /Date(milliseconds)/ or /Date(milliseconds+hhmm)/"
    var rest = text.utf8.dropFirst(6)
    var negative = false
    if rest.first == UInt8(ascii: "-") || rest.first == UInt8(ascii: "+") {
      negative = rest.first == UInt8(ascii: "-")
      rest = rest.dropFirst()
    }
    let digits = rest.prefix { $0 >= 48 && $0 <= 57 }
    rest = rest.dropFirst(digits.count)
    guard !digits.isEmpty else { return .invalid(expected) }
    if let sign = rest.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
      let zone = rest.dropFirst().prefix { $0 >= 48 && $0 <= 57 }
      let values = Array(zone).map { Int($0 - 48) }
      guard values.count == 4, values[0] * 10 + values[1] <= 23, values[2] * 10 + values[3] <= 59
      else {
        return .invalid(
          "date '\(text)' has an unreadable zone offset (expected /Date(milliseconds+hhmm)/)")
      }
      rest = rest.dropFirst(1 + zone.count)
    }
    guard rest.starts(with: ")".utf8) else { return .invalid(expected) }
    let outOfRange = DayReading.invalid(
      "date '\(text)' lies outside the years \(Day.validYears.lowerBound)..."
        + "\(Day.validYears.upperBound) a date can have")
    // Past 18 significant digits the count may not fit in `Int`; it is out of range long
    // before that.
    let significant = digits.drop { $0 == UInt8(ascii: "0") }
    guard significant.count <= 18,
      let magnitude = significant.isEmpty ? 0 : Int(String(decoding: significant, as: UTF8.self))
    else {
      return outOfRange
    }
    let millis = negative ? -magnitude : magnitude
    let perDay = 86_400_000
    let first = Day.earliest.ordinal * perDay
    let last = (Day.latest.ordinal + 1) * perDay - 1
    guard millis >= first, millis <= last else { return outOfRange }
    let quotient = millis / perDay
    return .day(Day(ordinal: millis % perDay < 0 ? quotient - 1 : quotient))
  }

  /// A date in US order, month first (`4/1/1997`).
  ///
  /// A two-digit year is no date, since it is ambiguous.
  private static func usDay(_ text: String) -> DayReading {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) }) else {
      return .none
    }
    let fields = parts.compactMap { Int($0) }
    guard fields.count == 3 else {
      // All digits but too many for `Int`: a number, just not a possible one.
      if parts.allSatisfy({ $0.allSatisfy(\.isNumber) }) {
        return .invalid(
          "date '\(text)' holds a number too large for a date (US order, month/day/year)")
      }
      return .none
    }
    let (month, day, year) = (fields[0], fields[1], fields[2])
    guard year >= 1000 || (month == 0 && day == 0 && year == 0) else { return .none }
    return calendarDay([year, month, day], text: text)
  }

  /// `1`, `true`, `yes` (any case) are true; `0`, `false`, `no` false; anything else `nil`.
  static func bool(_ text: String?) -> Bool? {
    switch text?.trimmingSpaces.lowercased() {
    case "1", "true", "yes", "y": true
    case "0", "false", "no", "n": false
    default: nil
    }
  }

  /// `bool` over trimmed ASCII bytes, without making a string: `.some(value)` with `bool`'s
  /// answer, `nil` when the bytes are not all ASCII (where only `bool` itself decides).
  static func asciiBool(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool?? {
    var word: UInt64 = 0
    guard bytes.count <= 5 else {
      return bytes.allSatisfy { $0 < 0x80 } ? .some(nil) : nil
    }
    for byte in bytes {
      guard byte < 0x80 else { return nil }
      let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
      word = word << 8 | UInt64(lower)
    }
    func packed(_ text: StaticString) -> UInt64 {
      var value: UInt64 = 0
      for index in 0..<text.utf8CodeUnitCount { value = value << 8 | UInt64(text.utf8Start[index]) }
      return value
    }
    switch word {
    case packed("1"), packed("true"), packed("yes"), packed("y"): return .some(true)
    case packed("0"), packed("false"), packed("no"), packed("n"): return .some(false)
    default: return .some(nil)
    }
  }

  /// A count with thousands separated by commas, as a report writes it: `4,366`.
  static func grouped(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var out = ""
    for (index, digit) in digits.enumerated() {
      if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
      out.append(digit)
    }
    return value < 0 ? "-" + out : out
  }

  /// What a numeric value holds: a finite number, no number at all (empty, or text such as a
  /// level name), or something written as a number that is not finite (`nan`, `inf`, `1e309`).
  enum NumberReading: Equatable {
    case finite(Double)
    case none
    case notFinite
  }

  /// A finite number, accepting a decimal comma; `nil` for anything else, `nan`, `inf` and
  /// numbers too large for a `Double` included.
  static func number(_ text: String?) -> Double? {
    if case .finite(let value) = readNumber(text) { return value }
    return nil
  }

  /// Reads a number, telling text that is no number from a number that is not finite.
  static func readNumber(_ text: String?) -> NumberReading {
    guard let text = text?.trimmingSpaces, !text.isEmpty else { return .none }
    guard let value = Double(text) ?? Double(text.replacingOccurrences(of: ",", with: ".")) else {
      return .none
    }
    return value.isFinite ? .finite(value) : .notFinite
  }

  /// A rating `value` on its own `min...max`, each bound falling back to `scale` when absent or
  /// not a number; `label(assumed)` names the scale for the report (`assumed` when a bound
  /// fell back).
  ///
  /// - Returns: `.numeric`; `.invalid` when the value or a bound is written as a number that is
  ///   not finite; `nil` when `value` is no number (a caller may read it as a named level).
  static func rating(
    _ value: String?, min: String?, max: String?, scale: ClosedRange<Double>,
    label: (_ assumed: Bool) -> String
  ) -> RawLevel? {
    let rated: Double
    switch readNumber(value) {
    case .none: return nil
    case .notFinite: return .invalid("rating '\(value ?? "")' is not a finite number")
    case .finite(let read): rated = read
    }
    var bounds: [Double] = []
    for (text, fallback, name) in [
      (min, scale.lowerBound, "minimum"), (max, scale.upperBound, "maximum"),
    ] {
      switch readNumber(text) {
      case .none: bounds.append(fallback)
      case .notFinite:
        return .invalid("scale \(name) '\(text ?? "")' is not a finite number")
      case .finite(let read): bounds.append(read)
      }
    }
    let assumed = number(min) == nil || number(max) == nil
    return .numeric(rated, min: bounds[0], max: bounds[1], scale: label(assumed))
  }

  /// Text as a person would read it: escapes left by a second round of escaping decoded
  /// (`&#xa;`, `&amp;`), runs of white space collapsed.
  static func clean(_ text: String?) -> String? {
    guard var text = text else { return nil }
    // Most values need nothing: no escape left, single spaces only, nothing to trim. The
    // bytes are read in place (a native string's always are): iterating `utf8` cost several
    // times more per byte, over every value an export gives.
    let (needsWork, previousSpace) =
      text.utf8.withContiguousStorageIfAvailable(Self.cleanliness) ?? Self.cleanliness(text.utf8)
    if !needsWork {
      guard !text.isEmpty else { return nil }
      return previousSpace ? text.trimmingSpaces : text  // one trailing space at most
    }
    if text.utf8.contains(UInt8(ascii: "&")) { text = decodeEntities(text) }
    let collapsed = text.split(whereSeparator: {
      $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r"
    })
    .joined(separator: " ")
    return collapsed.isEmpty ? nil : collapsed
  }

  /// Whether `clean` has work to do on `bytes` (an escape, a space other than single inner
  /// ones), and when not, whether the last byte is a space.
  @inline(__always)
  private static func cleanliness(
    _ bytes: some Sequence<UInt8>
  ) -> (needsWork: Bool, endsWithSpace: Bool) {
    var previousSpace = true
    for byte in bytes {
      let space = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
      if byte == UInt8(ascii: "&") || (space && (previousSpace || byte != 0x20)) {
        return (true, previousSpace)
      }
      previousSpace = space
    }
    return (false, previousSpace)
  }

  /// Decodes the five predefined entities and numeric character references, once.
  static func decodeEntities(_ text: String) -> String {
    var out = ""
    var rest = Substring(text)
    while let amp = rest.firstIndex(of: "&") {
      out += rest[..<amp]
      let after = rest[amp...]
      guard let semi = after.firstIndex(of: ";"), after.distance(from: amp, to: semi) <= 10 else {
        out += "&"
        rest = rest[rest.index(after: amp)...]
        continue
      }
      let name = after[after.index(after: amp)..<semi]
      var replacement: String?
      switch name {
      case "amp": replacement = "&"
      case "lt": replacement = "<"
      case "gt": replacement = ">"
      case "quot": replacement = "\""
      case "apos": replacement = "'"
      default:
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
          replacement = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map {
            String(Character($0))
          }
        } else if name.hasPrefix("#") {
          replacement = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map {
            String(Character($0))
          }
        }
      }
      if let replacement {
        out += replacement
        rest = rest[rest.index(after: semi)...]
      } else {
        out += "&"
        rest = rest[rest.index(after: amp)...]
      }
    }
    return out + rest
  }

  /// The key under which names match: lower case, white space collapsed.
  static func nameKey(_ text: String) -> String {
    var simple = true
    var previousSpace = true
    for byte in text.utf8 {
      if byte >= 0x80 || (byte >= 0x41 && byte <= 0x5A) || byte == 0x09 || byte == 0x0A
        || byte == 0x0D || (byte == 0x20 && previousSpace)
      {
        simple = false
        break
      }
      previousSpace = byte == 0x20
    }
    if simple, !previousSpace { return text }
    return text.lowercased().split(whereSeparator: {
      $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r"
    })
    .joined(separator: " ")
  }

  /// An id made from a name: lower case letters, digits and `+#.` kept, everything else a dash
  /// (`"Payroll Close"` → `payroll-close`, `"C++"` → `c++`).
  static func slug(_ text: String) -> String {
    var out = ""
    var dash = false
    for scalar in text.lowercased().unicodeScalars {
      let keep =
        (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
          || "+#.".unicodeScalars.contains(scalar))
      if keep {
        if dash, !out.isEmpty { out += "-" }
        dash = false
        out.unicodeScalars.append(scalar)
      } else {
        dash = true
      }
    }
    return out.isEmpty ? "skill" : out
  }
}
