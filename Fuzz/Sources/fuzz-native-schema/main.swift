import FuzzSupport
import HRImport

/// The native reader with its XSD, from memory (`NativeImporter.load(xml:)`): no file, no
/// profile detection, the bytes as UTF-8 text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  do {
    Harness.analyse(try NativeImporter.load(xml: text, name: "fuzz.xml"))
  } catch {
    _ = error.description
  }
  return 0
}

Harness.runLibFuzzer(fuzz)
