/// An element name as the detector sees it.
struct QualifiedName: Hashable, Sendable {
  var namespace: String
  var localName: String
  /// Approximate line (the streaming parser may have read a little further).
  var line: Int = 0

  static func == (lhs: Self, rhs: Self) -> Bool {
    lhs.namespace == rhs.namespace && lhs.localName == rhs.localName
  }

  func hash(into hasher: inout Hasher) {
    hasher.combine(namespace)
    hasher.combine(localName)
  }
}
