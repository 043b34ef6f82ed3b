/// How far an import has got, for a progress line on a terminal.
public struct ImportProgress: Hashable, Sendable {
  /// The file being read, as the user named it.
  public var file: String
  /// Records (people, entries, rows) read from it so far.
  public var records: Int
  public var bytesRead: Int
  public var totalBytes: Int

  public init(file: String, records: Int, bytesRead: Int, totalBytes: Int) {
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
/// A task-local value rather than a parameter, so the record readers deep inside each profile
/// report progress without every reader signature carrying a callback.
enum ImportProgressSink {
  @TaskLocal static var report: (@Sendable (ImportProgress) -> Void)?

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
