import Foundation

/// Hands the records a `NativeStream` gathers on its parsing thread to the thread that reads
/// them, a batch at a time, so that `NativeFileReader` runs beside libxml2's parse and schema
/// validation instead of between their callbacks.
///
/// A batch carries copies of its records' elements (`GatheredElements`) and start tags
/// (`StreamedRecord`), which place their values, so the reading thread never looks at libxml2's
/// buffer or dictionary: everything in a batch is plain Swift values.
/// At most `maxPending` batches wait, so memory stays flat however far the parse is ahead.
/// Batches reach the reader in document order (the idea of `RecordHandoff`, for the Workday
/// reader, with the native reader's items).
final class NativeHandoff: @unchecked Sendable {
  /// Something the reader does, in document order; elements are indexes in the batch's
  /// `elements`.
  enum Item {
    /// The root element (its children left out): checked, and its attributes read.
    case root(Int)
    /// A section starts: it replaces an earlier one of its kind, and its ids start afresh.
    case section(NativeFileReader.Section)
    /// A record of `section`, or a child of the root that is not a section (`nil`).
    case record(Int, section: NativeFileReader.Section?)
  }

  /// Items with their elements, and the start tags that place them.
  struct Batch {
    var items: [Item]
    var elements: GatheredElements
    var tags: StreamedRecord
    /// The bytes handed to libxml2 when the batch was sent, for progress reports.
    var bytesRead: Int
  }

  /// Records per batch: enough that the threads meet rarely, few enough that a batch stays in
  /// the cache.
  static let batchSize = 64
  /// Batches sent and not yet taken before the parse waits for the reader.
  static let maxPending = 4

  private let condition = NSCondition()
  private var queue: [Batch] = []
  private var closed = false

  /// Sends a batch; waits while `maxPending` batches are unread.
  func send(_ batch: Batch) {
    condition.lock()
    while queue.count >= Self.maxPending { condition.wait() }
    queue.append(batch)
    condition.broadcast()
    condition.unlock()
  }

  /// Says that nothing more will be sent.
  func close() {
    condition.lock()
    closed = true
    condition.broadcast()
    condition.unlock()
  }

  /// The next batch, in the order sent; `nil` once every batch is taken and the sender closed.
  func next() -> Batch? {
    condition.lock()
    defer { condition.unlock() }
    while queue.isEmpty, !closed { condition.wait() }
    guard !queue.isEmpty else { return nil }
    let batch = queue.removeFirst()
    condition.broadcast()
    return batch
  }
}
