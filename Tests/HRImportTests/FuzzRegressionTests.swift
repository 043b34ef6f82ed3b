import Foundation
import HRImport
import Testing

/// The inputs the fuzz targets (Fuzz/, RELIABILITY.md) found, minimised, kept in
/// `Fixtures/fuzz/`: each must end in a result or an `ImportError` under every profile, read in
/// memory and streamed, never in a trap.
@Suite("Inputs the fuzzers found")
struct FuzzRegressionTests {
  static let inputs: [String] = {
    let folder = Fixtures.folder.appendingPathComponent("fuzz")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".xml") }.sorted()
  }()

  @Test("every finding imports or is refused under every profile", arguments: inputs)
  func noTrap(name: String) {
    let path = Fixtures.path("fuzz/\(name)")
    for profile in ImportProfile.allCases where profile != .mapping {
      for streamingThreshold in [0, 16 << 20] {
        let options = ImportOptions(
          profileByPath: [path: profile], streamingThreshold: streamingThreshold)
        _ = try? Importer.load(paths: [path], options: options)
      }
    }
    _ = try? NativeImporter.load(paths: [path])
  }

  @Test("a byte its declared encoding cannot convert is an error at its line")
  func undecodableByte() throws {
    let path = Fixtures.path("fuzz/encoding-error-on-stderr.xml")
    let error = try #require(throws: ImportError.self) {
      try Importer.load(paths: [path])
    }
    guard case .invalidData(let diagnostics) = error else {
      Issue.record("expected invalid data, got \(error)")
      return
    }
    #expect(diagnostics.contains { $0.severity == .error && $0.location.file == path })
  }

  /// The spreadsheet target's finding: a 5 KB workbook that hung the zip reader.
  ///
  /// Its deflated part never ends, and the reader asked the file for more input for ever (10
  /// minutes of CPU before it was stopped). It is now an error naming the damaged part, at once.
  @Test("a workbook whose deflated part does not end is an error, not a hang")
  func truncatedDeflate() throws {
    let path = Fixtures.path("fuzz/truncated-deflate-hang.xlsx")
    let clock = ContinuousClock()
    let started = clock.now
    let error = try #require(throws: ImportError.self) {
      try Importer.load(paths: [path], options: ImportOptions(profileByPath: [path: .spreadsheet]))
    }
    #expect(clock.now - started < .seconds(30))
    guard case .invalidData(let diagnostics) = error else {
      Issue.record("expected invalid data, got \(error)")
      return
    }
    #expect(diagnostics.contains { $0.message.contains("of the archive is damaged") })
  }

  /// The first fix's own finding: a short last chunk read past its end.
  ///
  /// CI's short fuzz run found it from the fixture above, mutated: the inflater reads a whole buffer from every chunk, so a short last chunk was read past its
  /// end (an AddressSanitizer SEGV). Chunks are now padded to the buffer.
  @Test("a workbook ending in a short chunk is read or refused, never read past")
  func shortLastChunk() {
    let path = Fixtures.path("fuzz/short-last-chunk-overread.xlsx")
    _ = try? Importer.load(
      paths: [path], options: ImportOptions(profileByPath: [path: .spreadsheet]))
  }
}
