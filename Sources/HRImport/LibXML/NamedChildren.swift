internal import CLibXML2

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
