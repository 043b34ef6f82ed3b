/// Where the elements a `NativeFileReader` reads are in their file, for its diagnostics and the
/// places of the values it keeps.
///
/// `ParsedElement.offset` is whatever the positions need to find an element: the byte offset of
/// its `<` for a file in memory (`SourcePositions`), its index among the tags of the record
/// being read for a streamed file (`StreamedRecord`).
protocol ElementPositions {
  /// The place of the element's `<`.
  func location(ofElement element: Int) -> SourceLocation
  /// The place of the element's attribute `name` (as written, prefix included), or of the
  /// element when it has no attribute so written.
  func location(of attribute: String, inElement element: Int) -> SourceLocation
}

/// Positions in a file held in memory, where an element's offset is the byte offset of its `<`.
struct SourcePositions: ElementPositions {
  let source: SourceText
  /// Attribute offsets of the element last asked about, indexed once per element.
  private let attributes: AttributeIndex

  init(_ source: SourceText) {
    self.source = source
    attributes = AttributeIndex(source)
  }

  func location(ofElement element: Int) -> SourceLocation {
    source.location(ofOffset: element)
  }

  func location(of attribute: String, inElement element: Int) -> SourceLocation {
    source.location(ofOffset: attributes.offset(named: attribute, inTagAt: element) ?? element)
  }
}
