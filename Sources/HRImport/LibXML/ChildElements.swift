internal import CLibXML2

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
