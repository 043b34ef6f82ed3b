import Foundation
import Testing

@testable import HRImport

@Suite("Hand-off between threads")
struct HandoffQueueTests {
  @Test(
    "values arrive in the order put, across threads, and none after the close",
    arguments: [nil, 1, 3] as [Int?])
  func order(limit: Int?) {
    let queue = HandoffQueue<[Int]>(limit: limit)
    let producer = Thread {
      for value in 0..<1000 { queue.put([value]) }
      queue.close()
    }
    producer.start()
    var taken: [Int] = []
    while let value = queue.take() { taken += value }
    #expect(taken == Array(0..<1000))
    #expect(queue.take() == nil)
  }

  @Test("with a limit, the producer waits until the consumer takes")
  func limit() throws {
    let queue = HandoffQueue<Int>(limit: 2)
    let putAll = DispatchSemaphore(value: 0)
    let counter = Counter()
    let producer = Thread {
      for value in 0..<3 {
        queue.put(value)
        counter.increment()
      }
      putAll.signal()
    }
    producer.start()
    // Two fit; the third waits for a take.
    #expect(putAll.wait(timeout: .now() + 0.3) == .timedOut)
    #expect(counter.value == 2)
    #expect(queue.take() == 0)
    #expect(putAll.wait(timeout: .now() + 10) == .success)
    #expect(counter.value == 3)
  }

  private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func increment() { lock.withLock { count += 1 } }
  }
}
