import Foundation
import MentoringOptimizer
import Reports

/// One status line on standard error, rewritten in place, only when a person is watching.
///
/// Nothing is printed when standard error is not a terminal (CI logs, pipes, files) or with
/// `--quiet`, so scripts see exactly the report and the diagnostics.
final class StatusLine: @unchecked Sendable {
  private let enabled: Bool
  private let lock = NSLock()
  private var shown = false

  init(quiet: Bool) { enabled = !quiet && isatty(STDERR_FILENO) == 1 }

  func show(_ text: String) {
    guard enabled else { return }
    lock.lock()
    defer { lock.unlock() }
    FileHandle.standardError.write(Data(("\r\u{1B}[K" + text).utf8))
    shown = true
  }

  func clear() {
    guard enabled else { return }
    lock.lock()
    defer { lock.unlock() }
    if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    shown = false
  }
}

/// Planning progress: the phase, the best coverage found so far and the bound.
struct PlanProgressDisplay {
  let line: StatusLine

  init(quiet: Bool) { line = StatusLine(quiet: quiet) }

  var callback: (@Sendable (PlanProgress) -> Void)? {
    let line = self.line
    return { progress in
      let phase: String
      switch progress.phase {
      case .constructing: phase = "building a plan"
      case .improving: phase = "improving"
      case .bounding: phase = "certifying"
      }
      var text = "planning: \(phase), coverage \(formatDecimal(progress.bestScore, places: 1))"
      if let bound = progress.upperBound { text += ", bound \(formatDecimal(bound, places: 1))" }
      let seconds =
        Double(progress.elapsed.components.seconds)
        + Double(progress.elapsed.components.attoseconds) / 1e18
      text += ", \(formatDecimal(seconds, places: 1)) s"
      line.show(text)
    }
  }

  func finish() { line.clear() }
}
