#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The names of start tags at known offsets of a file, read back from the file when a message
/// needs one (rare: an element too large to stream).
///
/// A name follows the `InputLimits` scan's rule for start tags (every byte after `<` up to a
/// space, `>` or `/`, at most 64 bytes), so it reads as the scan's names do.
struct StartTagNames {
  let path: String
  private var known: [Int: String] = [:]

  init(path: String) { self.path = path }

  /// The name of the start tag whose `<` is at byte `offset`; empty when it cannot be read.
  mutating func name(at offset: Int) -> String {
    if let name = known[offset] { return name }
    var bytes = [UInt8](repeating: 0, count: 64)
    var count = 0
    if let file = fopen(path, "rb") {
      if fseek(file, offset + 1, SEEK_SET) == 0 {
        count = bytes.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
      }
      fclose(file)
    }
    var end = 0
    while end < count {
      let byte = bytes[end]
      if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x3E
        || (byte == 0x2F && end > 0)
      {
        break
      }
      end += 1
    }
    let name = String(decoding: bytes[..<end], as: UTF8.self)
    known[offset] = name
    return name
  }
}
