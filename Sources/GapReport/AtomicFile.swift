import Foundation

/// Writes a report so that a reader never sees half of it: into a temporary file beside the
/// target, then renamed over it in one step.
public enum AtomicFile {
  /// Why a report could not be written (sysexits 74).
  public struct WriteError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "\(path): error: cannot write output: \(reason)" }
  }

  /// Writes `text` as UTF-8 to `path`, replacing any existing file only once all is written.
  ///
  /// - Throws: `WriteError` when the folder does not exist or is not writable; the target is
  ///   then left as it was and no temporary file stays behind.
  public static func write(_ text: String, to path: String) throws(WriteError) {
    let target = URL(fileURLWithPath: path)
    let folder = target.deletingLastPathComponent()
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory),
      isDirectory.boolValue
    else { throw WriteError(path: path, reason: "folder '\(folder.path)' does not exist") }
    let temporary = folder.appendingPathComponent(
      ".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
    do {
      try Data(text.utf8).write(to: temporary)
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      throw WriteError(path: path, reason: "folder '\(folder.path)' is not writable")
    }
    guard rename(temporary.path, target.path) == 0 else {
      let reason = String(cString: strerror(errno))
      try? FileManager.default.removeItem(at: temporary)
      throw WriteError(path: path, reason: reason)
    }
  }
}
