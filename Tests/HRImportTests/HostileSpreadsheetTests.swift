import Foundation
import TestSupport
import Testing

@testable import HRImport

@Suite("Hostile spreadsheets are refused, not expanded")
struct HostileSpreadsheetTests {
  /// A content.xml of a few hundred bytes asking for a million rows of sixteen thousand cells
  /// with content: 17 billion cells if expanded.
  @Test("an OpenDocument row repeated past the cell budget is an error, quickly")
  func repeatedRows() throws {
    let content = """
      <?xml version="1.0" encoding="UTF-8"?>
      <office:document-content \
      xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
      xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
      xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">
      <office:body><office:spreadsheet><table:table table:name="Sheet1">
      <table:table-row><table:table-cell office:value-type="string"><text:p>Employee ID</text:p>\
      </table:table-cell></table:table-row>
      <table:table-row table:number-rows-repeated="1048575">\
      <table:table-cell table:number-columns-repeated="16384" office:value-type="float" \
      office:value="3"><text:p>3</text:p></table:table-cell></table:table-row>
      </table:table></office:spreadsheet></office:body></office:document-content>
      """
    let bytes = try XLSXWriter.archive(
      [
        ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
        ("content.xml", content),
      ], stored: ["mimetype"])
    let folder = try TemporaryFolder()
    let path = folder.file("bomb.ods")
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let error = try #require(throws: ImportError.self) { try Importer.load(paths: [path]) }
    guard case .invalidData(let diagnostics) = error else {
      Issue.record("expected invalid data, got \(error)")
      return
    }
    #expect(
      diagnostics.contains {
        $0.severity == .error
          && $0.message.hasPrefix(
            "sheet 'Sheet1' repeats rows and cells to more than 6000000 cells with content")
      }, "\(diagnostics)")
  }

  /// A 1 KB workbook holding a cell at the sheet's last place and a merge over every cell: the
  /// merge asked for 17 billion cells, and the import hung.
  @Test("a merged range over a whole sheet is filled only up to the cell budget, quickly")
  func mergeOverEverything() throws {
    let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    let package = "http://schemas.openxmlformats.org/package/2006/relationships"
    let bytes = try XLSXWriter.archive([
      (
        "_rels/.rels",
        "<Relationships xmlns=\"\(package)\"><Relationship Id=\"rId1\" "
          + "Type=\"\(relationships)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
      ),
      (
        "xl/workbook.xml",
        "<workbook xmlns=\"\(main)\" xmlns:r=\"\(relationships)\"><sheets>"
          + "<sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
      ),
      (
        "xl/_rels/workbook.xml.rels",
        "<Relationships xmlns=\"\(package)\"><Relationship Id=\"rId1\" "
          + "Type=\"\(relationships)/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
          + "</Relationships>"
      ),
      (
        "xl/worksheets/sheet1.xml",
        "<worksheet xmlns=\"\(main)\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\">"
          + "<is><t>Employee ID</t></is></c></row><row r=\"1048576\"><c r=\"XFD1048576\">"
          + "<v>1</v></c></row></sheetData><mergeCells><mergeCell ref=\"A1:XFD1048576\"/>"
          + "</mergeCells></worksheet>"
      ),
    ])
    let folder = try TemporaryFolder()
    let path = folder.file("merge.xlsx")
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let error = try #require(throws: ImportError.self) { try Importer.load(paths: [path]) }
    guard case .invalidData(let diagnostics) = error else {
      Issue.record("expected invalid data, got \(error)")
      return
    }
    #expect(
      diagnostics.contains {
        $0.severity == .error
          && $0.message.hasPrefix("sheet 'Sheet1' merges ranges of more than 6000000 cells")
      }, "\(diagnostics)")
  }
}
