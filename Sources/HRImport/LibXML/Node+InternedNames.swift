internal import CLibXML2

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The fast query API, by interned name: what the Workday reader uses on exports of millions of
/// elements. The by-string API in `Node.swift` serves the other readers; attribute lookup and
/// trimming are shared between the two.
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

  /// The value of the attribute with this local name (whatever its prefix), trimmed; `nil` when
  /// absent or empty.
  func attribute(_ name: InternedName) -> String? {
    property(where: { name.matches($0) }).flatMap(Self.value(of:))
  }

  /// Whether the attribute's trimmed value is `value` (false when absent or empty), without
  /// making a string of it.
  func attribute(_ name: InternedName, is value: StaticString) -> Bool {
    guard let attribute = property(where: { name.matches($0) }) else { return false }
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
      return Self.withTrimmed(content) { bytes in value.withUTF8 { Self.same(bytes, $0) } }
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

  @inline(__always)
  private static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ value: StaticString) -> Bool {
    same(bytes, UnsafeBufferPointer(start: value.utf8Start, count: value.utf8CodeUnitCount))
  }

  /// Whether two byte runs are equal: `memcmp`, which a generic `elementsEqual` (a byte at a
  /// time) cost several times over on every field compared.
  @inline(__always)
  private static func same(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool
  {
    guard a.count == b.count else { return false }
    guard a.count > 0 else { return true }
    guard let x = a.baseAddress, let y = b.baseAddress else { return false }
    return memcmp(x, y, a.count) == 0
  }
}
