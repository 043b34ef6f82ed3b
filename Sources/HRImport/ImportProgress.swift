import Foundation

/// How far an import has got, for a progress line on a terminal.
public struct ImportProgress: Hashable, Sendable {
  /// The file being read, as the user named it.
  public var file: String
  /// Records (people, entries, rows) read from it so far.
  public var records: Int
  public var bytesRead: Int
  public var totalBytes: Int

  package init(file: String, records: Int, bytesRead: Int, totalBytes: Int) {
    self.file = file
    self.records = records
    self.bytesRead = bytesRead
    self.totalBytes = totalBytes
  }

  /// The share of the file read, 0…1.
  public var fraction: Double {
    totalBytes > 0 ? min(1, Double(bytesRead) / Double(totalBytes)) : 1
  }
}

/// Where the readers send progress; set for the duration of one `Importer.load`.
///
/// Kept per thread (an import runs on the caller's thread from start to end) rather than passed
/// as a parameter, so the record readers deep inside each profile report progress without every
/// reader signature carrying a callback. (A task-local value did the same in debug builds but
/// crashed in release builds of Swift 6.3.1 around a typed-throws closure.)
enum ImportProgressSink {
  private static let key = "understudy.import-progress"

  private final class Box {
    let report: @Sendable (ImportProgress) -> Void
    init(_ report: @escaping @Sendable (ImportProgress) -> Void) { self.report = report }
  }

  /// The current thread's progress callback, if an import set one.
  static var report: (@Sendable (ImportProgress) -> Void)? {
    (Thread.current.threadDictionary[key] as? Box)?.report
  }

  /// Runs `body` with `report` as this thread's progress callback, then restores the previous.
  static func with<Value>(
    _ report: (@Sendable (ImportProgress) -> Void)?, _ body: () -> Value
  ) -> Value {
    let dictionary = Thread.current.threadDictionary
    let previous = dictionary[key]
    dictionary[key] = report.map(Box.init)
    defer { dictionary[key] = previous }
    return body()
  }

  /// Reports at most about ten times a second while streaming.
  struct Throttle {
    private var last = ContinuousClock.now
    private var count = 0

    mutating func shouldReport() -> Bool {
      count += 1
      guard count % 128 == 0, ImportProgressSink.report != nil else { return false }
      let now = ContinuousClock.now
      guard now - last >= .milliseconds(100) else { return false }
      last = now
      return true
    }
  }
}
