import Foundation

/// Limits on the shape of an XML file, checked on its raw bytes before libxml2 parses it.
///
/// libxml2 2.9 checks duplicate attributes by comparing each one with every earlier one, so a
/// start tag with 100,000 attributes costs it tens of seconds; it limits depth, names and text,
/// but only once it is already parsing them. The scan here (`Scanner`) is one linear pass over
/// the bytes (tags, quoted values, comments, processing instructions, CDATA), so a hostile file
/// is refused in time proportional to its size, with a message naming the limit.
/// The limits are far above anything a real HR export holds (`docs/hr-exports.md`, "Parsing
/// untrusted XML").
struct InputLimits: Sendable {
  /// Attributes (namespace declarations included) on one element.
  var attributesPerElement = 256
  /// Bytes in an element or attribute name.
  var nameLength = 16 << 10
  /// Bytes in one attribute value.
  var attributeValueLength = 1 << 20
  /// Open elements, the root included; the same limit libxml2 applies (`xmlParserMaxDepth`), so
  /// the message stays the one users already know.
  var depth = 256
  /// Bytes in one record a streamed file expands into memory.
  ///
  /// A record is a Workday `Worker`, an Atom `entry`, … The scan does not know which elements
  /// are records, so it lists every element larger than this (wrappers included), and the
  /// streaming reader refuses a record among them before expanding it.
  var recordSize = 64 << 20

  static let standard = InputLimits()

  /// A limit the file breaks, and where: the byte offset, line and column of what breaks it
  /// (the scan itself tracks only the offset; the line and column are counted afterwards).
  struct Violation: Equatable, Sendable {
    var message: String
    var offset: Int
    var line: Int
    var column: Int
  }

  /// An element larger than `recordSize`.
  ///
  /// Where its start tag begins, where it ends, and its name (at most 64 bytes of it, prefix
  /// included).
  struct LargeElement: Equatable, Sendable {
    var offset: Int
    var end: Int
    var name: String
  }

  /// The first limit `bytes` break, if any.
  func check(_ bytes: UnsafeRawBufferPointer) -> Violation? {
    var scanner = Scanner(limits: self)
    _ = scanner.feed(bytes)
    guard var violation = scanner.violation else { return nil }
    var lines = Self.LineCounter()
    lines.feed(UnsafeRawBufferPointer(rebasing: bytes[..<violation.offset]))
    (violation.line, violation.column) = lines.position
    return violation
  }

  /// Counts lines up to a point, for a violation's line and column.
  private struct LineCounter {
    private var offset = 0
    private var line = 1
    private var lineStart = 0

    mutating func feed(_ bytes: UnsafeRawBufferPointer) {
      for byte in bytes {
        if byte == 0x0A {
          line += 1
          lineStart = offset + 1
        }
        offset += 1
      }
    }

    var position: (line: Int, column: Int) { (line, offset - lineStart + 1) }
  }

  /// The first limit the file at `path` breaks, if any, reading it in chunks of `chunkSize`.
  ///
  /// With `startTags`, only the file's first start tags are looked at (enough for a peek at the
  /// first elements). A file that cannot be read gives `nil`: its reader reports that.
  ///
  /// The chunks are a megabyte by default, but 16 KiB when only the first start tags are looked
  /// at: the format's peek needs a few hundred bytes, and reading a megabyte for it, for every
  /// page of an export before any is parsed, cost the import a millisecond a page.
  func check(path: String, startTags: Int? = nil, chunkSize: Int? = nil) -> Violation? {
    let size = chunkSize ?? (startTags == nil ? 1 << 20 : 1 << 14)
    return scan(path: path, startTags: startTags, chunkSize: size).violation
  }

  /// Scans the file at `path`: the first limit it breaks, if any, and its elements larger than
  /// `recordSize` (for the streaming reader to refuse a record among them).
  func scan(
    path: String, startTags: Int? = nil, chunkSize: Int = 1 << 20
  ) -> (violation: Violation?, largeElements: [LargeElement]) {
    guard let handle = FileHandle(forReadingAtPath: path) else { return (nil, []) }
    defer { try? handle.close() }
    var scanner = Scanner(limits: self, startTagBudget: startTags)
    while let chunk = try? handle.read(upToCount: chunkSize), !chunk.isEmpty {
      let going = chunk.withUnsafeBytes { scanner.feed($0) }
      if !going { break }
    }
    guard var violation = scanner.violation else { return (nil, scanner.largeElements) }
    (violation.line, violation.column) = Self.position(ofOffset: violation.offset, in: handle)
    return (violation, scanner.largeElements)
  }

  /// The line and column of byte `offset` of the file at `path` (1:1 when it cannot be read).
  static func position(ofOffset offset: Int, path: String) -> (line: Int, column: Int) {
    guard let handle = FileHandle(forReadingAtPath: path) else { return (1, 1) }
    defer { try? handle.close() }
    return position(ofOffset: offset, in: handle)
  }

  /// Rare (a file being refused): reads the file again up to `offset`, counting lines.
  private static func position(
    ofOffset offset: Int, in handle: FileHandle
  ) -> (line: Int, column: Int) {
    try? handle.seek(toOffset: 0)
    var lines = LineCounter()
    var remaining = offset
    while remaining > 0, let chunk = try? handle.read(upToCount: min(1 << 20, remaining)),
      !chunk.isEmpty
    {
      chunk.withUnsafeBytes { lines.feed($0) }
      remaining -= chunk.count
    }
    return lines.position
  }
}
