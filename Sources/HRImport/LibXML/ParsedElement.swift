/// An element read from an input file, detached from libxml2 so importers work with plain values.
///
/// Names are matched by namespace URI and local name, never by prefix: producers differ in the
/// prefixes they choose.
public struct ParsedElement: Sendable {
  public var localName: String
  /// The namespace URI, empty when the element has none.
  public var namespace: String
  public var attributes: [Attribute]
  public var children: [ParsedElement]
  /// The element's own text (direct text children, concatenated).
  public var text: String
  /// Byte offset of the element's `<` in its file.
  var offset: Int

  public struct Attribute: Sendable {
    public var localName: String
    public var namespace: String
    public var value: String
  }

  /// The value of the unqualified attribute `name`.
  public subscript(attribute name: String) -> String? {
    attributes.first { $0.localName == name && $0.namespace.isEmpty }?.value
  }

  /// Child elements with this local name in `namespace`.
  public func children(named name: String, in namespace: String) -> [ParsedElement] {
    children.filter { $0.localName == name && $0.namespace == namespace }
  }
}
