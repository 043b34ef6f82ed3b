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
    init(_ body: @escaping () -> Void) { self.body = body }
  }

  /// Calls `background` on a new thread and `foreground` on this one; returns when both are
  /// done.
  package static func run(background: () -> Void, foreground: () -> Void) {
    withoutActuallyEscaping(background) { background in
      let work = Unmanaged.passRetained(Work(background))
      #if canImport(Glibc)
      var thread = pthread_t()
      #else
      var thread: pthread_t?
      #endif
      let started = pthread_create(
        &thread, nil,
        { context in
          guard let context else { return nil }
          Unmanaged<Work>.fromOpaque(context).takeUnretainedValue().body()
          return nil
        }, work.toOpaque())
      guard started == 0 else {
        work.release()
        preconditionFailure("cannot start a thread to parse on (error \(started))")
      }
      foreground()
      #if canImport(Glibc)
      pthread_join(thread, nil)
      #else
      if let thread { pthread_join(thread, nil) }
      #endif
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
    let work = Unmanaged.passRetained(Work(body))
    #if canImport(Glibc)
    var thread = pthread_t()
    #else
    var thread: pthread_t?
    #endif
    let started = pthread_create(
      &thread, nil,
      { context in
        guard let context else { return nil }
        let work = Unmanaged<Work>.fromOpaque(context)
        work.takeUnretainedValue().body()
        work.release()
        return nil
      }, work.toOpaque())
    guard started == 0 else {
      work.release()
      return false
    }
    #if canImport(Glibc)
    pthread_detach(thread)
    #else
    if let thread { pthread_detach(thread) }
    #endif
    return true
  }
}
