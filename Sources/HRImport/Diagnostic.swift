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
