#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs two pieces of work at once: one on a new thread, one on the calling thread.
///
/// The import parses beside reading its records, and the gap report computes its succession
/// bench beside coverage and absences; both live here so that there is one way of doing it.
///
/// A POSIX thread joined before returning, rather than a `Thread`: the work may use closures
/// the caller lent without letting them escape (`withoutActuallyEscaping`), and a `Thread`
/// keeps its block for a moment after its work ends, which would count as an escape.
package enum Alongside {
  private final class Work {
    let body: () -> Void
    /// Whether the thread releases the work once done (nothing joins it).
    let detached: Bool
    init(_ body: @escaping () -> Void, detached: Bool) {
      self.body = body
      self.detached = detached
    }
  }

  /// Starts `body` on a new thread, the work retained until it is released: by the thread once
  /// done when `detached`, by the caller after joining otherwise.
  /// - Returns: the thread and the retained work, or `nil` when no thread started (the work is
  ///   then released and `body` never called).
  private static func start(
    _ body: @escaping () -> Void, detached: Bool
  ) -> (thread: pthread_t, work: Unmanaged<Work>)? {
    let work = Unmanaged.passRetained(Work(body, detached: detached))
    #if canImport(Glibc)
    var thread = pthread_t()
    #else
    var thread: pthread_t?
    #endif
    let started = pthread_create(
      &thread, nil,
      { context in
        guard let context else { return nil }
        let retained = Unmanaged<Work>.fromOpaque(context)
        let work = retained.takeUnretainedValue()
        work.body()
        if work.detached { retained.release() }
        return nil
      }, work.toOpaque())
    #if canImport(Glibc)
    let made: pthread_t? = started == 0 ? thread : nil
    #else
    let made = started == 0 ? thread : nil
    #endif
    guard let made else {
      work.release()
      return nil
    }
    return (made, work)
  }

  /// Calls `background` on a new thread and `foreground` on this one; returns when both are
  /// done.
  package static func run(background: () -> Void, foreground: () -> Void) {
    withoutActuallyEscaping(background) { background in
      guard let (thread, work) = start(background, detached: false) else {
        preconditionFailure("cannot start a thread to run beside this one")
      }
      foreground()
      pthread_join(thread, nil)
      work.release()
    }
  }
}

extension Alongside {
  /// Two independent results computed at once: `second` on a new thread, `first` on this one.
  ///
  /// The parts must share nothing mutable; each then costs the longer of the two, not their sum.
  package static func both<First, Second>(
    _ first: () -> First, _ second: () -> Second
  ) -> (First, Second) {
    var firstResult: First?
    var secondResult: Second?
    run(background: { secondResult = second() }, foreground: { firstResult = first() })
    guard let firstResult, let secondResult else {
      preconditionFailure("Alongside.run returned before both parts ran")
    }
    return (firstResult, secondResult)
  }
}

extension Alongside {
  /// Starts `body` on a thread of its own that nothing waits for.
  ///
  /// For work whose end matters to no one, such as freeing what a finished step left behind.
  /// - Returns: whether the thread started; when it did not, `body` was not called and is
  ///   released here.
  package static func detached(_ body: @escaping () -> Void) -> Bool {
    guard let (thread, _) = start(body, detached: true) else { return false }
    pthread_detach(thread)
    return true
  }
}
