internal import CLibXML2
import Foundation

/// Feeds a vendor reader its records (one person, one time-off request, one Atom entry…), from a
/// tree in memory for ordinary files and from libxml2's `xmlTextReader` for large ones.
///
/// Both ways apply the native reader's safety rules: no DOCTYPE (so no entity can be declared,
/// hence no XXE and no expansion bomb), no network, the deny-all entity loader, libxml2's depth
/// and size limits left on.
enum RecordSource {
  /// Files up to this size are parsed into memory, which gives exact columns in diagnostics; larger
  /// files stream one record at a time so memory stays flat.
  static let defaultStreamingThreshold = ImportOptions().streamingThreshold

  /// Calls `body` with every element for which `isRecord` holds, in document order, without
  /// looking inside records.
  ///
  /// - Returns: libxml2's diagnostics, and whether the file was read to its end.
  /// - Throws: `ImportError.missingInput` when the file cannot be read.
  static func read(
    path: String, displayPath: String, streamAbove threshold: Int,
    isRecord: (Node) -> Bool, body: (Node, Locator) -> Void
  ) throws(ImportError) -> (diagnostics: [Diagnostic], wellFormed: Bool) {
    let size = fileSize(path)
    if size > threshold {
      return stream(path: path, displayPath: displayPath, isRecord: isRecord, body: body)
    }
    let bytes = try SafeXMLParser.readFile(path: path, displayPath: displayPath)
    var records = 0
    let (done, _, diagnostics) = SafeXMLParser.withTree(bytes: bytes, displayPath: displayPath) {
      root, _, state in
      let locator = Locator(path: displayPath, state: state)
      walk(Node(root), isRecord: isRecord) {
        records += 1
        body($0, locator)
      }
    }
    ImportProgressSink.report?(
      ImportProgress(file: displayPath, records: records, bytesRead: size, totalBytes: size))
    return (diagnostics, done != nil)
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

  /// Streams the file with `xmlTextReader`, expanding each record into a small subtree that the
  /// reader frees once it moves past it.
  private static func stream(
    path: String, displayPath: String, isRecord: (Node) -> Bool, body: (Node, Locator) -> Void
  ) -> (diagnostics: [Diagnostic], wellFormed: Bool) {
    LibXML.initialize()
    if doctypeInProlog(path: path, displayPath: displayPath) != nil {
      return ([doctypeDiagnostic(path: path, displayPath: displayPath)], false)
    }
    // One linear pass over the bytes before libxml2 reads them (see `InputLimits`).
    let limits = InputLimits.standard
    let scan = limits.scan(path: path)
    if let violation = scan.violation {
      return (
        [
          Diagnostic(
            .error, violation.message,
            at: SourceLocation(file: displayPath, line: violation.line, column: violation.column))
        ], false
      )
    }
    let largeElements = scan.largeElements.sorted { $0.offset < $1.offset }
    let collector = StreamErrors(path: displayPath)
    guard let reader = xmlReaderForFile(path, nil, LibXML.streamOptions) else {
      return (
        [Diagnostic(.error, "cannot open the file for reading", at: collector.wholeFile)], false
      )
    }
    defer { xmlFreeTextReader(reader) }
    let unmanaged = Unmanaged.passRetained(collector)
    defer { unmanaged.release() }
    xmlTextReaderSetStructuredErrorHandler(reader, collectStreamError, unmanaged.toOpaque())
    let locator = Locator(path: displayPath)
    let size = fileSize(path)
    var records = 0
    var throttle = ImportProgressSink.Throttle()
    defer {
      ImportProgressSink.report?(
        ImportProgress(file: displayPath, records: records, bytesRead: size, totalBytes: size))
    }
    var status = xmlTextReaderRead(reader)
    while status == 1 {
      let type = xmlTextReaderNodeType(reader)
      if type == Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue) {
        collector.diagnostics.append(doctypeDiagnostic(path: path, displayPath: displayPath))
        return (collector.diagnostics, false)
      }
      if type == Int32(XML_READER_TYPE_ELEMENT.rawValue),
        let current = xmlTextReaderCurrentNode(reader),
        isRecord(Node(current))
      {
        if let large = oversized(
          largeElements, at: Int(xmlTextReaderByteConsumed(reader)),
          named: string(xmlTextReaderConstLocalName(reader)))
        {
          let (line, column) = InputLimits.position(ofOffset: large.offset, path: path)
          collector.diagnostics.append(
            Diagnostic(
              .error,
              "record <\(large.name)> is larger than \(limits.recordSize >> 20) MiB (limit "
                + "\(limits.recordSize >> 20) MiB per record)",
              at: SourceLocation(file: displayPath, line: line, column: column)))
          return (collector.diagnostics, false)
        }
        guard let expanded = xmlTextReaderExpand(reader) else {
          status = -1
          break
        }
        body(Node(expanded), locator)
        records += 1
        if throttle.shouldReport() {
          ImportProgressSink.report?(
            ImportProgress(
              file: displayPath, records: records,
              bytesRead: Int(xmlTextReaderByteConsumed(reader)), totalBytes: size))
        }
        status = xmlTextReaderNext(reader)
        continue
      }
      status = xmlTextReaderRead(reader)
    }
    if status == -1, !collector.diagnostics.contains(where: { $0.severity == .error }) {
      collector.diagnostics.append(
        Diagnostic(.error, "file is not well-formed XML", at: collector.wholeFile))
    }
    return (collector.diagnostics, status != -1)
  }

  /// The large element the reader is in when it has read up to byte `consumed`, if it is the
  /// record named `localName`: the innermost element larger than the record limit that holds
  /// that byte (the reader runs a little ahead of the start tag it returns, never past the
  /// record's end).
  private static func oversized(
    _ elements: [InputLimits.LargeElement], at consumed: Int, named localName: String
  ) -> InputLimits.LargeElement? {
    guard !elements.isEmpty else { return nil }
    let holding = elements.last { $0.offset <= consumed && consumed < $0.end }
    guard let holding else { return nil }
    let local = holding.name.split(separator: ":").last.map(String.init) ?? holding.name
    return local == localName ? holding : nil
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

  /// The qualified names of the first few elements, in document order: enough to recognise
  /// the format (a SOAP envelope's body, a wrapper around BODs), without reading the file.
  ///
  /// - Returns: the names, or the diagnostics that stopped the peek (a DOCTYPE, broken XML).
  static func peek(
    path: String, displayPath: String, count: Int = 8
  )
    -> (names: [QualifiedName], diagnostics: [Diagnostic])
  {
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
