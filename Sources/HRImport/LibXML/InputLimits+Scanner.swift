#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension InputLimits {
  /// A resumable scan: feed it the file in chunks of any size, in order.
  ///
  /// Every file goes through this scan before libxml2 sees it, so it must cost a small fraction
  /// of libxml2's own parse. A byte-at-a-time state machine cost about 55 instructions a byte on
  /// a Workday export (most of its bytes are markup), nearly what `xmllint --stream` spends
  /// parsing the whole file. So each state here consumes a whole run of bytes with a tight loop
  /// or `memchr` (text to the next `<`, a name to the byte that ends it, a value to its quote, an
  /// end tag, comment, CDATA section or instruction to the next `>`), offsets are pointer
  /// distances, and the state lives in local variables while a chunk is scanned.
  ///
  /// A tag name is needed only for a message or a large element, both rare, so it is kept as
  /// a range of the chunk and copied (its first 64 bytes) only then, or when the chunk ends
  /// inside the tag.
  ///
  /// Only the shape is followed; well-formedness is libxml2's. Broken markup is read by fixed
  /// rules, whatever the chunk sizes: a start tag's name is every byte up to a space, `>` or `/`
  /// (its first byte whatever it is), an end tag's name is its bytes other than spaces, an
  /// attribute name runs to `=`, a space or `>`, and an unquoted value is one byte.
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

    /// The limit a scan stopped at; its message is written once the chunk's state is stored.
    private enum Refusal {
      case depth
      case elementName
      case attributes
      case attributeName
      case value
    }

    // Where a chunk ended: the state the next one resumes in.
    private var state = State.text
    private var offset = 0
    private var depth = 0
    private var attributes = 0
    /// Bytes so far in the current element name, attribute name or attribute value.
    private var runLength = 0
    private var quote: UInt8 = 0
    /// Closing bytes (`-` in a comment, `]` in CDATA, `?` in an instruction) just seen, at most
    /// as many as end the construct before a `>`.
    private var closers = 0
    private var tagOffset = 0
    private var markOffset = 0
    /// The current tag's name as far as earlier chunks held it (at most 64 bytes); the rest is
    /// in the chunk being scanned.
    private var tagName: [UInt8] = []
    /// Start offsets of the open elements in its first `depth` entries; the rest is room, so
    /// that a chunk pushes and pops through a pointer (see `feed`).
    private var openOffsets: [Int] = []

    init(limits: InputLimits = .standard, startTagBudget: Int? = nil) {
      self.limits = limits
      self.startTagBudget = startTagBudget
    }

    private static let lessThan: UInt8 = 0x3C  // <
    private static let greaterThan: UInt8 = 0x3E  // >
    private static let slash: UInt8 = 0x2F  // /
    private static let equals: UInt8 = 0x3D  // =
    private static let question: UInt8 = 0x3F  // ?
    private static let exclamation: UInt8 = 0x21  // !
    private static let dash: UInt8 = 0x2D  // -
    private static let openBracket: UInt8 = 0x5B  // [
    private static let closeBracket: UInt8 = 0x5D  // ]
    private static let doubleQuote: UInt8 = 0x22  // "
    private static let singleQuote: UInt8 = 0x27  // '

    /// Scans the next chunk; returns false once the scan is finished (see `finished`).
    mutating func feed(_ bytes: UnsafeRawBufferPointer) -> Bool {
      guard !finished else { return false }
      guard let base = bytes.bindMemory(to: UInt8.self).baseAddress else { return true }
      // In slices, so that the room reserved for open elements stays small whatever the
      // limits and the buffer's size (the scan resumes anywhere, so results do not change).
      var start = 0
      while start < bytes.count, !finished {
        let count = min(bytes.count - start, Self.sliceSize)
        feedSlice(base + start, count: count)
        start += count
      }
      return !finished
    }

    /// The start offsets of the elements open where the scan stands that began before `bound`,
    /// outermost first: with `bound` the offset scanned so far less `limits.recordSize`, the
    /// open elements already known to be larger than a record may be (the streaming reader asks
    /// between chunks, before the element's end is scanned).
    func openElements(startingBefore bound: Int) -> [Int] {
      var found: [Int] = []
      for index in 0..<min(depth, openOffsets.count) {
        guard openOffsets[index] < bound else { break }
        found.append(openOffsets[index])
      }
      return found
    }

    /// The most bytes scanned with one reservation of room for open elements.
    private static let sliceSize = 1 << 16

    private mutating func feedSlice(_ base: UnsafePointer<UInt8>, count: Int) {
      // Room for every element that can be open by the end of the slice, so that a push needs
      // no check (an array's append checks its capacity and that its buffer is unique). The
      // slice ends at most `count / 2 + 1` start tags (`<x>` takes three bytes, but one begun
      // earlier may need only its `>`), and no start tag opens with more than `limits.depth`
      // elements open. At least one entry, so that the buffer has an address.
      let room = max(min(limits.depth, depth + count / 2), 0) + 1
      var stack = openOffsets
      openOffsets = []
      if stack.count < room { stack += repeatElement(0, count: room - stack.count) }
      stack.withUnsafeMutableBufferPointer { stack in
        if let address = stack.baseAddress {
          scan(from: base, count: count, stack: address, capacity: stack.count)
        }
      }
      openOffsets = stack
    }

    /// Scans one chunk, pushing the open elements' start offsets on `openOffsets`.
    private mutating func scan(
      from base: UnsafePointer<UInt8>, count: Int, stack openOffsets: UnsafeMutablePointer<Int>,
      capacity: Int
    ) {
      let end = base + count
      let chunkOffset = offset
      var p = base
      var state = self.state
      var depth = self.depth
      var attributes = self.attributes
      var runLength = self.runLength
      var quote = self.quote
      var closers = self.closers
      var tagOffset = self.tagOffset
      var markOffset = self.markOffset
      var budget = startTagBudget
      // The current tag's name in this chunk: from its first byte (or the chunk's) to the byte
      // that ends it (`nameEnd` is set once that byte is seen).
      var nameStart = base
      var nameEnd = base
      var refusal: Refusal?
      var stopped = false
      // A name's first byte is never checked on its own, so a limit of 0 still lets one through.
      let nameLimit = max(limits.nameLength, 1)

      scan: while p < end {
        switch state {
        case .text:
          if p.pointee != Self.lessThan {
            guard let found = memchr(p, Int32(Self.lessThan), end - p) else {
              p = end
              break scan
            }
            p = UnsafePointer(found.assumingMemoryBound(to: UInt8.self))
          }
          tagOffset = chunkOffset + (p - base)
          p += 1
          state = .open
        case .open:
          let byte = p.pointee
          if byte == Self.slash {
            clearName()
            p += 1
            nameStart = p
            state = .endTag
          } else if byte == Self.question {
            p += 1
            closers = 0
            state = .instruction
          } else if byte == Self.exclamation {
            p += 1
            state = .bang
          } else {
            // libxml2 refuses a start tag when more than `depth` elements are open; so does this.
            if depth > limits.depth {
              refusal = .depth
              break scan
            }
            clearName()
            nameStart = p
            p += 1
            runLength = 1
            attributes = 0
            state = .elementName
          }
        case .bang:
          let byte = p.pointee
          p += 1
          if byte == Self.dash {
            state = .bangDash
          } else if byte == Self.openBracket {
            closers = 0
            state = .cdata
          } else {
            // A DOCTYPE (refused by its own rule, with its own message) or broken markup.
            stopped = true
            break scan
          }
        case .bangDash:
          guard p.pointee == Self.dash else {
            stopped = true
            break scan
          }
          p += 1
          closers = 0
          state = .comment
        case .comment, .cdata, .instruction:
          let closer =
            state == .comment ? Self.dash : state == .cdata ? Self.closeBracket : Self.question
          let needed = state == .instruction ? 1 : 2
          guard let found = memchr(p, Int32(Self.greaterThan), end - p) else {
            closers = Self.closers(closer, before: end, from: p, carried: closers, needed: needed)
            p = end
            break scan
          }
          let close = UnsafePointer(found.assumingMemoryBound(to: UInt8.self))
          if Self.closers(closer, before: close, from: p, carried: closers, needed: needed)
            >= needed
          {
            state = .text
          }
          closers = 0
          p = close + 1
        case .endTag:
          guard let found = memchr(p, Int32(Self.greaterThan), end - p) else {
            p = end
            break scan
          }
          let close = UnsafePointer(found.assumingMemoryBound(to: UInt8.self))
          if depth > 0 {
            depth -= 1
            let start = openOffsets[depth]
            let elementEnd = chunkOffset + (close - base) + 1
            if elementEnd - start > limits.recordSize, largeElements.count < 1000 {
              appendName(from: nameStart, to: close, skippingSpaces: true)
              largeElements.append(
                LargeElement(
                  offset: start, end: elementEnd, name: String(decoding: tagName, as: UTF8.self)))
            }
          }
          p = close + 1
          state = .text
        case .elementName:
          let stop = Self.elementNameEnd(from: p, to: end)
          runLength += stop - p
          if runLength > nameLimit {
            refusal = .elementName
            break scan
          }
          guard stop < end else {
            p = end
            break scan
          }
          nameEnd = stop
          if stop.pointee == Self.slash {
            p = stop + 1
            state = .selfClosing
          } else if stop.pointee == Self.greaterThan {
            p = stop
            state = .inTag
          } else {
            p = stop + 1
            state = .inTag
          }
        case .inTag, .selfClosing:
          // Every `>` of a start tag ends it here, so the tag's end is counted in one place.
          let byte = p.pointee
          if byte == Self.greaterThan {
            p += 1
            if state == .inTag {
              assert(depth < capacity, "no room reserved for an open element")
              openOffsets[depth] = tagOffset
              depth += 1
            }
            state = .text
            if let left = budget {
              if left <= 1 {
                budget = 0
                stopped = true
                break scan
              }
              budget = left - 1
            }
          } else if byte == Self.slash {
            p += 1
            state = .selfClosing
          } else if Self.isSpace(byte) {
            p += 1
            state = .inTag
          } else {
            attributes += 1
            if attributes > limits.attributesPerElement {
              refusal = .attributes
              break scan
            }
            markOffset = chunkOffset + (p - base)
            p += 1
            runLength = 1
            state = .attributeName
          }
        case .attributeName:
          let stop = Self.attributeNameEnd(from: p, to: end)
          runLength += stop - p
          if runLength > nameLimit {
            refusal = .attributeName
            break scan
          }
          guard stop < end else {
            p = end
            break scan
          }
          if stop.pointee == Self.equals {
            p = stop + 1
            state = .beforeValue
          } else if stop.pointee == Self.greaterThan {
            p = stop
            state = .inTag  // broken, but libxml2 will say so
          } else {
            p = stop + 1
            state = .afterAttributeName
          }
        case .afterAttributeName:
          let byte = p.pointee
          if byte == Self.equals {
            p += 1
            state = .beforeValue
          } else if Self.isSpace(byte) {
            p += 1
          } else {
            state = .inTag  // `>`, `/` or the next attribute, read again there
          }
        case .beforeValue:
          let byte = p.pointee
          if byte == Self.doubleQuote || byte == Self.singleQuote {
            p += 1
            quote = byte
            runLength = 0
            state = .value
          } else if byte == Self.greaterThan {
            state = .inTag
          } else if Self.isSpace(byte) {
            p += 1
          } else {
            p += 1
            state = .inTag
          }
        case .value:
          let found = memchr(p, Int32(quote), end - p)
          let stop = found.map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) } ?? end
          runLength += stop - p
          if runLength > limits.attributeValueLength {
            refusal = .value
            break scan
          }
          guard stop < end else {
            p = end
            break scan
          }
          p = stop + 1
          state = .inTag
        }
      }

      self.state = state
      offset = chunkOffset + count
      self.depth = depth
      self.attributes = attributes
      self.runLength = runLength
      self.quote = quote
      self.closers = closers
      self.tagOffset = tagOffset
      self.markOffset = markOffset
      startTagBudget = budget
      // The next chunk no longer holds this one's part of the current tag's name.
      switch state {
      case .elementName:
        appendName(from: nameStart, to: p, skippingSpaces: false)
      case .endTag:
        appendName(from: nameStart, to: p, skippingSpaces: true)
      case .inTag, .selfClosing, .attributeName, .afterAttributeName, .beforeValue, .value:
        appendName(from: nameStart, to: nameEnd, skippingSpaces: false)
      default:
        break
      }
      if let refusal {
        refuse(refusal)
      } else if stopped {
        finished = true
      }
    }

    private mutating func refuse(_ refusal: Refusal) {
      let message: String
      var offset = tagOffset
      switch refusal {
      case .depth:
        message =
          "elements nest deeper than \(limits.depth) levels; no HR export needs that, so the "
          + "file is refused"
      case .elementName:
        message =
          "an element name is longer than \(limits.nameLength) bytes (limit \(limits.nameLength))"
      case .attributes:
        message =
          "\(elementLabel) has more than \(limits.attributesPerElement) attributes (limit "
          + "\(limits.attributesPerElement))"
      case .attributeName:
        message =
          "an attribute name in \(elementLabel) is longer than \(limits.nameLength) bytes "
          + "(limit \(limits.nameLength))"
        offset = markOffset
      case .value:
        message =
          "an attribute value in \(elementLabel) is longer than "
          + "\(limits.attributeValueLength >> 20) MiB (limit \(limits.attributeValueLength) "
          + "bytes)"
        offset = markOffset
      }
      violation = Violation(message: message, offset: offset, line: 0, column: 0)
      finished = true
    }

    private var elementLabel: String {
      let name = String(decoding: tagName, as: UTF8.self)
      return name.isEmpty ? "an element" : "element <\(name)>"
    }

    private mutating func clearName() {
      if !tagName.isEmpty { tagName.removeAll(keepingCapacity: true) }
    }

    /// Adds the bytes from `start` to `end` to `tagName`, up to its 64.
    private mutating func appendName(
      from start: UnsafePointer<UInt8>, to end: UnsafePointer<UInt8>, skippingSpaces: Bool
    ) {
      if !skippingSpaces {
        let count = min(end - start, 64 - tagName.count)
        if count > 0 { tagName.append(contentsOf: UnsafeBufferPointer(start: start, count: count)) }
        return
      }
      var p = start
      while p < end, tagName.count < 64 {
        if !Self.isSpace(p.pointee) { tagName.append(p.pointee) }
        p += 1
      }
    }

    @inline(__always)
    private static func isSpace(_ byte: UInt8) -> Bool {
      byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// The first space, `>` or `/` from `p` on, or `end`.
    @inline(__always)
    private static func elementNameEnd(
      from p: UnsafePointer<UInt8>, to end: UnsafePointer<UInt8>
    ) -> UnsafePointer<UInt8> {
      nameEnd(from: p, to: end) { $0 == greaterThan || $0 == slash || isSpace($0) }
    }

    /// The first `=`, space or `>` from `p` on, or `end`.
    @inline(__always)
    private static func attributeNameEnd(
      from p: UnsafePointer<UInt8>, to end: UnsafePointer<UInt8>
    ) -> UnsafePointer<UInt8> {
      nameEnd(from: p, to: end) { $0 == equals || $0 == greaterThan || isSpace($0) }
    }

    /// The first byte from `start` on that `endsName` accepts, or `end`; it must accept only
    /// bytes below `?`.
    ///
    /// Names are most of a Workday export's bytes, and mostly letters and `_`, above `>`. So
    /// eight bytes at a time are tested for one below `?` (`haslessthan` from "Bit Twiddling
    /// Hacks"), and only the bytes it marks (a prefix's `:`, a digit, the name's end) are
    /// looked at one by one. It marks every byte below `?`, and may also mark a `?` that
    /// follows one of them (a borrow carries into it); `endsName` sorts those out.
    @inline(__always)
    private static func nameEnd(
      from start: UnsafePointer<UInt8>, to end: UnsafePointer<UInt8>,
      where endsName: (UInt8) -> Bool
    ) -> UnsafePointer<UInt8> {
      var p = start
      while end - p >= 8 {
        let word = UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self))
        var marked = (word &- 0x3F3F_3F3F_3F3F_3F3F) & ~word & 0x8080_8080_8080_8080
        while marked != 0 {
          let byte = p + marked.trailingZeroBitCount / 8
          if endsName(byte.pointee) { return byte }
          marked &= marked &- 1
        }
        p += 8
      }
      while p < end, !endsName(p.pointee) { p += 1 }
      return p
    }

    /// The closing bytes just before `end`: those from `start` on, plus `carried` (seen in
    /// earlier chunks) when every byte from `start` is one; at most `needed`.
    private static func closers(
      _ closer: UInt8, before end: UnsafePointer<UInt8>, from start: UnsafePointer<UInt8>,
      carried: Int, needed: Int
    ) -> Int {
      var count = 0
      var p = end
      while count < needed, p > start, (p - 1).pointee == closer {
        count += 1
        p -= 1
      }
      return p == start ? min(count + carried, needed) : count
    }
  }
}
