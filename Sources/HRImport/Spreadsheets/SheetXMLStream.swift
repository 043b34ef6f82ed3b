internal import CLibXML2

/// A pull parser over one XML part of a spreadsheet (a worksheet, the shared strings), on
/// libxml2's `xmlTextReader`, so a 10,000-row sheet streams instead of becoming a tree.
///
/// The project's safety rules hold: `LibXML.streamOptions` (no network, no entity substitution,
/// no DTD loading, libxml2's limits on), the deny-all entity loader, and any DOCTYPE stops the
/// read with an error. libxml2's errors are collected, never printed.
final class SheetXMLStream {
  enum Event {
    /// An element starts; `isEmpty` for `<c/>`, which has no matching end.
    case start(name: String, namespace: String, isEmpty: Bool)
    case end(name: String, namespace: String)
    case text(String)
  }

  private let buffer: UnsafeMutableRawBufferPointer
  private let reader: xmlTextReaderPtr?
  private let errors: StreamErrors
  /// The part's name for messages: `people.xlsx (xl/worksheets/sheet1.xml)`.
  let partName: String
  private(set) var failed = false

  /// Starts reading `bytes`, copied so libxml2's reader may keep pointing at them.
  init(bytes: [UInt8], partName: String) {
    LibXML.initialize()
    self.partName = partName
    let buffer = UnsafeMutableRawBufferPointer.allocate(
      byteCount: max(bytes.count, 1), alignment: 1)
    bytes.withUnsafeBytes { buffer.copyMemory(from: $0) }
    self.buffer = buffer
    errors = StreamErrors(path: partName)
    // Before libxml2 sees a byte: its attribute handling is quadratic in a tag's attributes,
    // and a part of a few hundred kilobytes could keep it busy for seconds.
    if let violation = bytes.withUnsafeBytes({ InputLimits.standard.check($0) }) {
      errors.diagnostics.append(
        Diagnostic(
          .error, violation.message,
          at: SourceLocation(file: partName, line: violation.line, column: violation.column)))
      reader = nil
      failed = true
      return
    }
    reader = buffer.baseAddress.flatMap {
      xmlReaderForMemory(
        $0.assumingMemoryBound(to: CChar.self), Int32(clamping: bytes.count), nil, nil,
        LibXML.streamOptions)
    }
    if let reader {
      xmlTextReaderSetStructuredErrorHandler(
        reader, collectSheetStreamError, Unmanaged.passUnretained(errors).toOpaque())
    } else {
      failed = true
    }
  }

  deinit {
    if let reader { xmlFreeTextReader(reader) }
    buffer.deallocate()
  }

  /// What ``advance()`` stopped at.
  enum Node {
    case start, end, text
  }

  /// The next event, or `nil` at the end of the part or at the first error.
  func next() -> Event? {
    guard let reader, let node = advance() else { return nil }
    switch node {
    case .start:
      return .start(
        name: string(xmlTextReaderConstLocalName(reader)),
        namespace: string(xmlTextReaderConstNamespaceUri(reader)), isEmpty: isEmptyElement)
    case .end:
      return .end(
        name: string(xmlTextReaderConstLocalName(reader)),
        namespace: string(xmlTextReaderConstNamespaceUri(reader)))
    case .text:
      return .text(string(xmlTextReaderConstValue(reader)))
    }
  }

  /// Moves to the next element start, element end or text, making no strings; `nil` at the end
  /// of the part or at the first error.
  ///
  /// The worksheet reader uses this with ``localNameIs(_:)`` and ``forEachAttribute(_:)``:
  /// a 10,000 × 500 matrix has five million cells, and a string per name, attribute and value
  /// was most of its reading time.
  func advance() -> Node? {
    guard let reader, !failed else { return nil }
    while true {
      let status = xmlTextReaderRead(reader)
      guard status == 1 else {
        if status == -1 { failed = true }
        return nil
      }
      switch xmlTextReaderNodeType(reader) {
      case Int32(XML_READER_TYPE_ELEMENT.rawValue): return .start
      case Int32(XML_READER_TYPE_END_ELEMENT.rawValue): return .end
      case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
        Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue),
        Int32(XML_READER_TYPE_WHITESPACE.rawValue):
        return .text
      case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue):
        failed = true
        errors.diagnostics.append(
          Diagnostic(
            .error,
            "DOCTYPE declarations are not accepted in a spreadsheet's XML: entity "
              + "declarations can read local files or expand without bound",
            at: errors.wholeFile))
        return nil
      default:
        continue
      }
    }
  }

  /// True for `<c/>`, which has no matching end.
  var isEmptyElement: Bool {
    reader.map { xmlTextReaderIsEmptyElement($0) == 1 } ?? false
  }

  /// Whether the element at hand (started or ended) has this local name, in any namespace.
  func localNameIs(_ name: StaticString) -> Bool {
    guard let reader, let local = xmlTextReaderConstLocalName(reader) else { return false }
    return name.withUTF8Buffer { expected in
      expected.withMemoryRebound(to: xmlChar.self) { xmlStrEqual(local, $0.baseAddress) != 0 }
    }
  }

  /// The text at hand, as bytes valid until the next move.
  func withText<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    guard let reader, let value = xmlTextReaderConstValue(reader) else {
      return body(UnsafeBufferPointer(start: nil, count: 0))
    }
    return body(UnsafeBufferPointer(start: value, count: Int(xmlStrlen(value))))
  }

  /// Calls `body` with each attribute of the element just started that has no namespace: its
  /// local name and its value, as bytes valid during the call.
  func forEachAttribute(
    _ body: (_ name: UnsafeBufferPointer<UInt8>, _ value: UnsafeBufferPointer<UInt8>) -> Void
  ) {
    guard let reader else { return }
    guard xmlTextReaderMoveToFirstAttribute(reader) == 1 else { return }
    repeat {
      if xmlTextReaderConstNamespaceUri(reader) == nil,
        let name = xmlTextReaderConstLocalName(reader)
      {
        let value = xmlTextReaderConstValue(reader)
        body(
          UnsafeBufferPointer(start: name, count: Int(xmlStrlen(name))),
          UnsafeBufferPointer(start: value, count: value.map { Int(xmlStrlen($0)) } ?? 0))
      }
    } while xmlTextReaderMoveToNextAttribute(reader) == 1
    xmlTextReaderMoveToElement(reader)
  }

  /// An attribute of the element just started, by local name and namespace (empty for none).
  func attribute(_ localName: String, namespace: String = "") -> String? {
    guard let reader else { return nil }
    let value =
      namespace.isEmpty
      ? xmlTextReaderGetAttribute(reader, localName)
      : xmlTextReaderGetAttributeNs(reader, localName, namespace)
    guard let value else { return nil }
    defer { clibxml2_free(value) }
    return string(value)
  }

  /// Every error libxml2 reported, plus one when the part ended early without saying why.
  var diagnostics: [Diagnostic] {
    var found = errors.diagnostics
    if failed, !found.contains(where: { $0.severity == .error }) {
      found.append(Diagnostic(.error, "part is not well-formed XML", at: errors.wholeFile))
    }
    return found
  }
}

private let collectSheetStreamError: xmlStructuredErrorFunc = { context, error in
  guard let context, let error else { return }
  Unmanaged<StreamErrors>.fromOpaque(context).takeUnretainedValue().report(error)
}
