internal import CLibXML2

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Builds each record of a streamed file from libxml2's SAX2 callbacks as a small tree of
/// libxml2 node structs in a `NodeArena`, hands it to the reader, and takes the memory back.
///
/// The vendor readers look at records through `Node`, which reads libxml2's node structs field
/// by field (names, namespace, children, siblings, text content, attributes, line). So the
/// structs are filled here exactly as libxml2's own tree builder (`xmlSAX2StartElementNs`,
/// `xmlSAX2Characters`) fills them for these fields: names are the parser dictionary's
/// pointers, adjacent text is one text node (a comment or instruction in between starts a new
/// one), an attribute value is one text child with `&` written back (the parser hands it over
/// as `&#38;`), lines past 65,535 are kept the way `XML_PARSE_BIG_LINES` keeps them. No
/// `malloc` per node, no tree walk to free it, and no `xmlTextReader` stepping through every
/// node: libxml2 and the tree together take about 40 % fewer instructions than `xmlTextReader`
/// with `xmlTextReaderExpand` per record did (0.76 G against 1.24 G on a 5,000-worker export).
///
/// Elements outside records are kept only as their names, namespace and parent (what
/// `isRecord` looks at), each while it is open. The state the callbacks touch for every element
/// lives behind a plain pointer (`State`), so they pay no reference counting or exclusivity
/// checks.
final class RecordTreeBuilder {
  let errors: StreamErrors
  private let isRecord: (Node) -> Bool
  private let body: (Node) -> Void
  /// Called at each record's start tag (its attributes read, no child yet).
  private let started: (Node) -> Void
  /// The reading thread, when records are read beside the parse; `nil` to read each one as it
  /// ends, on the parsing thread.
  private let handoff: RecordHandoff?
  /// The records built in the current arena and not yet sent to `handoff`.
  private var batch: [UnsafeMutablePointer<xmlNode>] = []
  /// The arena of the reading without `handoff`.
  private let ownArena: UnsafeMutablePointer<NodeArena>?
  /// Records finished (handed to `body` or to `handoff`).
  private(set) var records = 0
  /// True once a DOCTYPE was met (the parse is stopped there).
  private(set) var sawDoctype = false
  /// What the callbacks change on every element, and the parser's user data.
  private let state: UnsafeMutablePointer<State>
  /// One namespace struct per namespace URI (the parser interns URIs, so the pointer is the key).
  private var namespaces: [UnsafeRawPointer: UnsafeMutablePointer<xmlNs>] = [:]
  /// Open elements outside records, outermost first, each allocated on its own.
  private var outer: [UnsafeMutablePointer<xmlNode>] = []

  /// The callbacks' state: the record being built and the memory it is built in.
  fileprivate struct State: ~Copyable {
    unowned(unsafe) let owner: RecordTreeBuilder
    var arena: UnsafeMutablePointer<NodeArena>
    var parser: xmlParserCtxtPtr?
    /// Stands in for the document: `NameInterner` finds the parser's dictionary through it.
    let document: UnsafeMutablePointer<xmlDoc>
    var lastURI: UnsafeRawPointer?
    var lastNamespace: UnsafeMutablePointer<xmlNs>?
    /// Open elements inside the record ending with it, 0 outside records.
    var recordDepth = 0
    /// The innermost open element of the record being built.
    var current: UnsafeMutablePointer<xmlNode>?
    /// The text node the next characters extend, its length and its buffer's capacity.
    var openText: UnsafeMutablePointer<xmlNode>?
    var textLength = 0
    var textCapacity = 0

    init(
      owner: RecordTreeBuilder, document: UnsafeMutablePointer<xmlDoc>,
      arena: UnsafeMutablePointer<NodeArena>
    ) {
      self.owner = owner
      self.document = document
      self.arena = arena
    }
  }

  /// A builder calling `body` with each record on the parsing thread as the record ends, or
  /// sending the records to `handoff` (then `finish()` must be called once the parse is over).
  init(
    errors: StreamErrors, isRecord: @escaping (Node) -> Bool,
    started: @escaping (Node) -> Void = { _ in }, handoff: RecordHandoff? = nil,
    body: @escaping (Node) -> Void
  ) {
    self.errors = errors
    self.isRecord = isRecord
    self.started = started
    self.handoff = handoff
    self.body = body
    let document = UnsafeMutablePointer<xmlDoc>.allocate(capacity: 1)
    document.initialize(to: xmlDoc())
    document.pointee.type = XML_DOCUMENT_NODE
    let arena: UnsafeMutablePointer<NodeArena>
    if let handoff {
      ownArena = nil
      arena = handoff.takeArena()
    } else {
      arena = .allocate(capacity: 1)
      arena.initialize(to: NodeArena())
      ownArena = arena
    }
    state = .allocate(capacity: 1)
    state.initialize(to: State(owner: self, document: document, arena: arena))
  }

  deinit {
    if let ownArena {
      ownArena.deinitialize(count: 1)
      ownArena.deallocate()
    }
    for node in outer { node.deallocate() }
    for namespace in namespaces.values { namespace.deallocate() }
    state.pointee.document.deallocate()
    state.deinitialize(count: 1)
    state.deallocate()
  }

  /// True while a record is being built (between its start tag and its end tag).
  var inRecord: Bool { state.pointee.recordDepth > 0 }

  /// The parser's user data for `handler()`'s callbacks.
  var context: UnsafeMutableRawPointer { UnsafeMutableRawPointer(state) }

  /// Lets the parser's dictionary be found from the nodes (see `NameInterner`).
  func useDictionary(of parser: xmlParserCtxtPtr) {
    state.pointee.parser = parser
    state.pointee.document.pointee.dict = parser.pointee.dict
  }

  /// Ends the parse; call once, after it.
  ///
  /// Sends the last records to `handoff` and waits until they are read, then frees the record
  /// being built if the parse stopped inside it.
  func finish() {
    if let handoff {
      if !batch.isEmpty { sendBatch() }
      handoff.close()
      handoff.giveBack(state.pointee.arena)
    } else {
      state.pointee.arena.pointee.reset()
    }
    state.pointee.current = nil
    state.pointee.recordDepth = 0
    state.pointee.openText = nil
  }

  private func sendBatch() {
    guard let handoff else { return }
    let bytesRead = state.pointee.parser.map { Int(xmlByteConsumed($0)) } ?? 0
    state.pointee.arena = handoff.send(state.pointee.arena, records: batch, bytesRead: bytesRead)
    batch.removeAll(keepingCapacity: true)
  }

  /// The SAX2 handler that calls this builder (through the parser's user data, `context`).
  static func handler() -> xmlSAXHandler {
    var sax = xmlSAXHandler()
    sax.initialized = XML_SAX2_MAGIC
    sax.startElementNs = { context, localName, prefix, uri, _, _, attributeCount, _, attributes in
      buildState(context).pointee.start(
        localName, prefix: prefix, uri: uri, attributeCount: Int(attributeCount),
        attributes: attributes)
    }
    sax.endElementNs = { context, _, _, _ in buildState(context).pointee.end() }
    sax.characters = characters
    sax.ignorableWhitespace = characters
    sax.comment = { context, _ in buildState(context).pointee.openText = nil }
    sax.processingInstruction = { context, _, _ in buildState(context).pointee.openText = nil }
    sax.internalSubset = { context, _, _, _ in buildState(context).pointee.owner.doctype() }
    sax.serror = { context, error in
      guard let error else { return }
      buildState(context).pointee.owner.errors.report(error)
    }
    return sax
  }

  private static let characters: charactersSAXFunc = { context, bytes, count in
    guard let bytes, count > 0 else { return }
    buildState(context).pointee.text(bytes, count: Int(count))
  }

  private func doctype() {
    sawDoctype = true
    if let parser = state.pointee.parser { xmlStopParser(parser) }
  }

  // MARK: Outside records (once per record, or per wrapper element)

  /// A start tag outside records: a record's, or a wrapper's kept for `isRecord`.
  fileprivate func startOutside(
    _ localName: UnsafePointer<xmlChar>?, prefix: UnsafePointer<xmlChar>?,
    uri: UnsafePointer<xmlChar>?, attributeCount: Int,
    attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
  ) {
    let node = UnsafeMutablePointer<xmlNode>.allocate(capacity: 1)
    node.initialize(to: xmlNode())
    state.pointee.fill(node, localName, prefix: prefix, uri: uri)
    node.pointee.parent = outer.last
    guard isRecord(Node(node)) else {
      outer.append(node)
      return
    }
    node.deallocate()
    let record = state.pointee.arena.pointee.make(xmlNode())
    state.pointee.fill(record, localName, prefix: prefix, uri: uri)
    record.pointee.parent = outer.last
    if let attributes, attributeCount > 0 {
      state.pointee.addAttributes(to: record, count: attributeCount, attributes)
    }
    started(Node(record))
    state.pointee.current = record
    state.pointee.recordDepth = 1
  }

  fileprivate func endOutside() {
    if let handoff, records > 0 {
      // Records sent or about to be point at this element as their parent: let them be read.
      if !batch.isEmpty { sendBatch() }
      handoff.drain()
    }
    outer.popLast()?.deallocate()
  }

  fileprivate func finishRecord(_ record: UnsafeMutablePointer<xmlNode>) {
    records += 1
    guard handoff != nil else {
      body(Node(record))
      state.pointee.arena.pointee.reset()
      return
    }
    batch.append(record)
    if batch.count >= RecordHandoff.batchSize { sendBatch() }
  }

  /// The namespace struct for `uri`, made the first time the URI is met.
  fileprivate func namespace(
    _ uri: UnsafePointer<xmlChar>, prefix: UnsafePointer<xmlChar>?
  ) -> UnsafeMutablePointer<xmlNs> {
    let key = UnsafeRawPointer(uri)
    if let known = namespaces[key] { return known }
    let made = UnsafeMutablePointer<xmlNs>.allocate(capacity: 1)
    made.initialize(to: xmlNs())
    made.pointee.type = XML_NAMESPACE_DECL
    made.pointee.href = uri
    made.pointee.prefix = prefix
    namespaces[key] = made
    return made
  }
}

/// The builder's state a SAX callback was called with (the parser's user data).
private func buildState(
  _ context: UnsafeMutableRawPointer?
) -> UnsafeMutablePointer<RecordTreeBuilder.State> {
  guard let context else { preconditionFailure("SAX callback without its builder") }
  return context.assumingMemoryBound(to: RecordTreeBuilder.State.self)
}

extension RecordTreeBuilder.State {
  private var line: Int32 { parser?.pointee.input?.pointee.line ?? 0 }

  mutating func start(
    _ localName: UnsafePointer<xmlChar>?, prefix: UnsafePointer<xmlChar>?,
    uri: UnsafePointer<xmlChar>?, attributeCount: Int,
    attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
  ) {
    openText = nil
    guard recordDepth > 0, let parent = current else {
      owner.startOutside(
        localName, prefix: prefix, uri: uri, attributeCount: attributeCount,
        attributes: attributes)
      return
    }
    let node = arena.pointee.make(xmlNode())
    fill(node, localName, prefix: prefix, uri: uri)
    node.pointee.parent = parent
    if let last = parent.pointee.last {
      last.pointee.next = node
      node.pointee.prev = last
    } else {
      parent.pointee.children = node
    }
    parent.pointee.last = node
    if let attributes, attributeCount > 0 {
      addAttributes(to: node, count: attributeCount, attributes)
    }
    current = node
    recordDepth += 1
  }

  mutating func end() {
    openText = nil
    guard recordDepth > 0, let node = current else {
      owner.endOutside()
      return
    }
    recordDepth -= 1
    if recordDepth > 0 {
      current = node.pointee.parent
      return
    }
    current = nil
    owner.finishRecord(node)
  }

  mutating func fill(
    _ node: UnsafeMutablePointer<xmlNode>, _ localName: UnsafePointer<xmlChar>?,
    prefix: UnsafePointer<xmlChar>?, uri: UnsafePointer<xmlChar>?
  ) {
    node.pointee.type = XML_ELEMENT_NODE
    node.pointee.name = localName
    node.pointee.doc = document
    if let uri {
      let key = UnsafeRawPointer(uri)
      if key == lastURI, let lastNamespace {
        node.pointee.ns = lastNamespace
      } else {
        let found = owner.namespace(uri, prefix: prefix)
        lastURI = key
        lastNamespace = found
        node.pointee.ns = found
      }
    }
    let line = self.line
    node.pointee.line = line < 65535 ? UInt16(truncatingIfNeeded: max(line, 0)) : 65535
  }

  /// The attributes libxml2 passes as (local name, prefix, URI, value, value end) pointers.
  mutating func addAttributes(
    to node: UnsafeMutablePointer<xmlNode>, count: Int,
    _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>
  ) {
    var previous: UnsafeMutablePointer<xmlAttr>?
    for index in 0..<count {
      let fields = attributes + 5 * index
      let attribute = arena.pointee.make(xmlAttr())
      attribute.pointee.type = XML_ATTRIBUTE_NODE
      attribute.pointee.name = fields[0]
      attribute.pointee.parent = node
      attribute.pointee.doc = document
      if let start = fields[3], let end = fields[4] {
        let value = arena.pointee.make(xmlNode())
        value.pointee.type = XML_TEXT_NODE
        value.pointee.doc = document
        value.pointee.parent = UnsafeMutableRawPointer(attribute).assumingMemoryBound(
          to: xmlNode.self)
        value.pointee.content = attributeValue(from: start, to: end)
        attribute.pointee.children = value
        attribute.pointee.last = value
      }
      if let previous {
        previous.pointee.next = attribute
        attribute.pointee.prev = previous
      } else {
        node.pointee.properties = attribute
      }
      previous = attribute
    }
  }

  /// An attribute value as a C string in the arena, with every `&#38;` written back as `&`.
  ///
  /// Without entity substitution libxml2 keeps an ampersand in a value as the reference
  /// `&#38;` for the tree builder to resolve, and that is the only way `&` reaches a value.
  private mutating func attributeValue(
    from start: UnsafePointer<xmlChar>, to end: UnsafePointer<xmlChar>
  ) -> UnsafeMutablePointer<xmlChar> {
    let count = max(end - start, 0)
    let copy = arena.pointee.allocate(count + 1).assumingMemoryBound(to: xmlChar.self)
    guard memchr(start, 0x26, count) != nil else {
      copy.update(from: start, count: count)
      copy[count] = 0
      return copy
    }
    var read = 0
    var written = 0
    while read < count {
      let byte = start[read]
      copy[written] = byte
      written += 1
      if byte == 0x26, read + 4 < count, start[read + 1] == 0x23, start[read + 2] == 0x33,
        start[read + 3] == 0x38, start[read + 4] == 0x3B
      {
        read += 5
      } else {
        read += 1
      }
    }
    copy[written] = 0
    return copy
  }

  mutating func text(_ bytes: UnsafePointer<xmlChar>, count: Int) {
    guard recordDepth > 0, let parent = current else { return }
    if let node = openText, let content = node.pointee.content {
      let needed = textLength + count + 1
      var buffer = content
      if needed > textCapacity {
        textCapacity = max(needed, 2 * textCapacity)
        buffer = arena.pointee.allocate(textCapacity).assumingMemoryBound(to: xmlChar.self)
        buffer.update(from: content, count: textLength)
        node.pointee.content = buffer
      }
      (buffer + textLength).update(from: bytes, count: count)
      textLength += count
      buffer[textLength] = 0
      return
    }
    let node = arena.pointee.make(xmlNode())
    node.pointee.type = XML_TEXT_NODE
    node.pointee.doc = document
    node.pointee.parent = parent
    let line = self.line
    if line < 65535 {
      node.pointee.line = UInt16(truncatingIfNeeded: max(line, 0))
    } else {
      // As libxml2 keeps a big line with `XML_PARSE_BIG_LINES`, where `xmlGetLineNo` finds it.
      node.pointee.line = 65535
      node.pointee.psvi = UnsafeMutableRawPointer(bitPattern: Int(line))
    }
    let buffer = arena.pointee.allocate(count + 1).assumingMemoryBound(to: xmlChar.self)
    buffer.update(from: bytes, count: count)
    buffer[count] = 0
    node.pointee.content = buffer
    textLength = count
    textCapacity = count + 1
    if let last = parent.pointee.last {
      last.pointee.next = node
      node.pointee.prev = last
    } else {
      parent.pointee.children = node
    }
    parent.pointee.last = node
    openText = node
  }
}
