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
    var output = ""
    write(into: &output, indent: "")
    output += "\n"
    return output
  }

  private func write(into output: inout String, indent: String) {
    switch self {
    case .null: output += "null"
    case .bool(let value): output += value ? "true" : "false"
    case .number(let value): output += JSONValue.format(value)
    case .string(let value): JSONValue.escape(value, into: &output)
    case .array(let items):
      guard !items.isEmpty else {
        output += "[]"
        return
      }
      if items.allSatisfy(\.isScalar) {
        output += "["
        for (index, item) in items.enumerated() {
          if index > 0 { output += ", " }
          item.write(into: &output, indent: indent)
        }
        output += "]"
        return
      }
      let inner = indent + "  "
      output += "[\n"
      for (index, item) in items.enumerated() {
        output += inner
        item.write(into: &output, indent: inner)
        output += index + 1 < items.count ? ",\n" : "\n"
      }
      output += indent + "]"
    case .object(let members):
      guard !members.isEmpty else {
        output += "{}"
        return
      }
      let inner = indent + "  "
      output += "{\n"
      for (index, (key, value)) in members.enumerated() {
        output += inner
        JSONValue.escape(key, into: &output)
        output += ": "
        value.write(into: &output, indent: inner)
        output += index + 1 < members.count ? ",\n" : "\n"
      }
      output += indent + "}"
    }
  }

  private var isScalar: Bool {
    switch self {
    case .array, .object: false
    default: true
    }
  }

  /// Integers print without a fraction; other numbers with at most four decimals, so reports
  /// stay stable across platforms' shortest-representation quirks.
  static func format(_ value: Double) -> String {
    guard value.isFinite else { return "null" }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return formatDecimal(value, places: 4)
  }

  private static func escape(_ text: String, into output: inout String) {
    output += "\""
    // Most strings (ids, names, dates) need no escape: appended whole, not scalar by scalar.
    if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
      output += text
      output += "\""
      return
    }
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: output.unicodeScalars.append(scalar)
      }
    }
    output += "\""
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
