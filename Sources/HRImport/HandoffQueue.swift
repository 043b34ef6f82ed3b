import Foundation

/// Values passed from one thread to another in the order they were put in: the native stream's
/// record batches from the parse to the reader, the converted files from the conversion to the
/// merge.
///
/// With a `limit`, `put` waits while that many values are untaken, so memory stays flat however
/// far the producer is ahead. A value is moved out when taken, so the queue never holds a second
/// copy of it; taking is O(1) (a read index, with the taken part dropped once it is half the
/// queue).
final class HandoffQueue<Value>: @unchecked Sendable {
  private let condition = NSCondition()
  private var values: [Value?] = []
  private var next = 0
  private var closed = false
  private let limit: Int?

  /// A queue that holds at most `limit` untaken values (`nil`: any number).
  init(limit: Int? = nil) { self.limit = limit }

  /// Hands a value on; waits while `limit` values are untaken.
  ///
  /// The value is taken over, not copied: the taker may then hold the only reference to its
  /// storage and change it in place (the merge moves a file's records out of its lists).
  func put(_ value: consuming Value) {
    condition.lock()
    if let limit {
      while values.count - next >= limit { condition.wait() }
    }
    values.append(value)
    condition.broadcast()
    condition.unlock()
  }

  /// Says that no more values come.
  func close() {
    condition.lock()
    closed = true
    condition.broadcast()
    condition.unlock()
  }

  /// The next value in order, waiting for it; `nil` once every value has been taken and the
  /// producer has closed.
  func take() -> Value? {
    condition.lock()
    defer { condition.unlock() }
    while next == values.count, !closed { condition.wait() }
    guard next < values.count else { return nil }
    let value = values[next].take()
    next += 1
    if next * 2 >= values.count {
      values.removeFirst(next)
      next = 0
    }
    condition.broadcast()
    return value
  }
}
