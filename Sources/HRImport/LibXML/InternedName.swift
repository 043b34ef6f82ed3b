internal import CLibXML2

/// An element or attribute name as libxml2 stores it for one document.
///
/// Every parse the importer runs keeps libxml2's name dictionary on (it never sets
/// `XML_PARSE_NODICT`), so all the element and attribute names of a document are interned: two
/// equal names are one pointer, and matching a child by name is a single comparison instead of
/// a string comparison per child. A document without a dictionary (which no parser here
/// produces) falls back to comparing bytes, so the result never depends on the interning.
struct InternedName {
  private let pointer: UnsafePointer<xmlChar>
  private let exact: Bool

  /// A name `NameInterner` looked up; `exact` when `pointer` is in the document's dictionary.
  init(_ pointer: UnsafePointer<xmlChar>, exact: Bool) {
    self.pointer = pointer
    self.exact = exact
  }

  @inline(__always)
  func matches(_ name: UnsafePointer<xmlChar>?) -> Bool {
    guard let name else { return false }
    return exact ? name == pointer : xmlStrEqual(name, pointer) != 0
  }
}
