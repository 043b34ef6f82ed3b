internal import CLibXML2
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension NativeStream {
  /// Everything a `NativeStream` keeps while it reads, and what it does with each event.
  ///
  /// One value reached through the stream: each libxml2 event accesses it once, rather than
  /// checking exclusive access on every property of a class (measured: a tenth of the
  /// instructions of a read went to those checks).
  struct State {
    private let path: String
    private let displayPath: String
    private let descriptor: Int32
    private var block: [UInt8]
    private var blockFill = 0
    private var blockCursor = 0
    /// Bytes read from the file and scanned, and bytes handed to libxml2.
    private var scanned = 0
    private var handed = 0
    private var atEnd = false
    private var scanner = InputLimits.Scanner(limits: .standard)
    private var violation: InputLimits.Violation?
    private var lines = LineTracker()
    var context: UnsafeMutablePointer<xmlParserCtxt>?
    private var needsMemory = false

    // libxml2's diagnostics: the parser's and the validator's, merged at the end in the order the
    // in-memory path reports them (it validates after parsing).
    private var parserDiagnostics = LibXMLDiagnostics()
    private var schemaDiagnostics = LibXMLDiagnostics()
    private var sawDoctype = false

    /// Line and column of each open element's `<`, the root first.
    private var openElements: [(line: Int, column: Int)] = []
    /// The element the validator's next error is about: the one whose start or end event this
    /// is, or the one holding the text being read.
    private var target: (line: Int, column: Int)?
    /// The start tag being delivered, while the validator checks its attributes.
    private var liveTag: UnsafeBufferPointer<UInt8>?
    /// True while a run of text is delivered (in pieces): the validator's complaint about it is
    /// reported once, as it is for the one text node the in-memory tree holds.
    private var textRun = false
    private var textRunMessages: Set<String> = []
    /// The names of the elements gathered, numbered for the reading thread.
    private var names = GatheredElements.Names()

    // The records, sent to the reading thread a batch at a time.
    private let handoff: NativeHandoff
    private var items: [NativeHandoff.Item] = []
    /// The elements and start tags of the batch being gathered.
    private var gathered = GatheredElements()
    private var tags: StreamedRecord
    private var rootIsNative = false
    private var section: NativeFileReader.Section?
    /// The open elements of the record being gathered (their indexes in `gathered`), innermost
    /// last, and the depth of its outermost.
    private var gathering: [Int] = []
    private var recordDepth = 0
    private var depth = 0

    init(
      path: String, displayPath: String, descriptor: Int32, blockSize: Int,
      handoff: NativeHandoff
    ) {
      self.path = path
      self.displayPath = displayPath
      self.descriptor = descriptor
      self.handoff = handoff
      block = [UInt8](repeating: 0, count: max(blockSize, 1))
      tags = StreamedRecord(path: displayPath)
    }

    /// Sends the records gathered since the last batch.
    mutating func flush() {
      guard !items.isEmpty else { return }
      handoff.send(
        NativeHandoff.Batch(items: items, elements: gathered, tags: tags, bytesRead: handed))
      items = []
      items.reserveCapacity(NativeHandoff.batchSize)
      gathered = GatheredElements()
      tags = StreamedRecord(path: displayPath)
    }

    /// The outcome, once the parse is over and the reading thread has read `read`.
    mutating func finish(
      wellFormed: Bool, read: (file: NativeFile, diagnostics: [Diagnostic])
    ) -> Outcome {
      if needsMemory { return .needsMemory }
      // The limits hold for the whole file, even past where the parser stopped.
      while violation == nil, !atEnd, !scanner.finished {
        _ = readBlock()
      }
      if let violation {
        let (line, column) = InputLimits.position(ofOffset: violation.offset, path: path)
        return .read(
          nil,
          [
            Diagnostic(
              .error, violation.message,
              at: SourceLocation(file: displayPath, line: line, column: column))
          ])
      }
      var diagnostics: [Diagnostic]
      var result: NativeFile?
      if wellFormed, !sawDoctype {
        diagnostics = LibXMLDiagnostics.merged(
          parserDiagnostics, schemaDiagnostics, path: displayPath)
        diagnostics += read.diagnostics
        result = read.file
      } else {
        diagnostics = LibXMLDiagnostics.merged(
          parserDiagnostics, LibXMLDiagnostics(), path: displayPath)
        if diagnostics.isEmpty {
          diagnostics.append(Diagnostic(.error, "file is not well-formed XML", at: wholeFile))
        }
      }
      return .read(result, diagnostics)
    }

    var wholeFile: SourceLocation { SourceLocation(file: displayPath) }

    // MARK: Input

    /// Reads and scans the next block of the file; false at its end or on a limit broken.
    private mutating func readBlock() -> Bool {
      var filled = 0
      let descriptor = descriptor
      let read = block.withUnsafeMutableBytes { buffer -> Bool in
        guard let base = buffer.baseAddress else { return false }
        while filled < buffer.count {
          let count = readFile(descriptor, base + filled, buffer.count - filled)
          if count < 0, errno == EINTR { continue }
          guard count > 0 else { break }
          filled += count
        }
        return true
      }
      blockFill = filled
      blockCursor = 0
      guard read, filled > 0 else {
        atEnd = true
        return false
      }
      block.withUnsafeBytes { buffer in
        let bytes = UnsafeRawBufferPointer(rebasing: buffer[..<filled])
        if !scanner.finished { _ = scanner.feed(bytes) }
        lines.note(bytes, at: scanned)
      }
      scanned += filled
      if let found = scanner.violation {
        violation = found
        return false
      }
      return true
    }

    /// Hands libxml2 `length` bytes of the file, fewer only at its end.
    ///
    /// The read callback of libxml2's input. Blocks are cut wherever `blockSize` falls; libxml2
    /// sees the same reads whatever it is.
    mutating func fill(_ out: UnsafeMutablePointer<CChar>, length: Int) -> Int32 {
      var count = 0
      while count < length, violation == nil, !needsMemory {
        if blockCursor == blockFill {
          // Nothing before libxml2's buffer is looked at again.
          if let input = context?.pointee.input { lines.pass(upTo: Int(input.pointee.consumed)) }
          guard !atEnd, readBlock() else { break }
        }
        let piece = min(length - count, blockFill - blockCursor)
        block.withUnsafeBytes { buffer in
          if let base = buffer.baseAddress { memcpy(out + count, base + blockCursor, piece) }
        }
        blockCursor += piece
        count += piece
      }
      // A limit broken in this block: libxml2 sees none of it, and the file's end instead.
      if violation != nil || needsMemory { return 0 }
      handed += count
      return Int32(count)
    }

    mutating func read(
      _ localName: UnsafePointer<xmlChar>, _ namespace: UnsafePointer<xmlChar>?,
      _ attributeCount: Int, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) {
      guard let context, let input = context.pointee.input, let base = input.pointee.base,
        let cursor = input.pointee.cur
      else { return }
      if depth == 0, input.pointee.buf?.pointee.encoder != nil {
        needsMemory = true
        xmlStopParser(context)
        return
      }
      // The parser stands on the tag's `>` (or the `/` of `/>`); its `<` is the last one before.
      let start = Self.lastOpening(from: base, before: cursor)
      let offset = Int(xmlByteConsumed(context)) - (cursor - start)
      let place = lines.position(of: offset)
      let tag = UnsafeBufferPointer(start: start, count: cursor - start + 1)
      depth += 1
      openElements.append(place)
      target = place
      liveTag = tag
      textRun = false
      if !gathering.isEmpty {
        gather(localName, namespace, attributeCount, attributes, tag: tag, at: place)
        return
      }
      let native = Self.equal(namespace, NativeFileReader.namespace)
      switch depth {
      case 1:
        rootIsNative = Self.equal(localName, "organization") && native
        items.append(
          .root(element(localName, namespace, attributeCount, attributes, tag: tag, at: place)))
      case 2 where rootIsNative && native:
        section = NativeFileReader.Section.allCases.first { Self.equal(localName, $0.name) }
        if let section {
          items.append(.section(section))
        } else if Self.equal(localName, "scale") || Self.equal(localName, "policy")
          || Self.equal(localName, "plan")
        {
          recordDepth = depth
          gather(localName, namespace, attributeCount, attributes, tag: tag, at: place)
        }
      case 3 where native:
        if let section, Self.equal(localName, section.recordName) {
          recordDepth = depth
          gather(localName, namespace, attributeCount, attributes, tag: tag, at: place)
        }
      default:
        break
      }
    }

    mutating func readEnd() {
      target = openElements.popLast()
      liveTag = nil
      textRun = false
      defer { depth -= 1 }
      if gathering.isEmpty {
        if depth == 2 { section = nil }
        return
      }
      let finished = gathering.removeLast()
      gathered.end(finished)
      if !gathering.isEmpty { return }
      items.append(.record(finished, section: depth == 3 ? section : nil))
      if items.count >= NativeHandoff.batchSize { flush() }
    }

    mutating func readText() {
      target = openElements.last
      liveTag = nil
      if !textRun {
        textRun = true
        textRunMessages.removeAll(keepingCapacity: true)
      }
    }

    /// Adds an element to the record being gathered.
    private mutating func gather(
      _ localName: UnsafePointer<xmlChar>, _ namespace: UnsafePointer<xmlChar>?, _ count: Int,
      _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
      tag: UnsafeBufferPointer<UInt8>, at place: (line: Int, column: Int)
    ) {
      gathering.append(element(localName, namespace, count, attributes, tag: tag, at: place))
    }

    /// Copies the element of a start event, and its tag for its places; returns its index.
    private mutating func element(
      _ localName: UnsafePointer<xmlChar>, _ namespace: UnsafePointer<xmlChar>?, _ count: Int,
      _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
      tag: UnsafeBufferPointer<UInt8>, at place: (line: Int, column: Int)
    ) -> Int {
      let index = tags.add(tag, line: place.line, column: place.column)
      return gathered.add(
        name: localName, namespace: namespace, attributeCount: count, attributes: attributes,
        tag: tag, tagIndex: index, tagStart: tags.start(ofTag: index), names: &names)
    }

    // MARK: Diagnostics

    mutating func rejectDoctype() {
      guard let context else { return }
      if context.pointee.input?.pointee.buf?.pointee.encoder != nil {
        needsMemory = true
        xmlStopParser(context)
        return
      }
      sawDoctype = true
      var place = (line: 1, column: 1)
      if let input = context.pointee.input, let base = input.pointee.base,
        let cursor = input.pointee.cur
      {
        var start = cursor - 1
        while start > base, start.pointee != UInt8(ascii: "<") { start -= 1 }
        place = lines.position(of: max(Int(xmlByteConsumed(context)) - (cursor - start), 0))
      }
      parserDiagnostics.add(
        .error,
        "DOCTYPE declarations are not accepted: HR exports never need one, and entity "
          + "declarations can read local files or expand without bound",
        at: SourceLocation(file: displayPath, line: place.line, column: place.column))
      xmlStopParser(context)
    }

    mutating func parserError(_ error: UnsafeMutablePointer<xmlError>) {
      let raw = error.pointee
      if raw.code == Int32(XML_ERR_USER_STOP.rawValue) { return }
      let severity: Diagnostic.Severity = raw.level == XML_ERR_WARNING ? .warning : .error
      guard parserDiagnostics.wants(severity) else { return }
      parserDiagnostics.add(
        severity, LibXML.readable(string(raw.message)),
        at: SourceLocation(
          file: displayPath, line: Int(raw.line), column: Int(max(raw.int2, 0))))
    }

    mutating func schemaError(_ error: UnsafeMutablePointer<xmlError>) {
      let raw = error.pointee
      if raw.code == Int32(XML_ERR_USER_STOP.rawValue) { return }
      let severity: Diagnostic.Severity = raw.level == XML_ERR_WARNING ? .warning : .error
      guard schemaDiagnostics.wants(severity) else { return }
      let message = string(raw.message)
      if textRun {
        // Text arrives in pieces; the in-memory tree holds it as one node, validated once.
        guard textRunMessages.insert(message).inserted else { return }
      }
      var location = SourceLocation(
        file: displayPath, line: Int(raw.line), column: Int(max(raw.int2, 0)))
      if let target {
        location = SourceLocation(file: displayPath, line: target.line, column: target.column)
        if let liveTag, let attribute = ParseState.attributeNamed(in: message) {
          // The in-memory tree names the attribute's node, found by its local name.
          let local =
            attribute.hasPrefix("{") ? String(attribute.drop { $0 != "}" }.dropFirst()) : attribute
          let place = StreamedRecord.place(
            of: local, in: liveTag, line: target.line, column: target.column)
          location = SourceLocation(file: displayPath, line: place.line, column: place.column)
        }
      }
      schemaDiagnostics.add(severity, LibXML.readable(message), at: location)
    }

    // MARK: Values

    private static func equal(_ c: UnsafePointer<xmlChar>?, _ string: String) -> Bool {
      guard let c else { return string.isEmpty }
      return Node.equal(c, string)
    }

    /// The last `<` in `base..<end`, or `base` when there is none.
    ///
    /// Eight bytes at a time until a word holds one (a tag is tens of bytes; byte by byte,
    /// this search was a third of the time spent on each start tag).
    private static func lastOpening(
      from base: UnsafePointer<UInt8>, before end: UnsafePointer<UInt8>
    ) -> UnsafePointer<UInt8> {
      var end = end
      while end - base >= 8 {
        let word = UnsafeRawPointer(end - 8).loadUnaligned(as: UInt64.self)
        // A byte of `word` equal to `<` is a zero byte of `x`; this finds whether any is.
        let x = word ^ 0x3C3C_3C3C_3C3C_3C3C
        if (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0 { break }
        end -= 8
      }
      guard end > base else { return base }
      var start = end - 1
      while start > base, start.pointee != UInt8(ascii: "<") { start -= 1 }
      return start
    }
  }
}

/// POSIX `read`, named apart from `State.read`.
private func readFile(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
  read(descriptor, buffer, count)
}
