/// The entries of a zip archive as its central directory lists them, read from the archive's
/// bytes alone, every offset and size checked against them.
///
/// `ZipPackage` reads workbooks through this instead of a zip library's file-backed archive:
/// the file is read once, a part's bytes are sliced from that one copy, and nothing about an
/// entry is trusted that the bytes do not bear out (an entry whose data would start or end
/// outside the file has no `dataStart`, and reading it fails as damaged).
struct ZipDirectory {
  /// One entry of the central directory.
  struct Entry: Equatable {
    /// The entry's path as the central directory spells it (read as UTF-8).
    var name: String
    /// 0 stored, 8 deflated; anything else is not read.
    var method: Int
    /// The CRC-32 of the entry's inflated bytes.
    var checksum: UInt32
    var compressedSize: Int
    var uncompressedSize: Int
    /// Where the entry's data starts, just past its local header; `nil` when the local header
    /// is missing or the data would not fit in the file.
    var dataStart: Int?
    /// A folder (its name ends with `/`) or a symbolic link: no part to read.
    var isFile: Bool
  }

  /// Why the bytes are not a zip archive this reads.
  enum Problem: Error, Equatable {
    /// No end of central directory record: not a zip archive, or one cut short.
    case noDirectory
    case tooManyEntries
    /// The directory's entry at this position (from 1) does not lie inside the file.
    case damagedEntry(Int, of: Int)
  }

  /// The entries of the archive whose bytes are given.
  ///
  /// - Parameters:
  ///   - bytes: the whole archive.
  ///   - maximumEntries: more entries than this is `.tooManyEntries`.
  /// - Returns: the entries, in the order the central directory lists them, or why there are
  ///   none.
  /// - Complexity: O(n) in the size of the central directory (and the last 64 KiB for its end
  ///   record).
  static func entries(
    of bytes: [UInt8], maximumEntries: Int
  ) -> Result<[Entry], Problem> {
    let reader = LittleEndianBytes(bytes)
    guard let end = endRecord(reader) else { return .failure(.noDirectory) }
    var position = end.directoryOffset
    var entries: [Entry] = []
    guard end.total <= maximumEntries else { return .failure(.tooManyEntries) }
    entries.reserveCapacity(end.total)
    for index in 0..<end.total {
      guard reader.u32(position) == 0x0201_4B50, let madeBy = reader.u16(position + 4),
        let method = reader.u16(position + 10), let checksum = reader.u32(position + 16),
        var compressed = reader.u32(position + 20),
        var uncompressed = reader.u32(position + 24),
        let nameLength = reader.u16(position + 28), let extraLength = reader.u16(position + 30),
        let commentLength = reader.u16(position + 32),
        let external = reader.u32(position + 38), var local = reader.u32(position + 42),
        let name = reader.slice(position + 46, count: nameLength),
        let extra = reader.slice(position + 46 + nameLength, count: extraLength)
      else { return .failure(.damagedEntry(index + 1, of: end.total)) }
      position += 46 + nameLength + extraLength + commentLength
      // Sizes and the local header's offset too large for 32 bits are in the ZIP64 extra
      // field, in this order, each present only where its 32-bit field is all ones.
      if compressed == 0xFFFF_FFFF || uncompressed == 0xFFFF_FFFF || local == 0xFFFF_FFFF {
        var wide = Self.zip64Fields(extra)
        if uncompressed == 0xFFFF_FFFF { uncompressed = wide.next() ?? Int.max }
        if compressed == 0xFFFF_FFFF { compressed = wide.next() ?? Int.max }
        if local == 0xFFFF_FFFF { local = wide.next() ?? Int.max }
      }
      let path = String(decoding: name, as: UTF8.self)
      // Unix-made entries keep their file type in the high half of the external attributes.
      let isLink = madeBy >> 8 == 3 && (external >> 16) & 0o170000 == 0o120000
      entries.append(
        Entry(
          name: path, method: method, checksum: UInt32(truncatingIfNeeded: checksum),
          compressedSize: compressed, uncompressedSize: uncompressed,
          dataStart: dataStart(reader, local: local, compressed: compressed),
          isFile: !path.hasSuffix("/") && !isLink))
    }
    return .success(entries)
  }

  /// Where an entry's data starts, when its local header is where the directory says and the
  /// data fits in the file.
  private static func dataStart(_ reader: LittleEndianBytes, local: Int, compressed: Int) -> Int? {
    guard reader.u32(local) == 0x0403_4B50, let nameLength = reader.u16(local + 26),
      let extraLength = reader.u16(local + 28)
    else { return nil }
    let start = local + 30 + nameLength + extraLength
    guard compressed <= reader.count, start <= reader.count - compressed else { return nil }
    return start
  }

  /// The number of entries and where the central directory starts, from the end of central
  /// directory record (the last one in the final 64 KiB + 22 bytes), or from its ZIP64
  /// counterpart when the record says so.
  private static func endRecord(
    _ reader: LittleEndianBytes
  ) -> (total: Int, directoryOffset: Int)? {
    var at = reader.count - 22
    let lowest = max(0, reader.count - 22 - 0xFFFF)
    while at >= lowest, reader.u32(at) != 0x0605_4B50 { at -= 1 }
    guard at >= lowest, let total = reader.u16(at + 10), let offset = reader.u32(at + 16)
    else { return nil }
    guard total == 0xFFFF || offset == 0xFFFF_FFFF else { return (total, offset) }
    // The ZIP64 locator, just before the record, gives the ZIP64 record's place.
    guard reader.u32(at - 20) == 0x0706_4B50, let place = reader.u64(at - 12),
      reader.u32(place) == 0x0606_4B50, let wideTotal = reader.u64(place + 32),
      let wideOffset = reader.u64(place + 48)
    else { return nil }
    return (wideTotal, wideOffset)
  }

  /// The 64-bit values of a central directory entry's ZIP64 extra field (header id 1), in order.
  private static func zip64Fields(_ extra: ArraySlice<UInt8>) -> IndexingIterator<[Int]> {
    let reader = LittleEndianBytes(Array(extra))
    var at = 0
    while let id = reader.u16(at), let size = reader.u16(at + 2) {
      if id == 1 {
        var values: [Int] = []
        var field = at + 4
        while field + 8 <= at + 4 + size, let value = reader.u64(field) {
          values.append(value)
          field += 8
        }
        return values.makeIterator()
      }
      at += 4 + size
    }
    return [Int]().makeIterator()
  }
}

/// Little-endian integers at byte offsets, `nil` for any that would not lie wholly inside
/// the bytes (a negative or overflowing offset included).
private struct LittleEndianBytes {
  let bytes: [UInt8]
  var count: Int { bytes.count }

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  func u16(_ at: Int) -> Int? {
    guard at >= 0, at <= bytes.count - 2 else { return nil }
    return Int(bytes[at]) | Int(bytes[at + 1]) << 8
  }

  func u32(_ at: Int) -> Int? {
    guard let low = u16(at), let high = u16(at &+ 2) else { return nil }
    return low | high << 16
  }

  /// A 64-bit value, `nil` also when it does not fit an `Int` (no file here is that large).
  func u64(_ at: Int) -> Int? {
    guard let low = u32(at), let high = u32(at &+ 4), high < 0x8000_0000 else { return nil }
    return low | high << 32
  }

  func slice(_ at: Int, count: Int) -> ArraySlice<UInt8>? {
    guard at >= 0, count >= 0, at <= bytes.count, count <= bytes.count - at else { return nil }
    return bytes[at..<(at + count)]
  }
}
