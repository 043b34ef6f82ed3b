import Foundation
import TestSupport
import Testing

@testable import HRImport

/// A zip archive written byte by byte, so that each test states exactly what the central
/// directory says (sizes, offsets, file types, ZIP64 fields), right or wrong.
private struct HandMadeZip {
  struct Part {
    var name: String
    var data: [UInt8]
    /// 0 stored; anything else is written as given, with the data as it is.
    var method = 0
    /// The CRC-32 the directory gives; the data's own when `nil`.
    var checksum: UInt32?
    /// A Unix entry's mode in the high half of the external attributes (0o120777: a link).
    var unixMode: UInt32?
    /// The sizes and offset go in a ZIP64 extra field, the 32-bit fields all ones.
    var zip64 = false
    /// Added to the local header's offset in the directory (to point it elsewhere).
    var offsetShift = 0
  }

  var parts: [Part]
  /// The entry count the end record gives; the parts' count when `nil`.
  var total: Int?

  var bytes: [UInt8] {
    var out: [UInt8] = []
    var directory: [UInt8] = []
    for part in parts {
      let offset = out.count
      let checksum = part.checksum ?? crc32(part.data)
      out += le32(0x0403_4B50) + le16(20) + le16(0) + le16(part.method) + le16(0) + le16(0)
      out += le32(Int(checksum)) + le32(part.data.count) + le32(part.data.count)
      out += le16(part.name.utf8.count) + le16(0) + Array(part.name.utf8) + part.data
      let madeBy = part.unixMode == nil ? 20 : (3 << 8) | 20
      var extra: [UInt8] = []
      if part.zip64 {
        extra =
          le16(1) + le16(24) + le64(part.data.count) + le64(part.data.count)
          + le64(offset + part.offsetShift)
      }
      let wide = 0xFFFF_FFFF
      directory += le32(0x0201_4B50) + le16(madeBy) + le16(20) + le16(0) + le16(part.method)
      directory += le16(0) + le16(0) + le32(Int(checksum))
      directory += le32(part.zip64 ? wide : part.data.count)
      directory += le32(part.zip64 ? wide : part.data.count)
      directory += le16(part.name.utf8.count) + le16(extra.count) + le16(0) + le16(0) + le16(0)
      directory += le32(Int((part.unixMode ?? 0) << 16))
      directory += le32(part.zip64 ? wide : offset + part.offsetShift)
      directory += Array(part.name.utf8) + extra
    }
    let start = out.count
    out += directory
    let count = total ?? parts.count
    out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(count) + le16(count)
    out += le32(directory.count) + le32(start) + le16(0)
    return out
  }

  func write(in folder: TemporaryFolder, as name: String) throws -> String {
    let path = folder.file(name)
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
  }

  private func le16(_ value: Int) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)] }
  private func le32(_ value: Int) -> [UInt8] { le16(value & 0xFFFF) + le16(value >> 16 & 0xFFFF) }
  private func le64(_ value: Int) -> [UInt8] { le32(value & 0xFFFF_FFFF) + le32(value >> 32) }

  /// The zip format's CRC-32 (polynomial 0xEDB88320), a bit at a time.
  private func crc32(_ bytes: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes {
      crc ^= UInt32(byte)
      for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
    }
    return ~crc
  }
}

@Suite("Zip archives are read from their own central directory")
struct ZipDirectoryTests {
  private let text = Array("<x/>".utf8)

  @Test("stored parts read back; folders and links are listed but are no parts")
  func storedFoldersAndLinks() throws {
    let zip = HandMadeZip(parts: [
      .init(name: "xl/", data: []),
      .init(name: "xl/workbook.xml", data: text),
      .init(name: "xl/link.xml", data: Array("/etc/passwd".utf8), unixMode: 0o120777),
      .init(name: "xl/plain.xml", data: text, unixMode: 0o100644),
    ])
    let entries = try ZipDirectory.entries(of: zip.bytes, maximumEntries: 10).get()
    #expect(entries.map(\.name) == ["xl/", "xl/workbook.xml", "xl/link.xml", "xl/plain.xml"])
    #expect(entries.map(\.isFile) == [false, true, false, true])
    // Each data starts after its 30-byte local header and name: "xl/" holds nothing.
    #expect(entries[0].dataStart == 33)
    #expect(entries[1].dataStart == 33 + 30 + 15)

    let folder = try TemporaryFolder()
    var package = try ZipPackage(path: zip.write(in: folder, as: "book.xlsx"))
    #expect(try package.data("xl/workbook.xml") == text)
    #expect(try package.data("xl/plain.xml") == text)
    #expect(!package.contains("xl/link.xml"))
    #expect(!package.contains("xl"))
  }

  @Test("sizes and offsets in a ZIP64 extra field are read from it")
  func zip64Fields() throws {
    let zip = HandMadeZip(parts: [.init(name: "a.xml", data: text, zip64: true)])
    let entries = try ZipDirectory.entries(of: zip.bytes, maximumEntries: 10).get()
    #expect(entries.first?.compressedSize == 4)
    #expect(entries.first?.uncompressedSize == 4)
    #expect(entries.first?.dataStart == 35)
  }

  @Test("what the bytes do not bear out is refused with the reason, never read")
  func refusals() throws {
    let folder = try TemporaryFolder()
    func failure(_ zip: HandMadeZip, reading part: String? = nil) throws -> String? {
      let path = try zip.write(in: folder, as: "book.xlsx")
      do {
        var package = try ZipPackage(path: path)
        if let part { _ = try package.data(part) }
        return nil
      } catch {
        return error.message
      }
    }
    let outside = HandMadeZip(parts: [.init(name: "a.xml", data: text, offsetShift: 1 << 20)])
    #expect(
      try failure(outside, reading: "a.xml")
        == "part 'a.xml' of the archive is damaged (no local header)")
    let wrongSum = HandMadeZip(parts: [.init(name: "a.xml", data: text, checksum: 1)])
    #expect(
      try failure(wrongSum, reading: "a.xml")
        == "part 'a.xml' of the archive is damaged (checksum mismatch)")
    let bzip2 = HandMadeZip(parts: [.init(name: "a.xml", data: text, method: 12)])
    #expect(try failure(bzip2, reading: "a.xml")?.contains("(compression method 12;") == true)
    let crowded = HandMadeZip(parts: [.init(name: "a.xml", data: text)], total: 10_001)
    #expect(try failure(crowded)?.hasPrefix("the archive holds more than 10000 entries") == true)
    let missing = HandMadeZip(parts: [.init(name: "a.xml", data: text)], total: 2)
    #expect(
      try failure(missing)
        == "file is not a readable zip archive (entry 2 of the 2 its central directory lists lies outside the file)"
    )
    let cut = Array(HandMadeZip(parts: [.init(name: "a.xml", data: text)]).bytes.dropLast(30))
    #expect(ZipDirectory.entries(of: cut, maximumEntries: 10) == .failure(.noDirectory))
  }

  @Test("a part may inflate to no more than the archive's budget, stored parts included")
  func storedBudget() throws {
    let folder = try TemporaryFolder()
    let zip = HandMadeZip(parts: [.init(name: "a.xml", data: Array(repeating: 0x20, count: 100))])
    var package = try ZipPackage(path: zip.write(in: folder, as: "book.xlsx"), limit: 99)
    #expect(throws: ZipPackage.Failure.self) { try package.data("a.xml") }
  }
}
