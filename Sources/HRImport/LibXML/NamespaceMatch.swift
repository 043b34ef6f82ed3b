internal import CLibXML2

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
