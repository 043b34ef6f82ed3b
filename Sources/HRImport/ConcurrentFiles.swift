import Dispatch
import Foundation

/// Runs one piece of work per input file on a few threads at once, keeping every result in the
/// slot of its file, so what follows sees the results in the order the files were given.
///
/// Files are started in the order given (each thread takes the next file not yet started), so
/// the first files finish first and at most `width` files are open at once.
enum ConcurrentFiles {
  /// Calls `body` once for every index in `0..<count`, on up to `width` threads at once.
  ///
  /// With a `width` of 1, or a single file, everything runs on the calling thread in order,
  /// exactly as a plain loop would.
  /// - Parameters:
  ///   - count: how many files there are.
  ///   - width: the most calls of `body` running at once.
  ///   - body: the work for one file; it shares nothing mutable with the other calls.
  /// - Returns: the results, by index.
  static func map<Value: Sendable>(
    count: Int, width: Int, _ body: @Sendable (Int) -> Value
  ) -> [Value] {
    let threads = threads(count: count, width: width)
    guard threads > 1 else { return (0..<count).map(body) }
    let slots = Slots<Value>(count: count)
    DispatchQueue.concurrentPerform(iterations: threads) { _ in
      while let index = slots.claim() { slots.store(body(index), at: index) }
    }
    return slots.values()
  }

  /// How many threads `map` uses for `count` files at most `width` at once: 1 means the
  /// calling thread alone.
  static func threads(count: Int, width: Int) -> Int { max(min(width, count), 1) }

  /// The results as they come in, and the next index to start, behind one lock.
  private final class Slots<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var results: [Value?]

    init(count: Int) { results = Array(repeating: nil, count: count) }

    /// The next index no thread has started, or `nil` when every one has.
    func claim() -> Int? {
      lock.withLock {
        guard next < results.count else { return nil }
        defer { next += 1 }
        return next
      }
    }

    func store(_ value: Value, at index: Int) {
      lock.withLock { results[index] = value }
    }

    /// Every result, once every index has been stored.
    func values() -> [Value] {
      lock.withLock {
        results.map { value in
          guard let value else { preconditionFailure("a file's result was never stored") }
          return value
        }
      }
    }
  }
}
