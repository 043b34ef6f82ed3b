import Foundation
internal import ZIPFoundation

/// Writes a small Office Open XML workbook: text and number cells, a bold header row, frozen
/// panes, column widths and list validations; the styles are the minimum Excel and LibreOffice
/// accept.
///
/// The bytes depend only on the sheets: every part carries the same fixed timestamp and
/// permissions, and strings are written inline (no shared string table to order).
struct XLSXWriter {
  enum Cell: Hashable {
    case empty
    case text(String)
    case number(Double)
    /// Bold text, for headers.
    case heading(String)
  }

  /// A list of allowed values for a range of cells, shown as a drop-down.
  struct Validation {
    var range: CellRange
    var values: [String]
    var prompt: String
  }

  struct Sheet {
    var name: String
    var rows: [[Cell]] = []
    /// Widths in characters, by column; missing columns keep the default.
    var widths: [Double] = []
    var frozenRows = 0
    var frozenColumns = 0
    var validations: [Validation] = []
  }

  /// Why the workbook could not be assembled (the zip library failed in memory).
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// 2026-01-01 00:00 UTC: every part's timestamp, so the same sheets give the same bytes.
  private static let timestamp = Date(timeIntervalSince1970: 1_767_225_600)

  private static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
  private static let officeRelationships =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
  private static let packageRelationships =
    "http://schemas.openxmlformats.org/package/2006/relationships"
  private static let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"

  /// The workbook's bytes.
  ///
  /// - Throws: `Failure` when the archive cannot be built.
  static func data(_ sheets: [Sheet]) throws(Failure) -> [UInt8] {
    var parts: [(String, String)] = [
      ("[Content_Types].xml", contentTypes(sheetCount: sheets.count)),
      ("_rels/.rels", rootRelationships()),
      ("xl/workbook.xml", workbook(sheets)),
      ("xl/_rels/workbook.xml.rels", workbookRelationships(sheetCount: sheets.count)),
      ("xl/styles.xml", styles()),
    ]
    for (index, sheet) in sheets.enumerated() {
      parts.append(("xl/worksheets/sheet\(index + 1).xml", worksheet(sheet)))
    }
    return try archive(parts)
  }

  /// A zip archive of text parts, deflated (the `stored` ones not: OpenDocument's `mimetype`
  /// must be readable in the raw bytes), with fixed timestamps so the bytes never change.
  static func archive(
    _ parts: [(String, String)], stored: Set<String> = []
  ) throws(Failure) -> [UInt8] {
    do {
      let archive = try Archive(data: Data(), accessMode: .create)
      for (path, text) in parts {
        let bytes = Data(text.utf8)
        try archive.addEntry(
          with: path, type: .file, uncompressedSize: Int64(bytes.count),
          modificationDate: timestamp, permissions: 0o644,
          compressionMethod: stored.contains(path) ? .none : .deflate
        ) { position, size in
          bytes.subdata(in: Int(position)..<Int(position) + size)
        }
      }
      guard let data = archive.data else { throw Failure(description: "no archive was built") }
      return [UInt8](data)
    } catch let failure as Failure {
      throw failure
    } catch {
      throw Failure(description: "the workbook could not be assembled: \(error)")
    }
  }

  // MARK: Package parts

  private static func contentTypes(sheetCount: Int) -> String {
    var xml =
      header + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
      + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
      + #"<Default Extension="xml" ContentType="application/xml"/>"#
      + #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
      + #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
    for index in 1..<(sheetCount + 1) {
      xml +=
        #"<Override PartName="/xl/worksheets/sheet\#(index).xml" "#
        + #"ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
    }
    return xml + "</Types>"
  }

  private static func rootRelationships() -> String {
    header + #"<Relationships xmlns="\#(packageRelationships)">"#
      + #"<Relationship Id="rId1" Type="\#(officeRelationships)/officeDocument" "#
      + #"Target="xl/workbook.xml"/></Relationships>"#
  }

  private static func workbook(_ sheets: [Sheet]) -> String {
    var xml =
      header + #"<workbook xmlns="\#(main)" xmlns:r="\#(officeRelationships)"><sheets>"#
    for (index, sheet) in sheets.enumerated() {
      xml +=
        #"<sheet name="\#(escape(sheet.name))" sheetId="\#(index + 1)" r:id="rId\#(index + 1)"/>"#
    }
    return xml + "</sheets></workbook>"
  }

  private static func workbookRelationships(sheetCount: Int) -> String {
    var xml = header + #"<Relationships xmlns="\#(packageRelationships)">"#
    for index in 0..<sheetCount {
      xml +=
        #"<Relationship Id="rId\#(index + 1)" Type="\#(officeRelationships)/worksheet" "#
        + #"Target="worksheets/sheet\#(index + 1).xml"/>"#
    }
    xml +=
      #"<Relationship Id="rId\#(sheetCount + 1)" Type="\#(officeRelationships)/styles" "#
      + #"Target="styles.xml"/>"#
    return xml + "</Relationships>"
  }

  /// Two cell formats: 0 plain, 1 bold.
  private static func styles() -> String {
    header + #"<styleSheet xmlns="\#(main)">"#
      + #"<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>"#
      + #"<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>"#
      + #"<fills count="2"><fill><patternFill patternType="none"/></fill>"#
      + #"<fill><patternFill patternType="gray125"/></fill></fills>"#
      + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
      + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
      + #"<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
      + #"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>"#
      + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
      + "</styleSheet>"
  }

  private static func worksheet(_ sheet: Sheet) -> String {
    var xml = header + #"<worksheet xmlns="\#(main)" xmlns:r="\#(officeRelationships)">"#
    xml += #"<sheetViews><sheetView workbookViewId="0">"#
    if sheet.frozenRows > 0 || sheet.frozenColumns > 0 {
      let corner = CellReference(row: sheet.frozenRows, column: sheet.frozenColumns).a1
      xml += "<pane"
      if sheet.frozenColumns > 0 { xml += #" xSplit="\#(sheet.frozenColumns)""# }
      if sheet.frozenRows > 0 { xml += #" ySplit="\#(sheet.frozenRows)""# }
      xml += #" topLeftCell="\#(corner)" activePane="bottomRight" state="frozen"/>"#
    }
    xml += "</sheetView></sheetViews>"
    if !sheet.widths.isEmpty {
      xml += "<cols>"
      for (index, width) in sheet.widths.enumerated() {
        xml +=
          #"<col min="\#(index + 1)" max="\#(index + 1)" width="\#(SheetCell.format(width))" "#
          + #"customWidth="1"/>"#
      }
      xml += "</cols>"
    }
    xml += "<sheetData>"
    for (rowIndex, row) in sheet.rows.enumerated() {
      xml += #"<row r="\#(rowIndex + 1)">"#
      for (columnIndex, cell) in row.enumerated() {
        let reference = CellReference(row: rowIndex, column: columnIndex).a1
        switch cell {
        case .empty:
          continue
        case .number(let value):
          xml += #"<c r="\#(reference)"><v>\#(SheetCell.format(value))</v></c>"#
        case .text(let text):
          xml +=
            #"<c r="\#(reference)" t="inlineStr"><is><t xml:space="preserve">"#
            + escape(text) + "</t></is></c>"
        case .heading(let text):
          xml +=
            #"<c r="\#(reference)" s="1" t="inlineStr"><is><t xml:space="preserve">"#
            + escape(text) + "</t></is></c>"
        }
      }
      xml += "</row>"
    }
    xml += "</sheetData>"
    if !sheet.validations.isEmpty {
      xml += #"<dataValidations count="\#(sheet.validations.count)">"#
      for validation in sheet.validations {
        let range = validation.range
        let sqref =
          CellReference(row: range.top, column: range.left).a1 + ":"
          + CellReference(row: range.bottom, column: range.right).a1
        // A list written out in the formula holds at most 255 characters, quotes included.
        let list = validation.values.joined(separator: ",")
        xml +=
          #"<dataValidation type="list" allowBlank="1" showInputMessage="1" "#
          + #"showErrorMessage="1" errorStyle="warning" errorTitle="Level" "#
          + #"error="\#(escape(validation.prompt))" promptTitle="Level" "#
          + #"prompt="\#(escape(validation.prompt))" sqref="\#(sqref)">"#
          + "<formula1>\"" + escape(String(list.prefix(253))) + "\"</formula1></dataValidation>"
      }
      xml += "</dataValidations>"
    }
    return xml + "</worksheet>"
  }

  /// Text safe inside the workbook's XML (``XMLEscaping``).
  static func escape(_ text: String) -> String { XMLEscaping.escape(text) }
}
