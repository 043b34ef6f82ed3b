/// Finds attribute names in the raw bytes of a start tag, by the one set of rules every
/// diagnostic is placed with, whether the file is in memory (`SourceText`) or streamed
/// (`NativeStream`, which sees each tag once, in libxml2's input buffer).
///
/// A name starts after a space and runs to a space, `=` or `/`; it counts only when an `=`
/// follows it (after optional spaces); quoted values are skipped; the tag ends at the first `>`
/// outside quotes. Broken markup is read by the same rules, so both readers agree on it.
enum TagAttributes {
  /// Calls `body` with the range (in `bytes`) of each attribute name of the start tag whose `<`
  /// is at `tagStart`, in order, until `body` returns false.
  static func forEachName(
    in bytes: UnsafeBufferPointer<UInt8>, tagAt tagStart: Int, _ body: (Range<Int>) -> Bool
  ) {
    var index = tagStart + 1
    var quote: UInt8 = 0
    var nameStart = -1
    while index < bytes.count {
      let byte = bytes[index]
      if quote != 0 {
        if byte == quote { quote = 0 }
      } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
        quote = byte
      } else if byte == UInt8(ascii: ">") {
        return
      } else if isSpace(byte) || byte == UInt8(ascii: "=") || byte == UInt8(ascii: "/") {
        if nameStart >= 0 {
          let start = nameStart
          nameStart = -1
          var after = index
          while after < bytes.count, isSpace(bytes[after]) { after += 1 }
          if after < bytes.count, bytes[after] == UInt8(ascii: "="),
            !body(start..<index)
          {
            return
          }
        }
      } else if nameStart < 0, isSpace(bytes[index - 1]) {
        nameStart = index
      }
      index += 1
    }
  }

  /// The offset (in `bytes`) of the first attribute named `name` (as written, prefix included)
  /// in the start tag at `tagStart`, if it has one.
  static func offset(
    of name: String, in bytes: UnsafeBufferPointer<UInt8>, tagAt tagStart: Int
  ) -> Int? {
    var name = name
    return name.withUTF8 { wanted in
      var found: Int?
      forEachName(in: bytes, tagAt: tagStart) { range in
        guard range.count == wanted.count,
          (0..<wanted.count).allSatisfy({ bytes[range.lowerBound + $0] == wanted[$0] })
        else { return true }
        found = range.lowerBound
        return false
      }
      return found
    }
  }

  @inline(__always)
  static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }
}
