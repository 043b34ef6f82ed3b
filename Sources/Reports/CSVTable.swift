/// An RFC 4180 table: a header row, CRLF line ends, fields quoted when they hold a comma, quote
/// or line break, UTF-8.
///
/// A cell that a spreadsheet would read as a formula (starting with `=`, `+`, `-`, `@`, tab or
/// carriage return) is prefixed with an apostrophe, so opening the file never executes text that
/// came from an input file.
struct CSVTable {
  var header: [String]
  var rows: [[String]] = []

  init(_ header: [String]) { self.header = header }

  mutating func append(_ row: [String]) { rows.append(row) }

  func rendered() -> String {
    ([header] + rows).map { $0.map(Self.field).joined(separator: ",") + "\r\n" }.joined()
  }

  static func field(_ text: String) -> String {
    var value = text
    if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
      value = "'" + value
    }
    // "\r\n" is a single Character in Swift, so line breaks are found by scalar.
    let needsQuotes = value.unicodeScalars.contains {
      $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r"
    }
    guard needsQuotes else { return value }
    var quoted = "\""
    for character in value {
      if character == "\"" { quoted += "\"\"" } else { quoted.append(character) }
    }
    return quoted + "\""
  }
}
