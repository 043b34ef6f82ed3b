import FuzzSupport
import HRImport

/// The europass profile: the input is one export, read with the profile forced.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let path = Harness.scratchFile("europass")
  Harness.write(data, size, to: path)
  Harness.importAndAnalyse(
    paths: [path], options: ImportOptions(profileByPath: [path: .europass]), size: size)
  return 0
}

Harness.runLibFuzzer(fuzz)
