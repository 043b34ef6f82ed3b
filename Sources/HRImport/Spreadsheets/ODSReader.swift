/// Reads the sheets of an OpenDocument spreadsheet (`.ods`) into grids.
///
/// `content.xml` holds every table. Runs of identical rows and cells are stored once with a
/// repeat count (a sheet's tail is often one empty row repeated a million times), so empty runs
/// only move the position; a cell's value is its `office:value` for numbers (a formula's cached
/// result) and its paragraphs' text otherwise; merged ranges are the spans on their first cell.
/// Comments (`office:annotation`) are not cell text.
struct ODSReader {
  static let table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
  static let office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
  static let text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
  static let mimeType = "application/vnd.oasis.opendocument.spreadsheet"

  let path: String
  private(set) var diagnostics: [Diagnostic] = []

  init(path: String) { self.path = path }

  mutating func read() -> [SheetGrid] {
    do {
      var package = try ZipPackage(path: path)
      guard let content = try package.data("content.xml") else {
        diagnostics.append(
          Diagnostic(
            .error, "the archive has no content.xml, so it is no OpenDocument spreadsheet",
            at: SourceLocation(file: path)))
        return []
      }
      return read(content: content, partName: "\(path) (content.xml)")
    } catch {
      diagnostics.append(Diagnostic(.error, error.message, at: SourceLocation(file: path)))
      return []
    }
  }

  /// Reads the tables of an OpenDocument content part (also a flat `.fods` file's body).
  mutating func read(content: [UInt8], partName: String) -> [SheetGrid] {
    let stream = SheetXMLStream(bytes: content, partName: partName)
    var grids: [SheetGrid] = []
    var grid: SheetGrid?
    var row = 0
    var column = 0
    var rowRepeat = 1
    var rowHasContent = false
    var rowCells: [(column: Int, cell: SheetCell, count: Int)] = []
    // The cell being read.
    var inCell = false
    var cellRepeat = 1
    var cellValue: SheetCell?
    var cellText = ""
    var paragraphs = 0
    var annotationDepth = 0
    while let event = stream.next() {
      switch event {
      case .start(let name, let namespace, let isEmpty):
        if namespace == Self.table, name == "table" {
          grid = SheetGrid(name: stream.attribute("name", namespace: Self.table))
          row = 0
        } else if namespace == Self.table, name == "table-row" {
          rowRepeat = Self.count(stream.attribute("number-rows-repeated", namespace: Self.table))
          column = 0
          rowHasContent = false
          rowCells = []
          if isEmpty { row = min(row + rowRepeat, SheetGrid.maximumRows) }
        } else if namespace == Self.table, name == "table-cell" || name == "covered-table-cell" {
          cellRepeat = Self.count(
            stream.attribute("number-columns-repeated", namespace: Self.table))
          let spanColumns = Self.count(
            stream.attribute("number-columns-spanned", namespace: Self.table))
          let spanRows = Self.count(stream.attribute("number-rows-spanned", namespace: Self.table))
          if name == "table-cell", spanColumns > 1 || spanRows > 1 {
            grid?.merges.append(
              CellRange(
                top: row, left: column, bottom: row + spanRows - 1,
                right: column + spanColumns - 1))
          }
          cellValue = name == "table-cell" ? typedValue(stream) : nil
          cellText = ""
          paragraphs = 0
          if isEmpty {
            finishCell(&rowCells, &column, &rowHasContent, cellValue, "", cellRepeat)
          } else {
            inCell = true
          }
        } else if inCell {
          if namespace == Self.office, name == "annotation" {
            if !isEmpty { annotationDepth += 1 }
          } else if annotationDepth == 0, namespace == Self.text {
            switch name {
            case "p", "h":
              if paragraphs > 0 { cellText += "\n" }
              paragraphs += 1
            case "s":
              cellText += String(
                repeating: " ",
                count: min(Self.count(stream.attribute("c", namespace: Self.text)), 1000))
            case "tab": cellText += "\t"
            case "line-break": cellText += "\n"
            default: break
            }
          }
        }
      case .end(let name, let namespace):
        if namespace == Self.office, name == "annotation", inCell {
          annotationDepth -= 1
        } else if namespace == Self.table, name == "table-cell" || name == "covered-table-cell" {
          finishCell(&rowCells, &column, &rowHasContent, cellValue, cellText, cellRepeat)
          inCell = false
        } else if namespace == Self.table, name == "table-row" {
          if rowHasContent, var current = grid {
            // A row with content repeated: write it out, within the sheet's limits.
            copies: for copy in 0..<min(rowRepeat, SheetGrid.maximumRows - row) {
              for entry in rowCells {
                for offset in 0..<entry.count {
                  if current.isFull { break copies }
                  current.set(entry.cell, row: row + copy, column: entry.column + offset)
                }
              }
            }
            grid = current
          }
          row = min(row + rowRepeat, SheetGrid.maximumRows)
        } else if namespace == Self.table, name == "table", let finished = grid {
          if finished.isFull {
            diagnostics.append(
              Diagnostic(
                .error,
                "sheet '\(finished.name ?? "")' repeats rows and cells to more than "
                  + "\(SheetGrid.maximumCells) cells with content (limit \(SheetGrid.maximumCells)); "
                  + "its repeat counts cannot be real",
                at: SourceLocation(file: stream.partName)))
          }
          grids.append(finished)
          grid = nil
        }
      case .text(let text):
        if inCell, annotationDepth == 0, paragraphs > 0 { cellText += text }
      }
    }
    diagnostics += stream.diagnostics
    return grids
  }

  private func finishCell(
    _ cells: inout [(column: Int, cell: SheetCell, count: Int)], _ column: inout Int,
    _ hasContent: inout Bool, _ value: SheetCell?, _ text: String, _ repeatCount: Int
  ) {
    let cell = value ?? (text.isEmpty ? .empty : .text(text))
    let count = min(repeatCount, max(SheetGrid.maximumColumns - column, 0))
    if !cell.isEmpty, count > 0 {
      cells.append((column, cell, count))
      hasContent = true
    }
    column = min(column + repeatCount, SheetGrid.maximumColumns)
  }

  /// The value a cell's attributes give: numbers and booleans typed, strings from their text.
  private func typedValue(_ stream: SheetXMLStream) -> SheetCell? {
    switch stream.attribute("value-type", namespace: Self.office) {
    case "float", "percentage", "currency":
      guard let text = stream.attribute("value", namespace: Self.office),
        let number = Double(text.trimmingSpaces), number.isFinite
      else { return nil }
      return .number(number)
    case "boolean":
      return .boolean(stream.attribute("boolean-value", namespace: Self.office) == "true")
    case "date":
      return stream.attribute("date-value", namespace: Self.office).map { .text($0) }
    case "time":
      return stream.attribute("time-value", namespace: Self.office).map { .text($0) }
    case "string":
      return stream.attribute("string-value", namespace: Self.office).map { .text($0) }
    default:
      return nil
    }
  }

  /// A repeat or span count: at least 1, at most a sheet's size.
  static func count(_ text: String?) -> Int {
    guard let text, let value = Int(text.trimmingSpaces), value >= 1 else { return 1 }
    return min(value, SheetGrid.maximumRows)
  }
}
