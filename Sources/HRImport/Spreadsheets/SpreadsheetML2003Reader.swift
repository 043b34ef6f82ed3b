/// Reads an Excel 2003 XML Spreadsheet (`urn:schemas-microsoft-com:office:spreadsheet`): one XML
/// file of `Worksheet`s, `Row`s and `Cell`s.
///
/// Positions are implicit unless `ss:Index` says otherwise; a cell merged across (`ss:MergeAcross`)
/// takes the columns it covers; a formula (`ss:Formula`) keeps its cached result in `Data`;
/// comments are not cell text.
struct SpreadsheetML2003Reader {
  static let namespace = "urn:schemas-microsoft-com:office:spreadsheet"

  let path: String
  private(set) var diagnostics: [Diagnostic] = []

  init(path: String) { self.path = path }

  /// - Throws: `ImportError.missingInput` when the file cannot be read.
  mutating func read() throws(ImportError) -> [SheetGrid] {
    let bytes = try SafeXMLParser.readFile(path: path, displayPath: path)
    guard bytes.count <= SafeXMLParser.maximumFileSize else {
      diagnostics.append(
        Diagnostic(
          .error, "file is larger than \(SafeXMLParser.maximumFileSize >> 20) MiB",
          at: SourceLocation(file: path)))
      return []
    }
    let ss = Self.namespace
    let stream = SheetXMLStream(bytes: bytes, partName: path)
    var grids: [SheetGrid] = []
    var grid: SheetGrid?
    var row = -1
    var column = -1
    var type = ""
    var text = ""
    var inData = false
    var commentDepth = 0
    var cellOpen = false
    while let event = stream.next() {
      switch event {
      case .start(let name, let namespace, let isEmpty):
        guard namespace == ss else { continue }
        switch name {
        case "Worksheet":
          grid = SheetGrid(name: stream.attribute("Name", namespace: ss))
          row = -1
        case "Row":
          row = Self.index(stream.attribute("Index", namespace: ss), after: row)
          column = -1
        case "Cell":
          let explicit = stream.attribute("Index", namespace: ss)
          column = Self.index(explicit, after: column)
          if explicit == nil, let current = grid {
            // An implicit position skips the cells a merge from a row above covers.
            while let cover = current.merges.first(where: {
              $0.top < row && $0.contains(row: row, column: column)
            }) {
              column = min(cover.right + 1, SheetGrid.maximumColumns - 1)
            }
          }
          let across = Self.count(stream.attribute("MergeAcross", namespace: ss))
          let down = Self.count(stream.attribute("MergeDown", namespace: ss))
          if across > 0 || down > 0, row >= 0 {
            grid?.merges.append(
              CellRange(top: row, left: column, bottom: row + down, right: column + across))
          }
          type = ""
          text = ""
          cellOpen = !isEmpty
          // The columns a merged cell covers are skipped once the cell is read.
          if cellOpen { pendingColumnsAfterMerge = across } else { column += across }
        case "Data":
          if cellOpen, commentDepth == 0 {
            type = stream.attribute("Type", namespace: ss) ?? "String"
            inData = !isEmpty
          }
        case "Comment":
          if !isEmpty { commentDepth += 1 }
        default:
          break
        }
      case .end(let name, let namespace):
        if namespace == ss, name == "Comment" {
          commentDepth -= 1
        } else if namespace == ss, name == "Data" {
          inData = false
        } else if namespace == ss, name == "Cell", cellOpen {
          if row >= 0, var current = grid {
            current.set(
              cell(type: type, text: text, grid: current, row: row, column: column),
              row: row, column: column)
            grid = current
          }
          column += pendingColumnsAfterMerge
          pendingColumnsAfterMerge = 0
          cellOpen = false
        } else if namespace == ss, name == "Worksheet", let finished = grid {
          grids.append(finished)
          grid = nil
        }
      case .text(let chunk):
        if inData { text += chunk }
      }
    }
    diagnostics += stream.diagnostics
    return grids
  }

  private var pendingColumnsAfterMerge = 0

  private mutating func cell(
    type: String, text: String, grid: SheetGrid, row: Int, column: Int
  )
    -> SheetCell
  {
    switch type {
    case "Number":
      return grid.numberCell(text, row: row, column: column, file: path, diagnostics: &diagnostics)
    case "Boolean": return .boolean(text.trimmingSpaces == "1")
    case "Error": return .error(text.trimmingSpaces)
    default: return text.isEmpty ? .empty : .text(text)
    }
  }

  /// A 1-based `ss:Index` as a 0-based position, or the one after `previous`.
  private static func index(_ text: String?, after previous: Int) -> Int {
    if let text, let value = Int(text.trimmingSpaces), value >= 1 {
      return min(value - 1, SheetGrid.maximumRows - 1)
    }
    return min(previous + 1, SheetGrid.maximumRows - 1)
  }

  private static func count(_ text: String?) -> Int {
    guard let text, let value = Int(text.trimmingSpaces), value >= 0 else { return 0 }
    return min(value, SheetGrid.maximumColumns)
  }
}
