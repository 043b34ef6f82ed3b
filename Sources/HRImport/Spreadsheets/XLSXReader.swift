/// Reads the sheets of an Office Open XML workbook (`.xlsx`, `.xlsm`) into grids.
///
/// The workbook names its sheets and their parts through relationships; strings live in one
/// shared table; a formula's cell keeps its cached value in `<v>` beside `<f>`, which is what
/// is read (nothing is recalculated); merged ranges follow the cells. Sheets stream through
/// libxml2's SAX interface and the small parts through its reader, so memory grows with the
/// cells, not with the markup.
struct XLSXReader {
  static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
  static let strictMain = "http://purl.oclc.org/ooxml/spreadsheetml/main"
  static let relationships =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
  static let strictRelationships = "http://purl.oclc.org/ooxml/officeDocument/relationships"
  static let packageRelationships =
    "http://schemas.openxmlformats.org/package/2006/relationships"

  let path: String
  private(set) var diagnostics: [Diagnostic] = []

  init(path: String) { self.path = path }

  /// Every sheet of the workbook, in the workbook's order.
  mutating func read() -> [SheetGrid] {
    var package: ZipPackage
    do {
      package = try ZipPackage(path: path)
    } catch {
      fail(error.message)
      return []
    }
    do {
      return try read(&package)
    } catch {
      fail(error.message)
      return []
    }
  }

  private mutating func fail(_ message: String, part: String? = nil) {
    diagnostics.append(
      Diagnostic(
        .error, part.map { "\(message) (part '\($0)')" } ?? message,
        at: SourceLocation(file: path)))
  }

  private mutating func read(
    _ package: inout ZipPackage
  ) throws(ZipPackage.Failure)
    -> [SheetGrid]
  {
    let workbookPath =
      try relationshipTargets(of: "", in: &package).first {
        $0.type.hasSuffix("/officeDocument")
      }?.target ?? "xl/workbook.xml"
    guard let workbook = try package.data(workbookPath) else {
      fail("the archive has no workbook part, so it is no Excel workbook")
      return []
    }
    let targets = Dictionary(
      try relationshipTargets(of: workbookPath, in: &package).map { ($0.id, $0) },
      uniquingKeysWith: { first, _ in first })
    var sharedStrings: [String] = []
    if let strings = targets.values.first(where: { $0.type.hasSuffix("/sharedStrings") }),
      let bytes = try package.data(strings.target)
    {
      sharedStrings = readSharedStrings(bytes, part: strings.target)
    }
    var grids: [SheetGrid] = []
    for sheet in readSheetList(workbook, part: workbookPath) {
      guard let target = targets[sheet.relationship], target.type.hasSuffix("/worksheet") else {
        continue  // a chart sheet or a dialog sheet holds no cells
      }
      guard let bytes = try package.data(target.target) else {
        fail("sheet '\(sheet.name)' names a part the archive does not hold", part: target.target)
        continue
      }
      grids.append(readSheet(bytes, name: sheet.name, part: target.target, strings: sharedStrings))
    }
    return grids
  }

  // MARK: Relationships and the workbook

  private struct Relationship {
    var id: String
    var type: String
    var target: String
  }

  /// The relationships of `part` (`""` for the package), with targets resolved to part names.
  private mutating func relationshipTargets(
    of part: String, in package: inout ZipPackage
  ) throws(ZipPackage.Failure) -> [Relationship] {
    let folder = part.split(separator: "/").dropLast().joined(separator: "/")
    let file = part.split(separator: "/").last.map(String.init) ?? ""
    let relsPath = (folder.isEmpty ? "" : folder + "/") + "_rels/" + file + ".rels"
    guard let bytes = try package.data(relsPath) else { return [] }
    let stream = SheetXMLStream(bytes: bytes, partName: describe(relsPath))
    var found: [Relationship] = []
    while let event = stream.next() {
      guard case .start("Relationship", _, _) = event else { continue }
      // External targets (hyperlinks) point outside the package and are never followed.
      guard stream.attribute("TargetMode") != "External", let id = stream.attribute("Id"),
        let target = stream.attribute("Target"),
        let resolved = ZipPackage.resolve(target, relativeTo: part.isEmpty ? "x" : part)
      else { continue }
      found.append(Relationship(id: id, type: stream.attribute("Type") ?? "", target: resolved))
    }
    diagnostics += stream.diagnostics
    return found
  }

  private func describe(_ part: String) -> String { "\(path) (\(part))" }

  private mutating func readSheetList(
    _ bytes: [UInt8], part: String
  ) -> [(name: String, relationship: String)] {
    let stream = SheetXMLStream(bytes: bytes, partName: describe(part))
    var sheets: [(name: String, relationship: String)] = []
    while let event = stream.next() {
      guard case .start("sheet", _, _) = event else { continue }
      let relationship =
        stream.attribute("id", namespace: Self.relationships)
        ?? stream.attribute("id", namespace: Self.strictRelationships)
      guard let relationship else { continue }
      sheets.append((stream.attribute("name") ?? "Sheet\(sheets.count + 1)", relationship))
    }
    diagnostics += stream.diagnostics
    return sheets
  }

  /// The shared string table: each `<si>`'s text, run by run, leaving out phonetic guides.
  private mutating func readSharedStrings(_ bytes: [UInt8], part: String) -> [String] {
    let stream = SheetXMLStream(bytes: bytes, partName: describe(part))
    var strings: [String] = []
    var current = ""
    var inText = false
    var phoneticDepth = 0
    while let event = stream.next() {
      switch event {
      case .start(let name, _, let isEmpty):
        if name == "si" {
          current = ""
          if isEmpty { strings.append("") }
        } else if name == "rPh" {
          if !isEmpty { phoneticDepth += 1 }
        } else if name == "t" {
          inText = !isEmpty
        }
      case .end(let name, _):
        if name == "si" {
          strings.append(current)
        } else if name == "rPh" {
          phoneticDepth -= 1
        } else if name == "t" {
          inText = false
        }
      case .text(let text):
        if inText, phoneticDepth == 0 { current += text }
      }
    }
    diagnostics += stream.diagnostics
    return strings
  }

  // MARK: Worksheets

  /// One worksheet, through libxml2's SAX interface (see ``WorksheetSAXReader``): a sheet may
  /// hold millions of cells.
  private mutating func readSheet(
    _ bytes: [UInt8], name: String, part: String, strings: [String]
  ) -> SheetGrid {
    let (grid, found) = WorksheetSAXReader.read(
      bytes: bytes, name: name, partName: describe(part), path: path, strings: strings)
    diagnostics += found
    return grid
  }
}
