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

  /// The calendar day in `text`, or `nil` when it holds none.
  static func day(_ text: String?, end: DateEnd = .start) -> Day? {
    // The common case, YYYY-MM-DD with or without a zone or time after it, read from the bytes.
    if let text, text.utf8.count >= 10 {
      var copy = text
      let fast: Day?? = copy.withUTF8 { b in
        func digit(_ i: Int) -> Int? { b[i] >= 48 && b[i] <= 57 ? Int(b[i] - 48) : nil }
        guard b[4] == 45, b[7] == 45, b.count == 10 || [45, 43, 84, 90, 32].contains(b[10]),
          let y0 = digit(0), let y1 = digit(1), let y2 = digit(2), let y3 = digit(3),
          let m0 = digit(5), let m1 = digit(6), let d0 = digit(8), let d1 = digit(9)
        else { return .none }
        return .some(
          Day(year: y0 * 1000 + y1 * 100 + y2 * 10 + y3, month: m0 * 10 + m1, day: d0 * 10 + d1))
      }
      if let fast { return fast }
    }
    guard var text = text?.trimmingSpaces, !text.isEmpty else { return nil }
    if text.hasPrefix("/Date("), let close = text.firstIndex(of: ")") {
      let inner = text[text.index(text.startIndex, offsetBy: 6)..<close]
      let sign = inner.hasPrefix("-") ? "-" : ""
      let digits = inner.dropFirst(sign.count).prefix { $0.isASCII && $0.isNumber }
      guard let millis = Int(sign + digits) else { return nil }
      let days = millis >= 0 ? millis / 86_400_000 : (millis - 86_399_999) / 86_400_000
      return Day(ordinal: days)
    }
    if let t = text.firstIndex(where: { $0 == "T" || $0 == " " }) { text = String(text[..<t]) }
    if text.contains("/") { return usDay(text) }
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    // YYYY, YYYY-MM, YYYY-MM-DD, each possibly followed by a zone: -08:00, +01:00, Z.
    var fields: [Int] = []
    for (index, part) in parts.enumerated() {
      var piece = Substring(part)
      if index == 0, piece.count != 4 { return nil }
      if index > 0 {
        if piece.hasSuffix("Z") { piece = piece.dropLast() }
        if let plus = piece.firstIndex(of: "+") { piece = piece[..<plus] }
        if piece.contains(":") || fields.count == 3 { break }
        if piece.count != 2 { return nil }
      }
      guard let value = Int(piece) else { return nil }
      fields.append(value)
      if fields.count == 3 { break }
    }
    switch fields.count {
    case 1:
      return end == .start
        ? Day(year: fields[0], month: 1, day: 1) : Day(year: fields[0], month: 12, day: 31)
    case 2:
      guard let first = Day(year: fields[0], month: fields[1], day: 1) else { return nil }
      guard end == .end else { return first }
      let next =
        fields[1] == 12
        ? Day(year: fields[0] + 1, month: 1, day: 1)
        : Day(year: fields[0], month: fields[1] + 1, day: 1)
      return next?.adding(days: -1)
    case 3:
      return Day(year: fields[0], month: fields[1], day: fields[2])
    default:
      return nil
    }
  }

  private static func usDay(_ text: String) -> Day? {
    let parts = text.split(separator: "/").compactMap { Int($0) }
    guard parts.count == 3, parts[2] >= 1000 else { return nil }
    return Day(year: parts[2], month: parts[0], day: parts[1])
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

  /// A number, accepting a decimal comma.
  static func number(_ text: String?) -> Double? {
    guard let text = text?.trimmingSpaces, !text.isEmpty else { return nil }
    return Double(text) ?? Double(text.replacingOccurrences(of: ",", with: "."))
  }

  /// Text as a person would read it: escapes left by a second round of escaping decoded
  /// (`&#xa;`, `&amp;`), runs of white space collapsed.
  static func clean(_ text: String?) -> String? {
    guard var text = text else { return nil }
    // Most values need nothing: no escape left, single spaces only, nothing to trim.
    var needsWork = false
    var previousSpace = true
    for byte in text.utf8 {
      let space = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
      if byte == UInt8(ascii: "&") || (space && (previousSpace || byte != 0x20)) {
        needsWork = true
        break
      }
      previousSpace = space
    }
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
