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
      _ = try archive.extract(entry, skipCRC32: false) { chunk in
        guard bytes.count + chunk.count <= budget else { throw bomb }
        bytes.append(contentsOf: chunk)
      }
    } catch let failure as Failure {
      throw failure
    } catch {
      throw Failure(message: "part '\(name)' of the archive is damaged (\(error))")
    }
    inflated += bytes.count
    return bytes
  }

  private var bomb: Failure {
    let size = limit >= 1 << 20 ? "\(limit >> 20) MiB" : "\(limit) bytes"
    return Failure(
      message: "the archive inflates to more than \(size); a skills matrix is far smaller, so "
        + "the file is refused (a zip bomb?)")
  }
}
