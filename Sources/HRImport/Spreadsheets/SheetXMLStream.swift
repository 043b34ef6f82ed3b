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

  /// The next event, or `nil` at the end of the part or at the first error.
  func next() -> Event? {
    guard let reader, !failed else { return nil }
    while true {
      let status = xmlTextReaderRead(reader)
      guard status == 1 else {
        if status == -1 { failed = true }
        return nil
      }
      switch xmlTextReaderNodeType(reader) {
      case Int32(XML_READER_TYPE_ELEMENT.rawValue):
        return .start(
          name: string(xmlTextReaderConstLocalName(reader)),
          namespace: string(xmlTextReaderConstNamespaceUri(reader)),
          isEmpty: xmlTextReaderIsEmptyElement(reader) == 1)
      case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
        return .end(
          name: string(xmlTextReaderConstLocalName(reader)),
          namespace: string(xmlTextReaderConstNamespaceUri(reader)))
      case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
        Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue),
        Int32(XML_READER_TYPE_WHITESPACE.rawValue):
        return .text(string(xmlTextReaderConstValue(reader)))
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
