internal import CLibXML2
import Foundation

/// Hands finished records from the parsing thread to a thread that reads them, a batch at a
/// time, so that the profile's reader runs beside libxml2 instead of between its callbacks.
///
/// A batch is the records built in one `NodeArena`: the parser fills an arena, sends it, and
/// goes on in a free one while the reader works through the batch and resets it. Nothing in a
/// batch belongs to libxml2 (see `RecordTreeBuilder`), and the names in it are the parser's
/// dictionary's, which the reader only compares by pointer: the dictionary itself is never
/// read on the reading thread (a reader interns its names before the parse begins,
/// `VendorReader.intern(dictionary:)`), since the parser adds to it as it goes.
///
/// Records reach `body` in document order, on the one reading thread.
final class RecordHandoff: @unchecked Sendable {
  /// Records per batch: enough that the threads meet rarely (a few hundred times for 40,000
  /// workers), few enough that the arenas stay in the cache.
  static let batchSize = 64

  private struct Batch {
    var arena: UnsafeMutablePointer<NodeArena>
    var records: [UnsafeMutablePointer<xmlNode>]
  }

  private let condition = NSCondition()
  private var queue: [Batch] = []
  private var free: [UnsafeMutablePointer<NodeArena>] = []
  private var arenas: [UnsafeMutablePointer<NodeArena>] = []
  /// Batches sent and not yet read.
  private var pending = 0
  private var closing = false
  private var finished = false
  /// Released by `close()`, so that nothing holds the caller's closure once it returns.
  private var body: ((Node) -> Void)?

  /// Starts the reading thread; `arenas` arenas circulate between the threads.
  init(arenas count: Int = 3, body: @escaping (Node) -> Void) {
    self.body = body
    for _ in 0..<max(count, 2) {
      let arena = UnsafeMutablePointer<NodeArena>.allocate(capacity: 1)
      arena.initialize(to: NodeArena())
      arenas.append(arena)
      free.append(arena)
    }
    let thread = Thread { [self] in run() }
    thread.stackSize = 4 << 20
    thread.start()
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
    _ arena: UnsafeMutablePointer<NodeArena>, records: [UnsafeMutablePointer<xmlNode>]
  ) -> UnsafeMutablePointer<NodeArena> {
    condition.lock()
    queue.append(Batch(arena: arena, records: records))
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

  /// Waits for the batches sent, stops the reading thread and lets go of `body`.
  func close() {
    condition.lock()
    closing = true
    condition.broadcast()
    while !finished { condition.wait() }
    body = nil
    condition.unlock()
  }

  /// Gives back an arena taken and not sent (the parse is over).
  func giveBack(_ arena: UnsafeMutablePointer<NodeArena>) {
    arena.pointee.reset()
    condition.lock()
    free.append(arena)
    condition.unlock()
  }

  private func run() {
    condition.lock()
    while true {
      while queue.isEmpty, !closing { condition.wait() }
      if queue.isEmpty { break }
      let batch = queue.removeFirst()
      let read = body
      condition.unlock()
      if let read {
        for record in batch.records { read(Node(record)) }
      }
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
