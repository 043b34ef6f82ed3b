import TestSupport
import Testing

@testable import HRImport

/// The byte scan resumes wherever a chunk ends: the same file fed in chunks of any size gives
/// the same violation, large elements and early stop.
@Suite("The byte scan gives the same result whatever the chunk sizes")
struct InputScannerChunkTests {
  /// What a scan found.
  struct Outcome: Equatable {
    var violation: InputLimits.Violation?
    var largeElements: [InputLimits.LargeElement] = []
    var finished = false
  }

  struct Document: Sendable, CustomTestStringConvertible {
    var label: String
    var text: String
    var limits = InputScannerChunkTests.small
    var startTagBudget: Int?
    /// Worked out by hand, so the test fails if every chunk size is wrong the same way.
    var expected: Outcome?

    var testDescription: String { label }
  }

  /// Small limits, so that the documents breaking them stay small.
  static let small: InputLimits = {
    var limits = InputLimits()
    limits.attributesPerElement = 3
    limits.nameLength = 8
    limits.attributeValueLength = 10
    limits.depth = 4
    limits.recordSize = 1000
    return limits
  }()

  /// `small`, with a record size the large-element documents pass.
  static let smallRecords: InputLimits = {
    var limits = small
    limits.nameLength = 100
    limits.recordSize = 30
    return limits
  }()

  static func violation(_ message: String, at offset: Int) -> Outcome {
    Outcome(
      violation: InputLimits.Violation(message: message, offset: offset, line: 0, column: 0),
      finished: true)
  }

  static let documents: [Document] = [
    Document(
      // Each construct below hides a start tag with too many attributes and is followed by one,
      // so reading it wrongly moves or loses the violation.
      label: "comments holding markup, dashes and a false end",
      text: "<r><!-- <a b='1' c d e> -- > - -><!---- x -- y ---><e a b c d/></r>",
      expected: violation("element <e> has more than 3 attributes (limit 3)", at: 51)),
    Document(
      label: "CDATA holding markup and ]]",
      text: "<r><![CDATA[ <a b c d e> ]] > ]]]]></r><![CDATA[]]><e a b c d/>",
      expected: violation("element <e> has more than 3 attributes (limit 3)", at: 51)),
    Document(
      label: "instructions holding ? and >",
      text: "<?xml version='1.0'?><?pi ? > <a b c d e> ??><r><?x?></r><e a b c d/>",
      expected: violation("element <e> has more than 3 attributes (limit 3)", at: 57)),
    Document(
      label: "values holding > and the other quote",
      text: "<r a='x>\"y' b=\"p>'q\" c='<' d='>'><e z=\"'>'\"/></r>",
      expected: violation("element <r> has more than 3 attributes (limit 3)", at: 0)),
    Document(
      // Four elements open at <c/>, the most the limit allows: one miscounted tag breaks it.
      label: "self-closing tags and end tags with spaces",
      text: "<r>\n<e/><e a='1' /><e\n/><f ></f ><g></g\n><a><b><x><c/></x></b></a></r >",
      expected: Outcome()),
    Document(
      label: "a DOCTYPE stops the scan",
      text: "<!DOCTYPE r [<!ENTITY x 'y'>]><r a='1' b='2' c='3' d='4'/>",
      expected: Outcome(finished: true)),
    Document(
      label: "too many attributes",
      text: "<r>\n <e a='1' b='2'\n c='3' d='4'/></r>",
      expected: violation("element <e> has more than 3 attributes (limit 3)", at: 5)),
    Document(
      label: "an element name over the limit",
      text: "<r><abcdefghi/></r>",
      expected: violation("an element name is longer than 8 bytes (limit 8)", at: 3)),
    Document(
      label: "an attribute name over the limit",
      text: "<r><ee a='1' b123456789='2'/></r>",
      expected: violation(
        "an attribute name in element <ee> is longer than 8 bytes (limit 8)", at: 13)),
    Document(
      label: "elements nested deeper than the limit",
      text: "<a><b><c><d><e><f/></e></d></c></b></a>",
      expected: violation(
        "elements nest deeper than 4 levels; no HR export needs that, so the file is refused",
        at: 15)),
    Document(
      label: "an attribute value over the limit",
      text: "<r><e a='0123456789' b=\"0123456789x\"/></r>",
      expected: violation(
        "an attribute value in element <e> is longer than 0 MiB (limit 10 bytes)", at: 21)),
    Document(
      label: "elements larger than the record size",
      text: "<root><big>0123456789012345678901234567890</big><s/></root>",
      limits: smallRecords,
      expected: Outcome(largeElements: [
        InputLimits.LargeElement(offset: 6, end: 48, name: "big"),
        InputLimits.LargeElement(offset: 0, end: 59, name: "root"),
      ])),
    Document(
      label: "large elements' names: spaces left out of end tags, 64 bytes kept",
      text: "<wd:a x='1'>" + String(repeating: "t", count: 30) + "</wd:a >" + "<"
        + String(repeating: "n", count: 70) + ">" + String(repeating: "t", count: 30) + "</ "
        + String(repeating: "n", count: 70) + " >",
      limits: smallRecords,
      expected: Outcome(largeElements: [
        InputLimits.LargeElement(offset: 0, end: 50, name: "wd:a"),
        InputLimits.LargeElement(
          offset: 50, end: 227, name: String(repeating: "n", count: 64)),
      ])),
    Document(
      label: "the start-tag budget stops the scan before a later violation",
      text: "<a><b/><c></c><d w='1' x='2' y='3' z='4'/></a>",
      startTagBudget: 3,
      expected: Outcome(finished: true)),
    Document(
      label: "a label over 64 bytes, and a broken tag",
      text: "<" + String(repeating: "n", count: 70) + " a='1' b/ c=d e f></r>",
      limits: smallRecords,
      expected: violation(
        "element <" + String(repeating: "n", count: 64) + "> has more than 3 attributes "
          + "(limit 3)", at: 0)),
    Document(
      // `?` is the one byte the eight-at-a-time search for a name's end marks wrongly; the
      // name must run on past each of them.
      label: "names full of '?' across eight-byte words",
      text: "<r.?.?.?.?.? a b c d/>",
      limits: smallRecords,
      expected: violation("element <r.?.?.?.?.?> has more than 3 attributes (limit 3)", at: 0)),
    Document(
      label: "UTF-8 names of seven to nine bytes, ending at word edges",
      text: "<r><ä123456 a='1'/><ödüé x y z w/></r>",
      limits: smallRecords,
      expected: violation("element <ödüé> has more than 3 attributes (limit 3)", at: 20)),
  ]

  static func scan(_ document: Document, chunkSize: Int) -> Outcome {
    var scanner = InputLimits.Scanner(
      limits: document.limits, startTagBudget: document.startTagBudget)
    let bytes = Array(document.text.utf8)
    bytes.withUnsafeBytes { all in
      var start = 0
      while start < all.count {
        let end = min(start + chunkSize, all.count)
        guard scanner.feed(UnsafeRawBufferPointer(rebasing: all[start..<end])) else { break }
        start = end
      }
    }
    return Outcome(
      violation: scanner.violation, largeElements: scanner.largeElements,
      finished: scanner.finished)
  }

  @Test(
    "chunks of 1 to 17 and 64 bytes give what the whole file gives", arguments: documents)
  func chunked(document: Document) {
    let whole = Self.scan(document, chunkSize: .max)
    if let expected = document.expected {
      #expect(whole == expected)
    }
    for size in [1, 2, 3, 7, 8, 9, 15, 16, 17, 64] {
      #expect(Self.scan(document, chunkSize: size) == whole, "chunks of \(size) bytes")
    }
  }

  @Test("5,000 nested elements under a depth limit of 100,000, in chunks of 1 to 7 bytes")
  func deepNesting() {
    var limits = Self.smallRecords
    limits.depth = 100_000
    limits.recordSize = 30_000
    let text = String(repeating: "<a>", count: 5000) + String(repeating: "</a>", count: 5000)
    let document = Document(label: "deep", text: text, limits: limits)
    let whole = Self.scan(document, chunkSize: .max)
    // Element k (from 0, outermost first) starts at 3k and spans 35,000 − 7k bytes, so the
    // 715 outermost (k ≤ 714) are larger than 30,000, listed in the order they end.
    #expect(whole.violation == nil)
    #expect(whole.largeElements.count == 715)
    #expect(
      whole.largeElements.first
        == InputLimits.LargeElement(offset: 2142, end: 35_000 - 7 * 714 + 2142, name: "a"))
    #expect(whole.largeElements.last == InputLimits.LargeElement(offset: 0, end: 35_000, name: "a"))
    for size in 1...7 {
      #expect(Self.scan(document, chunkSize: size) == whole, "chunks of \(size) bytes")
    }
  }

  @Test("random markup gives the same result whole and in random chunks")
  func randomChunks() {
    // Pieces that open and close every construct the scan follows, so that random sequences
    // end chunks inside each of them.
    let pieces = [
      "<a>", "</a>", "<bb x='1'>", "</bb>", "<c/>", "<d e=\"f>g\" h='i\"'/>", "<!-- - -- >", "-->",
      "<![CDATA[ ]] >", "]]>", "<?pi ? >", "?>", "text", " ", "\n", "<", ">", "/", "=", "'", "\"",
      "<n.?.?.?.?", "é", "<e a b c d>", "<!DOCTYPE x>",
    ]
    var generator = SeededRandom(seed: 12_345)
    var limits = Self.smallRecords
    limits.depth = 6
    limits.recordSize = 40
    for round in 0..<400 {
      let length = Int(generator.next() % 40) + 1
      let text = (0..<length).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }
        .joined()
      let document = Document(label: "random \(round)", text: text, limits: limits)
      let whole = Self.scan(document, chunkSize: .max)
      var scanner = InputLimits.Scanner(limits: limits)
      Array(text.utf8).withUnsafeBytes { all in
        var start = 0
        while start < all.count {
          let end = min(start + Int(generator.next() % 9) + 1, all.count)
          guard scanner.feed(UnsafeRawBufferPointer(rebasing: all[start..<end])) else { break }
          start = end
        }
      }
      let chunked = Outcome(
        violation: scanner.violation, largeElements: scanner.largeElements,
        finished: scanner.finished)
      #expect(chunked == whole, "\(text)")
    }
  }
}
