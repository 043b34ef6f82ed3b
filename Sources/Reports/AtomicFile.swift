import Foundation

/// Writes a report so that a reader never sees half of it: into a temporary file beside the
/// target, flushed to disk, then renamed over it in one step, and the folder flushed too.
///
/// A symbolic link is followed (the file it points to is replaced, the link stays), an existing
/// file keeps its permissions, and a target that is not a regular file (`/dev/null`, a pipe, a
/// terminal) is written to directly, since renaming over it would replace the device itself.
public enum AtomicFile {
  /// Why a report could not be written (sysexits 74).
  public struct WriteError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "\(path): error: cannot write output: \(reason)" }
  }

  /// Writes `text` as UTF-8 to `path`, replacing any existing file only once all is written.
  ///
  /// - Parameters:
  ///   - text: the whole content.
  ///   - path: the file to create or replace.
  ///   - permissions: the mode of a new file (an existing file keeps its own).
  /// - Throws: `WriteError` when the folder does not exist or is not writable, or the disk is
  ///   full; the target is then left as it was and no temporary file stays behind. A process
  ///   killed while writing leaves the target as it was too, and its temporary file
  ///   (`.<name>.<pid>.tmp`) behind.
  public static func write(
    _ text: String, to path: String, permissions: Int = 0o644
  )
    throws(WriteError)
  {
    try write(bytes: Array(text.utf8), to: path, permissions: permissions)
  }

  /// Writes `bytes` (a workbook, say) to `path` the same way as text: whole or not at all.
  ///
  /// - Throws: `WriteError` when the folder does not exist or is not writable.
  public static func write(
    bytes: [UInt8], to path: String, permissions: Int = 0o644
  )
    throws(WriteError)
  {
    try write(parts: [bytes], to: path, permissions: permissions)
  }

  /// Writes `parts` one after another to `path`, whole or not at all: a large report made in
  /// parts is never joined into one more copy of itself.
  ///
  /// - Throws: `WriteError` when the folder does not exist or is not writable.
  public static func write(
    parts: [[UInt8]], to path: String, permissions: Int = 0o644
  )
    throws(WriteError)
  {
    let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath()
    var status = stat()
    let exists = stat(resolved.path, &status) == 0
    if exists, (status.st_mode & S_IFMT) != S_IFREG {
      try writeDirectly(parts, to: resolved.path, shownAs: path)
      return
    }
    let folder = resolved.deletingLastPathComponent()
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory),
      isDirectory.boolValue
    else { throw WriteError(path: path, reason: "folder '\(folder.path)' does not exist") }
    let mode = exists ? mode_t(status.st_mode & 0o7777) : mode_t(permissions)
    let (temporary, descriptor) = createTemporary(
      beside: resolved.lastPathComponent, in: folder, mode: mode)
    guard descriptor >= 0 else {
      throw WriteError(path: path, reason: "folder '\(folder.path)' is not writable")
    }
    // errno is read right after the call that failed: later calls may change it.
    var failure: Int32 = 0
    if !parts.allSatisfy({ $0.withUnsafeBytes { buffer in writeAll(descriptor, buffer) } }) {
      failure = errno
    } else if fsync(descriptor) != 0 {
      failure = errno
    }
    _ = fchmod(descriptor, mode)
    if close(descriptor) != 0, failure == 0 { failure = errno }
    guard failure == 0 else {
      unlink(temporary)
      throw WriteError(path: path, reason: String(cString: strerror(failure)))
    }
    guard rename(temporary, resolved.path) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw WriteError(path: path, reason: reason)
    }
    // The rename is only durable once the folder's entry is on disk; without this, a power
    // cut right after a successful run can bring back the old file. A folder that cannot be
    // opened or synced (some network file systems) leaves the rename done, as before.
    let folderDescriptor = open(folder.path, O_RDONLY | O_DIRECTORY)
    if folderDescriptor >= 0 {
      _ = fsync(folderDescriptor)
      close(folderDescriptor)
    }
  }

  /// Creates the temporary file `.<name>.<pid>.tmp` beside the target, or `.<name>.<pid>.<n>.tmp`
  /// when that name is taken: a process killed mid-write (SIGKILL, a power cut) leaves its
  /// temporary file behind, and a later process can get the same pid, often after a reboot.
  ///
  /// Leftovers are never deleted here, since another writer in this process may own them.
  /// - Returns: the path and an open descriptor, or a negative descriptor when no name in 100
  ///   could be created.
  private static func createTemporary(
    beside name: String, in folder: URL, mode: mode_t
  ) -> (path: String, descriptor: Int32) {
    let stem = ".\(name).\(ProcessInfo.processInfo.processIdentifier)"
    var path = folder.appendingPathComponent(stem + ".tmp").path
    for attempt in 1...100 {
      let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_TRUNC, mode)
      if descriptor >= 0 || errno != EEXIST { return (path, descriptor) }
      path = folder.appendingPathComponent(stem + ".\(attempt).tmp").path
    }
    return (path, -1)
  }

  private static func writeDirectly(
    _ parts: [[UInt8]], to path: String, shownAs shown: String
  )
    throws(WriteError)
  {
    let descriptor = open(path, O_WRONLY | O_APPEND)
    guard descriptor >= 0 else {
      throw WriteError(path: shown, reason: String(cString: strerror(errno)))
    }
    defer { close(descriptor) }
    guard parts.allSatisfy({ $0.withUnsafeBytes { writeAll(descriptor, $0) } }) else {
      throw WriteError(path: shown, reason: String(cString: strerror(errno)))
    }
  }

  private static func writeAll(_ descriptor: Int32, _ buffer: UnsafeRawBufferPointer) -> Bool {
    var offset = 0
    while offset < buffer.count {
      guard let base = buffer.baseAddress else { return true }
      let count = Foundation.write(descriptor, base + offset, buffer.count - offset)
      if count < 0 {
        if errno == EINTR { continue }
        return false
      }
      offset += count
    }
    return true
  }
}
