#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The start tags of the record a `NativeStream` is reading (a skill, a person, a role, the
/// scale, policy or plan), kept until the record is read: what places its values and problems.
///
/// Each tag's bytes are copied from libxml2's input buffer while it is still there, with the
/// line and column of its `<`; an element's `ParsedElement.offset` is its tag's index here. The
/// attribute places are found in the copied bytes by `TagAttributes`, the rules the in-memory
/// path uses, so both give the same places.
final class StreamedRecord: ElementPositions {
  private struct Tag {
    var start: Int
    var end: Int
    var line: Int
    var column: Int
    /// Whether the tag spans lines (most do not: their attributes are on the `<`'s line).
    var spansLines: Bool
  }

  let path: String
  // Unchecked: the record is used by one reader on one thread, and no method of it calls out
  // while it holds these; the dynamic checks cost a tenth of placing a value.
  @exclusivity(unchecked) private var bytes: [UInt8] = []
  @exclusivity(unchecked) private var tags: [Tag] = []

  init(path: String) { self.path = path }

  /// Forgets the tags of the record read last, keeping the room they took.
  func clear() {
    bytes.removeAll(keepingCapacity: true)
    tags.removeAll(keepingCapacity: true)
  }

  /// Copies a start tag (from its `<` to its `>`, or the `/` of its `/>`) and returns its index.
  func add(_ tag: UnsafeBufferPointer<UInt8>, line: Int, column: Int) -> Int {
    let start = bytes.count
    bytes.append(contentsOf: tag)
    let spansLines = tag.baseAddress.map { memchr($0, 0x0A, tag.count) != nil } ?? false
    tags.append(
      Tag(start: start, end: bytes.count, line: line, column: column, spansLines: spansLines))
    return tags.count - 1
  }

  /// Where tag `index`'s copy starts among the bytes of all tags (`withBytes`).
  func start(ofTag index: Int) -> Int {
    index >= 0 && index < tags.count ? tags[index].start : 0
  }

  /// Calls `body` with the bytes of all tags copied, one after another.
  func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    bytes.withUnsafeBufferPointer(body)
  }

  func location(ofElement element: Int) -> SourceLocation {
    guard element >= 0, element < tags.count else { return SourceLocation(file: path) }
    return SourceLocation(file: path, line: tags[element].line, column: tags[element].column)
  }

  func location(of attribute: String, inElement element: Int) -> SourceLocation {
    guard element >= 0, element < tags.count else { return SourceLocation(file: path) }
    let tag = tags[element]
    let place = bytes.withUnsafeBufferPointer { buffer in
      let bytes = UnsafeBufferPointer(rebasing: buffer[tag.start..<tag.end])
      guard tag.spansLines else {
        let offset = TagAttributes.offset(of: attribute, in: bytes, tagAt: 0) ?? 0
        return (line: tag.line, column: tag.column + offset)
      }
      return Self.place(of: attribute, in: bytes, line: tag.line, column: tag.column)
    }
    return SourceLocation(file: path, line: place.line, column: place.column)
  }

  /// The line and column of attribute `name` in the bytes of a start tag whose `<` (its first
  /// byte) is at `line`:`column`; the tag's own place when it has no attribute so written.
  static func place(
    of name: String, in tag: UnsafeBufferPointer<UInt8>, line: Int, column: Int
  ) -> (line: Int, column: Int) {
    guard let offset = TagAttributes.offset(of: name, in: tag, tagAt: 0) else {
      return (line, column)
    }
    // A tag can span lines: count the breaks before the attribute.
    var line = line
    var column = column + offset
    for index in 0..<offset where tag[index] == 0x0A {
      line += 1
      column = offset - index
    }
    return (line, column)
  }
}
