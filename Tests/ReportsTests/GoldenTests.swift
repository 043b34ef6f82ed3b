import Foundation
import TestSupport
import Testing

@Suite("Golden files fail unless they match")
struct GoldenTests {
  /// True when `issue` carries a comment containing `text`.
  static func says(_ issue: Issue, _ text: String) -> Bool {
    issue.comments.contains { $0.rawValue.contains(text) }
  }

  @Test("a matching file passes and a differing one fails")
  func compares() throws {
    let folder = try TemporaryFolder(prefix: "understudy-golden").url
    try "recorded\n".write(
      to: folder.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
    try Golden.check("recorded\n", named: "a.txt", environment: [:], in: folder)
    try withKnownIssue {
      try Golden.check("changed\n", named: "a.txt", environment: [:], in: folder)
    } matching: {
      Self.says($0, "report differs from Golden/a.txt")
    }
  }

  @Test("recording rewrites the file and still fails, so a re-record never passes silently")
  func recordingFails() throws {
    let folder = try TemporaryFolder(prefix: "understudy-golden").url
    let url = folder.appendingPathComponent("a.txt")
    try "old\n".write(to: url, atomically: true, encoding: .utf8)
    try withKnownIssue {
      try Golden.check("new\n", named: "a.txt", environment: ["RECORD_SNAPSHOTS": "1"], in: folder)
    } matching: {
      Self.says($0, "re-recorded Golden/a.txt")
    }
    #expect(try String(contentsOf: url, encoding: .utf8) == "new\n")
  }

  @Test("recording under CI is refused and leaves the file alone")
  func noRecordingUnderCI() throws {
    let folder = try TemporaryFolder(prefix: "understudy-golden").url
    let url = folder.appendingPathComponent("a.txt")
    try "old\n".write(to: url, atomically: true, encoding: .utf8)
    try withKnownIssue {
      try Golden.check(
        "new\n", named: "a.txt", environment: ["RECORD_SNAPSHOTS": "1", "CI": "true"],
        in: folder)
    } matching: {
      Self.says($0, "under CI") || Self.says($0, "report differs")
    }
    #expect(try String(contentsOf: url, encoding: .utf8) == "old\n")
  }

  @Test("a missing file fails and says how to record it")
  func missingFile() throws {
    let folder = try TemporaryFolder(prefix: "understudy-golden").url
    try withKnownIssue {
      try Golden.check("text\n", named: "absent.txt", environment: [:], in: folder)
    } matching: {
      Self.says($0, "RECORD_SNAPSHOTS=1 swift test")
    }
    #expect(
      !FileManager.default.fileExists(atPath: folder.appendingPathComponent("absent.txt").path))
  }
}
