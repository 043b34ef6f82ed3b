import SkillsGraph

#if canImport(Glibc)
import Glibc
#endif

/// Gives the memory the import has freed back to the system once the organization is built.
///
/// A streamed file's records are read on a thread of their own (`RecordHandoff`), so what the
/// reader allocates (every person's strings and lists) comes from that thread's `malloc` arena.
/// The conversion frees it on the calling thread, and glibc keeps the freed pages for that
/// arena alone: what follows the import (an analysis of 40,000 people) would then grow the main
/// arena on top of them, 34 MB more at the peak than reading on one thread. glibc's
/// `malloc_trim` returns the free pages of every arena; it is looked up at run time, since
/// Swift's `Glibc` module does not declare it. Elsewhere (macOS) there is nothing to do.
enum ReleaseFreedMemory {
  static func now() {
    #if canImport(Glibc)
    typealias Trim = @convention(c) (Int) -> Int32
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else {
      return
    }
    _ = unsafeBitCast(symbol, to: Trim.self)(0)
    #endif
  }
}

extension ReleaseFreedMemory {
  /// The people from which an import's leftovers are worth a thread of their own to free:
  /// below it, starting the thread costs more than the freeing.
  static let backgroundFromPeople = 4096

  /// Frees `value`, which holds the records of `people` people: on a thread of its own from
  /// `backgroundFromPeople` up (`inBackground`), here below that.
  static func drop<Value>(_ value: consuming Value, people: Int) {
    if people >= backgroundFromPeople { inBackground(value) }
  }

  /// Frees `value` on a thread of its own, so that the caller goes on at once.
  ///
  /// Once the organization is made, the merged records it was made from (40,000 people's
  /// strings and lists) are garbage, and freeing them took 5–10 ms on the thread every import
  /// returns on. The thread is detached: nothing waits for it.
  static func inBackground<Value>(_ value: consuming Value) {
    // The thread holds the only reference: a local one could outlive the thread's release and
    // free the value here after all.
    let work = Unmanaged.passRetained(DroppedValue { [value] in withExtendedLifetime(value) {} })
    if !Alongside.detached({ work.release() }) {
      work.release()  // no thread: freed here instead
    }
  }
}

/// A value kept alive by a closure until the closure is released.
private final class DroppedValue {
  let keep: () -> Void
  init(_ keep: @escaping () -> Void) { self.keep = keep }
}
