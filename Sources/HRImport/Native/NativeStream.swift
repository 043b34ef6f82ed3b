internal import CLibXML2
import Foundation
import SkillsGraph

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
/// skill, a person, a role, the scale, the policy, the plan) is copied from the events
/// (`GatheredElements`), made into a small `ParsedElement` tree and read by `NativeFileReader`,
/// as the in-memory path reads the whole document, so both give the same records and the same
/// diagnostics. The parse and validation run on a thread of their own, and the records go to
/// the calling thread in batches (`NativeHandoff`), where they are read while the parse goes
/// on.
///
/// Places stay exact without the file in memory: each start tag is still in libxml2's input
/// buffer when its event arrives (the parser keeps a tag's bytes until its attributes are
/// delivered), so its `<` is found there, and its line and column come from a `LineTracker`
/// fed the blocks as they are read. A record's tags are copied (`StreamedRecord`, one per
/// batch) until it is read. A schema error arrives during the event of the element it is about
/// (the validator runs right after this reader's handler), and is placed at that element, or at
/// the attribute its message names, as the in-memory path places it.
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

  /// The schema validator's SAX callbacks, called after this reader's.
  struct Validator {
    var context: UnsafeMutableRawPointer?
    var start: startElementNsSAX2Func?
    var end: endElementNsSAX2Func?
    var text: charactersSAXFunc?
  }
  fileprivate var validator = Validator()

  /// The parse's state; each event accesses it once (see `State`).
  ///
  /// Only the parsing thread uses it while the parse runs.
  fileprivate var state: State
  /// Takes the gathered records to the reading thread.
  private let handoff = NativeHandoff()
  private let displayPath: String
  private let size: Int

  private init(path: String, displayPath: String, descriptor: Int32, size: Int, blockSize: Int) {
    self.displayPath = displayPath
    self.size = size
    state = State(
      path: path, displayPath: displayPath, descriptor: descriptor, blockSize: blockSize,
      handoff: handoff)
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
      return .read(
        nil, [Diagnostic(.error, "cannot open the file for reading", at: state.wholeFile)])
    }
    state.context = context
    defer {
      state.context = nil
      // In SAX mode libxml2 still makes a document of its own for entity declarations in a
      // DOCTYPE it reads before (or without) the refusal; the context does not free it.
      if let document = context.pointee.myDoc { xmlFreeDoc(document) }
      xmlFreeParserCtxt(context)
    }
    // `NOCDATA` also clears the handler's CDATA callback: CDATA arrives as text, as in the tree.
    xmlCtxtUseOptions(context, LibXML.safeOptions)
    guard let validation = XMLSchema.native.newValidationContext() else {
      return .read(nil, [Diagnostic(.error, "cannot validate the file", at: state.wholeFile)])
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
      return .read(nil, [Diagnostic(.error, "cannot validate the file", at: state.wholeFile)])
    }
    validator = Validator(
      context: dataSlot.pointee, start: callbacks.pointee.startElementNs,
      end: callbacks.pointee.endElementNs, text: callbacks.pointee.characters)
    // libxml2 parses and validates on a thread of its own while this one reads the records it
    // gathers: the time approaches the longer of the two instead of their sum.
    var read = (file: NativeFile(path: displayPath), diagnostics: [Diagnostic]())
    Alongside.run(
      background: {
        // libxml2's generic error printer is set per thread: silence this one's too.
        LibXML.initialize()
        xmlParseDocument(context)
        state.flush()
        handoff.close()
      },
      foreground: { read = readRecords() })
    let wellFormed = context.pointee.wellFormed != 0
    validator = Validator()
    xmlSchemaSAXUnplug(plug)
    return state.finish(wellFormed: wellFormed, read: read)
  }

  /// Reads the records the parse sends, in document order, until it ends.
  private func readRecords() -> (file: NativeFile, diagnostics: [Diagnostic]) {
    var file = NativeFile(path: displayPath)
    var reader = NativeFileReader(positions: StreamedRecord(path: displayPath))
    var seen = NativeFileReader.SeenIDs()
    var records = 0
    var throttle = ImportProgressSink.Throttle()
    var names: [String] = []
    while let batch = handoff.next() {
      reader.positions = batch.tags
      names += batch.elements.newNames
      for item in batch.items {
        switch item {
        case .root(let root):
          _ = reader.readRoot(
            batch.elements.tree(root, names: names, tags: batch.tags), into: &file)
        case .section(let section):
          reader.beginSection(section, in: &file)
          seen = NativeFileReader.SeenIDs()
        case .record(let index, let section):
          let element = batch.elements.tree(index, names: names, tags: batch.tags)
          if let section {
            reader.readRecord(element, of: section, seen: &seen, into: &file)
          } else {
            reader.readTopLevel(element, into: &file)
          }
          records += 1
          if throttle.shouldReport() {
            ImportProgressSink.report?(
              ImportProgress(
                file: displayPath, records: records, bytesRead: batch.bytesRead,
                totalBytes: size))
          }
        }
      }
    }
    return (file, reader.diagnostics)
  }

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
      state.read(name, namespace, count, attributes)
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
      state.read(name, namespace, count, list.baseAddress)
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
    guard let prefix, namespace == nil, let dictionary = state.context?.pointee.dict,
      let name = xmlDictQLookup(dictionary, prefix, localName)
    else { return localName }
    return name
  }

  /// An end tag: read by this reader, then by the validator.
  fileprivate func endElement(
    _ localName: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?,
    _ namespace: UnsafePointer<xmlChar>?
  ) {
    state.readEnd()
    validator.end?(
      validator.context, localName.map { qualified($0, prefix, namespace) }, prefix, namespace)
  }

  /// Text (any part of it): noted by this reader, then checked by the validator.
  fileprivate func characters(_ text: UnsafePointer<xmlChar>?, _ length: Int32) {
    state.readText()
    validator.text?(validator.context, text, length)
  }
}

private func stream(_ context: UnsafeMutableRawPointer?) -> NativeStream? {
  guard let context else { return nil }
  return Unmanaged<NativeStream>.fromOpaque(context).takeUnretainedValue()
}

private let streamRead: xmlInputReadCallback = { context, buffer, length in
  guard let buffer, let reader = stream(context) else { return -1 }
  return reader.state.fill(buffer, length: Int(max(length, 0)))
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
  stream(context)?.state.rejectDoctype()
}

private let streamParserError: xmlStructuredErrorFunc = { context, error in
  guard let error else { return }
  stream(context)?.state.parserError(error)
}

private let streamSchemaError: xmlStructuredErrorFunc = { context, error in
  guard let error else { return }
  stream(context)?.state.schemaError(error)
}
