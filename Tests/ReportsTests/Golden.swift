import Foundation
import Testing

/// Golden files: a report is compared byte for byte with the recorded one.
///
/// Set `RECORD_SNAPSHOTS=1` to re-record on purpose: the file is rewritten and the test
/// fails, saying so, so a re-record never passes silently; read the diff, commit it, run
/// again without the switch. Under CI (`CI=true`) recording is refused. A missing file fails
/// with the command that records it.
enum Golden {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Golden")

  /// Compares `text` with the golden file `name`, or records it when asked to.
  ///
  /// `RECORD_SNAPSHOTS` and `CI` are read from `environment` (the process's by default), the
  /// file from `folder` (`Golden/` beside this file by default); the tests of this helper pass
  /// their own.
  ///
  /// - Throws: When the golden file cannot be read or written.
  static func check(
    _ text: String, named name: String,
    environment: [String: String] = ProcessInfo.processInfo.environment,
    in folder: URL = Golden.folder, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let url = folder.appendingPathComponent(name)
    if environment["RECORD_SNAPSHOTS"] == "1" {
      guard environment["CI"] != "true" else {
        fail(
          "RECORD_SNAPSHOTS=1 under CI: golden files are recorded on purpose on a developer's "
            + "machine, never in CI; Golden/\(name) was left as it is", at: sourceLocation)
        return
      }
      try text.write(to: url, atomically: true, encoding: .utf8)
      fail(
        "re-recorded Golden/\(name): read the diff, commit it, and run again without "
          + "RECORD_SNAPSHOTS", at: sourceLocation)
      return
    }
    guard FileManager.default.fileExists(atPath: url.path) else {
      fail(
        "no golden file Golden/\(name): record it with `RECORD_SNAPSHOTS=1 swift test --filter "
          + "ReportsTests`, read it, and commit it", at: sourceLocation)
      return
    }
    let recorded = try String(contentsOf: url, encoding: .utf8)
    #expect(text == recorded, "report differs from Golden/\(name)", sourceLocation: sourceLocation)
  }

  private static func fail(_ message: String, at sourceLocation: SourceLocation) {
    Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
  }
}
