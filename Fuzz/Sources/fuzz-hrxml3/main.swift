import FuzzSupport
import HRImport

/// The hrxml3 profile: the input is one export, read with the profile forced.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let path = Harness.scratchFile("hrxml3")
  Harness.write(data, size, to: path)
  Harness.importAndAnalyse(
    paths: [path], options: ImportOptions(profileByPath: [path: .hrxml3]), size: size)
  return 0
}

Harness.runLibFuzzer(fuzz)
