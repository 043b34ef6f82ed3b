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

  /// The file parts by their normalized names (the first entry of a name wins), read from the
  /// archive's own central directory (`ZipDirectory`).
  private var entries: [String: ZipDirectory.Entry] = [:]
  /// The archive's bytes, read once: every part is sliced from them.
  private let bytes: [UInt8]
  private var inflated = 0
  /// The most bytes all parts read may inflate to.
  private let limit: Int

  /// Opens the archive and indexes its entries.
  ///
  /// - Throws: `Failure` when it is no zip archive or has too many entries.
  init(path: String, limit: Int = maximumTotalSize) throws(Failure) {
    self.limit = limit
    guard let contents = FileManager.default.contents(atPath: path) else {
      throw Failure(message: "file is not a readable zip archive (it cannot be read)")
    }
    bytes = [UInt8](contents)
    switch ZipDirectory.entries(of: bytes, maximumEntries: Self.maximumEntries) {
    case .failure(.noDirectory):
      throw Failure(
        message: "file is not a readable zip archive (it has no zip central directory: not a "
          + "zip file, or one cut short)")
    case .failure(.tooManyEntries):
      throw Failure(
        message: "the archive holds more than \(Self.maximumEntries) entries; no spreadsheet "
          + "needs that, so the file is refused")
    case .failure(.damagedEntry(let number, let total)):
      throw Failure(
        message: "file is not a readable zip archive (entry \(number) of the \(total) its "
          + "central directory lists lies outside the file)")
    case .success(let listed):
      for entry in listed where entry.isFile {
        guard let name = Self.normalized(entry.name), entries[name] == nil else { continue }
        entries[name] = entry
      }
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
    let budget = limit - inflated
    guard entry.uncompressedSize <= max(budget, 0) else { throw bomb }
    guard let start = entry.dataStart else {
      throw Failure(message: "part '\(name)' of the archive is damaged (no local header)")
    }
    let stored = self.bytes[start..<(start + entry.compressedSize)]
    var bytes: [UInt8] = []
    switch entry.method {
    case 0:
      guard stored.count <= budget else { throw bomb }
      bytes = Array(stored)
    case 8:
      bytes = try inflate(stored, name: name, budget: budget, expected: entry.uncompressedSize)
    default:
      throw Failure(
        message: "part '\(name)' of the archive is damaged (compression method "
          + "\(entry.method); spreadsheets use 0, stored, or 8, deflated)")
    }
    // The checksum is zlib's, over the whole part at the end: ZIPFoundation's own, a byte at a
    // time in Swift on Linux, cost as much as inflating the part.
    let checksum = bytes.withUnsafeBytes { clibxml2_crc32(0, $0.baseAddress, $0.count) }
    guard checksum == entry.checksum else {
      throw Failure(message: "part '\(name)' of the archive is damaged (checksum mismatch)")
    }
    inflated += bytes.count
    return bytes
  }

  /// A deflated part's bytes, at most `budget` of them; `expected` is how many the directory
  /// says they are (room is reserved for that, no more than `budget`).
  private func inflate(
    _ slice: ArraySlice<UInt8>, name: String, budget: Int, expected: Int
  ) throws(Failure) -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(min(expected, budget))
    let bomb = self.bomb
    let end = slice.endIndex
    do {
      // A stream that never ends (a truncated stored block) made ZIPFoundation's own reader
      // ask the file for more input for ever at its end: a 5 KB file hung the import. The
      // stream is fed from the part's own bytes here, and asking past them is an error.
      _ = try Data.decompress(
        size: Int64(slice.count), bufferSize: 32 * 1024, skipCRC32: true,
        provider: { position, size in
          guard position >= 0, position < slice.count else {
            throw Failure(message: "part '\(name)' of the archive is damaged (its data ends early)")
          }
          // The inflater reads a whole `size` bytes from every chunk (it sets its input
          // length to the buffer size, not the chunk's), so a short last chunk is padded
          // with zeros: a stream that has ended ignores them, one that has not fails on them
          // or asks again, past the end, and is refused.
          let from = slice.startIndex + Int(position)
          var chunk = Data(slice[from..<min(from + size, end)])
          if chunk.count < size { chunk.append(Data(count: size - chunk.count)) }
          return chunk
        },
        consumer: { chunk in
          guard bytes.count + chunk.count <= budget else { throw bomb }
          bytes.append(contentsOf: chunk)
        })
    } catch let failure as Failure {
      throw failure
    } catch {
      throw Failure(message: "part '\(name)' of the archive is damaged (\(error))")
    }
    return bytes
  }

  private var bomb: Failure {
    let size = limit >= 1 << 20 ? "\(limit >> 20) MiB" : "\(limit) bytes"
    return Failure(
      message: "the archive inflates to more than \(size); a skills matrix is far smaller, so "
        + "the file is refused (a zip bomb?)")
  }
}
