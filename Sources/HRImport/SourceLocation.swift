/// A place in an input file, as a compiler prints it: `file:line:column`, or for a spreadsheet
/// `file:Sheet!C7`.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// The path as the user gave it.
  public var file: String
  /// 1-based line (a spreadsheet's row); 0 when the problem concerns the whole file.
  public var line: Int
  /// 1-based column in UTF-8 bytes (a spreadsheet's column number); 0 when unknown.
  public var column: Int
  /// A spreadsheet cell as the spreadsheet shows it (`Sheet1!C7`, or `C7` in a CSV file);
  /// when set, it is printed instead of the line and column.
  public var cell: String?

  public init(file: String, line: Int = 0, column: Int = 0, cell: String? = nil) {
    self.file = file
    self.line = line
    self.column = column
    self.cell = cell
  }

  public var description: String {
    if let cell { return "\(file):\(cell)" }
    guard line > 0 else { return file }
    return column > 0 ? "\(file):\(line):\(column)" : "\(file):\(line)"
  }

  public static func < (lhs: Self, rhs: Self) -> Bool {
    (lhs.line, lhs.column) < (rhs.line, rhs.column)
  }
}
