internal import CLibXML2
import Foundation

/// Hands finished records from the parsing thread to the thread that reads them, a batch at a
/// time, so that the profile's reader runs beside libxml2 instead of between its callbacks.
///
/// A batch is the records built in one `NodeArena`: the parser fills an arena, sends it, and
/// goes on in a free one while the reader works through the batch and resets it. Nothing in a
/// batch belongs to libxml2 (see `RecordTreeBuilder`), and the names in it are the parser's
/// dictionary's, which the reader only compares by pointer: the dictionary itself is never
/// read on the reading thread (a reader interns its names before the parse begins,
/// `VendorReader.intern(dictionary:)`), since the parser adds to it as it goes.
///
/// Records reach `body` in document order, on the one reading thread: the caller's, which runs
/// `consume` while the parse runs on a thread of its own (`Alongside`). The reader's values
/// (every person's strings and lists) are thus allocated where the conversion that follows
/// frees them, in the same `malloc` arena, so freed memory is reused (read on a thread of its
/// own, a 40,000-worker import peaked 16 MB higher, and an analysis after it 34 MB higher).
final class RecordHandoff: @unchecked Sendable {
  /// Records per batch: enough that the threads meet rarely (a few hundred times for 40,000
  /// workers), few enough that the arenas stay in the cache.
  static let batchSize = 64

  private struct Batch {
    var arena: UnsafeMutablePointer<NodeArena>
    var records: [UnsafeMutablePointer<xmlNode>]
    /// The bytes the parser had read when the batch was sent, for progress reports.
    var bytesRead: Int
  }

  private let condition = NSCondition()
  private var queue: [Batch] = []
  private var free: [UnsafeMutablePointer<NodeArena>] = []
  private var arenas: [UnsafeMutablePointer<NodeArena>] = []
  /// Batches sent and not yet read.
  private var pending = 0
  private var closing = false
  private var finished = false
  /// A handoff where `arenas` arenas circulate between the two threads.
  init(arenas count: Int = 3) {
    for _ in 0..<max(count, 2) {
      let arena = UnsafeMutablePointer<NodeArena>.allocate(capacity: 1)
      arena.initialize(to: NodeArena())
      arenas.append(arena)
      free.append(arena)
    }
  }

  deinit {
    for arena in arenas {
      arena.deinitialize(count: 1)
      arena.deallocate()
    }
  }

  /// An arena to build records in (waits for one when every arena is in use).
  func takeArena() -> UnsafeMutablePointer<NodeArena> {
    condition.lock()
    defer { condition.unlock() }
    while free.isEmpty { condition.wait() }
    return free.removeLast()
  }

  /// Sends the records built in `arena` to the reading thread; returns an arena to go on in.
  func send(
    _ arena: UnsafeMutablePointer<NodeArena>, records: [UnsafeMutablePointer<xmlNode>],
    bytesRead: Int
  ) -> UnsafeMutablePointer<NodeArena> {
    condition.lock()
    queue.append(Batch(arena: arena, records: records, bytesRead: bytesRead))
    pending += 1
    condition.broadcast()
    condition.unlock()
    return takeArena()
  }

  /// Waits until every batch sent has been read.
  func drain() {
    condition.lock()
    while pending > 0 { condition.wait() }
    condition.unlock()
  }

  /// Waits until the batches sent have been read and ends `consume`.
  func close() {
    condition.lock()
    closing = true
    condition.broadcast()
    while !finished { condition.wait() }
    condition.unlock()
  }

  /// Gives back an arena taken and not sent (the parse is over).
  func giveBack(_ arena: UnsafeMutablePointer<NodeArena>) {
    arena.pointee.reset()
    condition.lock()
    free.append(arena)
    condition.unlock()
  }

  /// Reads every batch sent with `body`, in order, until `close()`; `progress` gets the
  /// records read so far and the bytes the parser had read by then, after each batch.
  func consume(body: (Node) -> Void, progress: (_ records: Int, _ bytesRead: Int) -> Void) {
    var records = 0
    condition.lock()
    while true {
      while queue.isEmpty, !closing { condition.wait() }
      if queue.isEmpty { break }
      let batch = queue.removeFirst()
      condition.unlock()
      for record in batch.records { body(Node(record)) }
      records += batch.records.count
      progress(records, batch.bytesRead)
      batch.arena.pointee.reset()
      condition.lock()
      free.append(batch.arena)
      pending -= 1
      condition.broadcast()
    }
    finished = true
    condition.broadcast()
    condition.unlock()
  }
}
