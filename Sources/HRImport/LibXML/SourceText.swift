/// The bytes of one input file, able to turn a byte offset into a line and column.
///
/// libxml2 records only line numbers on tree nodes; keeping the bytes lets every diagnostic
/// point at the exact element or attribute a user has to edit.
struct SourceText: Sendable {
  let path: String
  let bytes: [UInt8]
  /// Offsets at which each line starts; line 1 starts at 0.
  private let lineStarts: [Int]

  init(path: String, bytes: [UInt8]) {
    self.path = path
    self.bytes = bytes
    var starts = [0]
    for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
      starts.append(offset + 1)
    }
    lineStarts = starts
  }

  /// The location of the byte at `offset`.
  func location(ofOffset offset: Int) -> SourceLocation {
    var low = 0
    var high = lineStarts.count
    while low + 1 < high {
      let mid = (low + high) / 2
      if lineStarts[mid] <= offset { low = mid } else { high = mid }
    }
    return SourceLocation(file: path, line: low + 1, column: offset - lineStarts[low] + 1)
  }

  /// The whole file, when a problem has no better place.
  var wholeFile: SourceLocation { SourceLocation(file: path) }

  /// The start of the tag that ends just before `offset`: the last `<` before it, since a
  /// well-formed attribute value never holds a raw `<`.
  func tagStart(before offset: Int) -> Int {
    var index = min(offset, bytes.count) - 1
    while index >= 0, bytes[index] != UInt8(ascii: "<") { index -= 1 }
    return max(index, 0)
  }

  /// The offset of attribute `name` in the start tag beginning at `tagOffset`, if it is there.
  func attributeOffset(named name: String, inTagAt tagOffset: Int) -> Int? {
    let target = Array(name.utf8)
    var index = tagOffset + 1
    var quote: UInt8? = nil
    while index < bytes.count {
      let byte = bytes[index]
      if let open = quote {
        if byte == open { quote = nil }
      } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
        quote = byte
      } else if byte == UInt8(ascii: ">") {
        return nil
      } else if isSpace(bytes[index - 1]), matches(target, at: index) {
        var after = index + target.count
        while after < bytes.count, isSpace(bytes[after]) { after += 1 }
        if after < bytes.count, bytes[after] == UInt8(ascii: "=") { return index }
      }
      index += 1
    }
    return nil
  }

  private func matches(_ target: [UInt8], at index: Int) -> Bool {
    guard index + target.count <= bytes.count else { return false }
    for k in target.indices where bytes[index + k] != target[k] { return false }
    return true
  }
}

private func isSpace(_ byte: UInt8) -> Bool {
  byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
}
