internal import CLibXML2

/// Process-wide libxml2 set-up, done once before any parse.
enum LibXML {
  /// The parser options for untrusted input, and why each is there or not.
  ///
  /// `NONET` blocks network fetches; `NOCDATA` folds CDATA into text; `BIG_LINES` keeps line
  /// numbers right past 65,535. Deliberately absent: `NOENT` (substitutes entities, enabling XXE),
  /// `DTDLOAD`/`DTDATTR`/`DTDVALID` (load external DTDs), `XINCLUDE`, `HUGE` (lifts the depth and
  /// size limits that stop expansion bombs) and `RECOVER` (accepts broken files silently).
  static let safeOptions = Int32(
    XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_BIG_LINES.rawValue)

  /// The same options for `xmlTextReader`, plus `COMPACT` (small text stored in the node, fewer
  /// allocations on a stream of millions of short values).
  static let streamOptions = safeOptions | Int32(XML_PARSE_COMPACT.rawValue)

  private static let initialized: Bool = {
    xmlInitParser()
    xmlSetExternalEntityLoader(denyExternalEntities)
    return true
  }()

  /// Initialises the parser and installs the deny-all entity loader; cheap after the first call.
  ///
  /// Also silences libxml2's generic error printer on the calling thread (the setting is per
  /// thread), so nothing libxml2 says reaches stderr.
  static func initialize() {
    _ = initialized
    clibxml2_silence_generic_errors()
  }

  /// Rewrites libxml2's messages into the tool's style: one line, no namespace noise, and no
  /// advice about options a user cannot set.
  static func readable(_ message: String) -> String {
    var text = message.trimmingCharacters(in: .whitespacesAndNewlines)
    if text.hasPrefix("Excessive depth in document") {
      return "elements nest deeper than 256 levels; no HR export needs that, so the file is refused"
    }
    if text.contains("Huge input lookup") || text.contains("XML_PARSE_HUGE") {
      return "a single text or name in the file is larger than libxml2's 10 MB safety limit"
    }
    text = text.replacingOccurrences(of: "{urn:understudy:org:1}", with: "")
    text = text.replacingOccurrences(of: "\n", with: " ")
    if text.hasSuffix(".") { text.removeLast() }
    return text
  }
}

/// Refuses every external entity, DTD or XInclude: an export must be self-contained.
private let denyExternalEntities: xmlExternalEntityLoader = { _, _, _ in nil }
