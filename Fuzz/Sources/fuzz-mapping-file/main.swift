import FuzzSupport
import HRImport

/// The mapping reader: the input is the mapping file itself, applied to the two fixed exports
/// the shipped mappings are written for (Tests/HRImportTests/Fixtures).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let path = Harness.scratchFile("mapping-file")
  Harness.write(data, size, to: path)
  Harness.importAndAnalyse(
    paths: Fixed.exports,
    options: ImportOptions(
      profileByPath: Dictionary(uniqueKeysWithValues: Fixed.exports.map { ($0, .mapping) }),
      mappingPath: path),
    size: size)
  return 0
}

enum Fixed {
  static let exports = [
    Harness.repositoryFile("Tests/HRImportTests/Fixtures/oracle-extract.xml"),
    Harness.repositoryFile("Tests/HRImportTests/Fixtures/workday-report.xml"),
  ]
}

Harness.runLibFuzzer(fuzz)
