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
/// Kept per thread rather than passed as a parameter, so the record readers deep inside each
/// profile report progress without every reader signature carrying a callback. An import runs
/// on the caller's thread, except that files read at once run on threads of their own, each
/// given a `Relay`'s callback for its file. (A task-local value did the same in debug builds but
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

  /// Passes on the progress of files read at once on several threads, one report at a time.
  ///
  /// A file's last report (all its records, 100 %) is held back, and every file's is passed on
  /// by `finish()` once all are read, in the order the files were given: the reports then end
  /// as they do when the files are read one after another, with the last file's total.
  final class Relay: @unchecked Sendable {
    private let lock = NSLock()
    private let forward: @Sendable (ImportProgress) -> Void
    /// The latest report of each file, by its index.
    private var latest: [ImportProgress?]

    init(_ forward: @escaping @Sendable (ImportProgress) -> Void, files: Int) {
      self.forward = forward
      latest = Array(repeating: nil, count: files)
    }

    /// The progress callback for the thread reading the file at `index`.
    func report(for index: Int) -> @Sendable (ImportProgress) -> Void {
      { progress in self.receive(progress, from: index) }
    }

    private func receive(_ progress: ImportProgress, from index: Int) {
      lock.withLock {
        latest[index] = progress
        if progress.fraction < 1 { forward(progress) }
      }
    }

    /// Passes on each file's latest report, in the order the files were given.
    func finish() {
      for progress in lock.withLock({ latest }) {
        if let progress { forward(progress) }
      }
    }
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
