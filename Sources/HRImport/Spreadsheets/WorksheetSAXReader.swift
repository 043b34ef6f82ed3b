internal import CLibXML2

/// Reads one worksheet part of an Office Open XML workbook into a grid, through libxml2's SAX2
/// interface.
///
/// A 10,000 × 500 skills matrix is five million `<c>` elements. `xmlTextReader`, which
/// ``SheetXMLStream`` uses for the small parts, builds a node for every element and text and then
/// walks them; SAX hands each start tag, end tag and text straight to the callbacks here, so
/// nothing is built per cell but its value (BENCHMARKS.md, "Spreadsheet import").
///
/// The safety rules are ``SheetXMLStream``'s: the bytes pass `InputLimits` before libxml2 sees
/// one, the options are `LibXML.safeOptions` (no network, no entity substitution, no DTD
/// loading, libxml2's limits on), the deny-all entity loader refuses external entities, and a
/// DOCTYPE stops the parse with an error. libxml2's errors are collected, never printed.
enum WorksheetSAXReader {
  /// The sheet's cells and merged ranges, then what was wrong: each cell's problem at the cell,
  /// then libxml2's errors in the part.
  static func read(
    bytes: [UInt8], name: String, partName: String, path: String, strings: [String]
  ) -> (grid: SheetGrid, diagnostics: [Diagnostic]) {
    LibXML.initialize()
    let errors = StreamErrors(path: partName)
    // Before libxml2 sees a byte: its attribute handling is quadratic in a tag's attributes,
    // and a part of a few hundred kilobytes could keep it busy for seconds.
    if let violation = bytes.withUnsafeBytes({ InputLimits.standard.check($0) }) {
      let diagnostic = Diagnostic(
        .error, violation.message,
        at: SourceLocation(file: partName, line: violation.line, column: violation.column))
      return (SheetGrid(name: name), [diagnostic])
    }
    return bytes.withUnsafeBytes { input in
      let state = UnsafeMutablePointer<WorksheetState>.allocate(capacity: 1)
      state.initialize(
        to: WorksheetState(
          grid: SheetGrid(name: name), path: path, strings: strings, errors: errors,
          input: input))
      defer {
        state.deinitialize(count: 1)
        state.deallocate()
      }
      var handler = xmlSAXHandler()
      handler.initialized = XML_SAX2_MAGIC
      handler.startElementNs = worksheetElementStart
      handler.endElementNs = worksheetElementEnd
      handler.characters = worksheetText
      handler.ignorableWhitespace = worksheetText
      handler.cdataBlock = worksheetText
      handler.internalSubset = worksheetDoctype
      handler.serror = worksheetError
      let opaque = UnsafeMutableRawPointer(state)
      guard
        let parser = xmlCreateIOParserCtxt(
          &handler, opaque, worksheetInput, nil, opaque, XML_CHAR_ENCODING_NONE)
      else {
        return (
          SheetGrid(name: name),
          [Diagnostic(.error, "part is not well-formed XML", at: errors.wholeFile)]
        )
      }
      defer {
        if let document = parser.pointee.myDoc { xmlFreeDoc(document) }
        xmlFreeParserCtxt(parser)
      }
      state.pointee.parser = parser
      xmlCtxtUseOptions(parser, LibXML.safeOptions)
      xmlParseDocument(parser)
      var diagnostics = state.pointee.diagnostics
      if state.pointee.sawDoctype {
        diagnostics += errors.diagnostics
        diagnostics.append(
          Diagnostic(
            .error,
            "DOCTYPE declarations are not accepted in a spreadsheet's XML: entity "
              + "declarations can read local files or expand without bound",
            at: errors.wholeFile))
      } else {
        diagnostics += errors.diagnostics
        if parser.pointee.wellFormed == 0,
          !errors.diagnostics.contains(where: { $0.severity == .error })
        {
          diagnostics.append(
            Diagnostic(.error, "part is not well-formed XML", at: errors.wholeFile))
        }
      }
      return (state.pointee.grid, diagnostics)
    }
  }

  /// What a cell's `t` attribute says its `<v>` holds.
  enum CellType {
    /// `n`, no type, or a type no reader knows: a number.
    case number
    /// `s`: an index into the shared strings.
    case shared
    /// `str` (a formula's text), `inlineStr`, `d` (a date as ISO text).
    case text
    case boolean
    case error

    /// The type a `t` attribute names, compared as bytes: five million cells carry one.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
      switch (bytes.count, bytes.first) {
      case (1, UInt8(ascii: "s")?): self = .shared
      case (1, UInt8(ascii: "d")?): self = .text
      case (1, UInt8(ascii: "b")?): self = .boolean
      case (1, UInt8(ascii: "e")?): self = .error
      case (3, UInt8(ascii: "s")?) where bytesAre(bytes, "str"): self = .text
      case (9, UInt8(ascii: "i")?) where bytesAre(bytes, "inlineStr"): self = .text
      default: self = .number
      }
    }
  }
}

/// What the callbacks share while one worksheet is parsed.
private struct WorksheetState {
  var grid: SheetGrid
  let path: String
  let strings: [String]
  let errors: StreamErrors
  /// The part's bytes, handed to libxml2 a buffer at a time.
  let input: UnsafeRawBufferPointer
  var offset = 0
  var parser: xmlParserCtxtPtr?
  var diagnostics: [Diagnostic] = []
  var sawDoctype = false
  var row = -1
  var column = -1
  var type = WorksheetSAXReader.CellType.number
  var value: [UInt8] = []
  var inValue = false
  var inInline = false
  var inCell = false

  init(
    grid: SheetGrid, path: String, strings: [String], errors: StreamErrors,
    input: UnsafeRawBufferPointer
  ) {
    self.grid = grid
    self.path = path
    self.strings = strings
    self.errors = errors
    self.input = input
  }

  /// Stores the cell that just ended: its value as its type says, with an error at the cell
  /// for a shared string the workbook does not hold or text where a number is promised.
  ///
  /// A method of the state, so that the grid, the strings and the value are read in place for
  /// each of a sheet's millions of cells rather than copied into a call.
  mutating func storeCell() {
    // Most cells of a skills matrix hold a small whole number, and most of the rest a shared
    // string's index: read their digits without making a string.
    let digits = value.withUnsafeBufferPointer(SheetGrid.plainDigits)
    let cell: SheetCell
    switch type {
    case .number:
      if let digits {
        cell = .number(Double(digits))
      } else {
        cell = grid.numberCell(
          String(decoding: value, as: UTF8.self), row: row, column: column, file: path,
          diagnostics: &diagnostics)
      }
    case .shared:
      if let digits, strings.indices.contains(digits) {
        cell = .text(strings[digits])
      } else {
        let text = String(decoding: value, as: UTF8.self)
        if let index = Int(text.trimmingSpaces), strings.indices.contains(index) {
          cell = .text(strings[index])
        } else {
          if !text.isEmpty {
            diagnostics.append(
              Diagnostic(
                .error, "cell refers to shared string \(text), which the workbook does not hold",
                at: grid.location(file: path, row: row, column: column)))
          }
          cell = .empty
        }
      }
    case .text:
      cell = .text(String(decoding: value, as: UTF8.self))
    case .boolean:
      cell = .boolean(String(decoding: value, as: UTF8.self).trimmingSpaces == "1")
    case .error:
      cell = .error(String(decoding: value, as: UTF8.self).trimmingSpaces)
    }
    grid.set(cell, row: row, column: column)
  }

  /// True when the element that just ended was written `<c/>`: libxml2 ends it right after its
  /// `/>`, while a `</c>` leaves `>` after a name byte or a blank.
  ///
  /// `xmlTextReader` gave no end for an empty element, so `<c t="b"/>` was no cell at all while
  /// `<c t="b"></c>` was `FALSE`; this keeps that difference.
  var endedEmpty: Bool {
    guard let input = parser?.pointee.input, let cur = input.pointee.cur,
      let base = input.pointee.base, cur - base >= 2
    else { return false }
    return cur[-2] == UInt8(ascii: "/") && cur[-1] == UInt8(ascii: ">")
  }
}

/// Whether a libxml2 name is exactly `expected`.
private func nameIs(_ name: UnsafePointer<xmlChar>?, _ expected: StaticString) -> Bool {
  guard let name else { return false }
  let bytes = expected.utf8Start
  for index in 0..<expected.utf8CodeUnitCount where name[index] != bytes[index] {
    return false
  }
  return name[expected.utf8CodeUnitCount] == 0
}

/// Whether `bytes` are exactly `expected`.
private func bytesAre(_ bytes: UnsafeBufferPointer<UInt8>, _ expected: StaticString) -> Bool {
  guard bytes.count == expected.utf8CodeUnitCount else { return false }
  let start = expected.utf8Start
  for index in 0..<bytes.count where bytes[index] != start[index] { return false }
  return true
}

/// Calls `body` with the local name and value of each attribute without a namespace, from
/// SAX2's array of five pointers per attribute (local name, prefix, URI, value, value's end).
private func forEachAttribute(
  _ count: Int32, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
  _ body: (UnsafePointer<xmlChar>, UnsafeBufferPointer<UInt8>) -> Void
) {
  guard let attributes, count > 0 else { return }
  for index in 0..<Int(count) {
    let base = attributes + 5 * index
    guard let name = base[0], base[2] == nil, let value = base[3], let end = base[4],
      end >= value
    else { continue }
    body(name, UnsafeBufferPointer(start: value, count: end - value))
  }
}

private let worksheetElementStart: startElementNsSAX2Func = {
  context, localName, _, _, _, _, attributeCount, _, attributes in
  guard let context, let localName else { return }
  let state = context.assumingMemoryBound(to: WorksheetState.self)
  if nameIs(localName, "c") {
    var reference: CellReference?
    state.pointee.type = .number
    forEachAttribute(attributeCount, attributes) { name, text in
      if nameIs(name, "r") {
        reference = CellReference(bytes: text)
      } else if nameIs(name, "t") {
        state.pointee.type = WorksheetSAXReader.CellType(text)
      }
    }
    if let reference {
      state.pointee.column = reference.column
      if state.pointee.row < 0 { state.pointee.row = reference.row }
    } else {
      state.pointee.column += 1
    }
    state.pointee.value.removeAll(keepingCapacity: true)
    state.pointee.inCell = true
  } else if nameIs(localName, "v") {
    state.pointee.inValue = state.pointee.inCell
  } else if nameIs(localName, "row") {
    var number: Int?
    forEachAttribute(attributeCount, attributes) { name, text in
      if nameIs(name, "r") { number = SheetGrid.plainDigits(text) }
    }
    if let number, number >= 1, number <= SheetGrid.maximumRows {
      state.pointee.row = number - 1
    } else {
      state.pointee.row += 1
    }
    state.pointee.column = -1
  } else if nameIs(localName, "is") {
    state.pointee.inInline = state.pointee.inCell
  } else if nameIs(localName, "mergeCell") {
    var range: CellRange?
    forEachAttribute(attributeCount, attributes) { name, text in
      if nameIs(name, "ref") {
        range = CellRange(reference: String(decoding: text, as: UTF8.self))
      }
    }
    if let range { state.pointee.grid.merges.append(range) }
  }
}

private let worksheetElementEnd: endElementNsSAX2Func = { context, localName, _, _ in
  guard let context, let localName else { return }
  let state = context.assumingMemoryBound(to: WorksheetState.self)
  if nameIs(localName, "c") {
    if state.pointee.inCell, !state.pointee.endedEmpty { state.pointee.storeCell() }
    state.pointee.inCell = false
  } else if nameIs(localName, "v") {
    state.pointee.inValue = false
  } else if nameIs(localName, "is") {
    state.pointee.inInline = false
  }
}

private let worksheetText: charactersSAXFunc = { context, text, count in
  guard let context, let text, count > 0 else { return }
  let state = context.assumingMemoryBound(to: WorksheetState.self)
  guard state.pointee.inValue || state.pointee.inInline else { return }
  state.pointee.value.append(contentsOf: UnsafeBufferPointer(start: text, count: Int(count)))
}

/// Any DOCTYPE stops the parse before its internal subset is read.
private let worksheetDoctype: internalSubsetSAXFunc = { context, _, _, _ in
  guard let context else { return }
  let state = context.assumingMemoryBound(to: WorksheetState.self)
  state.pointee.sawDoctype = true
  if let parser = state.pointee.parser { xmlStopParser(parser) }
}

private let worksheetError: xmlStructuredErrorFunc = { context, error in
  guard let context, let error else { return }
  context.assumingMemoryBound(to: WorksheetState.self).pointee.errors.report(error)
}

/// Hands libxml2 the next bytes of the part.
private let worksheetInput: xmlInputReadCallback = { context, buffer, length in
  guard let context, let buffer, length > 0 else { return 0 }
  let state = context.assumingMemoryBound(to: WorksheetState.self)
  let input = state.pointee.input
  let offset = state.pointee.offset
  let count = min(Int(length), input.count - offset)
  guard count > 0, let base = input.baseAddress else { return 0 }
  UnsafeMutableRawPointer(buffer).copyMemory(from: base + offset, byteCount: count)
  state.pointee.offset = offset + count
  return Int32(count)
}
