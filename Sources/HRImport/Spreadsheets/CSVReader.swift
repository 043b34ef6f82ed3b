import Foundation

/// Reads a CSV file into one grid: RFC 4180 quoting, the delimiter sniffed among `,`, `;` and
/// tab (spreadsheets in much of Europe write `;`), a UTF-8 byte order mark dropped, and text
/// that is not UTF-8 read as Windows-1252, which is what Excel writes by default.
struct CSVReader {
  let path: String
  private(set) var diagnostics: [Diagnostic] = []
  /// Facts for the report (the delimiter, the encoding).
  private(set) var notes: [String] = []

  init(path: String) { self.path = path }

  /// - Throws: `ImportError.missingInput` when the file cannot be read.
  mutating func read() throws(ImportError) -> SheetGrid {
    var bytes = try SafeXMLParser.readFile(path: path, displayPath: path)
    var grid = SheetGrid(name: nil)
    guard bytes.count <= SafeXMLParser.maximumFileSize else {
      diagnostics.append(
        Diagnostic(
          .error, "file is larger than \(SafeXMLParser.maximumFileSize >> 20) MiB",
          at: SourceLocation(file: path)))
      return grid
    }
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    let text: String
    if let decoded = String(validating: bytes, as: UTF8.self) {
      text = decoded
    } else {
      text =
        String(data: Data(bytes), encoding: .windowsCP1252)
        ?? String(decoding: bytes, as: UTF8.self)
      notes.append("not UTF-8: read as Windows-1252")
    }
    let delimiter = Self.sniffDelimiter(text)
    if delimiter != "," {
      notes.append("fields separated by \(delimiter == "\t" ? "tabs" : "'\(delimiter)'")")
    }
    var row = 0
    for record in Self.records(text, delimiter: delimiter) {
      for (column, field) in record.enumerated() where !field.isEmpty {
        grid.set(.text(field), row: row, column: column)
      }
      row += 1
      if row >= SheetGrid.maximumRows { break }
    }
    return grid
  }

  /// The delimiter that splits the first lines into the same number of fields, most of them.
  static func sniffDelimiter(_ text: String) -> Character {
    var sample = String(text.prefix(64 * 1024))
    if sample.count < text.count, let lastBreak = sample.lastIndex(of: "\n") {
      sample = String(sample[..<lastBreak])
    }
    var best: (Character, Int) = (",", 0)
    for candidate in [",", ";", "\t"] as [Character] {
      let counts = records(sample, delimiter: candidate).prefix(20).map(\.count).filter { $0 > 1 }
      guard let widest = counts.max() else { continue }
      let score = counts.filter { $0 == widest }.count * widest
      if score > best.1 { best = (candidate, score) }
    }
    return best.0
  }

  /// Splits CSV text into records of fields; quotes may hold delimiters, line breaks and `""`.
  static func records(_ text: String, delimiter: Character) -> [[String]] {
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var quoted = false
    var afterQuote = false
    var iterator = text.makeIterator()
    var pending: Character? = nil
    func nextCharacter() -> Character? {
      if let character = pending {
        pending = nil
        return character
      }
      return iterator.next()
    }
    while let character = nextCharacter() {
      if quoted {
        if character == "\"" {
          if let following = iterator.next() {
            if following == "\"" {
              field.append("\"")
            } else {
              quoted = false
              afterQuote = true
              pending = following
            }
          } else {
            quoted = false
          }
        } else {
          field.append(character)
        }
        continue
      }
      switch character {
      case "\"" where field.isEmpty && !afterQuote:
        quoted = true
      case delimiter:
        record.append(field)
        field = ""
        afterQuote = false
      case "\n", "\r\n", "\r":
        record.append(field)
        records.append(record)
        record = []
        field = ""
        afterQuote = false
      default:
        field.append(character)
      }
    }
    if !field.isEmpty || !record.isEmpty {
      record.append(field)
      records.append(record)
    }
    return records
  }
}
