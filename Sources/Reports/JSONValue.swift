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
  /// An array already written out in parts, by ``writtenAtOnce(count:depth:item:)``.
  case written([[UInt8]])

  package static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    lhs.rendered() == rhs.rendered()
  }

  package func hash(into hasher: inout Hasher) { hasher.combine(rendered()) }

  /// Pretty-printed with two-space indentation and a final newline.
  package func rendered() -> String {
    String(decoding: Array(renderedParts().joined()), as: UTF8.self)
  }

  /// ``rendered()`` as UTF-8 bytes, in parts to be written one after another (a 40,000-person
  /// report is 14 MB, which a `String` would check and copy once more): the parts of an array
  /// ``writtenAtOnce(count:depth:item:)`` wrote are passed on as they are, not copied into one
  /// more buffer.
  package func renderedParts() -> [[UInt8]] {
    var output = Output()
    write(into: &output, depth: 0)
    output.bytes.append(UInt8(ascii: "\n"))
    output.parts.append(output.bytes)
    return output.parts
  }

  /// The bytes written so far: finished parts, and the one being written.
  private struct Output {
    var parts: [[UInt8]] = []
    var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(1 << 12) }

    mutating func append(_ byte: UInt8) { bytes.append(byte) }
  }

  private func write(into output: inout Output, depth: Int) {
    switch self {
    case .null: JSONValue.append("null", to: &output.bytes)
    case .bool(let value): JSONValue.append(value ? "true" : "false", to: &output.bytes)
    case .number(let value): JSONValue.write(value, into: &output.bytes)
    case .string(let value): JSONValue.escape(value, into: &output.bytes)
    case .written(let parts):
      output.parts.append(output.bytes)
      output.parts.append(contentsOf: parts)
      output.bytes = []
    case .array(let items):
      guard !items.isEmpty else {
        JSONValue.append("[]", to: &output.bytes)
        return
      }
      if items.allSatisfy(\.isScalar) {
        output.append(UInt8(ascii: "["))
        for index in items.indices {
          if index > 0 { JSONValue.append(", ", to: &output.bytes) }
          items[index].write(into: &output, depth: depth)
        }
        output.append(UInt8(ascii: "]"))
        return
      }
      JSONValue.append("[\n", to: &output.bytes)
      for index in items.indices {
        JSONValue.indent(&output.bytes, depth + 1)
        items[index].write(into: &output, depth: depth + 1)
        if index + 1 < items.count { output.append(UInt8(ascii: ",")) }
        output.append(UInt8(ascii: "\n"))
      }
      JSONValue.indent(&output.bytes, depth)
      output.append(UInt8(ascii: "]"))
    case .object(let members):
      guard !members.isEmpty else {
        JSONValue.append("{}", to: &output.bytes)
        return
      }
      JSONValue.append("{\n", to: &output.bytes)
      for index in members.indices {
        JSONValue.indent(&output.bytes, depth + 1)
        JSONValue.escape(members[index].0, into: &output.bytes)
        JSONValue.append(": ", to: &output.bytes)
        members[index].1.write(into: &output, depth: depth + 1)
        if index + 1 < members.count { output.append(UInt8(ascii: ",")) }
        output.append(UInt8(ascii: "\n"))
      }
      JSONValue.indent(&output.bytes, depth)
      output.append(UInt8(ascii: "}"))
    }
  }

  /// An array of `count` objects or arrays, built, written and freed half on this thread and
  /// half on another at once, for a section of tens of thousands of entries: the succession
  /// bench of 40,000 people is 12 MB of a 14 MB report.
  ///
  /// - Parameters:
  ///   - count: how many items the array has.
  ///   - depth: the depth the array will sit at in the document (1 for a member of the top
  ///     object); the bytes are indented for it, exactly as ``array(_:)`` there would be.
  ///   - item: the item at an index; called once per index, from either thread, so it must
  ///     only read shared state. Items must not be scalars (which print on one line).
  /// - Returns: the array, written; it renders as ``array(_:)`` of the same items would.
  package static func writtenAtOnce(
    count: Int, depth: Int, item: (Int) -> JSONValue
  ) -> JSONValue {
    guard count > 0 else { return .array([]) }
    let middle = count / 2
    func write(_ range: Range<Int>, opening: StaticString, closing: Bool) -> [[UInt8]] {
      var output = Output()
      JSONValue.append(opening, to: &output.bytes)
      for index in range {
        let value = item(index)
        precondition(!value.isScalar, "writtenAtOnce is for arrays of objects or arrays")
        JSONValue.indent(&output.bytes, depth + 1)
        value.write(into: &output, depth: depth + 1)
        if index + 1 < count { output.append(UInt8(ascii: ",")) }
        output.append(UInt8(ascii: "\n"))
      }
      if closing {
        JSONValue.indent(&output.bytes, depth)
        output.append(UInt8(ascii: "]"))
      }
      output.parts.append(output.bytes)
      return output.parts
    }
    let (first, second) = Alongside.both(
      { write(0..<middle, opening: "[\n", closing: false) },
      { write(middle..<count, opening: "", closing: true) })
    return .written(first + second)
  }

  /// Appends a piece of punctuation or a keyword; a static string's bytes are copied whole.
  @inline(__always)
  private static func append(_ text: StaticString, to output: inout [UInt8]) {
    text.withUTF8Buffer { output.append(contentsOf: $0) }
  }

  /// Two spaces per level.
  private static func indent(_ output: inout [UInt8], _ depth: Int) {
    for _ in 0..<(2 * depth) { output.append(UInt8(ascii: " ")) }
  }

  private var isScalar: Bool {
    switch self {
    case .array, .object, .written: false
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
    var text = text
    let plain = text.withUTF8 { bytes in
      guard !bytes.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) else {
        return false
      }
      output.append(contentsOf: bytes)
      return true
    }
    if plain {
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
