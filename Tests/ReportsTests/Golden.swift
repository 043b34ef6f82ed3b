import Foundation
import Testing

/// Golden files: a report is compared byte for byte with the recorded one.
///
/// Set `RECORD_SNAPSHOTS=1` to re-record on purpose, then read the diff before committing it.
enum Golden {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Golden")

  static func check(
    _ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let url = folder.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
      try text.write(to: url, atomically: true, encoding: .utf8)
      return
    }
    let recorded = try String(contentsOf: url, encoding: .utf8)
    #expect(text == recorded, "report differs from Golden/\(name)", sourceLocation: sourceLocation)
  }
}
