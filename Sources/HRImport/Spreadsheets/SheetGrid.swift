/// One value in a spreadsheet cell, as the file stored it (a formula's cached result, a shared
/// string already looked up).
enum SheetCell: Hashable, Sendable {
  case empty
  case text(String)
  case number(Double)
  case boolean(Bool)
  /// An error value such as `#N/A` or `#REF!`.
  case error(String)

  var isEmpty: Bool {
    switch self {
    case .empty: true
    case .text(let text): text.allSatisfy(\.isWhitespace)
    default: false
    }
  }

  /// The cell as text: numbers without a trailing `.0` when whole, so an id stored as a number
  /// (`1003`) reads as the same id as one stored as text.
  var text: String {
    switch self {
    case .empty: ""
    case .text(let text): text.trimmingSpaces
    case .number(let value): SheetCell.format(value)
    case .boolean(let value): value ? "TRUE" : "FALSE"
    case .error(let code): code
    }
  }

  static func format(_ value: Double) -> String {
    if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
      return String(Int(value))
    }
    return String(value)
  }
}

/// A rectangle of cells, 0-based and inclusive, such as a merged range.
struct CellRange: Hashable, Sendable {
  var top: Int
  var left: Int
  var bottom: Int
  var right: Int

  /// Parses `A1:C3` (or a single `B2`).
  init?(reference: String) {
    let parts = reference.split(separator: ":", maxSplits: 1).map(String.init)
    guard let first = parts.first, let start = CellReference(first) else { return nil }
    let end = parts.count == 2 ? CellReference(parts[1]) : start
    guard let end, end.row >= start.row, end.column >= start.column else { return nil }
    self.init(top: start.row, left: start.column, bottom: end.row, right: end.column)
  }

  init(top: Int, left: Int, bottom: Int, right: Int) {
    self.top = top
    self.left = left
    self.bottom = bottom
    self.right = right
  }

  func contains(row: Int, column: Int) -> Bool {
    row >= top && row <= bottom && column >= left && column <= right
  }
}

/// A cell's place, 0-based, with its A1 spelling.
struct CellReference: Hashable, Sendable {
  var row: Int
  var column: Int

  init(row: Int, column: Int) {
    self.row = row
    self.column = column
  }

  /// Parses `C7` or `$C$7`; `nil` for anything else or beyond a spreadsheet's limits.
  init?(_ text: String) {
    var text = text
    guard let reference = text.withUTF8({ Self(bytes: $0) }) else { return nil }
    self = reference
  }

  /// Parses `C7` or `$C$7` from UTF-8 bytes; `nil` for anything else or beyond a spreadsheet's
  /// limits.
  init?(bytes text: UnsafeBufferPointer<UInt8>) {
    var column = 0
    var row = 0
    var letters = 0
    var digits = 0
    for byte in text {
      switch byte {
      case UInt8(ascii: "$"):
        continue
      case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
        guard digits == 0, letters < 3 else { return nil }
        column = column * 26 + Int((byte & 0xDF) - UInt8(ascii: "A")) + 1
        letters += 1
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        guard letters > 0, digits < 7 else { return nil }
        row = row * 10 + Int(byte - UInt8(ascii: "0"))
        digits += 1
      default:
        return nil
      }
    }
    guard letters > 0, digits > 0, row >= 1, row <= SheetGrid.maximumRows,
      column <= SheetGrid.maximumColumns
    else { return nil }
    self.init(row: row - 1, column: column - 1)
  }

  /// `A`, `B`, … `Z`, `AA`, … for a 0-based column.
  static func columnName(_ column: Int) -> String {
    CellReference(row: 0, column: column).name(withRow: false)
  }

  /// `C7`.
  var a1: String { name() }

  /// `prefix` then `C7` (or only `C` without the row), written straight into the string: every
  /// value read from a sheet gets one (a 10,000 × 500 matrix names five million cells), and
  /// most fit a small string, so no memory is allocated at all.
  func name(prefix: String = "", withRow: Bool = true) -> String {
    // Three letters and seven digits cover every cell of a spreadsheet; more is clipped.
    let column = max(self.column + 1, 0)
    let row = max(self.row + 1, 0)
    var letters = 0
    var rest = column
    while rest > 0, letters < 4 {
      letters += 1
      rest = (rest - 1) / 26
    }
    var digits = 0
    if withRow {
      rest = row
      repeat {
        digits += 1
        rest /= 10
      } while rest > 0 && digits < 12
    }
    var prefix = prefix
    return prefix.withUTF8 { head in
      // The exact length, so that a name of up to 15 bytes is a small string. Written through
      // the base pointer, from the end of each run: the letters, then the digits.
      let count = head.count + letters + digits
      return String(unsafeUninitializedCapacity: count) { bytes in
        guard let base = bytes.baseAddress, bytes.count >= count else { return 0 }
        if let source = head.baseAddress { base.update(from: source, count: head.count) }
        var rest = column
        var at = head.count + letters
        while at > head.count {
          at -= 1
          base[at] = UInt8(truncatingIfNeeded: 65 + (rest - 1) % 26)
          rest = (rest - 1) / 26
        }
        rest = row
        at = count
        while at > head.count + letters {
          at -= 1
          base[at] = UInt8(truncatingIfNeeded: 48 + rest % 10)
          rest /= 10
        }
        return count
      }
    }
  }
}

/// The cells of one sheet, row by row, with its merged ranges; what every format's reader
/// produces and the layout detector reads.
struct SheetGrid: Sendable {
  /// Excel's limits, which every format here shares.
  static let maximumRows = 1_048_576
  static let maximumColumns = 16_384
  /// The most cells with content one sheet may hold: a 10,000 × 500 matrix with its person
  /// columns, and a fifth to spare.
  ///
  /// OpenDocument repeats a row or cell by a count, so a few bytes can ask for a million rows of
  /// sixteen thousand cells; past this budget a sheet is refused rather than expanded.
  static let maximumCells = 6_000_000

  /// The sheet's name; `nil` for a CSV file, which has one unnamed sheet.
  let name: String?
  /// `Sheet1!` or `'Q4 skills'!` (empty for a CSV file): worked out once, since every value
  /// read carries its cell's name.
  private let cellPrefix: String
  /// Rows in order; a row holds cells up to its last non-empty one.
  var rows: [[SheetCell]] = []
  var merges: [CellRange] = []
  /// Cells with content stored so far, against ``maximumCells``.
  private(set) var filledCells = 0
  /// True once a value was refused because the sheet already held ``maximumCells``.
  var isFull: Bool { filledCells >= Self.maximumCells }

  init(name: String?) {
    self.name = name
    if let name {
      let plain = name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
      cellPrefix =
        (plain ? name : "'" + name.replacingOccurrences(of: "'", with: "''") + "'") + "!"
    } else {
      cellPrefix = ""
    }
  }

  subscript(row: Int, column: Int) -> SheetCell {
    guard row >= 0, row < rows.count, column >= 0, column < rows[row].count else { return .empty }
    return rows[row][column]
  }

  /// Stores a value, growing the grid; empty values only move nothing.
  mutating func set(_ cell: SheetCell, row: Int, column: Int) {
    guard !cell.isEmpty, row >= 0, row < Self.maximumRows, column >= 0,
      column < Self.maximumColumns, !isFull
    else { return }
    filledCells += 1
    if rows.count <= row { rows.append(contentsOf: repeatElement([], count: row + 1 - rows.count)) }
    if rows[row].count <= column {
      rows[row].append(contentsOf: repeatElement(.empty, count: column + 1 - rows[row].count))
    }
    rows[row][column] = cell
  }

  /// The cell of a value the file declares a number (`t="n"` or no type in xlsx,
  /// `ss:Type="Number"` in 2003 XML): the number, nothing for blank text, and an error at the
  /// cell for text that is no finite number.
  func numberCell(
    _ text: String, row: Int, column: Int, file: String, diagnostics: inout [Diagnostic]
  ) -> SheetCell {
    // Most cells of a skills matrix hold a small whole number: read its digits directly.
    if let digits = text.utf8.withContiguousStorageIfAvailable(Self.plainDigits), let digits {
      return .number(Double(digits))
    }
    let trimmed = text.trimmingSpaces
    guard !trimmed.isEmpty else { return .empty }
    guard let number = Double(trimmed), number.isFinite else {
      diagnostics.append(
        Diagnostic(
          .error, "cell holds '\(trimmed)' where the file promises a number",
          at: location(file: file, row: row, column: column)))
      return .empty
    }
    return .number(number)
  }

  /// The value of one to nine ASCII digits and nothing else; `nil` otherwise.
  static func plainDigits(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    guard !bytes.isEmpty, bytes.count <= 9 else { return nil }
    var value = 0
    for byte in bytes {
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
      value = value * 10 + Int(byte - UInt8(ascii: "0"))
    }
    return value
  }

  /// `Sheet1!C7`, quoting a sheet name that needs it as spreadsheets do (`'Q4 skills'!C7`).
  func cellName(row: Int, column: Int) -> String {
    CellReference(row: row, column: column).name(prefix: cellPrefix)
  }

  func location(file: String, row: Int, column: Int) -> SourceLocation {
    SourceLocation(
      file: file, line: row + 1, column: column + 1, cell: cellName(row: row, column: column))
  }

  /// Copies each merged range's top-left value into its other cells, so a header merged over
  /// two rows, or a department merged over several people, reads as if written out; false
  /// when the ranges cover more than ``maximumCells`` cells, and were filled only that far.
  ///
  /// Ranges are clipped to the cells the sheet holds, so a merge over a whole column costs
  /// nothing. A sheet holding one cell at `XFD1048576` holds all of them, though, and a 1 KB
  /// file merging `A1:XFD1048576` asked for 17 billion cells: the cells visited, over all
  /// ranges, are counted against the same budget as the cells a sheet may hold.
  mutating func fillMerges() -> Bool {
    let lastRow = rows.count - 1
    guard lastRow >= 0 else { return true }
    let widest = rows.map(\.count).max() ?? 0
    var budget = Self.maximumCells
    for range in merges {
      let value = self[range.top, range.left]
      guard !value.isEmpty, range.top <= lastRow else { continue }
      for row in range.top...min(range.bottom, lastRow) {
        for column in range.left...min(range.right, max(widest - 1, range.left))
        where row != range.top || column != range.left {
          guard budget > 0 else { return false }
          budget -= 1
          if self[row, column].isEmpty { set(value, row: row, column: column) }
        }
      }
    }
    return true
  }

  /// True when a merged range joins `row`'s cell in `column` with the one below it.
  func isMergedDown(row: Int, column: Int) -> Bool {
    merges.contains { $0.contains(row: row, column: column) && $0.bottom > row }
  }
}
