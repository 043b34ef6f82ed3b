internal import CLibXML2
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a native file record by record, validating it against the XSD on the way, so memory
/// follows the organization read and not the file.
///
/// libxml2's SAX parser reads the file in blocks (`xmlCreateIOParserCtxt`), with the schema
/// validator plugged into its events (`xmlSchemaSAXPlug`): no tree is built. Each record (a
/// skill, a person, a role, the scale, the policy, the plan) is gathered into a small
/// `ParsedElement` tree and read by `NativeFileReader`, as the in-memory path reads the whole
/// document, so both give the same records and the same diagnostics.
///
/// Places stay exact without the file in memory: each start tag is still in libxml2's input
/// buffer when its event arrives (the parser keeps a tag's bytes until its attributes are
/// delivered), so its `<` is found there, and its line and column come from a `LineTracker`
/// fed the blocks as they are read. A record's tags are copied (`StreamedRecord`) until it is
/// read. A schema error arrives during the event of the element it is about (the validator runs
/// right after this reader's handler), and is placed at that element, or at the attribute its
/// message names, as the in-memory path places it.
///
/// The safety rules are the in-memory path's: every block passes the `InputLimits` scan before
/// libxml2 sees it (a violation is then the only diagnostic, as when the whole file is scanned
/// first), a DOCTYPE stops the parse, no network, the deny-all entity loader.
final class NativeStream {
  /// What reading a file gave.
  enum Outcome {
    /// The records (`nil` when the file is not well-formed XML or breaks a limit) and every
    /// diagnostic, in the in-memory path's order.
    case read(NativeFile?, [Diagnostic])
    /// The file is not in UTF-8 (libxml2 converts it), so byte offsets in libxml2's buffer are
    /// not the file's: read it in memory instead.
    case needsMemory
  }

  /// Bytes read from the file at a time.
  static let defaultBlockSize = 1 << 18

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
  private var context: UnsafeMutablePointer<xmlParserCtxt>?
  private var needsMemory = false

  /// The schema validator's SAX callbacks, called after this reader's.
  struct Validator {
    var context: UnsafeMutableRawPointer?
    var start: startElementNsSAX2Func?
    var end: endElementNsSAX2Func?
    var text: charactersSAXFunc?
  }
  fileprivate var validator = Validator()

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

  // The records.
  private let record: StreamedRecord
  private var reader: NativeFileReader
  private var file: NativeFile
  private var rootIsNative = false
  private var section: NativeFileReader.Section?
  private var seen = NativeFileReader.SeenIDs()
  /// The record being gathered, innermost element last, and the depth of its outermost.
  private var gathering: [ParsedElement] = []
  private var recordDepth = 0
  private var depth = 0
  private var recordCount = 0
  private var throttle = ImportProgressSink.Throttle()
  private let totalBytes: Int

  private init(path: String, displayPath: String, descriptor: Int32, size: Int, blockSize: Int) {
    self.path = path
    self.displayPath = displayPath
    self.descriptor = descriptor
    totalBytes = size
    block = [UInt8](repeating: 0, count: max(blockSize, 1))
    record = StreamedRecord(path: displayPath)
    reader = NativeFileReader(positions: record)
    file = NativeFile(path: displayPath)
  }

  /// Reads and validates the native file at `path`, naming it `displayPath` in diagnostics,
  /// `blockSize` bytes at a time (the outcome does not depend on it).
  static func read(
    path: String, displayPath: String, blockSize: Int = defaultBlockSize
  ) -> Outcome {
    LibXML.initialize()
    let size = RecordSource.fileSize(path)
    guard size > 0 else {
      // As in memory: libxml2 is not asked to parse nothing.
      return .read(
        nil,
        [
          Diagnostic(
            .error, "file is empty", at: SourceLocation(file: displayPath, line: 1, column: 1))
        ])
    }
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else {
      return .read(
        nil,
        [
          Diagnostic(
            .error, "cannot open the file for reading", at: SourceLocation(file: displayPath))
        ])
    }
    defer { close(descriptor) }
    let stream = NativeStream(
      path: path, displayPath: displayPath, descriptor: descriptor, size: size,
      blockSize: blockSize)
    return withExtendedLifetime(stream) { stream.run() }
  }

  private func run() -> Outcome {
    let me = Unmanaged.passUnretained(self).toOpaque()
    var handler = xmlSAXHandler()
    handler.initialized = UInt32(XML_SAX2_MAGIC)
    handler.startElementNs = streamStartElement
    handler.endElementNs = streamEndElement
    // One handler for all text, so the parser never looks for ignorable white space.
    handler.characters = streamCharacters
    handler.ignorableWhitespace = streamCharacters
    handler.internalSubset = streamRejectDoctype
    handler.serror = streamParserError
    guard
      let context = xmlCreateIOParserCtxt(
        &handler, me, streamRead, nil, me, XML_CHAR_ENCODING_NONE)
    else {
      return .read(nil, [Diagnostic(.error, "cannot open the file for reading", at: wholeFile)])
    }
    self.context = context
    defer {
      self.context = nil
      xmlFreeParserCtxt(context)
    }
    // `NOCDATA` also clears the handler's CDATA callback: CDATA arrives as text, as in the tree.
    xmlCtxtUseOptions(context, LibXML.safeOptions)
    guard let validation = XMLSchema.native.newValidationContext() else {
      return .read(nil, [Diagnostic(.error, "cannot validate the file", at: wholeFile)])
    }
    defer { xmlSchemaFreeValidCtxt(validation) }
    xmlSchemaSetValidStructuredErrors(validation, streamSchemaError, me)
    // Plugged into no handler, the validator hands back its own callbacks, which this reader's
    // call after its own work: so the validator sees names as the in-memory tree holds them, and
    // this reader knows which element each of its errors is about.
    let handlerSlot = UnsafeMutablePointer<xmlSAXHandlerPtr?>.allocate(capacity: 1)
    handlerSlot.initialize(to: nil)
    let dataSlot = UnsafeMutablePointer<UnsafeMutableRawPointer?>.allocate(capacity: 1)
    dataSlot.initialize(to: nil)
    defer {
      handlerSlot.deallocate()
      dataSlot.deallocate()
    }
    guard let plug = xmlSchemaSAXPlug(validation, handlerSlot, dataSlot),
      let callbacks = handlerSlot.pointee
    else {
      return .read(nil, [Diagnostic(.error, "cannot validate the file", at: wholeFile)])
    }
    validator = Validator(
      context: dataSlot.pointee, start: callbacks.pointee.startElementNs,
      end: callbacks.pointee.endElementNs, text: callbacks.pointee.characters)
    xmlParseDocument(context)
    let wellFormed = context.pointee.wellFormed != 0
    validator = Validator()
    xmlSchemaSAXUnplug(plug)
    return finish(wellFormed: wellFormed)
  }

  private func finish(wellFormed: Bool) -> Outcome {
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
      diagnostics += reader.diagnostics
      result = file
    } else {
      diagnostics = LibXMLDiagnostics.merged(
        parserDiagnostics, LibXMLDiagnostics(), path: displayPath)
      if diagnostics.isEmpty {
        diagnostics.append(Diagnostic(.error, "file is not well-formed XML", at: wholeFile))
      }
    }
    return .read(result, diagnostics)
  }

  private var wholeFile: SourceLocation { SourceLocation(file: displayPath) }

  // MARK: Input

  /// Reads and scans the next block of the file; false at its end or on a limit broken.
  private func readBlock() -> Bool {
    var filled = 0
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
  fileprivate func fill(_ out: UnsafeMutablePointer<CChar>, length: Int) -> Int32 {
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

  // MARK: Events

  /// A start tag: read by this reader, then by the validator.
  ///
  /// A name whose prefix is not declared (an error already) is given to both as `prefix:name`
  /// with no namespace, which is how the in-memory tree holds it.
  fileprivate func startElement(
    _ localName: UnsafePointer<xmlChar>, _ prefix: UnsafePointer<xmlChar>?,
    _ namespace: UnsafePointer<xmlChar>?, _ namespaceCount: Int32,
    _ namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, _ attributeCount: Int32,
    _ defaulted: Int32, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
  ) {
    let name = qualified(localName, prefix, namespace)
    let count = Int(max(attributeCount, 0))
    var unbound = false
    if let attributes {
      for index in 0..<count
      where attributes[5 * index + 1] != nil && attributes[5 * index + 2] == nil {
        unbound = true
      }
    }
    guard unbound, let attributes else {
      read(name, namespace, count, attributes)
      validator.start?(
        validator.context, name, prefix, namespace, namespaceCount, namespaces, attributeCount,
        defaulted, attributes)
      return
    }
    var copy = Array(UnsafeBufferPointer(start: attributes, count: 5 * count))
    for index in 0..<count {
      if let local = copy[5 * index] {
        copy[5 * index] = qualified(local, copy[5 * index + 1], copy[5 * index + 2])
      }
    }
    copy.withUnsafeMutableBufferPointer { list in
      read(name, namespace, count, list.baseAddress)
      validator.start?(
        validator.context, name, prefix, namespace, namespaceCount, namespaces, attributeCount,
        defaulted, list.baseAddress)
    }
  }

  /// The name as the in-memory tree holds it: `prefix:name` when the prefix is not declared.
  private func qualified(
    _ localName: UnsafePointer<xmlChar>, _ prefix: UnsafePointer<xmlChar>?,
    _ namespace: UnsafePointer<xmlChar>?
  ) -> UnsafePointer<xmlChar> {
    guard let prefix, namespace == nil, let dictionary = context?.pointee.dict,
      let name = xmlDictQLookup(dictionary, prefix, localName)
    else { return localName }
    return name
  }

  private func read(
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
    var start = cursor - 1
    while start > base, start.pointee != UInt8(ascii: "<") { start -= 1 }
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
      var root = element(localName, namespace, attributeCount, attributes, tag: tag, at: place)
      root.children = []
      rootIsNative = reader.readRoot(root, into: &file)
      record.clear()
    case 2 where rootIsNative && native:
      section = NativeFileReader.Section.allCases.first { Self.equal(localName, $0.name) }
      if let section {
        reader.beginSection(section, in: &file)
        seen = NativeFileReader.SeenIDs()
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

  /// An end tag: read by this reader, then by the validator.
  fileprivate func endElement(
    _ localName: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?,
    _ namespace: UnsafePointer<xmlChar>?
  ) {
    readEnd()
    validator.end?(
      validator.context, localName.map { qualified($0, prefix, namespace) }, prefix, namespace)
  }

  /// Text (any part of it): noted by this reader, then checked by the validator.
  fileprivate func characters(_ text: UnsafePointer<xmlChar>?, _ length: Int32) {
    readText()
    validator.text?(validator.context, text, length)
  }

  private func readEnd() {
    target = openElements.popLast()
    liveTag = nil
    textRun = false
    defer { depth -= 1 }
    if gathering.isEmpty {
      if depth == 2 { section = nil }
      return
    }
    let finished = gathering.removeLast()
    if !gathering.isEmpty {
      gathering[gathering.count - 1].children.append(finished)
      return
    }
    if let section, depth == 3 {
      reader.readRecord(finished, of: section, seen: &seen, into: &file)
    } else {
      reader.readTopLevel(finished, into: &file)
    }
    record.clear()
    recordCount += 1
    if throttle.shouldReport() {
      ImportProgressSink.report?(
        ImportProgress(
          file: displayPath, records: recordCount, bytesRead: handed, totalBytes: totalBytes))
    }
  }

  private func readText() {
    target = openElements.last
    liveTag = nil
    if !textRun {
      textRun = true
      textRunMessages.removeAll(keepingCapacity: true)
    }
  }

  /// Adds an element to the record being gathered.
  private func gather(
    _ localName: UnsafePointer<xmlChar>, _ namespace: UnsafePointer<xmlChar>?, _ count: Int,
    _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
    tag: UnsafeBufferPointer<UInt8>, at place: (line: Int, column: Int)
  ) {
    gathering.append(element(localName, namespace, count, attributes, tag: tag, at: place))
  }

  /// The element of a start event, its tag copied into the record for its places.
  private func element(
    _ localName: UnsafePointer<xmlChar>, _ namespace: UnsafePointer<xmlChar>?, _ count: Int,
    _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
    tag: UnsafeBufferPointer<UInt8>, at place: (line: Int, column: Int)
  ) -> ParsedElement {
    var list: [ParsedElement.Attribute] = []
    if let attributes, count > 0 {
      list.reserveCapacity(count)
      for index in 0..<count {
        let fields = attributes + 5 * index
        guard let name = fields[0], let value = fields[3], let end = fields[4] else { continue }
        list.append(
          ParsedElement.Attribute(
            localName: String(cString: name), namespace: Self.namespaceString(fields[2]),
            value: Self.attributeValue(UnsafeBufferPointer(start: value, count: end - value))))
      }
    }
    return ParsedElement(
      localName: String(cString: localName), namespace: Self.namespaceString(namespace),
      attributes: list, children: [], text: "",
      offset: record.add(tag, line: place.line, column: place.column))
  }

  // MARK: Diagnostics

  fileprivate func rejectDoctype() {
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

  fileprivate func parserError(_ error: UnsafeMutablePointer<xmlError>) {
    let raw = error.pointee
    if raw.code == Int32(XML_ERR_USER_STOP.rawValue) { return }
    let severity: Diagnostic.Severity = raw.level == XML_ERR_WARNING ? .warning : .error
    guard parserDiagnostics.wants(severity) else { return }
    parserDiagnostics.add(
      severity, LibXML.readable(string(raw.message)),
      at: SourceLocation(
        file: displayPath, line: Int(raw.line), column: Int(max(raw.int2, 0))))
  }

  fileprivate func schemaError(_ error: UnsafeMutablePointer<xmlError>) {
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

  /// The namespace of a name, sharing one string for the native namespace.
  private static func namespaceString(_ uri: UnsafePointer<xmlChar>?) -> String {
    guard let uri else { return "" }
    return Node.equal(uri, NativeFileReader.namespace)
      ? NativeFileReader.namespace : String(cString: uri)
  }

  /// An attribute value as the in-memory tree holds it.
  ///
  /// Without entity substitution (`XML_PARSE_NOENT` stays off), the parser hands SAX an `&` as
  /// the reference `&#38;`, which the tree builder turns back into `&`; so does this.
  private static func attributeValue(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    guard bytes.contains(UInt8(ascii: "&")) else {
      return String(decoding: bytes, as: UTF8.self)
    }
    let reference = Array("&#38;".utf8)
    var decoded: [UInt8] = []
    decoded.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      if bytes[index] == UInt8(ascii: "&"), index + reference.count <= bytes.count,
        bytes[index..<(index + reference.count)].elementsEqual(reference)
      {
        decoded.append(UInt8(ascii: "&"))
        index += reference.count
      } else {
        decoded.append(bytes[index])
        index += 1
      }
    }
    return String(decoding: decoded, as: UTF8.self)
  }
}

/// libxml2's diagnostics of one kind (the parser's or the validator's), kept as `ParseState`
/// keeps them: every warning, and errors up to one past the cap.
struct LibXMLDiagnostics {
  private(set) var list: [Diagnostic] = []
  private var errors = 0

  /// False for an error past the cap: it need not even be located.
  func wants(_ severity: Diagnostic.Severity) -> Bool {
    severity != .error || errors <= SafeXMLParser.maximumErrors
  }

  mutating func add(_ severity: Diagnostic.Severity, _ message: String, at location: SourceLocation)
  {
    guard wants(severity) else { return }
    if severity == .error { errors += 1 }
    list.append(Diagnostic(severity, message, at: location))
  }

  /// The parser's diagnostics, then the validator's, capped as the in-memory path caps the
  /// two, which it reports in that order.
  static func merged(_ first: Self, _ second: Self, path: String) -> [Diagnostic] {
    var kept: [Diagnostic] = []
    var errors = 0
    for diagnostic in first.list + second.list {
      if diagnostic.severity == .error {
        errors += 1
        if errors == SafeXMLParser.maximumErrors + 1 {
          kept.append(
            Diagnostic(
              .error, "too many errors; stopped reporting after \(SafeXMLParser.maximumErrors)",
              at: SourceLocation(file: path)))
        }
        if errors > SafeXMLParser.maximumErrors { continue }
      }
      kept.append(diagnostic)
    }
    return kept
  }
}

private func readFile(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
  read(descriptor, buffer, count)
}

private func stream(_ context: UnsafeMutableRawPointer?) -> NativeStream? {
  guard let context else { return nil }
  return Unmanaged<NativeStream>.fromOpaque(context).takeUnretainedValue()
}

private let streamRead: xmlInputReadCallback = { context, buffer, length in
  guard let buffer, let reader = stream(context) else { return -1 }
  return reader.fill(buffer, length: Int(max(length, 0)))
}

private let streamStartElement: startElementNsSAX2Func = {
  context, localName, prefix, namespace, namespaceCount, namespaces, attributeCount, defaulted,
  attributes in
  guard let localName, let reader = stream(context) else { return }
  reader.startElement(
    localName, prefix, namespace, namespaceCount, namespaces, attributeCount, defaulted,
    attributes)
}

private let streamEndElement: endElementNsSAX2Func = { context, localName, prefix, namespace in
  stream(context)?.endElement(localName, prefix, namespace)
}

private let streamCharacters: charactersSAXFunc = { context, text, length in
  stream(context)?.characters(text, length)
}

private let streamRejectDoctype: internalSubsetSAXFunc = { context, _, _, _ in
  stream(context)?.rejectDoctype()
}

private let streamParserError: xmlStructuredErrorFunc = { context, error in
  guard let error else { return }
  stream(context)?.parserError(error)
}

private let streamSchemaError: xmlStructuredErrorFunc = { context, error in
  guard let error else { return }
  stream(context)?.schemaError(error)
}
