import Foundation
import Reports

/// Standard output and error, unbuffered where it matters.
enum Console {
  static func out(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
  }

  static func out(utf8 bytes: [UInt8]) {
    FileHandle.standardOutput.write(Data(bytes))
  }

  static func error(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }
}
