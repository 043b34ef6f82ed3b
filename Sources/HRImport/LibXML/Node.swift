internal import CLibXML2

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
      return Self.trimmedString(content)
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

  /// The text of the first child with this name.
  func text(_ name: String, in namespace: String) -> String? {
    first(name, in: namespace)?.text
  }

  /// The value of the attribute with this local name (whatever its prefix), trimmed; `nil` when
  /// absent or empty.
  func attribute(_ name: String) -> String? {
    property { Self.equal($0, name) }.flatMap(Self.value(of:))
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

  // MARK: Attribute lookup and trimming, shared by both query APIs

  /// The first attribute node whose local name (whatever its prefix) satisfies `matches`.
  ///
  /// Both query APIs look attributes up here: by string (`attribute(_:)`) and by interned name
  /// (`attribute(_:)` and `attribute(_:is:)` in `Node+InternedNames.swift`).
  func property(
    where matches: (UnsafePointer<xmlChar>) -> Bool
  ) -> UnsafeMutablePointer<xmlAttr>? {
    var property = pointer.pointee.properties
    while let attribute = property {
      if let own = attribute.pointee.name, matches(own) { return attribute }
      property = attribute.pointee.next
    }
    return nil
  }

  /// An attribute's value, trimmed; `nil` when empty.
  static func value(of attribute: UnsafeMutablePointer<xmlAttr>) -> String? {
    // The common case, one text child: trim it in libxml2's buffer before making a string.
    if let only = attribute.pointee.children, only.pointee.next == nil,
      let content = only.pointee.content
    {
      return trimmedString(content)
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

  /// The content of the element's only child when that child is a text node.
  var singleTextContent: UnsafePointer<xmlChar>? {
    guard let only = pointer.pointee.children, only.pointee.next == nil,
      only.pointee.type == XML_TEXT_NODE, let content = only.pointee.content
    else { return nil }
    return UnsafePointer(content)
  }

  /// XML white space: space, tab, line feed, carriage return.
  @inline(__always)
  static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }

  /// Calls `body` with the bytes of a C string without surrounding white space; `nil` when
  /// nothing is left.
  ///
  /// The length comes from `strlen` and only the ends are tested for white space: every field
  /// a reader looks at passes here, and a test of every byte cost more than the copy.
  static func withTrimmed<R>(
    _ content: UnsafePointer<xmlChar>, _ body: (UnsafeBufferPointer<UInt8>) -> R
  ) -> R? {
    var end = UnsafeRawPointer(content).withMemoryRebound(to: CChar.self, capacity: 1) {
      strlen($0)
    }
    var start = 0
    while start < end, isSpace(content[start]) { start += 1 }
    while end > start, isSpace(content[end - 1]) { end -= 1 }
    guard end > start else { return nil }
    return body(UnsafeBufferPointer(start: content + start, count: end - start))
  }

  /// A C string as a trimmed Swift string; `nil` when nothing is left.
  static func trimmedString(_ content: UnsafePointer<xmlChar>) -> String? {
    withTrimmed(content) { String(decoding: $0, as: UTF8.self) }
  }
}
