import Foundation

/// Checks on input paths made before any parsing starts.
enum InputFiles {
  /// Fails with the first path that does not name a readable regular file.
  ///
  /// Checking every path up front means a typo in the last file name is reported at once,
  /// before minutes of parsing, and with its own exit status (66).
  /// - Throws: `ImportError.missingInput` for the first unreadable path.
  static func checkReadable(_ paths: [String]) throws(ImportError) {
    for path in paths {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw .missingInput(path: path, reason: "no such file")
      }
      guard !isDirectory.boolValue else {
        throw .missingInput(path: path, reason: "is a directory, not an XML file")
      }
      guard FileManager.default.isReadableFile(atPath: path) else {
        throw .missingInput(path: path, reason: "cannot be read (permission denied)")
      }
    }
  }
}
