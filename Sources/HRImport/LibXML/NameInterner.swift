internal import CLibXML2

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

  /// The interner for the documents of a parser whose dictionary is `dictionary`.
  ///
  /// Made on the parsing thread before the parse begins, when records are read on another
  /// thread (`RecordHandoff`): the dictionary may only be read where the parser adds to it.
  init(dictionary: xmlDictPtr) {
    self.dictionary = dictionary
    exact = true
    owned = false
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
    return InternedName(pointer, exact: exact)
  }
}
