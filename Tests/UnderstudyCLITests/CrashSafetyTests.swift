import Foundation
import TestSupport
import Testing

/// `--output` over a file that existed before: neither a killed process nor a full disk may
/// leave it half written.
///
/// `AtomicFile` writes `.<name>.<pid>.tmp` beside the target, fsyncs it, renames it over the
/// target and fsyncs the folder. A process killed before the rename leaves that temporary file
/// behind; nothing deletes it later (it is hidden, and a later run with the same pid picks
/// another name), so it is the one thing a crash can leave.
@Suite("Nothing lost when a write is cut short", .serialized)
struct CrashSafetyTests {
  /// What the target held before each run: any change to it is a failure.
  static var old: Data {
    Data(String(repeating: "the report from last week, which must survive\n", count: 64).utf8)
  }

  @Test("SIGKILL while --output is written leaves the old file exactly as it was")
  func killedWhileWriting() throws {
    let folder = try TemporaryFolder(prefix: "understudy-kill")
    defer { try? FileManager.default.removeItem(at: folder.url) }
    let target = folder.file("organization.xml")
    let arguments = ["generate", "--people", "20000", "--seed", "1", "--output", target]
    var killedMidWrite: String?
    // The kill is aimed at the window between the temporary file appearing and the rename; a
    // run that gets past it is tried again, up to five times.
    for _ in 0..<5 where killedMidWrite == nil {
      try Self.old.write(to: URL(fileURLWithPath: target))
      let process = Process()
      process.executableURL = CLIRunner.binary
      process.arguments = arguments
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      let temporary = folder.file(".organization.xml.\(process.processIdentifier).tmp")
      while process.isRunning {
        if access(temporary, F_OK) == 0 {
          kill(process.processIdentifier, SIGKILL)
          break
        }
        usleep(50)
      }
      process.waitUntilExit()
      let now = try Data(contentsOf: URL(fileURLWithPath: target))
      if process.terminationReason == .uncaughtSignal,
        FileManager.default.fileExists(atPath: temporary)
      {
        // Killed before the rename: the old file, byte for byte.
        #expect(now == Self.old)
        killedMidWrite = temporary
      } else {
        // The run got past the rename first: then the new file is whole.
        #expect(now == Self.old || now.suffix(16) == Data("</organization>\n".utf8))
      }
    }
    let leftover = try #require(killedMidWrite, "no kill landed while the file was written")

    // The next run writes the file as usual; the dead run's temporary file stays, and is the
    // only other file in the folder.
    let next = try CLIRunner.run(["generate", "--people", "3", "--output", target])
    #expect(next.status == 0)
    #expect(try String(contentsOfFile: target, encoding: .utf8).hasSuffix("</organization>\n"))
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted()
    #expect(names == [URL(fileURLWithPath: leftover).lastPathComponent, "organization.xml"])
  }

  @Test("a full disk exits 74 with the reason, keeps the old file and leaves no temporary file")
  func fullDisk() throws {
    let folder = try TemporaryFolder(prefix: "understudy-full")
    defer { try? FileManager.default.removeItem(at: folder.url) }
    let disk = folder.file("disk")
    try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: false)
    // A 64 KiB tmpfs: the old file fits, a 2,000-person organization (about 1 MB) does not.
    let mount = try CLIRunner.run(
      executable: "/usr/bin/env",
      arguments: ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", disk])
    guard mount.status == 0 else {
      let reason = mount.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
      try Test.cancel(
        Comment(
          rawValue: "cannot mount a small tmpfs here (needs root and CAP_SYS_ADMIN), so the "
            + "full-disk case is not checked: \(reason)"))
    }
    defer { _ = try? CLIRunner.run(executable: "/usr/bin/env", arguments: ["umount", disk]) }
    let target = disk + "/organization.xml"
    try Self.old.write(to: URL(fileURLWithPath: target))

    let outcome = try CLIRunner.run(
      ["generate", "--people", "2000", "--seed", "1", "--output", target])

    #expect(outcome.status == 74)
    #expect(
      outcome.stderr == "\(target): error: cannot write output: No space left on device\n")
    #expect(try Data(contentsOf: URL(fileURLWithPath: target)) == Self.old)
    #expect(try FileManager.default.contentsOfDirectory(atPath: disk) == ["organization.xml"])
  }
}
