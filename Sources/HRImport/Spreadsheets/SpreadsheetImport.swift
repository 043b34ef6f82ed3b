import Foundation

/// The spreadsheet formats a skills matrix arrives in.
enum SpreadsheetFormat: String, Sendable {
  case xlsx
  case ods
  /// Excel 2003 XML Spreadsheet, detected like any XML file by its namespace.
  case excel2003 = "Excel 2003 XML"
  case csv

  /// The format of the file at `path` when its first bytes (or, for CSV, its name) say it is a
  /// spreadsheet; `nil` for anything else, which the XML profiles then look at.
  ///
  /// A zip archive whose first entry is an OpenDocument `mimetype` is `.ods`; any other zip
  /// archive is taken for Office Open XML (`.xlsx`), whose reader says so when it is not. When
  /// the user `named` the file a spreadsheet, anything else is Excel 2003 XML if it starts
  /// like XML, and CSV otherwise.
  static func detect(path: String, named: Bool = false) -> SpreadsheetFormat? {
    let lowered = path.lowercased()
    guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? handle.close() }
    let head = [UInt8]((try? handle.read(upToCount: 128)) ?? Data())
    if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
      let text = String(decoding: head, as: UTF8.self)
      if text.contains("mimetype"), text.contains("opendocument.spreadsheet") { return .ods }
      return .xlsx
    }
    if lowered.hasSuffix(".csv") || lowered.hasSuffix(".tsv") { return .csv }
    guard named else { return nil }
    let start = head.drop { [0xEF, 0xBB, 0xBF, 0x20, 0x09, 0x0A, 0x0D].contains($0) }
    return start.first == UInt8(ascii: "<") ? .excel2003 : .csv
  }
}

/// Reads a skills-matrix spreadsheet in any of its formats into vendor records.
enum SpreadsheetImport {
  /// - Throws: `ImportError.missingInput` when the file cannot be read.
  static func read(path: String, format: SpreadsheetFormat) throws(ImportError) -> VendorFile {
    try InputFiles.checkReadable(path, displayPath: path)
    var grids: [SheetGrid] = []
    var diagnostics: [Diagnostic] = []
    var notes: [String] = []
    switch format {
    case .xlsx:
      var reader = XLSXReader(path: path)
      grids = reader.read()
      diagnostics = reader.diagnostics
    case .ods:
      var reader = ODSReader(path: path)
      grids = reader.read()
      diagnostics = reader.diagnostics
    case .excel2003:
      var reader = SpreadsheetML2003Reader(path: path)
      grids = try reader.read()
      diagnostics = reader.diagnostics
    case .csv:
      var reader = CSVReader(path: path)
      grids = [try reader.read()]
      diagnostics = reader.diagnostics
      notes = reader.notes
    }
    var layout = SkillsMatrixLayout(path: path, label: "spreadsheet (\(format.rawValue))")
    let file = layout.read(consume grids, diagnostics: diagnostics, notes: notes)
    let size = RecordSource.fileSize(path)
    ImportProgressSink.report?(
      ImportProgress(
        file: path, records: file.people.count + file.roles.count, bytesRead: size,
        totalBytes: size))
    return file
  }
}
