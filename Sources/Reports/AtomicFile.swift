import Foundation

/// Writes a report so that a reader never sees half of it: into a temporary file beside the
/// target, flushed to disk, then renamed over it in one step.
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
  /// - Throws: `WriteError` when the folder does not exist or is not writable; the target is
  ///   then left as it was and no temporary file stays behind.
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
    let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath()
    var status = stat()
    let exists = stat(resolved.path, &status) == 0
    if exists, (status.st_mode & S_IFMT) != S_IFREG {
      try writeDirectly(bytes, to: resolved.path, shownAs: path)
      return
    }
    let folder = resolved.deletingLastPathComponent()
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory),
      isDirectory.boolValue
    else { throw WriteError(path: path, reason: "folder '\(folder.path)' does not exist") }
    let temporary = folder.appendingPathComponent(
      ".\(resolved.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp"
    ).path
    let mode = exists ? mode_t(status.st_mode & 0o7777) : mode_t(permissions)
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_TRUNC, mode)
    guard descriptor >= 0 else {
      throw WriteError(path: path, reason: "folder '\(folder.path)' is not writable")
    }
    let written = bytes.withUnsafeBytes { buffer in writeAll(descriptor, buffer) }
    let synced = fsync(descriptor) == 0
    _ = fchmod(descriptor, mode)
    close(descriptor)
    guard written, synced else {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw WriteError(path: path, reason: reason)
    }
    guard rename(temporary, resolved.path) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw WriteError(path: path, reason: reason)
    }
  }

  private static func writeDirectly(
    _ bytes: [UInt8], to path: String, shownAs shown: String
  )
    throws(WriteError)
  {
    let descriptor = open(path, O_WRONLY | O_APPEND)
    guard descriptor >= 0 else {
      throw WriteError(path: shown, reason: String(cString: strerror(errno)))
    }
    defer { close(descriptor) }
    guard bytes.withUnsafeBytes({ writeAll(descriptor, $0) }) else {
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
