/// An element read from an input file, detached from libxml2 so importers work with plain values.
///
/// Names are matched by namespace URI and local name, never by prefix: producers differ in the
/// prefixes they choose. Internal: only this module's parsers make and read these.
struct ParsedElement: Sendable {
  var localName: String
  /// The namespace URI, empty when the element has none.
  var namespace: String
  var attributes: [Attribute]
  var children: [ParsedElement]
  /// The element's own text (direct text children, concatenated); empty in a record streamed
  /// by `NativeStream`, whose reader never reads text.
  var text: String
  /// Byte offset of the element's `<` in its file; in a record streamed by `NativeStream`, the
  /// index of its start tag in the record (see `ElementPositions`).
  var offset: Int

  struct Attribute: Sendable {
    var localName: String
    var namespace: String
    var value: String
  }

  /// The value of the unqualified attribute `name`.
  subscript(attribute name: String) -> String? {
    attributes.first { $0.localName == name && $0.namespace.isEmpty }?.value
  }

  /// Child elements with this local name in `namespace`.
  func children(named name: String, in namespace: String) -> [ParsedElement] {
    children.filter { $0.localName == name && $0.namespace == namespace }
  }
}
