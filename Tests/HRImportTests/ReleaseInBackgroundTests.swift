import Foundation
import Testing

@testable import HRImport

/// `ReleaseFreedMemory.inBackground` frees what it is given, once, on another thread.
@Suite("Freeing the merged records on a thread of their own")
struct ReleaseInBackgroundTests {
  /// Signals when it is freed, and on which thread.
  final class Tracked: @unchecked Sendable {
    let freed: DispatchSemaphore
    let freedOnMain: UnsafeMutablePointer<Bool>
    init(freed: DispatchSemaphore, freedOnMain: UnsafeMutablePointer<Bool>) {
      self.freed = freed
      self.freedOnMain = freedOnMain
    }
    deinit {
      freedOnMain.pointee = pthread_equal(pthread_self(), Self.caller) != 0
      freed.signal()
    }
    nonisolated(unsafe) static var caller = pthread_self()
  }

  @Test("the value is freed, on another thread than the caller's")
  func freedElsewhere() {
    let freed = DispatchSemaphore(value: 0)
    let onCaller = UnsafeMutablePointer<Bool>.allocate(capacity: 1)
    defer { onCaller.deallocate() }
    onCaller.pointee = true
    Tracked.caller = pthread_self()
    ReleaseFreedMemory.inBackground(Tracked(freed: freed, freedOnMain: onCaller))
    #expect(freed.wait(timeout: .now() + 10) == .success)
    #expect(onCaller.pointee == false)
  }
}
