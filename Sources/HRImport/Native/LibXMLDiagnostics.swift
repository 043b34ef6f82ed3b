import Foundation

/// libxml2's diagnostics of one kind (the parser's or the validator's), kept as `ParseState`
/// keeps them: every warning, and errors up to one past the cap.
struct LibXMLDiagnostics {
  private(set) var list: [Diagnostic] = []
  private var errors = 0

  /// False for an error past the cap: it need not even be located.
  func wants(_ severity: Diagnostic.Severity) -> Bool {
    severity != .error || errors <= SafeXMLParser.maximumErrors
  }

  mutating func add(_ severity: Diagnostic.Severity, _ message: String, at location: SourceLocation)
  {
    guard wants(severity) else { return }
    if severity == .error { errors += 1 }
    list.append(Diagnostic(severity, message, at: location))
  }

  /// The parser's diagnostics, then the validator's, capped as the in-memory path caps the
  /// two, which it reports in that order.
  static func merged(_ first: Self, _ second: Self, path: String) -> [Diagnostic] {
    var kept: [Diagnostic] = []
    var errors = 0
    for diagnostic in first.list + second.list {
      if diagnostic.severity == .error {
        errors += 1
        if errors == SafeXMLParser.maximumErrors + 1 {
          kept.append(
            Diagnostic(
              .error, SafeXMLParser.tooManyErrors,
              at: SourceLocation(file: path)))
        }
        if errors > SafeXMLParser.maximumErrors { continue }
      }
      kept.append(diagnostic)
    }
    return kept
  }
}
