import SkillsGraph

/// A JSON document with keys in the order they were written, so output bytes never depend on
/// hashing and a diff between two reports reads like a diff between two runs.
package indirect enum JSONValue: Hashable, Sendable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  package static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    lhs.rendered() == rhs.rendered()
  }

  package func hash(into hasher: inout Hasher) { hasher.combine(rendered()) }

  /// Pretty-printed with two-space indentation and a final newline.
  package func rendered() -> String {
    String(decoding: renderedUTF8(), as: UTF8.self)
  }

  /// ``rendered()`` as the UTF-8 bytes a file receives: a 40,000-person report is 14 MB of
  /// JSON, which a `String` would check and copy once more on its way to the file.
  package func renderedUTF8() -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(1 << 12)
    write(into: &output, depth: 0)
    output.append(UInt8(ascii: "\n"))
    return output
  }

  private func write(into output: inout [UInt8], depth: Int) {
    switch self {
    case .null: output.append(contentsOf: "null".utf8)
    case .bool(let value): output.append(contentsOf: (value ? "true" : "false").utf8)
    case .number(let value): JSONValue.write(value, into: &output)
    case .string(let value): JSONValue.escape(value, into: &output)
    case .array(let items):
      guard !items.isEmpty else {
        output.append(contentsOf: "[]".utf8)
        return
      }
      if items.allSatisfy(\.isScalar) {
        output.append(UInt8(ascii: "["))
        for (index, item) in items.enumerated() {
          if index > 0 { output.append(contentsOf: ", ".utf8) }
          item.write(into: &output, depth: depth)
        }
        output.append(UInt8(ascii: "]"))
        return
      }
      output.append(contentsOf: "[\n".utf8)
      for (index, item) in items.enumerated() {
        indent(&output, depth + 1)
        item.write(into: &output, depth: depth + 1)
        output.append(contentsOf: (index + 1 < items.count ? ",\n" : "\n").utf8)
      }
      indent(&output, depth)
      output.append(UInt8(ascii: "]"))
    case .object(let members):
      guard !members.isEmpty else {
        output.append(contentsOf: "{}".utf8)
        return
      }
      output.append(contentsOf: "{\n".utf8)
      for (index, (key, value)) in members.enumerated() {
        indent(&output, depth + 1)
        JSONValue.escape(key, into: &output)
        output.append(contentsOf: ": ".utf8)
        value.write(into: &output, depth: depth + 1)
        output.append(contentsOf: (index + 1 < members.count ? ",\n" : "\n").utf8)
      }
      indent(&output, depth)
      output.append(UInt8(ascii: "}"))
    }
  }

  /// Two spaces per level.
  private func indent(_ output: inout [UInt8], _ depth: Int) {
    output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
  }

  private var isScalar: Bool {
    switch self {
    case .array, .object: false
    default: true
    }
  }

  /// ``format(_:)`` appended to `output`; whole numbers, most of a report's, as digits
  /// without an intermediate string.
  private static func write(_ value: Double, into output: inout [UInt8]) {
    guard value.isFinite, value == value.rounded(), abs(value) < 1e15 else {
      output.append(contentsOf: format(value).utf8)
      return
    }
    var whole = Int(value)
    if whole < 0 {
      output.append(UInt8(ascii: "-"))
      whole = -whole
    }
    var digits = 1
    var power = 10
    while power <= whole {
      digits += 1
      power *= 10
    }
    let end = output.count + digits
    output.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: digits))
    var position = end
    repeat {
      position -= 1
      output[position] = UInt8(ascii: "0") + UInt8(whole % 10)
      whole /= 10
    } while whole > 0
  }

  /// Integers print without a fraction; other numbers with at most four decimals, so reports
  /// stay stable across platforms' shortest-representation quirks.
  static func format(_ value: Double) -> String {
    guard value.isFinite else { return "null" }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return formatDecimal(value, places: 4)
  }

  private static func escape(_ text: String, into output: inout [UInt8]) {
    output.append(UInt8(ascii: "\""))
    // Most strings (ids, names, dates) need no escape: appended whole, not scalar by scalar.
    if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
      output.append(contentsOf: text.utf8)
      output.append(UInt8(ascii: "\""))
      return
    }
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": output.append(contentsOf: "\\\"".utf8)
      case "\\": output.append(contentsOf: "\\\\".utf8)
      case "\n": output.append(contentsOf: "\\n".utf8)
      case "\r": output.append(contentsOf: "\\r".utf8)
      case "\t": output.append(contentsOf: "\\t".utf8)
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        output.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
      default: output.append(contentsOf: String(scalar).utf8)
      }
    }
    output.append(UInt8(ascii: "\""))
  }
}

/// A coverage percentage with one decimal and its unit, or "no roles to cover" when the
/// ceiling is 0 (``CoverageAnalysis/coveragePercent`` is `nil`): never 100 % of nothing.
package func formatCoverage(_ percent: Double?) -> String {
  percent.map { formatDecimal($0, places: 1) + " %" } ?? "no roles to cover"
}

/// `value` rounded to `places` decimals, trailing zeros removed ("72.093", "0.5", "3").
package func formatDecimal(_ value: Double, places: Int) -> String {
  var scale = 1.0
  for _ in 0..<places { scale *= 10 }
  let scaled = (abs(value) * scale).rounded()
  guard scaled < 9e15 else { return String(value) }
  let integer = Int(scaled)
  let unit = Int(scale)
  var whole = String(integer / unit)
  var fraction = String(integer % unit)
  fraction = String(repeating: "0", count: places - fraction.count) + fraction
  while fraction.hasSuffix("0") { fraction.removeLast() }
  if value < 0, integer != 0 { whole = "-" + whole }
  return fraction.isEmpty ? whole : whole + "." + fraction
}
