import FuzzSupport
import HRImport

/// The successfactors profile: the input is one export, read with the profile forced.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let path = Harness.scratchFile("successfactors")
  Harness.write(data, size, to: path)
  Harness.importAndAnalyse(
    paths: [path], options: ImportOptions(profileByPath: [path: .successfactors]), size: size)
  return 0
}

Harness.runLibFuzzer(fuzz)
