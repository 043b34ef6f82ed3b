import FuzzSupport
import HRImport

/// The workday profile: the input is one export, read with the profile forced.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let path = Harness.scratchFile("workday")
  Harness.write(data, size, to: path)
  Harness.importAndAnalyse(
    paths: [path], options: ImportOptions(profileByPath: [path: .workday]), size: size)
  return 0
}

Harness.runLibFuzzer(fuzz)
