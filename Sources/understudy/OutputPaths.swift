import ArgumentParser
import Foundation

/// The check, made before any input is read, that no output would overwrite an input or
/// another output of the same run.
enum OutputPaths {
  /// Fails as a usage error when an output names the same file as an input, or as another
  /// output, once symbolic links and `.`/`..` are resolved.
  ///
  /// - Parameters:
  ///   - outputs: each output's flag and path, `nil` when not given.
  ///   - inputs: every file the run reads, with the words that name it in a message.
  /// - Throws: `ValidationError` (exit 64) naming the two flags and the paths.
  static func check(
    outputs: [(flag: String, path: String?)], inputs: [(what: String, path: String)]
  )
    throws
  {
    var seen: [(flag: String, path: String, key: String)] = []
    for case (let flag, let path?) in outputs {
      let key = resolved(path)
      if let input = inputs.first(where: { resolved($0.path) == key }) {
        throw ValidationError(
          "\(flag) '\(path)' is \(input.what) '\(input.path)'; writing there would destroy it")
      }
      if let earlier = seen.first(where: { $0.key == key }) {
        throw ValidationError(
          "\(earlier.flag) '\(earlier.path)' and \(flag) '\(path)' are the same file; give each "
            + "its own path")
      }
      seen.append((flag, path, key))
    }
  }

  /// The absolute path with symbolic links resolved; for a file that does not exist yet, its
  /// folder's resolved path and its name.
  static func resolved(_ path: String) -> String {
    let url = URL(fileURLWithPath: path).standardizedFileURL
    if let real = realPath(url.path) { return real }
    let folder = url.deletingLastPathComponent().path
    let base = realPath(folder) ?? folder
    return (base as NSString).appendingPathComponent(url.lastPathComponent)
  }

  private static func realPath(_ path: String) -> String? {
    guard let pointer = realpath(path, nil) else { return nil }
    defer { free(pointer) }
    return String(cString: pointer)
  }
}
