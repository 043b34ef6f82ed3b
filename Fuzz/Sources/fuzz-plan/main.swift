import FuzzSupport
import HRImport

/// The plan section: a native document (people, roles and a `<plan>` of pairs with statuses,
/// hours done and forbids) read from memory, re-planned around it, its plan file written and
/// read back.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  do {
    Harness.replan(try NativeImporter.load(xml: text, name: "fuzz-plan.xml"))
  } catch {
    _ = error.description
  }
  return 0
}

Harness.runLibFuzzer(fuzz)
