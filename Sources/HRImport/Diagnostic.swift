/// One finding about the input: an error that stops the run, or a warning that does not.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
  public enum Severity: String, Hashable, Sendable {
    case error
    case warning
  }

  /// What a user can do about a finding, when the way forward depends on how the library is
  /// called: a command line names its own flags for it, a program its own settings.
  public enum Remedy: Hashable, Sendable {
    /// Name the file's profile, or give a mapping file for it.
    case nameProfileOrMapping
    /// Give the roles to cover: a roles file, or roles derived from the export's positions.
    case giveRoles
  }

  public var severity: Severity
  public var location: SourceLocation
  /// Lower case, names in single quotes, no full stop.
  public var message: String
  public var remedy: Remedy?

  public init(
    _ severity: Severity, _ message: String, at location: SourceLocation, remedy: Remedy? = nil
  ) {
    self.severity = severity
    self.location = location
    self.message = message
    self.remedy = remedy
  }

  public var description: String { "\(location): \(severity.rawValue): \(message)" }
}
