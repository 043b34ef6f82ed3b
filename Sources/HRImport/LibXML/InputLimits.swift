import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Limits on the shape of an XML file, checked on its raw bytes before libxml2 parses it.
///
/// libxml2 2.9 checks duplicate attributes by comparing each one with every earlier one, so a
/// start tag with 100,000 attributes costs it tens of seconds; it limits depth, names and text,
/// but only once it is already parsing them. The scan here is one linear pass over the bytes
/// (a small state machine: tags, quoted values, comments, processing instructions, CDATA), so a
/// hostile file is refused in time proportional to its size, with a message naming the limit.
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

  /// A resumable scan: feed it the file in chunks of any size, in order.
  struct Scanner {
    let limits: InputLimits
    /// Stop (without a violation) after this many start tags; `nil` to scan everything.
    var startTagBudget: Int?
    private(set) var violation: Violation?
    /// Elements larger than `limits.recordSize`, in the order they end (at most 1,000).
    private(set) var largeElements: [LargeElement] = []
    /// True once the scan ended early: a violation, a DOCTYPE or other declaration (left to
    /// the DOCTYPE rule), or the start-tag budget spent.
    private(set) var finished = false

    private enum State {
      case text
      case open  // just after `<`
      case bang  // after `<!`
      case bangDash  // after `<!-`
      case comment
      case cdata
      case instruction
      case endTag
      case elementName
      case inTag
      case attributeName
      case afterAttributeName
      case beforeValue
      case value
      case selfClosing  // after `/` inside a start tag
    }

    private var state = State.text
    private var offset = 0
    private var depth = 0
    private var attributes = 0
    private var runLength = 0
    private var quote: UInt8 = 0
    /// Consecutive `-` (comments) or `]` (CDATA) just seen, and whether the last byte was `?`.
    private var closers = 0
    private var question = false
    private var tagOffset = 0
    private var markOffset = 0
    private var tagName: [UInt8] = []
    /// Start offsets of the open elements.
    private var openOffsets: [Int] = []

    init(limits: InputLimits = .standard, startTagBudget: Int? = nil) {
      self.limits = limits
      self.startTagBudget = startTagBudget
    }

    /// Scans the next chunk; returns false once the scan is finished (see `finished`).
    ///
    /// Text and attribute values, most of a file, are skipped with `memchr` to the next `<` or
    /// closing quote; only markup goes through the state machine byte by byte.
    mutating func feed(_ bytes: UnsafeRawBufferPointer) -> Bool {
      guard !finished else { return false }
      guard let base = bytes.baseAddress else { return true }
      let count = bytes.count
      var index = 0
      while index < count {
        if state == .text || state == .value {
          let target = state == .text ? Int32(UInt8(ascii: "<")) : Int32(quote)
          let found = memchr(base + index, target, count - index)
          let next = found.map { base.distance(to: UnsafeRawPointer($0)) } ?? count
          if state == .value {
            runLength += next - index
            if runLength > limits.attributeValueLength {
              refuseLongValue()
              return false
            }
          }
          offset += next - index
          index = next
          guard index < count else { break }
        }
        step(bytes[index])
        if finished { return false }
        offset += 1
        index += 1
      }
      return true
    }

    private mutating func refuse(_ message: String, atTag: Bool) {
      violation = Violation(
        message: message, offset: atTag ? tagOffset : markOffset, line: 0, column: 0)
      finished = true
    }

    private mutating func refuseLongValue() {
      refuse(
        "an attribute value in \(elementLabel) is longer than "
          + "\(limits.attributeValueLength >> 20) MiB (limit \(limits.attributeValueLength) "
          + "bytes)", atTag: false)
    }

    private var elementLabel: String {
      let name = String(decoding: tagName, as: UTF8.self)
      return name.isEmpty ? "an element" : "element <\(name)>"
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
      byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    // One byte of the state machine. Only the shape is followed; well-formedness is libxml2's.
    private mutating func step(_ byte: UInt8) {
      switch state {
      case .text:
        if byte == UInt8(ascii: "<") {
          tagOffset = offset
          state = .open
        }
      case .open:
        switch byte {
        case UInt8(ascii: "/"):
          tagName.removeAll(keepingCapacity: true)
          state = .endTag
        case UInt8(ascii: "?"):
          question = false
          state = .instruction
        case UInt8(ascii: "!"): state = .bang
        default:
          // libxml2 refuses a start tag when more than `depth` elements are open; so does this.
          if depth > limits.depth {
            refuse(
              "elements nest deeper than \(limits.depth) levels; no HR export needs that, so the "
                + "file is refused", atTag: true)
            return
          }
          tagName.removeAll(keepingCapacity: true)
          tagName.append(byte)
          runLength = 1
          attributes = 0
          state = .elementName
        }
      case .bang:
        if byte == UInt8(ascii: "-") {
          state = .bangDash
        } else if byte == UInt8(ascii: "[") {
          closers = 0
          state = .cdata
        } else {
          // A DOCTYPE (refused by its own rule, with its own message) or broken markup.
          finished = true
        }
      case .bangDash:
        guard byte == UInt8(ascii: "-") else {
          finished = true
          return
        }
        closers = 0
        state = .comment
      case .comment:
        if byte == UInt8(ascii: ">"), closers >= 2 { state = .text }
        closers = byte == UInt8(ascii: "-") ? closers + 1 : 0
      case .cdata:
        if byte == UInt8(ascii: ">"), closers >= 2 { state = .text }
        closers = byte == UInt8(ascii: "]") ? closers + 1 : 0
      case .instruction:
        if byte == UInt8(ascii: ">"), question { state = .text }
        question = byte == UInt8(ascii: "?")
      case .endTag:
        if byte == UInt8(ascii: ">") {
          depth = max(depth - 1, 0)
          if let start = openOffsets.popLast(), offset + 1 - start > limits.recordSize,
            largeElements.count < 1000
          {
            largeElements.append(
              LargeElement(
                offset: start, end: offset + 1, name: String(decoding: tagName, as: UTF8.self)))
          }
          state = .text
        } else if !Self.isSpace(byte), tagName.count < 64 {
          tagName.append(byte)
        }
      case .elementName:
        if Self.isSpace(byte) {
          state = .inTag
        } else if byte == UInt8(ascii: ">") {
          startTagEnded(selfClosing: false)
        } else if byte == UInt8(ascii: "/") {
          state = .selfClosing
        } else {
          runLength += 1
          if tagName.count < 64 { tagName.append(byte) }
          if runLength > limits.nameLength {
            refuse(
              "an element name is longer than \(limits.nameLength) bytes (limit "
                + "\(limits.nameLength))", atTag: true)
          }
        }
      case .inTag, .selfClosing:
        if Self.isSpace(byte) {
          state = .inTag
        } else if byte == UInt8(ascii: ">") {
          startTagEnded(selfClosing: state == .selfClosing)
        } else if byte == UInt8(ascii: "/") {
          state = .selfClosing
        } else {
          attributes += 1
          if attributes > limits.attributesPerElement {
            refuse(
              "\(elementLabel) has more than \(limits.attributesPerElement) attributes (limit "
                + "\(limits.attributesPerElement))", atTag: true)
            return
          }
          markOffset = offset
          runLength = 1
          state = .attributeName
        }
      case .attributeName:
        if byte == UInt8(ascii: "=") {
          state = .beforeValue
        } else if Self.isSpace(byte) {
          state = .afterAttributeName
        } else if byte == UInt8(ascii: ">") {
          startTagEnded(selfClosing: false)  // broken, but libxml2 will say so
        } else {
          runLength += 1
          if runLength > limits.nameLength {
            refuse(
              "an attribute name in \(elementLabel) is longer than \(limits.nameLength) bytes "
                + "(limit \(limits.nameLength))", atTag: false)
          }
        }
      case .afterAttributeName:
        if byte == UInt8(ascii: "=") {
          state = .beforeValue
        } else if byte == UInt8(ascii: ">") {
          startTagEnded(selfClosing: false)
        } else if !Self.isSpace(byte) {
          state = .inTag
          step(byte)
        }
      case .beforeValue:
        if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
          quote = byte
          runLength = 0
          state = .value
        } else if byte == UInt8(ascii: ">") {
          startTagEnded(selfClosing: false)
        } else if !Self.isSpace(byte) {
          state = .inTag
        }
      case .value:
        // `feed` skips to the closing quote, so this byte is it.
        state = .inTag
      }
    }

    private mutating func startTagEnded(selfClosing: Bool) {
      if !selfClosing {
        depth += 1
        openOffsets.append(tagOffset)
      }
      state = .text
      if let budget = startTagBudget {
        startTagBudget = budget - 1
        if budget <= 1 { finished = true }
      }
    }
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
  func check(path: String, startTags: Int? = nil, chunkSize: Int = 1 << 20) -> Violation? {
    scan(path: path, startTags: startTags, chunkSize: chunkSize).violation
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
