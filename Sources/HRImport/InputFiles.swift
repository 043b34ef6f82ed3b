import Foundation

/// Checks on input paths made before any parsing starts.
enum InputFiles {
  /// Fails with the first path that does not name a readable regular file.
  ///
  /// Checking every path up front means a typo in the last file name is reported at once,
  /// before minutes of parsing, and with its own exit status (66).
  /// - Throws: `ImportError.missingInput` for the first unreadable path.
  static func checkReadable(_ paths: [String]) throws(ImportError) {
    for path in paths { try checkReadable(path, displayPath: path) }
  }

  /// Fails unless `path` names a readable regular file; errors name it `displayPath`.
  ///
  /// - Throws: `ImportError.missingInput` when it does not.
  static func checkReadable(_ path: String, displayPath: String) throws(ImportError) {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw .missingInput(path: displayPath, reason: "no such file")
    }
    guard !isDirectory.boolValue else {
      throw .missingInput(path: displayPath, reason: "is a directory, not an XML file")
    }
    guard FileManager.default.isReadableFile(atPath: path) else {
      throw .missingInput(path: displayPath, reason: "cannot be read (permission denied)")
    }
  }
}
