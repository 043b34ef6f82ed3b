import Foundation

/// Reads a file in chunks on a thread of its own and runs the `InputLimits` scan over each one
/// before handing it on, so that the scan runs beside libxml2's parse instead of before it.
///
/// The parse only ever gets chunks the scan has cleared: when a chunk breaks a limit, it and
/// every later chunk are withheld, and the streaming reader reports the violation alone, as if
/// the scan had run over the whole file first (it waits for the scan to reach the end before it
/// reports anything, so a violation anywhere still wins over whatever the parse found). A scan
/// that stops early without a violation (at a DOCTYPE or other declaration, left to the DOCTYPE
/// rule) lets the rest of the file through unscanned, as the whole-file scan did.
///
/// Chunks wait in a ring of a few buffers, so memory stays flat however far the scan is ahead.
/// Unthreaded, `next()` reads and scans one chunk at a time on the caller's thread, with the
/// same outcome.
final class ScanAhead: @unchecked Sendable {
  /// What the scan knew when it had scanned up to the end of a chunk.
  struct Chunk {
    var bytes: UnsafeRawBufferPointer
    /// The offset just past the chunk.
    var end: Int
    /// Elements larger than the record size that had ended by `end` (the first `count` of
    /// `ScanAhead.largeElements`).
    var largeCount: Int
    /// Start offsets of elements still open at `end` and already larger than the record size.
    var openLarge: [Int]
  }

  let limits: InputLimits
  private let file: UnsafeMutablePointer<FILE>
  private let chunkSize: Int
  private let condition = NSCondition()
  private var slots: [UnsafeMutableRawBufferPointer]
  private var filled: [Chunk?]
  /// The next slot the scanner fills and the next the parser takes.
  private var produced = 0
  private var consumed = 0
  private var done = false
  private var stopRequested = false
  private var scanViolation: InputLimits.Violation?
  private var large: [InputLimits.LargeElement] = []
  /// The slot handed out by the last `next()`, given back by the next call.
  private var lent: Int?
  /// Whether the scan runs on a thread of its own; otherwise `next()` reads and scans each
  /// chunk itself, on the caller's thread (several files read at once already keep every core
  /// busy, and a thread per file more only moves the bytes between cores).
  private let threaded: Bool
  /// The scan's state when it runs on the caller's thread.
  private var scanner: InputLimits.Scanner
  private var offset = 0

  /// Starts the scanning thread over `file` (read from where it stands), unless `threaded` is
  /// false.
  init(
    file: UnsafeMutablePointer<FILE>, limits: InputLimits = .standard,
    chunkSize: Int = 256 << 10, slots: Int = 8, threaded: Bool = true
  ) {
    self.file = file
    self.limits = limits
    self.chunkSize = max(chunkSize, 1)
    self.threaded = threaded
    scanner = InputLimits.Scanner(limits: limits)
    let slots = threaded ? max(slots, 2) : 2
    self.slots = (0..<slots).map { _ in
      UnsafeMutableRawBufferPointer.allocate(byteCount: max(chunkSize, 1), alignment: 16)
    }
    filled = Array(repeating: nil, count: slots)
    guard threaded else { return }
    let thread = Thread { [self] in run() }
    thread.stackSize = 1 << 20
    thread.start()
  }

  deinit {
    for slot in slots { slot.deallocate() }
  }

  /// The scan's side: read, scan, hand on, until the end of the file or a violation.
  private func run() {
    var scanner = InputLimits.Scanner(limits: limits)
    var offset = 0
    while true {
      condition.lock()
      while filled[produced % slots.count] != nil, !stopRequested { condition.wait() }
      let stop = stopRequested
      condition.unlock()
      if stop || !step(&scanner, offset: &offset) { break }
    }
    condition.lock()
    done = true
    condition.broadcast()
    condition.unlock()
  }

  /// Reads and scans the next chunk into the next free slot.
  ///
  /// - Returns: false at the end of the file or at a violation.
  private func step(_ scanner: inout InputLimits.Scanner, offset: inout Int) -> Bool {
    let slot = slots[produced % slots.count]
    guard let base = slot.baseAddress else { return false }
    let count = fread(base, 1, slot.count, file)
    if count == 0 { return false }
    let bytes = UnsafeRawBufferPointer(start: base, count: count)
    offset += count
    var openLarge: [Int] = []
    if !scanner.finished {
      _ = scanner.feed(bytes)
      if let violation = scanner.violation {
        condition.lock()
        scanViolation = violation
        condition.unlock()
        return false
      }
      openLarge = scanner.openElements(startingBefore: offset - limits.recordSize)
    }
    condition.lock()
    if scanner.largeElements.count > large.count {
      large.append(contentsOf: scanner.largeElements[large.count...])
    }
    filled[produced % slots.count] = Chunk(
      bytes: bytes, end: offset, largeCount: large.count, openLarge: openLarge)
    produced += 1
    condition.broadcast()
    condition.unlock()
    return true
  }

  /// The next cleared chunk, or `nil` at the end of the file or at a chunk that breaks a
  /// limit; the chunk stays valid until the next call.
  func next() -> Chunk? {
    if !threaded, let lent {
      filled[lent] = nil
      self.lent = nil
    }
    if !threaded, !done, !step(&scanner, offset: &offset) { done = true }
    condition.lock()
    defer { condition.unlock() }
    if let lent {
      filled[lent] = nil
      self.lent = nil
      condition.broadcast()
    }
    while filled[consumed % slots.count] == nil, !done { condition.wait() }
    let index = consumed % slots.count
    guard let chunk = filled[index] else { return nil }
    consumed += 1
    lent = index
    return chunk
  }

  /// Elements larger than the record size that the scan had seen end, in the order they ended.
  func largeElements(count: Int) -> [InputLimits.LargeElement] {
    condition.lock()
    defer { condition.unlock() }
    return Array(large.prefix(count))
  }

  /// Lets the scan run to the end of the file without parsing what it clears, and returns the
  /// limit the file breaks, if any (its line and column still to be counted).
  func finish() -> InputLimits.Violation? {
    while next() != nil {}
    condition.lock()
    defer { condition.unlock() }
    return scanViolation
  }
}
