internal import CLibXML2

/// Runs libxml2's parser over a file's bytes as a caller hands them over, chunk by chunk, with
/// a `RecordTreeBuilder` as its SAX2 handler.
///
/// The parser reads through an input callback that only ever returns bytes of the chunks
/// `next` gives, so whoever feeds it decides which bytes libxml2 may see: the streaming reader
/// gives it chunks the `InputLimits` scan has already cleared. libxml2's pull parser is used
/// rather than its push parser (`xmlParseChunk`), which looks ahead for the end of every tag
/// before parsing it: 11 % fewer instructions in libxml2 on a Workday export. libxml2 sees the
/// same reads whatever the chunk size (each read is filled across chunks), so results do not
/// depend on where the chunks end (`RecordStreamChunkTests`).
enum ChunkedParse {
  /// Parses the chunks `next` returns (an empty one ends the input) with `builder`, and
  /// finishes the builder (`RecordTreeBuilder.finish()`) while the parser's dictionary, which
  /// every name in a record points into, is still alive.
  ///
  /// - Parameters:
  ///   - builder: the SAX2 handler's state; it may stop the parser.
  ///   - displayPath: the file's name in libxml2's messages.
  ///   - created: called once with the parser, before the first byte is parsed.
  ///   - next: the next chunk of the file; empty at its end. It may stop the parser (then it
  ///     returns an empty chunk).
  /// - Returns: whether libxml2 found the input well-formed (false too when the parse was
  ///   stopped).
  static func run(
    builder: RecordTreeBuilder, displayPath: String,
    created: (xmlParserCtxtPtr) -> Void,
    next: () -> UnsafeRawBufferPointer
  ) -> Bool {
    withoutActuallyEscaping(next) { next in
      let input = Input(next: next)
      // The closure is the caller's only for the call: let go of it on every way out.
      defer { input.release() }
      var sax = RecordTreeBuilder.handler()
      let context = Unmanaged.passUnretained(input).toOpaque()
      guard
        let parser = xmlCreateIOParserCtxt(
          &sax, builder.context, readChunk, nil, context, XML_CHAR_ENCODING_NONE)
      else {
        builder.finish()
        return false
      }
      defer {
        // In SAX mode libxml2 still makes a document of its own for entity declarations in a
        // DOCTYPE it reads before (or without) the refusal; the context does not free it.
        if let document = parser.pointee.myDoc { xmlFreeDoc(document) }
        xmlFreeParserCtxt(parser)
      }
      // Runs first: every record is read before the parser, and the dictionary its names
      // point into, are freed.
      defer { builder.finish() }
      xmlCtxtUseOptions(parser, LibXML.streamOptions)
      builder.useDictionary(of: parser)
      created(parser)
      _ = xmlParseDocument(parser)
      return parser.pointee.wellFormed != 0 && !builder.sawDoctype
    }
  }

  /// The chunks as libxml2's input callback reads them, a buffer's worth at a time.
  private final class Input {
    private var next: (() -> UnsafeRawBufferPointer)?
    private var chunk = UnsafeRawBufferPointer(start: nil, count: 0)
    private var position = 0
    private var ended = false

    init(next: @escaping () -> UnsafeRawBufferPointer) { self.next = next }

    /// Lets go of the caller's closure once the parse is over.
    func release() { next = nil }

    /// Fills `buffer` from the chunks, across as many as it takes: libxml2 expects a read to
    /// give all it asked for until the end of the input (a short read in the middle of the XML
    /// declaration fails the parse).
    func read(into buffer: UnsafeMutablePointer<CChar>, count: Int) -> Int {
      var filled = 0
      while filled < count {
        if position == chunk.count {
          guard !ended, let next else { break }
          chunk = next()
          position = 0
          if chunk.isEmpty {
            ended = true
            break
          }
        }
        guard let base = chunk.baseAddress else { break }
        let taken = min(count - filled, chunk.count - position)
        UnsafeMutableRawPointer(buffer + filled).copyMemory(
          from: base + position, byteCount: taken)
        position += taken
        filled += taken
      }
      return filled
    }
  }

  private static let readChunk: xmlInputReadCallback = { context, buffer, length in
    guard let context, let buffer, length > 0 else { return 0 }
    let input = Unmanaged<Input>.fromOpaque(context).takeUnretainedValue()
    return Int32(input.read(into: buffer, count: Int(length)))
  }
}
