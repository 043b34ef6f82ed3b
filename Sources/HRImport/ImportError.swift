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
