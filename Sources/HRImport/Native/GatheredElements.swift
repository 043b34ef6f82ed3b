internal import CLibXML2

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The elements of a batch of streamed records as flat copies of libxml2's start events, which
/// the reading thread makes into `ParsedElement` trees.
///
/// The parsing thread only copies: each element's names as numbers, its attribute values'
/// bytes, and the index of its start tag in the batch's `StreamedRecord`; the strings, arrays
/// and trees are made on the reading thread, beside the parse (measured: building the trees
/// took a sixth of the parsing thread's instructions).
struct GatheredElements {
  struct Element {
    var name: Int
    /// -1 for no namespace.
    var namespace: Int
    var firstAttribute: Int
    var attributeEnd: Int
    /// The index of its start tag in the batch's `StreamedRecord`.
    var tag: Int
    /// The index just past its last descendant.
    var end: Int
  }

  struct Attribute {
    var name: Int
    var namespace: Int
    /// Where the value's bytes are: in the batch's copied tags (as written, the usual case), or
    /// in `values` (a value libxml2 changed: a reference or white space it normalized).
    var inTag: Bool
    var valueStart: Int
    var valueEnd: Int
  }

  private(set) var elements: [Element] = []
  private var attributes: [Attribute] = []
  private var values: [UInt8] = []
  /// The strings of the names first numbered while this batch was gathered (see `Names`).
  var newNames: [String] = []

  /// Copies an element of a start event; returns its index.
  ///
  /// `tag` is the start tag in libxml2's buffer, whose copy in the batch's `StreamedRecord` is
  /// number `tagIndex` and starts at `tagStart` there: a value libxml2 hands as a pointer into
  /// the tag is not copied again.
  mutating func add(
    name: UnsafePointer<xmlChar>, namespace: UnsafePointer<xmlChar>?, attributeCount: Int,
    attributes list: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
    tag: UnsafeBufferPointer<UInt8>, tagIndex: Int, tagStart: Int, names: inout Names
  ) -> Int {
    let first = attributes.count
    if let list, attributeCount > 0, let tagBase = tag.baseAddress {
      let tagEnd = tagBase + tag.count
      for index in 0..<attributeCount {
        let fields = list + 5 * index
        guard let local = fields[0], let value = fields[3], let end = fields[4] else { continue }
        var attribute = Attribute(
          name: names.number(local, &newNames), namespace: names.number(fields[2], &newNames),
          inTag: false, valueStart: 0, valueEnd: 0)
        if value >= tagBase, end >= value, end <= tagEnd {
          attribute.inTag = true
          attribute.valueStart = tagStart + (value - tagBase)
          attribute.valueEnd = tagStart + (end - tagBase)
        } else {
          attribute.valueStart = values.count
          values.append(contentsOf: UnsafeBufferPointer(start: value, count: end - value))
          attribute.valueEnd = values.count
        }
        attributes.append(attribute)
      }
    }
    elements.append(
      Element(
        name: names.number(name, &newNames), namespace: names.number(namespace, &newNames),
        firstAttribute: first,
        attributeEnd: attributes.count, tag: tagIndex, end: elements.count + 1))
    return elements.count - 1
  }

  /// Marks the end of element `index`: its descendants are the elements added since.
  mutating func end(_ index: Int) {
    elements[index].end = elements.count
  }

  /// The tree of element `index`, its names looked up in `names` (the `newNames` of every batch
  /// so far, in order) and its tags' bytes in `tags`, the batch's `StreamedRecord`.
  func tree(_ index: Int, names: [String], tags: StreamedRecord) -> ParsedElement {
    tags.withBytes { tagBytes in
      values.withUnsafeBufferPointer { valueBytes in
        tree(index, names: names, tagBytes: tagBytes, valueBytes: valueBytes)
      }
    }
  }

  private func tree(
    _ index: Int, names: [String], tagBytes: UnsafeBufferPointer<UInt8>,
    valueBytes: UnsafeBufferPointer<UInt8>
  ) -> ParsedElement {
    let element = elements[index]
    var list: [ParsedElement.Attribute] = []
    if element.attributeEnd > element.firstAttribute {
      list.reserveCapacity(element.attributeEnd - element.firstAttribute)
      for attribute in attributes[element.firstAttribute..<element.attributeEnd] {
        let bytes = attribute.inTag ? tagBytes : valueBytes
        list.append(
          ParsedElement.Attribute(
            localName: Self.name(attribute.name, names),
            namespace: Self.name(attribute.namespace, names),
            value: Self.attributeValue(
              UnsafeBufferPointer(rebasing: bytes[attribute.valueStart..<attribute.valueEnd]))))
      }
    }
    var tree = ParsedElement(
      localName: Self.name(element.name, names), namespace: Self.name(element.namespace, names),
      attributes: list, children: [], text: "", offset: element.tag)
    var child = index + 1
    while child < element.end {
      tree.children.append(
        self.tree(child, names: names, tagBytes: tagBytes, valueBytes: valueBytes))
      child = elements[child].end
    }
    return tree
  }

  private static func name(_ number: Int, _ names: [String]) -> String {
    number >= 0 && number < names.count ? names[number] : ""
  }

  /// An attribute value as the in-memory tree holds it.
  ///
  /// Without entity substitution (`XML_PARSE_NOENT` stays off), the parser hands SAX an `&` as
  /// the reference `&#38;`, which the tree builder turns back into `&`; so does this.
  static func attributeValue(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    guard let base = bytes.baseAddress, memchr(base, 0x26, bytes.count) != nil else {
      return String(decoding: bytes, as: UTF8.self)
    }
    let reference = Array("&#38;".utf8)
    var decoded: [UInt8] = []
    decoded.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      if bytes[index] == UInt8(ascii: "&"), index + reference.count <= bytes.count,
        bytes[index..<(index + reference.count)].elementsEqual(reference)
      {
        decoded.append(UInt8(ascii: "&"))
        index += reference.count
      } else {
        decoded.append(bytes[index])
        index += 1
      }
    }
    return String(decoding: decoded, as: UTF8.self)
  }
}

extension GatheredElements {
  /// Numbers for the names libxml2 hands the parse (element, attribute and namespace names),
  /// by their pointer in its dictionary, which holds each name once for the whole parse.
  ///
  /// The string of each is made once, when it is first numbered, and travels to the reading
  /// thread in that batch's `newNames`; a file has a few dozen names.
  struct Names {
    /// A small table indexed by the pointer's bits, in front of a dictionary of them all.
    private var slots = [(pointer: UnsafePointer<xmlChar>?, number: Int)](
      repeating: (nil, -1), count: 128)
    private var numbers: [UnsafePointer<xmlChar>: Int] = [:]

    /// The number of `name` (-1 for none), numbering it and adding its string to `fresh` when
    /// it is new.
    mutating func number(_ name: UnsafePointer<xmlChar>?, _ fresh: inout [String]) -> Int {
      guard let name else { return -1 }
      let slot = Int((UInt(bitPattern: name) >> 3) & 127)
      if slots[slot].pointer == name { return slots[slot].number }
      let number: Int
      if let known = numbers[name] {
        number = known
      } else {
        number = numbers.count
        numbers[name] = number
        // The native namespace shares one string, so comparing it is cheap.
        fresh.append(
          Node.equal(name, NativeFileReader.namespace)
            ? NativeFileReader.namespace : String(cString: name))
      }
      slots[slot] = (name, number)
      return number
    }
  }
}
