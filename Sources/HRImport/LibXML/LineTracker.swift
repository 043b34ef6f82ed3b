#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns byte offsets of a file read front to back into lines and columns, without keeping the
/// file: what `SourceText` does for a file in memory, for a streamed one.
///
/// The reader notes every block of bytes as it hands it to the parser (`note`); the parser runs
/// behind, and asks for the places of offsets that never decrease (`position`). Only the line
/// breaks between the two are kept, so memory follows the parser's look-ahead, not the file.
struct LineTracker {
  /// Offsets of the line breaks noted and not yet passed, from `head` on.
  private var breaks: [Int] = []
  private var head = 0
  /// The line holding the offsets passed so far, and the offset it starts at.
  private var line = 1
  private var lineStart = 0

  /// Records the line breaks of `bytes`, which start at byte `offset` of the file; blocks are
  /// noted in order.
  mutating func note(_ bytes: UnsafeRawBufferPointer, at offset: Int) {
    guard let base = bytes.baseAddress else { return }
    var cursor = base
    let end = base + bytes.count
    while cursor < end, let found = memchr(cursor, 0x0A, end - cursor) {
      let found = UnsafeRawPointer(found)
      breaks.append(offset + (found - base))
      cursor = found + 1
    }
  }

  /// Passes every line break before `offset`: no later question is about an earlier offset.
  mutating func pass(upTo offset: Int) {
    while head < breaks.count, breaks[head] < offset {
      line += 1
      lineStart = breaks[head] + 1
      head += 1
    }
    if head > 4096, head * 2 > breaks.count {
      breaks.removeFirst(head)
      head = 0
    }
  }

  /// The 1-based line and column (in bytes) of the byte at `offset`, at or after every offset
  /// asked or passed before.
  mutating func position(of offset: Int) -> (line: Int, column: Int) {
    pass(upTo: offset)
    return (line, offset - lineStart + 1)
  }
}
