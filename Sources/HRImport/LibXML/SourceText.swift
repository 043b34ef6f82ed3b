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
  ///
  /// Scans the whole tag: to place several problems in one tag, use `AttributeIndex`, which
  /// scans each tag once.
  func attributeOffset(named name: String, inTagAt tagOffset: Int) -> Int? {
    attributeOffsets(inTagAt: tagOffset)[name]
  }

  /// Every attribute of the start tag beginning at `tagOffset`, by its name as written (with its
  /// prefix, if any), to the offset of its name; the first one wins.
  func attributeOffsets(inTagAt tagOffset: Int) -> [String: Int] {
    var found: [String: Int] = [:]
    bytes.withUnsafeBufferPointer { buffer in
      TagAttributes.forEachName(in: buffer, tagAt: tagOffset) { range in
        let name = String(decoding: buffer[range], as: UTF8.self)
        if found[name] == nil { found[name] = range.lowerBound }
        return true
      }
    }
    return found
  }
}

/// Attribute offsets of one tag at a time, computed once per tag: placing every problem of a tag
/// costs one scan of it, not one per problem.
final class AttributeIndex {
  private let source: SourceText
  private var tag = -1
  private var offsets: [String: Int] = [:]

  init(_ source: SourceText) { self.source = source }

  /// The offset of attribute `name` in the start tag beginning at `tagOffset`, if it is there.
  func offset(named name: String, inTagAt tagOffset: Int) -> Int? {
    if tagOffset != tag {
      tag = tagOffset
      offsets = source.attributeOffsets(inTagAt: tagOffset)
    }
    return offsets[name]
  }
}
