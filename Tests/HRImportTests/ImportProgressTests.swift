import Foundation
import HRImport
import Synchronization
import Testing

@Suite("Import progress")
struct ImportProgressTests {
  @Test("streamed and in-memory files both end with every record read and 100 %")
  func reports() throws {
    var finalCounts: [Int] = []
    for threshold in [0, 16 << 20] {
      let seen = Mutex<[ImportProgress]>([])
      var options = ImportOptions(streamingThreshold: threshold)
      options.progress = { progress in seen.withLock { $0.append(progress) } }
      let path = Fixtures.path("workday-page1.xml")
      let result = try Importer.load(paths: [path], options: options)
      let reports = seen.withLock { $0 }
      let last = try #require(reports.last)
      #expect(last.file == path)
      #expect(last.fraction == 1)
      #expect(last.records >= result.sources.first?.people ?? .max)
      finalCounts.append(last.records)
      // Progress never changes what is read.
      let quietly = try Importer.load(
        paths: [path], options: ImportOptions(streamingThreshold: threshold))
      #expect(quietly.organization == result.organization)
    }
    // Streaming and reading into memory see the same records.
    #expect(finalCounts.count == 2 && finalCounts[0] == finalCounts[1])
  }
}
