/// A place in an input file, as a compiler prints it: `file:line:column`.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// The path as the user gave it.
  public var file: String
  /// 1-based line; 0 when the problem concerns the whole file.
  public var line: Int
  /// 1-based column in UTF-8 bytes; 0 when unknown.
  public var column: Int

  public init(file: String, line: Int = 0, column: Int = 0) {
    self.file = file
    self.line = line
    self.column = column
  }

  public var description: String {
    guard line > 0 else { return file }
    return column > 0 ? "\(file):\(line):\(column)" : "\(file):\(line)"
  }

  public static func < (lhs: Self, rhs: Self) -> Bool {
    (lhs.line, lhs.column) < (rhs.line, rhs.column)
  }
}

/// One finding about the input: an error that stops the run, or a warning that does not.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
  public enum Severity: String, Hashable, Sendable {
    case error
    case warning
  }

  public var severity: Severity
  public var location: SourceLocation
  /// Lower case, names in single quotes, no full stop.
  public var message: String

  public init(_ severity: Severity, _ message: String, at location: SourceLocation) {
    self.severity = severity
    self.location = location
    self.message = message
  }

  public var description: String { "\(location): \(severity.rawValue): \(message)" }
}

/// Why an import failed, with everything the user must fix.
public enum ImportError: Error, Sendable, CustomStringConvertible {
  /// A file does not exist or cannot be read (sysexits 66).
  case missingInput(path: String, reason: String)
  /// The input was read but is not acceptable (sysexits 65); errors first, then warnings.
  case invalidData([Diagnostic])

  public var description: String {
    switch self {
    case .missingInput(let path, let reason): "\(path): error: \(reason)"
    case .invalidData(let diagnostics): diagnostics.map(\.description).joined(separator: "\n")
    }
  }
}
