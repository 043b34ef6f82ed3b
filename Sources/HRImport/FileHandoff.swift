import Foundation

/// Converted files passed from the thread that converts them to the one that merges them, in
/// the order they were put in.
///
/// The vendor conversion finishes the files one by one in the order given, and the assembler
/// merges them in that same order; with the hand-off the merge of one file runs while the next
/// is finished, instead of every merge waiting for the last file's conversion.
final class FileHandoff: @unchecked Sendable {
  private let condition = NSCondition()
  private var waiting: [NativeFile] = []
  private var next = 0
  private var closed = false

  /// Hands a file on to the merging thread.
  func put(_ file: NativeFile) {
    condition.lock()
    waiting.append(file)
    condition.signal()
    condition.unlock()
  }

  /// Says that no more files come.
  func close() {
    condition.lock()
    closed = true
    condition.signal()
    condition.unlock()
  }

  /// The next file in order, waiting for it; `nil` once every file has been taken and the
  /// converting side has closed.
  func take() -> NativeFile? {
    condition.lock()
    defer { condition.unlock() }
    while next == waiting.count, !closed { condition.wait() }
    guard next < waiting.count else { return nil }
    // Moved out, so the queue holds no second copy of a merged file.
    var file = NativeFile(path: "")
    swap(&file, &waiting[next])
    next += 1
    return file
  }
}
