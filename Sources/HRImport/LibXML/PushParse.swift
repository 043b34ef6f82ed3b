internal import CLibXML2

/// Runs libxml2's push parser over a file's bytes, chunk by chunk, with a `RecordTreeBuilder`
/// as its SAX2 handler.
///
/// The push parser reads only what it is given, so whoever feeds it decides which bytes libxml2
/// may see: the streaming reader gives it bytes the `InputLimits` scan has already cleared.
/// Results do not depend on where the chunks end (libxml2 waits for a whole tag or run of text
/// before it calls back; `RecordStreamChunkTests`).
enum PushParse {
  /// Parses the chunks `next` returns (an empty one ends the input) with `builder`.
  ///
  /// - Parameters:
  ///   - builder: the SAX2 handler's state; it may stop the parser.
  ///   - displayPath: the file's name in libxml2's messages.
  ///   - created: called once with the parser, before the first byte is parsed.
  ///   - next: the next chunk of the file; empty at its end.
  ///   - progress: called after each chunk with the bytes given to the parser so far.
  /// - Returns: whether libxml2 found the input well-formed (false too when the parse was
  ///   stopped by the builder).
  static func run(
    builder: RecordTreeBuilder, displayPath: String,
    created: (xmlParserCtxtPtr) -> Void,
    next: () -> UnsafeRawBufferPointer,
    progress: (Int) -> Void
  ) -> Bool {
    var sax = RecordTreeBuilder.handler()
    let context = builder.context
    guard let parser = xmlCreatePushParserCtxt(&sax, context, nil, 0, displayPath) else {
      return false
    }
    defer { xmlFreeParserCtxt(parser) }
    xmlCtxtUseOptions(parser, LibXML.streamOptions)
    builder.useDictionary(of: parser)
    created(parser)
    var fed = 0
    while true {
      let chunk = next()
      guard let base = chunk.baseAddress, !chunk.isEmpty else { break }
      // Chunks are at most a few MiB (see the callers), well inside Int32.
      _ = base.withMemoryRebound(to: CChar.self, capacity: chunk.count) {
        xmlParseChunk(parser, $0, Int32(chunk.count), 0)
      }
      fed += chunk.count
      progress(fed)
      // A fatal error halts the parser; a namespace error (`errNo` set too) does not.
      if parser.pointee.instate == XML_PARSER_EOF || parser.pointee.disableSAX != 0 {
        break
      }
    }
    if parser.pointee.instate != XML_PARSER_EOF {
      xmlParseChunk(parser, nil, 0, 1)
    }
    return parser.pointee.wellFormed != 0 && !builder.sawDoctype
  }
}
