import Foundation
import TestSupport

/// Runs the built `understudy` binary as a user would, capturing its exit status and output.
struct CLIRunner {
  struct Outcome {
    var status: Int32
    var stdout: String
    var stderr: String
    var seconds: Double
  }

  /// The package root, found from this file's place in `Tests/UnderstudyCLITests/`.
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// The binary built beside the test bundle.
  static let binary: URL = {
    let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    var folder = testBinary.deletingLastPathComponent()
    while folder.path != "/" {
      let candidate = folder.appendingPathComponent("understudy")
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory),
        !isDirectory.boolValue
      {
        return candidate
      }
      folder = folder.deletingLastPathComponent()
    }
    return root.appendingPathComponent(".build/debug/understudy")
  }()

  static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

  static func run(_ arguments: [String]) throws -> Outcome {
    try run(executable: binary.path, arguments: arguments)
  }

  /// Runs another program (for example `script`, to give the tool a terminal).
  static func run(executable: String, arguments: [String]) throws -> Outcome {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.currentDirectoryURL = root
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    let start = ContinuousClock.now
    try process.run()
    // Drain stderr on another thread while stdout is read here, so neither pipe can fill up and
    // stall the child, however much it writes to either.
    let errorBox = DataBox()
    let errorReader = Thread {
      errorBox.data = err.fileHandleForReading.readDataToEndOfFile()
      errorBox.done.signal()
    }
    errorReader.start()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    errorBox.done.wait()
    let errData = errorBox.data
    process.waitUntilExit()
    let elapsed = ContinuousClock.now - start
    return Outcome(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self),
      seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
  }

  /// Runs the binary as ``run(_:)`` does and measures its own peak resident memory, in bytes.
  ///
  /// GNU time (Debian's `time`, on every machine of this kind) starts the binary and reports
  /// that one process' peak. Measuring from here would not do: Linux counts a child's peak from
  /// the memory of the process that started it, and this test process is large, and
  /// `getrusage(RUSAGE_CHILDREN)` gives the largest of every child any test has run.
  static func runMeasuringMemory(_ arguments: [String]) throws -> (Outcome, peakBytes: Int) {
    let folder = try TemporaryFolder(prefix: "understudy-measure")
    defer { try? FileManager.default.removeItem(at: folder.url) }
    let report = folder.file("peak")
    let outcome = try run(
      executable: "/usr/bin/time", arguments: ["-f", "%M", "-o", report, binary.path] + arguments)
    let text = try String(contentsOfFile: report, encoding: .utf8)
    // A non-zero exit adds "Command exited with non-zero status N" above the figure.
    let kilobytes = text.split(separator: "\n").last.flatMap { Int($0) } ?? 0
    return (outcome, kilobytes * 1024)
  }
}

/// stderr's bytes, filled by the reader thread.
private final class DataBox: @unchecked Sendable {
  var data = Data()
  let done = DispatchSemaphore(value: 0)
}
