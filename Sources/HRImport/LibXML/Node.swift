internal import CLibXML2

/// A read-only view of a libxml2 element, for the vendor profile readers.
///
/// Vendor records are read straight from libxml2's nodes rather than converted to `ParsedElement`
/// first: a 150 MB Workday export has millions of elements, and the readers look at a few dozen
/// per worker. A `Node` is only valid while its record is being read (the streaming reader frees
/// the record's subtree as soon as it moves on), so readers copy what they need into values.
///
/// Names are matched by namespace URI and local name, never by prefix; attributes by local name
/// only, since producers qualify them inconsistently (`wd:type` beside plain `type`).
struct Node {
  let pointer: UnsafeMutablePointer<xmlNode>

  init(_ pointer: UnsafeMutablePointer<xmlNode>) { self.pointer = pointer }

  var localName: String { string(pointer.pointee.name) }

  /// The namespace URI, empty when the element has none.
  var namespace: String { string(pointer.pointee.ns?.pointee.href) }

  func isNamed(_ name: String, in namespace: String) -> Bool {
    guard let own = pointer.pointee.name else { return false }
    return Self.equal(own, name) && inNamespace(namespace)
  }

  func inNamespace(_ namespace: String) -> Bool {
    guard let href = pointer.pointee.ns?.pointee.href else { return namespace.isEmpty }
    return Self.equal(href, namespace)
  }

  /// Compares a libxml2 string with a Swift one without bridging (which would copy the Swift
  /// string into a new C string on every call: millions of times on a large export).
  @inline(__always)
  static func equal(_ c: UnsafePointer<xmlChar>, _ string: String) -> Bool {
    var string = string
    return string.withUTF8 { bytes in
      var index = 0
      for byte in bytes {
        if c[index] != byte { return false }
        index += 1
      }
      return c[index] == 0
    }
  }

  /// The parent element, `nil` at the root.
  var parent: Node? {
    guard let parent = pointer.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE else {
      return nil
    }
    return Node(parent)
  }

  /// Child elements, in document order.
  var elements: ChildElements { ChildElements(first: pointer.pointee.children) }

  /// The first child element with this name.
  func first(_ name: String, in namespace: String) -> Node? {
    for child in elements where child.isNamed(name, in: namespace) { return child }
    return nil
  }

  /// Every child element with this name.
  func all(_ name: String, in namespace: String) -> [Node] {
    elements.filter { $0.isNamed(name, in: namespace) }
  }

  /// The first element reached by following child names, all in one namespace.
  func path(_ names: String..., in namespace: String) -> Node? {
    var node: Node? = self
    for name in names { node = node?.first(name, in: namespace) }
    return node
  }

  /// Every element reached by following child names (each step may fan out).
  func paths(_ names: [String], in namespace: String) -> [Node] {
    var nodes = [self]
    for name in names { nodes = nodes.flatMap { $0.all(name, in: namespace) } }
    return nodes
  }

  /// Every descendant element with this name, not looking inside matches.
  func descendants(_ name: String, in namespace: String) -> [Node] {
    var found: [Node] = []
    for child in elements {
      if child.isNamed(name, in: namespace) {
        found.append(child)
      } else {
        found += child.descendants(name, in: namespace)
      }
    }
    return found
  }

  /// The element's own text (direct text children), trimmed; `nil` when empty.
  ///
  /// Only direct text nodes are read: with DOCTYPEs refused no entity reference can appear, so
  /// nothing is expanded here.
  var text: String? {
    // The common case, one text child: read it straight from libxml2's buffer.
    if let only = pointer.pointee.children, only.pointee.next == nil,
      only.pointee.type == XML_TEXT_NODE, let content = only.pointee.content
    {
      let text = String(cString: content)
      let trimmed = Self.isTrimmed(text) ? text : text.trimmingSpaces
      return trimmed.isEmpty ? nil : trimmed
    }
    var bytes: [UInt8] = []
    var child = pointer.pointee.children
    while let node = child {
      if node.pointee.type == XML_TEXT_NODE || node.pointee.type == XML_CDATA_SECTION_NODE,
        let content = node.pointee.content
      {
        var index = 0
        while content[index] != 0 {
          bytes.append(content[index])
          index += 1
        }
      }
      child = node.pointee.next
    }
    let text = String(decoding: bytes, as: UTF8.self).trimmingSpaces
    return text.isEmpty ? nil : text
  }

  private static func isTrimmed(_ text: String) -> Bool {
    guard let first = text.utf8.first, let last = text.utf8.last else { return true }
    func space(_ byte: UInt8) -> Bool {
      byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
    return !space(first) && !space(last)
  }

  /// The text of the first child with this name.
  func text(_ name: String, in namespace: String) -> String? {
    first(name, in: namespace)?.text
  }

  /// The value of the attribute with this local name (whatever its prefix), trimmed; `nil` when
  /// absent or empty.
  func attribute(_ name: String) -> String? {
    var property = pointer.pointee.properties
    while let attribute = property {
      if let own = attribute.pointee.name, Self.equal(own, name) {
        var value = ""
        var child = attribute.pointee.children
        while let node = child {
          value += string(node.pointee.content)
          child = node.pointee.next
        }
        let trimmed = value.trimmingSpaces
        return trimmed.isEmpty ? nil : trimmed
      }
      property = attribute.pointee.next
    }
    return nil
  }

  /// The first child element with this local name in any of `namespaces` (formats that mix
  /// namespaces for the same element, as Europass does with `hr:` and `eures:`).
  func first(_ name: String, inAnyOf namespaces: [String]) -> Node? {
    for child in elements where namespaces.contains(where: { child.isNamed(name, in: $0) }) {
      return child
    }
    return nil
  }

  func all(_ name: String, inAnyOf namespaces: [String]) -> [Node] {
    elements.filter { child in namespaces.contains { child.isNamed(name, in: $0) } }
  }

  func path(_ names: [String], inAnyOf namespaces: [String]) -> Node? {
    var node: Node? = self
    for name in names { node = node?.first(name, inAnyOf: namespaces) }
    return node
  }

  func descendants(_ name: String, inAnyOf namespaces: [String]) -> [Node] {
    var found: [Node] = []
    for child in elements {
      if namespaces.contains(where: { child.isNamed(name, in: $0) }) {
        found.append(child)
      } else {
        found += child.descendants(name, inAnyOf: namespaces)
      }
    }
    return found
  }

  func text(_ name: String, inAnyOf namespaces: [String]) -> String? {
    first(name, inAnyOf: namespaces)?.text
  }

  /// The line libxml2 recorded for the element (with `BIG_LINES`, right past 65,535).
  var line: Int { Int(xmlGetLineNo(pointer)) }
}

/// The child elements of a node, skipping text, comments and processing instructions.
struct ChildElements: Sequence {
  let first: UnsafeMutablePointer<xmlNode>?

  struct Iterator: IteratorProtocol {
    var cursor: UnsafeMutablePointer<xmlNode>?

    mutating func next() -> Node? {
      while let node = cursor {
        cursor = node.pointee.next
        if node.pointee.type == XML_ELEMENT_NODE { return Node(node) }
      }
      return nil
    }
  }

  func makeIterator() -> Iterator { Iterator(cursor: first) }
}

// MARK: Interned names

/// An element or attribute name as libxml2 stores it for one document.
///
/// Every parse the importer runs keeps libxml2's name dictionary on (it never sets
/// `XML_PARSE_NODICT`), so all the element and attribute names of a document are interned: two
/// equal names are one pointer, and matching a child by name is a single comparison instead of
/// a string comparison per child. A document without a dictionary (which no parser here
/// produces) falls back to comparing bytes, so the result never depends on the interning.
struct InternedName {
  fileprivate let pointer: UnsafePointer<xmlChar>
  fileprivate let exact: Bool

  @inline(__always)
  func matches(_ name: UnsafePointer<xmlChar>?) -> Bool {
    guard let name else { return false }
    return exact ? name == pointer : xmlStrEqual(name, pointer) != 0
  }
}

/// Looks names up in the dictionary of the document a record belongs to.
///
/// One interner serves one file: the streaming reader and the in-memory parser each keep a
/// single dictionary for a whole document, so names looked up once stay valid for every record.
final class NameInterner {
  private let dictionary: xmlDictPtr
  private let exact: Bool
  private let owned: Bool

  /// The interner for the document of `node`.
  init(for node: Node) {
    if let dictionary = node.pointer.pointee.doc?.pointee.dict,
      let name = node.pointer.pointee.name, xmlDictOwns(dictionary, name) == 1
    {
      self.dictionary = dictionary
      exact = true
      owned = false
    } else {
      // No shared dictionary: a private one only keeps the names alive for byte comparison.
      dictionary = xmlDictCreate()
      exact = false
      owned = true
    }
  }

  deinit { if owned { xmlDictFree(dictionary) } }

  /// True when `node` lives in the document this interner was made for.
  func serves(_ node: Node) -> Bool {
    !exact || node.pointer.pointee.doc?.pointee.dict == dictionary
  }

  func callAsFunction(_ name: String) -> InternedName {
    // Names are ASCII literals here; the dictionary copies them.
    guard let pointer = xmlDictLookup(dictionary, name, -1) else {
      preconditionFailure("libxml2 could not allocate the name '\(name)'")
    }
    return InternedName(pointer: pointer, exact: exact)
  }
}

/// One namespace, matched first by the declaration a record's own element uses (children almost
/// always share it), then by URI.
struct NamespaceMatch {
  private let declaration: UnsafeMutablePointer<xmlNs>?
  private let uri: String

  /// The namespace `uri`, with the declaration of `node` when `node` is in it.
  init(_ uri: String, declaredBy node: Node) {
    self.uri = uri
    declaration = node.inNamespace(uri) ? node.pointer.pointee.ns : nil
  }

  @inline(__always)
  func contains(_ node: Node) -> Bool {
    let ns = node.pointer.pointee.ns
    if ns != nil, ns == declaration { return true }
    return node.inNamespace(uri)
  }
}

extension Node {
  @inline(__always)
  func isNamed(_ name: InternedName, in namespace: NamespaceMatch) -> Bool {
    name.matches(pointer.pointee.name) && namespace.contains(self)
  }

  /// The first child element with this name.
  func first(_ name: InternedName, in namespace: NamespaceMatch) -> Node? {
    var cursor = pointer.pointee.children
    while let node = cursor {
      if node.pointee.type == XML_ELEMENT_NODE, Node(node).isNamed(name, in: namespace) {
        return Node(node)
      }
      cursor = node.pointee.next
    }
    return nil
  }

  /// The first element reached by following child names.
  func path(_ first: InternedName, _ second: InternedName, in namespace: NamespaceMatch) -> Node? {
    self.first(first, in: namespace)?.first(second, in: namespace)
  }

  /// Every child element with this name, in document order, without building an array.
  func children(_ name: InternedName, in namespace: NamespaceMatch) -> NamedChildren {
    NamedChildren(first: pointer.pointee.children, name: name, namespace: namespace)
  }

  /// Every child element with this name, last first.
  func childrenReversed(_ name: InternedName, in namespace: NamespaceMatch) -> NamedChildren {
    NamedChildren(
      first: pointer.pointee.last, name: name, namespace: namespace, backwards: true)
  }

  /// The text of the first child with this name.
  func text(_ name: InternedName, in namespace: NamespaceMatch) -> String? {
    first(name, in: namespace)?.text
  }

  /// The attribute node with this local name (whatever its prefix).
  private func property(_ name: InternedName) -> UnsafeMutablePointer<xmlAttr>? {
    var property = pointer.pointee.properties
    while let attribute = property {
      if name.matches(attribute.pointee.name) { return attribute }
      property = attribute.pointee.next
    }
    return nil
  }

  /// The value of the attribute with this local name, trimmed; `nil` when absent or empty.
  func attribute(_ name: InternedName) -> String? {
    guard let attribute = property(name) else { return nil }
    if let only = attribute.pointee.children, only.pointee.next == nil,
      let content = only.pointee.content
    {
      return Self.trimmedString(content)
    }
    var value = ""
    var child = attribute.pointee.children
    while let node = child {
      value += string(node.pointee.content)
      child = node.pointee.next
    }
    let trimmed = value.trimmingSpaces
    return trimmed.isEmpty ? nil : trimmed
  }

  /// Whether the attribute's trimmed value is `value` (false when absent or empty), without
  /// making a string of it.
  func attribute(_ name: InternedName, is value: StaticString) -> Bool {
    guard let attribute = property(name) else { return false }
    if let only = attribute.pointee.children, only.pointee.next == nil,
      let content = only.pointee.content
    {
      return Self.withTrimmed(content) { Self.equal($0, value) } ?? false
    }
    return self.attribute(name) == value.description
  }

  /// Whether the element's own text (as `text` reads it) is `value`, without making a string.
  func textIs(_ value: String) -> Bool {
    if let content = singleTextContent {
      var value = value
      return Self.withTrimmed(content) { bytes in value.withUTF8 { bytes.elementsEqual($0) } }
        ?? false
    }
    return text == value
  }

  /// The element's text read as a boolean, as `VendorValues.bool(text)` does.
  var boolean: Bool? {
    if let content = singleTextContent {
      switch Self.withTrimmed(content, { VendorValues.asciiBool($0) }) {
      case .none: return nil  // no text
      case .some(.some(let decided)): return decided
      case .some(.none): break  // not ASCII: let the general reader decide
      }
    }
    return VendorValues.bool(text)
  }

  /// The content of the element's only child when that child is a text node.
  private var singleTextContent: UnsafePointer<xmlChar>? {
    guard let only = pointer.pointee.children, only.pointee.next == nil,
      only.pointee.type == XML_TEXT_NODE, let content = only.pointee.content
    else { return nil }
    return UnsafePointer(content)
  }

  @inline(__always)
  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }

  /// Calls `body` with the bytes of a C string without surrounding white space; `nil` when
  /// nothing is left.
  private static func withTrimmed<R>(
    _ content: UnsafePointer<xmlChar>, _ body: (UnsafeBufferPointer<UInt8>) -> R
  ) -> R? {
    var start = 0
    while content[start] != 0, isSpace(content[start]) { start += 1 }
    var end = start
    var last = start
    while content[end] != 0 {
      if !isSpace(content[end]) { last = end + 1 }
      end += 1
    }
    guard last > start else { return nil }
    return body(UnsafeBufferPointer(start: content + start, count: last - start))
  }

  /// A C string as a trimmed Swift string; `nil` when nothing is left.
  private static func trimmedString(_ content: UnsafePointer<xmlChar>) -> String? {
    withTrimmed(content) { String(decoding: $0, as: UTF8.self) }
  }

  @inline(__always)
  private static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ value: StaticString) -> Bool {
    bytes.count == value.utf8CodeUnitCount
      && bytes.elementsEqual(UnsafeBufferPointer(start: value.utf8Start, count: bytes.count))
  }
}

/// The child elements of a node that have one name, in document order or last first.
struct NamedChildren: Sequence {
  let first: UnsafeMutablePointer<xmlNode>?
  let name: InternedName
  let namespace: NamespaceMatch
  var backwards = false

  /// The children of `node` with this name; none when there is no node.
  static func of(_ node: Node?, _ name: InternedName, in namespace: NamespaceMatch) -> Self {
    Self(first: node?.pointer.pointee.children, name: name, namespace: namespace)
  }

  struct Iterator: IteratorProtocol {
    var cursor: UnsafeMutablePointer<xmlNode>?
    let name: InternedName
    let namespace: NamespaceMatch
    let backwards: Bool

    mutating func next() -> Node? {
      while let node = cursor {
        cursor = backwards ? node.pointee.prev : node.pointee.next
        if node.pointee.type == XML_ELEMENT_NODE, Node(node).isNamed(name, in: namespace) {
          return Node(node)
        }
      }
      return nil
    }
  }

  func makeIterator() -> Iterator {
    Iterator(cursor: first, name: name, namespace: namespace, backwards: backwards)
  }
}
