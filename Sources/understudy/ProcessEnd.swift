#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Ends the process once a command's output is written, leaving what it built for the
/// operating system to take back all at once.
///
/// Freeing an organization of 40,000 people one allocation at a time took 20 to 50 ms after the
/// last line was out (BENCHMARKS.md, "At 40,000 people"): time the user waits for, spent on
/// memory that is about to go anyway. Under LeakSanitizer (the instrumented builds of
/// scripts/sanitize.sh, whose tests run the command line too) the command returns as usual
/// instead, so leaks in the command line are still found.
enum ProcessEnd {
  /// Exits with status 0 now, unless a leak checker is watching; call it after the last write.
  ///
  /// - Parameter built: what the command built (the import, the report): Swift may free a value
  ///   right after its last use, before the output is written, unless it is passed on here.
  static func afterOutput<Built>(keeping built: Built) {
    guard !leakCheckerPresent else { return }
    // Stored where the optimizer cannot see it unused: with only `withExtendedLifetime` around
    // `exit`, which never returns, the caller's copy of a 40,000-person report was still freed
    // before the call (30-40 ms, in `perf`).
    kept = built
    exit(EXIT_SUCCESS)
  }

  /// What `afterOutput` keeps until the process ends.
  nonisolated(unsafe) private static var kept: Any?

  /// Whether the program was linked with LeakSanitizer, which checks for leaks only if the
  /// program frees what it made before it ends.
  private static var leakCheckerPresent: Bool {
    guard let program = dlopen(nil, RTLD_NOW) else { return true }
    defer { dlclose(program) }
    return dlsym(program, "__lsan_do_leak_check") != nil
  }
}
