import Foundation
import Reports
import TestSupport
import Testing

/// What a process killed mid-write leaves behind, and how the next write copes with it.
@Suite("Writing over what a killed run left behind")
struct AtomicFileLeftoverTests {
  /// After a crash and a reboot, a scheduled job often gets the same pid as before; its old
  /// temporary file must not stop the new run (it used to, with "folder is not writable").
  @Test("a leftover temporary file with this process's pid does not block the write")
  func leftoverWithSamePid() throws {
    let folder = try TemporaryFolder(prefix: "understudy-atomic")
    defer { try? FileManager.default.removeItem(at: folder.url) }
    let target = folder.file("report.md")
    try AtomicFile.write("old", to: target)
    let leftover = folder.file(".report.md.\(getpid()).tmp")
    try "half a rep".write(toFile: leftover, atomically: false, encoding: .utf8)

    try AtomicFile.write("new", to: target)

    #expect(try String(contentsOfFile: target, encoding: .utf8) == "new")
    // The leftover is not ours to delete: another writer in this process may own it.
    #expect(try String(contentsOfFile: leftover, encoding: .utf8) == "half a rep")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted()
    #expect(names == [".report.md.\(getpid()).tmp", "report.md"])
  }
}
