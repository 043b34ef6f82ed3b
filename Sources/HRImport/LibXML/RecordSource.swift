internal import CLibXML2
import Foundation
import SkillsGraph

/// Feeds a vendor reader its records (one person, one time-off request, one Atom entry…), from a
/// tree in memory for ordinary files and from libxml2's SAX2 parser for large ones (each record
/// built as a small tree of its own, `RecordTreeBuilder`, and read on a thread of its own while
/// the parse goes on, `RecordHandoff`).
///
/// Both ways apply the native reader's safety rules: no DOCTYPE (so no entity can be declared,
/// hence no XXE and no expansion bomb), no network, the deny-all entity loader, libxml2's depth
/// and size limits left on.
enum RecordSource {
  /// Files up to this size are parsed into memory, which gives exact columns in diagnostics; larger
  /// files stream one record at a time so memory stays flat.
  static let defaultStreamingThreshold = ImportOptions().streamingThreshold

  /// The bytes a streamed file is read, scanned and parsed in at a time.
  static let defaultChunkSize = 256 << 10

  /// Calls `body` with every element for which `isRecord` holds, in document order, without
  /// looking inside records.
  ///
  /// A streamed file is scanned, parsed and read on three threads, or with `oneThread` on the
  /// caller's alone (for files read several at once, `ImportOptions.streamsOnOneThread`).
  ///
  /// - Returns: libxml2's diagnostics, whether the file was read to its end, and whether what
  ///   `body` read must be dropped (a streamed file found to break an `InputLimits` limit after
  ///   its first records were read: the file is refused as a whole, with that one error).
  /// - Throws: `ImportError.missingInput` when the file cannot be read.
  static func read(
    path: String, displayPath: String, streamAbove threshold: Int,
    chunkSize: Int = defaultChunkSize, oneThread: Bool = false, isRecord: (Node) -> Bool,
    intern: (xmlDictPtr) -> Void = { _ in }, body: (Node, Locator) -> Void
  ) throws(ImportError) -> (diagnostics: [Diagnostic], wellFormed: Bool, discard: Bool) {
    let size = fileSize(path)
    if size > threshold {
      return stream(
        path: path, displayPath: displayPath, chunkSize: chunkSize, oneThread: oneThread,
        isRecord: isRecord,
        intern: intern, body: body)
    }
    let bytes = try SafeXMLParser.readFile(path: path, displayPath: displayPath)
    var records = 0
    let (done, _, diagnostics): (Void?, _, _) = SafeXMLParser.withTree(
      bytes: bytes, displayPath: displayPath
    ) {
      root, _, state in
      let locator = Locator(path: displayPath, state: state)
      walk(Node(root), isRecord: isRecord) {
        records += 1
        body($0, locator)
      }
    }
    ImportProgressSink.report?(
      ImportProgress(file: displayPath, records: records, bytesRead: size, totalBytes: size))
    return (diagnostics, done != nil, false)
  }

  private static func walk(_ node: Node, isRecord: (Node) -> Bool, body: (Node) -> Void) {
    if isRecord(node) {
      body(node)
      return
    }
    for child in node.elements { walk(child, isRecord: isRecord, body: body) }
  }

  static func fileSize(_ path: String) -> Int {
    let attributes = try? FileManager.default.attributesOfItem(atPath: path)
    return (attributes?[.size] as? NSNumber)?.intValue ?? 0
  }

  /// Streams the file through libxml2's push parser, building each record as a small tree that
  /// is freed once `body` has read it (see `RecordTreeBuilder`).
  ///
  /// The `InputLimits` scan runs on a thread of its own a few chunks ahead of the parse, which
  /// only gets what the scan has cleared (`ScanAhead`); a violation anywhere in the file is
  /// reported alone, as when the scan ran over the whole file first, and then `discard` is
  /// true: what `body` read must be dropped. With `oneThread`, the scan, the parse and `body`
  /// take turns on the caller's thread instead, with the same outcome.
  private static func stream(
    path: String, displayPath: String, chunkSize: Int, oneThread: Bool,
    isRecord: (Node) -> Bool,
    intern: (xmlDictPtr) -> Void, body: (Node, Locator) -> Void
  ) -> (diagnostics: [Diagnostic], wellFormed: Bool, discard: Bool) {
    LibXML.initialize()
    if doctypeInProlog(path: path, displayPath: displayPath) != nil {
      return ([doctypeDiagnostic(path: path, displayPath: displayPath)], false, false)
    }
    let collector = StreamErrors(path: displayPath)
    guard let file = fopen(path, "rb") else {
      return (
        [Diagnostic(.error, "cannot open the file for reading", at: collector.wholeFile)], false,
        false
      )
    }
    defer { fclose(file) }
    let scan = ScanAhead(file: file, chunkSize: chunkSize, threaded: !oneThread)
    let locator = Locator(path: displayPath)
    let size = fileSize(path)
    var throttle = ImportProgressSink.Throttle()
    var refusal: Diagnostic?
    var parser: xmlParserCtxtPtr?
    // Where the record being built starts (the bytes consumed at its start tag) and its name.
    var recordStart = 0
    var recordName = ""
    var tagNames = StartTagNames(path: path)
    var wellFormed = false
    var records = 0
    var sawDoctype = false
    // The parse runs on a thread of its own; the records are read here, beside it (see
    // `RecordHandoff` for why this way round). On one thread, the parse calls `body` itself.
    let handoff = oneThread ? nil : RecordHandoff()
    var readHere = 0
    func parse() {
      withoutActuallyEscaping(isRecord) { isRecord in
        withoutActuallyEscaping(body) { body in
          LibXML.initialize()  // silences libxml2's generic error printer on this thread
          let builder = RecordTreeBuilder(
            errors: collector, isRecord: isRecord,
            started: { record in
              recordStart = parser.map { Int(xmlByteConsumed($0)) } ?? 0
              recordName = string(record.pointer.pointee.name)
            }, handoff: handoff,
            body: { record in
              // Only without `handoff`: records read on the parsing thread, as they end.
              body(record, locator)
              readHere += 1
              if throttle.shouldReport(), let parser {
                ImportProgressSink.report?(
                  ImportProgress(
                    file: displayPath, records: readHere,
                    bytesRead: Int(xmlByteConsumed(parser)), totalBytes: size))
              }
            })
          let empty = UnsafeRawBufferPointer(start: nil, count: 0)
          let outcome = ChunkedParse.run(
            builder: builder, displayPath: displayPath,
            created: {
              parser = $0
              if let dictionary = $0.pointee.dict { intern(dictionary) }
            },
            next: {
              guard let chunk = scan.next() else { return empty }
              // A record is refused before the chunk that would make it too large is parsed.
              if builder.inRecord,
                let large = oversized(
                  scan.largeElements(count: chunk.largeCount), open: chunk.openLarge,
                  at: recordStart, named: recordName, tagNames: &tagNames)
              {
                refusal = recordTooLarge(
                  large, limits: scan.limits, path: path, displayPath: displayPath)
                if let parser { xmlStopParser(parser) }
                return empty
              }
              return chunk.bytes
            })
          sawDoctype = builder.sawDoctype
          wellFormed = outcome && !sawDoctype
          records = builder.records
        }
      }
    }
    if let handoff {
      Alongside.run(
        background: { parse() },
        foreground: {
          handoff.consume(body: { body($0, locator) }) { read, bytesRead in
            if throttle.shouldReport() {
              ImportProgressSink.report?(
                ImportProgress(
                  file: displayPath, records: read, bytesRead: bytesRead, totalBytes: size))
            }
          }
        })
    } else {
      parse()
    }
    if let violation = scan.finish() {
      let (line, column) = InputLimits.position(ofOffset: violation.offset, path: path)
      return (
        [
          Diagnostic(
            .error, violation.message,
            at: SourceLocation(file: displayPath, line: line, column: column))
        ], false, true
      )
    }
    ImportProgressSink.report?(
      ImportProgress(file: displayPath, records: records, bytesRead: size, totalBytes: size))
    if sawDoctype {
      collector.diagnostics.append(doctypeDiagnostic(path: path, displayPath: displayPath))
      return (collector.diagnostics, false, false)
    }
    if let refusal {
      collector.diagnostics.append(refusal)
      return (collector.diagnostics, false, false)
    }
    if !wellFormed, !collector.diagnostics.contains(where: { $0.severity == .error }) {
      collector.diagnostics.append(
        Diagnostic(.error, "file is not well-formed XML", at: collector.wholeFile))
    }
    return (collector.diagnostics, wellFormed, false)
  }

  /// The refusal of a record larger than `InputLimits.recordSize`, at its start tag.
  private static func recordTooLarge(
    _ large: InputLimits.LargeElement, limits: InputLimits, path: String, displayPath: String
  ) -> Diagnostic {
    let (line, column) = InputLimits.position(ofOffset: large.offset, path: path)
    return Diagnostic(
      .error,
      "record <\(large.name)> is larger than \(limits.recordSize >> 20) MiB (limit "
        + "\(limits.recordSize >> 20) MiB per record)",
      at: SourceLocation(file: displayPath, line: line, column: column))
  }

  /// The large element the parse is in at byte `consumed` (just past a record's start tag), if
  /// it is the record named `localName`: the innermost element known to be larger than the
  /// record limit that holds that byte, among those the scan has seen end (`ended`) and those
  /// still open but already too large (`open`, start offsets; their names are read from their
  /// start tags).
  private static func oversized(
    _ ended: [InputLimits.LargeElement], open: [Int], at consumed: Int, named localName: String,
    tagNames: inout StartTagNames
  ) -> InputLimits.LargeElement? {
    var holding = ended.filter { $0.offset <= consumed && consumed < $0.end }
    for offset in open where offset <= consumed {
      holding.append(InputLimits.LargeElement(offset: offset, end: Int.max, name: ""))
    }
    guard var innermost = holding.max(by: { $0.offset < $1.offset }) else { return nil }
    if innermost.end == Int.max { innermost.name = tagNames.name(at: innermost.offset) }
    let local = innermost.name.split(separator: ":").last.map(String.init) ?? innermost.name
    return local == localName ? innermost : nil
  }

  /// The place of a DOCTYPE in the file's prolog (after the XML declaration, comments and
  /// processing instructions, before the root element), or `nil` when there is none.
  ///
  /// Checked before libxml2 reads anything, so a file with a DOCTYPE is refused for that reason
  /// even when its entities would also make the parser fail further on.
  static func doctypeInProlog(path: String, displayPath: String) -> SourceLocation? {
    guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? handle.close() }
    let bytes = [UInt8]((try? handle.read(upToCount: 1 << 16)) ?? Data())
    func starts(_ text: String, at index: Int) -> Bool {
      let marker = Array(text.utf8)
      return index + marker.count <= bytes.count
        && bytes[index..<(index + marker.count)].elementsEqual(marker)
    }
    func skip(to terminator: String, from index: Int) -> Int? {
      var cursor = index
      while cursor < bytes.count {
        if starts(terminator, at: cursor) { return cursor + terminator.utf8.count }
        cursor += 1
      }
      return nil
    }
    var index = starts("\u{FEFF}", at: 0) ? 3 : 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
        index += 1
      } else if starts("<?", at: index) {
        guard let next = skip(to: "?>", from: index + 2) else { return nil }
        index = next
      } else if starts("<!--", at: index) {
        guard let next = skip(to: "-->", from: index + 4) else { return nil }
        index = next
      } else if starts("<!DOCTYPE", at: index) {
        return SourceText(path: displayPath, bytes: Array(bytes[..<min(bytes.count, index + 1)]))
          .location(ofOffset: index)
      } else {
        return nil
      }
    }
    return nil
  }

  /// The first of `InputLimits` the file breaks, as an error at the place that breaks it.
  static func limitDiagnostic(
    path: String, displayPath: String, startTags: Int? = nil
  ) -> Diagnostic? {
    guard let violation = InputLimits.standard.check(path: path, startTags: startTags) else {
      return nil
    }
    return Diagnostic(
      .error, violation.message,
      at: SourceLocation(file: displayPath, line: violation.line, column: violation.column))
  }

  /// The refusal of a DOCTYPE, placed exactly by scanning the file's prolog for it.
  static func doctypeDiagnostic(path: String, displayPath: String) -> Diagnostic {
    let location =
      doctypeInProlog(path: path, displayPath: displayPath) ?? SourceLocation(file: displayPath)
    return Diagnostic(
      .error,
      "DOCTYPE declarations are not accepted: HR exports never need one, and entity "
        + "declarations can read local files or expand without bound", at: location)
  }

  /// A file's first elements, or the diagnostics that stopped the look at them (`peek`).
  typealias Peek = (names: [QualifiedName], diagnostics: [Diagnostic])

  /// The qualified names of the first few elements, in document order: enough to recognise
  /// the format (a SOAP envelope's body, a wrapper around BODs), without reading the file.
  ///
  /// - Returns: the names, or the diagnostics that stopped the peek (a DOCTYPE, broken XML).
  static func peek(path: String, displayPath: String, count: Int = 8) -> Peek {
    LibXML.initialize()
    if doctypeInProlog(path: path, displayPath: displayPath) != nil {
      return ([], [doctypeDiagnostic(path: path, displayPath: displayPath)])
    }
    // Only the first start tags: the reader stops after `count` elements.
    if let refusal = limitDiagnostic(path: path, displayPath: displayPath, startTags: count + 8) {
      return ([], [refusal])
    }
    let collector = StreamErrors(path: displayPath)
    guard let reader = xmlReaderForFile(path, nil, LibXML.streamOptions) else {
      return ([], [Diagnostic(.error, "cannot open the file for reading", at: collector.wholeFile)])
    }
    defer { xmlFreeTextReader(reader) }
    let unmanaged = Unmanaged.passRetained(collector)
    defer { unmanaged.release() }
    xmlTextReaderSetStructuredErrorHandler(reader, collectStreamError, unmanaged.toOpaque())
    var names: [QualifiedName] = []
    var status = xmlTextReaderRead(reader)
    while status == 1, names.count < count {
      let type = xmlTextReaderNodeType(reader)
      if type == Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue) {
        return ([], [doctypeDiagnostic(path: path, displayPath: displayPath)])
      }
      if type == Int32(XML_READER_TYPE_ELEMENT.rawValue) {
        names.append(
          QualifiedName(
            namespace: string(xmlTextReaderConstNamespaceUri(reader)),
            localName: string(xmlTextReaderConstLocalName(reader)),
            line: xmlTextReaderCurrentNode(reader).map { Int(xmlGetLineNo($0)) } ?? 0))
      }
      status = xmlTextReaderRead(reader)
    }
    let errors = collector.diagnostics.filter { $0.severity == .error }
    if names.isEmpty, errors.isEmpty {
      return ([], [Diagnostic(.error, "file holds no XML element", at: collector.wholeFile)])
    }
    return (names, errors)
  }
}

/// Diagnostics collected from `xmlTextReader`'s structured error callback.
final class StreamErrors {
  let path: String
  var diagnostics: [Diagnostic] = []

  init(path: String) { self.path = path }

  var wholeFile: SourceLocation { SourceLocation(file: path) }

  func report(_ error: UnsafeMutablePointer<xmlError>) {
    let raw = error.pointee
    if raw.code == Int32(XML_ERR_USER_STOP.rawValue) { return }
    guard diagnostics.count < SafeXMLParser.maximumErrors else { return }
    let severity: Diagnostic.Severity = raw.level == XML_ERR_WARNING ? .warning : .error
    diagnostics.append(
      Diagnostic(
        severity, LibXML.readable(string(raw.message)),
        at: SourceLocation(file: path, line: Int(raw.line), column: Int(max(raw.int2, 0)))))
  }
}

let collectStreamError: xmlStructuredErrorFunc = { context, error in
  guard let context, let error else { return }
  Unmanaged<StreamErrors>.fromOpaque(context).takeUnretainedValue().report(error)
}
