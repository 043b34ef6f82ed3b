import Foundation

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

  /// Peak resident memory of every child this process has waited for, in bytes.
  static func childrenPeakMemory() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_CHILDREN.rawValue, &usage)
    return usage.ru_maxrss * 1024
  }
}

/// stderr's bytes, filled by the reader thread.
private final class DataBox: @unchecked Sendable {
  var data = Data()
  let done = DispatchSemaphore(value: 0)
}
