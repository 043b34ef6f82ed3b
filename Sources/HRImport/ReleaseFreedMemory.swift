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
