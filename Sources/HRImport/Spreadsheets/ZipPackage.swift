internal import CLibXML2
import Foundation
internal import ZIPFoundation

/// The parts of an Office Open XML or OpenDocument file: a zip archive read with limits, since the
/// file comes from outside.
///
/// A zip bomb (a small file that inflates to gigabytes) stops at `maximumTotalSize` bytes
/// inflated, counted as the bytes arrive rather than trusted from the headers; archives with more
/// than `maximumEntries` entries are refused; names that climb out of the archive (`../x`, `/x`)
/// are never looked up. Nothing is written to disk.
struct ZipPackage {
  static let maximumTotalSize = 256 << 20
  static let maximumEntries = 10_000

  /// Why a package cannot be read.
  struct Failure: Error {
    var message: String
  }

  private let archive: Archive
  private var entries: [String: Entry] = [:]
  /// The archive's bytes and its deflated entries' places in them, read from the central
  /// directory: deflated parts are inflated from these bounded slices (see ``inflate(_:)``).
  private let bytes: [UInt8]
  private let deflated: [String: (start: Int, count: Int)]
  private var inflated = 0
  /// The most bytes all parts read may inflate to.
  private let limit: Int

  /// Opens the archive and indexes its entries.
  ///
  /// - Throws: `Failure` when it is no zip archive or has too many entries.
  init(path: String, limit: Int = maximumTotalSize) throws(Failure) {
    self.limit = limit
    do {
      archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
    } catch {
      throw Failure(message: "file is not a readable zip archive (\(error))")
    }
    bytes = (FileManager.default.contents(atPath: path)).map { [UInt8]($0) } ?? []
    deflated = Self.deflatedEntries(bytes)
    var count = 0
    for entry in archive {
      count += 1
      guard count <= Self.maximumEntries else {
        throw Failure(
          message: "the archive holds more than \(Self.maximumEntries) entries; no spreadsheet "
            + "needs that, so the file is refused")
      }
      guard entry.type == .file, let name = Self.normalized(entry.path) else { continue }
      if entries[name] == nil { entries[name] = entry }
    }
  }

  /// A part's name inside the archive with `.` and `..` resolved; `nil` when it climbs out.
  static func normalized(_ path: String) -> String? {
    guard !path.hasPrefix("/"), !path.contains("\\") else { return nil }
    var parts: [Substring] = []
    for part in path.split(separator: "/", omittingEmptySubsequences: true) {
      if part == "." { continue }
      if part == ".." {
        guard !parts.isEmpty else { return nil }
        parts.removeLast()
      } else {
        parts.append(part)
      }
    }
    return parts.isEmpty ? nil : parts.joined(separator: "/")
  }

  /// Resolves `target` relative to the folder of `base` (`xl/workbook.xml` + `worksheets/a.xml`
  /// → `xl/worksheets/a.xml`); an absolute target (`/xl/…`) starts at the archive's root.
  static func resolve(_ target: String, relativeTo base: String) -> String? {
    if target.hasPrefix("/") { return normalized(String(target.dropFirst())) }
    let folder = base.split(separator: "/").dropLast().joined(separator: "/")
    return normalized(folder.isEmpty ? target : folder + "/" + target)
  }

  func contains(_ name: String) -> Bool { entries[name] != nil }

  /// The inflated bytes of a part, `nil` when the archive has no such part.
  ///
  /// - Throws: `Failure` when the part is corrupt or the archive inflates past the limit.
  mutating func data(_ name: String) throws(Failure) -> [UInt8]? {
    guard let entry = entries[name] else { return nil }
    var bytes: [UInt8] = []
    let budget = limit - inflated
    let bomb = self.bomb
    guard entry.uncompressedSize <= UInt64(max(budget, 0)) else { throw bomb }
    bytes.reserveCapacity(Int(entry.uncompressedSize))
    do {
      let consume: (Data) throws -> Void = { chunk in
        guard bytes.count + chunk.count <= budget else { throw bomb }
        bytes.append(contentsOf: chunk)
      }
      if entry.isCompressed {
        // ZIPFoundation's own reader asks the file for more input until the deflate stream
        // ends, and a stream that never ends (a truncated stored block) made it read empty
        // chunks at the end of the file for ever: a 5 KB file hung the import. The stream is
        // fed from the entry's own bytes here, and asking past them is an error.
        guard let place = deflated[entry.path] else {
          throw Failure(message: "part '\(name)' of the archive is damaged (no local header)")
        }
        let slice = self.bytes[place.start..<(place.start + place.count)]
        // The checksum is zlib's, over the whole part at the end: ZIPFoundation's own, a byte
        // at a time in Swift on Linux, cost as much as inflating the part.
        _ = try Data.decompress(
          size: Int64(place.count), bufferSize: 32 * 1024, skipCRC32: true,
          provider: { position, size in
            let from = place.start + Int(position)
            guard position >= 0, from < place.start + place.count else {
              throw Failure(
                message: "part '\(name)' of the archive is damaged (its data ends early)")
            }
            // The inflater reads a whole `size` bytes from every chunk (it sets its input
            // length to the buffer size, not the chunk's), so a short last chunk is padded
            // with zeros: a stream that has ended ignores them, one that has not fails on them
            // or asks again, past the end, and is refused.
            var chunk = Data(slice[from..<min(from + size, place.start + place.count)])
            if chunk.count < size { chunk.append(Data(count: size - chunk.count)) }
            return chunk
          }, consumer: consume)
        let checksum = bytes.withUnsafeBytes { clibxml2_crc32(0, $0.baseAddress, $0.count) }
        guard checksum == entry.checksum else {
          throw Failure(message: "part '\(name)' of the archive is damaged (checksum mismatch)")
        }
      } else {
        _ = try archive.extract(entry, skipCRC32: false, consumer: consume)
      }
    } catch let failure as Failure {
      throw failure
    } catch {
      throw Failure(message: "part '\(name)' of the archive is damaged (\(error))")
    }
    inflated += bytes.count
    return bytes
  }

  /// Where each deflated entry's data starts (after its local header) and how many bytes it has.
  ///
  /// Keyed by the path as the central directory names it. Entries whose places do not fit
  /// the file, and ZIP64 entries, are left out (reading them fails as damaged).
  ///
  /// - Complexity: O(n) in the central directory's size.
  static func deflatedEntries(_ bytes: [UInt8]) -> [String: (start: Int, count: Int)] {
    func u16(_ at: Int) -> Int? {
      at >= 0 && at + 2 <= bytes.count ? Int(bytes[at]) | Int(bytes[at + 1]) << 8 : nil
    }
    func u32(_ at: Int) -> Int? {
      guard let low = u16(at), let high = u16(at + 2) else { return nil }
      return low | high << 16
    }
    // The end of central directory record: its signature within the last 64 KiB + 22 bytes.
    var end = -1
    var at = bytes.count - 22
    while at >= max(0, bytes.count - 22 - 0xFFFF) {
      if bytes[at] == 0x50, bytes[at + 1] == 0x4B, bytes[at + 2] == 5, bytes[at + 3] == 6 {
        end = at
        break
      }
      at -= 1
    }
    guard end >= 0, let total = u16(end + 10), var position = u32(end + 16) else { return [:] }
    var result: [String: (start: Int, count: Int)] = [:]
    for _ in 0..<total {
      guard u32(position) == 0x0201_4B50, let method = u16(position + 10),
        let compressed = u32(position + 20), let nameLength = u16(position + 28),
        let extraLength = u16(position + 30), let commentLength = u16(position + 32),
        let local = u32(position + 42), position + 46 + nameLength <= bytes.count
      else { break }
      let name = String(
        decoding: bytes[(position + 46)..<(position + 46 + nameLength)], as: UTF8.self)
      position += 46 + nameLength + extraLength + commentLength
      guard method == 8, compressed != 0xFFFF_FFFF, local != 0xFFFF_FFFF,
        u32(local) == 0x0403_4B50, let localName = u16(local + 26), let localExtra = u16(local + 28)
      else { continue }
      let start = local + 30 + localName + localExtra
      guard start + compressed <= bytes.count, result[name] == nil else { continue }
      result[name] = (start, compressed)
    }
    return result
  }

  private var bomb: Failure {
    let size = limit >= 1 << 20 ? "\(limit >> 20) MiB" : "\(limit) bytes"
    return Failure(
      message: "the archive inflates to more than \(size); a skills matrix is far smaller, so "
        + "the file is refused (a zip bomb?)")
  }
}
