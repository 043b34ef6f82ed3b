import FuzzSupport
import HRImport

/// The mapping profile's data side: the input is an export read through each shipped mapping
/// file (samples/mappings), which stay fixed.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let path = Harness.scratchFile("mapping")
  Harness.write(data, size, to: path)
  for mapping in Fixed.mappings {
    Harness.importAndAnalyse(
      paths: [path], options: ImportOptions(profileByPath: [path: .mapping], mappingPath: mapping),
      size: size)
  }
  return 0
}

enum Fixed {
  static let mappings = [
    Harness.repositoryFile("samples/mappings/oracle-hcm-extract.xml"),
    Harness.repositoryFile("samples/mappings/workday-custom-report.xml"),
  ]
}

Harness.runLibFuzzer(fuzz)
