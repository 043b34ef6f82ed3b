internal import CLibXML2
import Foundation

/// Parses one untrusted XML file with libxml2 into plain `ParsedElement` values.
///
/// HR exports come from outside, so the parser is locked down (measured in `docs/hr-exports.md`):
/// any DOCTYPE stops the parse before an entity can be declared (which rules out XXE and entity
/// expansion bombs), no network, a loader that refuses every external entity, libxml2's own
/// depth and size limits left on (never `HUGE`, `NOENT`, `DTDLOAD` or `RECOVER`). Every error
/// libxml2 reports is kept with its line and column; nothing is printed.
struct SafeXMLParser {
  /// Files above this size are refused before parsing, so a mistaken path cannot exhaust memory.
  static let maximumFileSize = 256 << 20
  /// Errors kept per file; past that the rest are summarised in one line.
  static let maximumErrors = 50

  /// The error that stands for every error past `maximumErrors` in a file.
  static var tooManyErrors: String { "too many errors; stopped reporting after \(maximumErrors)" }

  /// What a parse produced: the tree when the file is well-formed (and valid, when a schema was
  /// given), and every diagnostic found either way.
  struct Result {
    var root: ParsedElement?
    var source: SourceText
    var diagnostics: [Diagnostic]
  }

  /// Reads and parses the file at `path`, naming it `displayPath` in diagnostics.
  ///
  /// - Throws: `ImportError.missingInput` when the file does not exist or cannot be read.
  static func parse(
    path: String, displayPath: String, schema: XMLSchema? = nil
  ) throws(ImportError)
    -> Result
  {
    let bytes = try readFile(path: path, displayPath: displayPath)
    return parse(bytes: bytes, displayPath: displayPath, schema: schema)
  }

  /// Parses bytes already in memory, naming them `displayPath` in diagnostics.
  static func parse(bytes: [UInt8], displayPath: String, schema: XMLSchema? = nil) -> Result {
    let (root, source, diagnostics) = withTree(
      bytes: bytes, displayPath: displayPath, schema: schema
    ) { node, document, state in
      convert(node, document: document, state: state)
    }
    return Result(root: root, source: source, diagnostics: diagnostics)
  }

  /// Parses bytes and hands the libxml2 root element to `body` while the tree is alive.
  ///
  /// The vendor profiles read libxml2's nodes directly (see `Node`); `state` locates any node
  /// to its exact line and column. `body` is not called when the file is not well-formed.
  static func withTree<T>(
    bytes: [UInt8], displayPath: String, schema: XMLSchema? = nil,
    body: (UnsafeMutablePointer<xmlNode>, UnsafeMutablePointer<xmlDoc>, ParseState) -> T
  ) -> (T?, SourceText, [Diagnostic]) {
    LibXML.initialize()
    let source = SourceText(path: displayPath, bytes: bytes)
    let state = ParseState(source: source)
    guard bytes.count <= maximumFileSize else {
      state.report(
        .error, "file is larger than \(maximumFileSize >> 20) MiB; split it or raise no limit",
        at: source.wholeFile)
      return (nil, source, state.diagnostics)
    }
    // Before libxml2 sees a byte: its attribute handling is quadratic in a tag's attributes.
    if let violation = bytes.withUnsafeBytes({ InputLimits.standard.check($0) }) {
      state.report(
        .error, violation.message,
        at: SourceLocation(file: displayPath, line: violation.line, column: violation.column))
      return (nil, source, state.diagnostics)
    }
    let value: T? = bytes.withUnsafeBufferPointer { buffer in
      buffer.baseAddress.flatMap { base in
        base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
          parseDocument(chars, count: buffer.count, state: state, schema: schema, body: body)
        }
      }
    }
    if bytes.isEmpty {
      state.report(
        .error, "file is empty", at: SourceLocation(file: displayPath, line: 1, column: 1))
    }
    return (value, source, state.diagnostics)
  }

  private static func parseDocument<T>(
    _ chars: UnsafePointer<CChar>, count: Int, state: ParseState, schema: XMLSchema?,
    body: (UnsafeMutablePointer<xmlNode>, UnsafeMutablePointer<xmlDoc>, ParseState) -> T
  ) -> T? {
    guard let context = xmlCreateMemoryParserCtxt(chars, Int32(count)) else { return nil }
    defer { xmlFreeParserCtxt(context) }
    let unmanaged = Unmanaged.passRetained(state)
    defer { unmanaged.release() }
    context.pointee._private = unmanaged.toOpaque()
    if let sax = context.pointee.sax {
      sax.pointee.internalSubset = rejectDoctype
      sax.pointee.startElementNs = recordElementStart
      sax.pointee.serror = collectParserError
    }
    xmlCtxtUseOptions(context, LibXML.safeOptions)
    xmlParseDocument(context)
    let document = context.pointee.myDoc
    defer { if let document { xmlFreeDoc(document) } }
    guard context.pointee.wellFormed != 0, !state.sawDoctype, let document,
      let rootNode = xmlDocGetRootElement(document)
    else {
      if state.diagnostics.isEmpty {
        state.report(.error, "file is not well-formed XML", at: state.source.wholeFile)
      }
      return nil
    }
    // A schema-invalid file is still converted: its per-file checks (duplicate ids, names,
    // dates) then run too, so one run lists everything to fix.
    _ = schema?.validate(document, state: state)
    return body(rootNode, document, state)
  }

  private static func convert(
    _ node: UnsafeMutablePointer<xmlNode>, document: UnsafeMutablePointer<xmlDoc>,
    state: ParseState
  ) -> ParsedElement {
    var attributes: [ParsedElement.Attribute] = []
    var property = node.pointee.properties
    while let attribute = property {
      let value = xmlNodeListGetString(document, attribute.pointee.children, 1)
      attributes.append(
        ParsedElement.Attribute(
          localName: string(attribute.pointee.name),
          namespace: string(attribute.pointee.ns?.pointee.href),
          value: string(value)))
      if let value { clibxml2_free(value) }
      property = attribute.pointee.next
    }
    var children: [ParsedElement] = []
    var text = ""
    var child = node.pointee.children
    while let current = child {
      switch current.pointee.type {
      case XML_ELEMENT_NODE:
        children.append(convert(current, document: document, state: state))
      case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
        text += string(current.pointee.content)
      default:
        break
      }
      child = current.pointee.next
    }
    return ParsedElement(
      localName: string(node.pointee.name), namespace: string(node.pointee.ns?.pointee.href),
      attributes: attributes, children: children, text: text,
      offset: state.offsets[UnsafeMutableRawPointer(node)] ?? 0)
  }

  static func readFile(path: String, displayPath: String) throws(ImportError) -> [UInt8] {
    try InputFiles.checkReadable(path, displayPath: displayPath)
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw .missingInput(path: displayPath, reason: "cannot be read (permission denied?)")
    }
    defer { try? handle.close() }
    do {
      let data = try handle.readToEnd() ?? Data()
      return [UInt8](data)
    } catch {
      throw .missingInput(
        path: displayPath, reason: "cannot be read: \(error.localizedDescription)")
    }
  }
}

/// Everything one parse accumulates; reached from libxml2's C callbacks through `_private`.
final class ParseState {
  let source: SourceText
  /// Element node → byte offset of its `<`, recorded as libxml2 builds the tree.
  var offsets: [UnsafeMutableRawPointer: Int] = [:]
  private(set) var diagnostics: [Diagnostic] = []
  var sawDoctype = false
  private var errorCount = 0
  /// Attribute offsets of the last tag an error was placed in, indexed once per tag.
  private let attributes: AttributeIndex

  init(source: SourceText) {
    self.source = source
    attributes = AttributeIndex(source)
  }

  func report(_ severity: Diagnostic.Severity, _ message: String, at location: SourceLocation) {
    if severity == .error {
      errorCount += 1
      if errorCount == SafeXMLParser.maximumErrors + 1 {
        diagnostics.append(
          Diagnostic(
            .error, SafeXMLParser.tooManyErrors,
            at: source.wholeFile))
      }
      if errorCount > SafeXMLParser.maximumErrors { return }
    }
    diagnostics.append(Diagnostic(severity, message, at: location))
  }

  /// Reports a libxml2 error, placing it at its node when libxml2 names one.
  ///
  /// Past the error cap nothing is located: the error is only counted, so a file with a
  /// million errors costs no more than reading it.
  func report(_ error: UnsafeMutablePointer<xmlError>) {
    let raw = error.pointee
    if raw.code == Int32(XML_ERR_USER_STOP.rawValue) { return }
    let severity: Diagnostic.Severity = raw.level == XML_ERR_WARNING ? .warning : .error
    if severity == .error, errorCount >= SafeXMLParser.maximumErrors {
      report(.error, "", at: source.wholeFile)
      return
    }
    var location = SourceLocation(
      file: source.path, line: Int(raw.line), column: Int(max(raw.int2, 0)))
    let message = string(raw.message)
    if let node = raw.node?.assumingMemoryBound(to: xmlNode.self) {
      location = self.location(of: node, attribute: Self.attributeNamed(in: message)) ?? location
    }
    report(severity, LibXML.readable(message), at: location)
  }

  /// The attribute a schema message is about: `Element 'x', attribute 'name': …`.
  static func attributeNamed(in message: String) -> String? {
    guard let range = message.range(of: ", attribute '") else { return nil }
    let rest = message[range.upperBound...]
    guard let end = rest.firstIndex(of: "'") else { return nil }
    return String(rest[..<end])
  }

  /// The exact place of an element or attribute node (or of the named attribute of an element).
  func location(
    of node: UnsafeMutablePointer<xmlNode>, attribute: String? = nil
  )
    -> SourceLocation?
  {
    if let attribute, node.pointee.type == XML_ELEMENT_NODE,
      let tag = offsets[UnsafeMutableRawPointer(node)]
    {
      return source.location(ofOffset: attributes.offset(named: attribute, inTagAt: tag) ?? tag)
    }
    if node.pointee.type == XML_ATTRIBUTE_NODE, let parent = node.pointee.parent,
      let tag = offsets[UnsafeMutableRawPointer(parent)]
    {
      let name = string(node.pointee.name)
      return source.location(ofOffset: attributes.offset(named: name, inTagAt: tag) ?? tag)
    }
    return offsets[UnsafeMutableRawPointer(node)].map { source.location(ofOffset: $0) }
  }

  static func from(_ context: UnsafeMutableRawPointer?) -> ParseState? {
    guard let context,
      let state = context.assumingMemoryBound(to: xmlParserCtxt.self).pointee._private
    else { return nil }
    return Unmanaged<ParseState>.fromOpaque(state).takeUnretainedValue()
  }
}

private let rejectDoctype: internalSubsetSAXFunc = { context, _, _, _ in
  guard let context else { return }
  let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
  if let state = ParseState.from(context) {
    state.sawDoctype = true
    let here = Int(xmlByteConsumed(parser))
    let start = state.source.tagStart(before: max(here, 1))
    state.report(
      .error,
      "DOCTYPE declarations are not accepted: HR exports never need one, and entity "
        + "declarations can read local files or expand without bound",
      at: state.source.location(ofOffset: start))
  }
  xmlStopParser(parser)
}

private let recordElementStart: startElementNsSAX2Func = {
  context, localName, prefix, uri, namespaceCount, namespaces, attributeCount, defaulted,
  attributes in
  xmlSAX2StartElementNs(
    context, localName, prefix, uri, namespaceCount, namespaces, attributeCount, defaulted,
    attributes)
  guard let context, let state = ParseState.from(context) else { return }
  let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
  guard let node = parser.pointee.node else { return }
  let consumed = Int(xmlByteConsumed(parser))
  state.offsets[UnsafeMutableRawPointer(node)] = state.source.tagStart(before: consumed)
}

private let collectParserError: xmlStructuredErrorFunc = { context, error in
  guard let error, let state = ParseState.from(context) else { return }
  state.report(error)
}

/// A Swift string from a libxml2 string, empty for `nil`.
func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
  guard let pointer else { return "" }
  return String(cString: pointer)
}

func string(_ pointer: UnsafeMutablePointer<xmlChar>?) -> String {
  string(UnsafePointer(pointer))
}

func string(_ pointer: UnsafeMutablePointer<CChar>?) -> String {
  guard let pointer else { return "" }
  return String(cString: pointer)
}
