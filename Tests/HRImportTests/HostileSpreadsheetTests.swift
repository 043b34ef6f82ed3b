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
}
