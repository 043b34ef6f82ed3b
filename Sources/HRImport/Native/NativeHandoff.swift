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

  private let queue = HandoffQueue<Batch>(limit: maxPending)

  /// Sends a batch; waits while `maxPending` batches are unread.
  func send(_ batch: Batch) { queue.put(batch) }

  /// Says that nothing more will be sent.
  func close() { queue.close() }

  /// The next batch, in the order sent; `nil` once every batch is taken and the sender closed.
  func next() -> Batch? { queue.take() }
}
