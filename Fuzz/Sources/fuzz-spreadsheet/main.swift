import FuzzSupport
import HRImport

/// The spreadsheet profile: the input is one skills matrix, named `.csv`, `.xlsx` or `.xml` by
/// its length (a zip archive is an .xlsx or an .ods by its content, an XML file an Excel 2003
/// workbook), read with the profile forced.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let base = String(Harness.scratchFile("spreadsheet").dropLast(".xml".count))
  let path = base + [".csv", ".xlsx", ".xml"][size % 3]
  Harness.write(data, size, to: path)
  Harness.importAndAnalyse(
    paths: [path], options: ImportOptions(profileByPath: [path: .spreadsheet]), size: size)
  return 0
}

Harness.runLibFuzzer(fuzz)
