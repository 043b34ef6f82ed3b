import Foundation
import HRImport
import Reports
import SkillsGraph
import Synchronization
import TestSupport
import Testing

/// Files read at once on several threads give what reading them one after another gives: the
/// same organization, the same diagnostics in the same order, the same report byte for byte.
@Suite("Import of pages in parallel")
struct ParallelPagesImportTests {
  /// The Harborline sample as a Workday export, and what Get_Workers cannot carry beside it.
  static let export = Vendor.packageRoot.appendingPathComponent(
    "samples/vendor-demo/harborline-workday.xml"
  ).path
  static let planning = Vendor.packageRoot.appendingPathComponent(
    "samples/vendor-demo/harborline-planning.xml"
  ).path
  static let roles = Vendor.packageRoot.appendingPathComponent("samples/harborline-roles.xml").path

  /// A Get_Workers response cut into pages, each a complete response with its own paging.
  struct Pages {
    let head: String
    let workers: [String]
    let foot: String

    init() throws {
      let text = try String(contentsOfFile: ParallelPagesImportTests.export, encoding: .utf8)
      let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      let first = try #require(lines.firstIndex { $0.hasPrefix("<wd:Worker>") })
      let last = try #require(lines.lastIndex { $0.hasPrefix("<wd:Worker>") })
      head = lines[..<first].joined(separator: "\n") + "\n"
      workers = Array(lines[first...last])
      foot = "\n" + lines[(last + 1)...].joined(separator: "\n")
    }

    /// The response head of page `page` of `pages` holding `count` workers.
    func head(page: Int, of pages: Int, count: Int) -> String {
      let results =
        "<wd:Response_Results><wd:Total_Results>\(workers.count)</wd:Total_Results>"
        + "<wd:Total_Pages>\(pages)</wd:Total_Pages><wd:Page_Results>\(count)</wd:Page_Results>"
        + "<wd:Page>\(page)</wd:Page></wd:Response_Results>"
      let lines = head.split(separator: "\n", omittingEmptySubsequences: false).map { line in
        line.hasPrefix("<wd:Response_Results>") ? results : String(line)
      }
      return lines.joined(separator: "\n")
    }

    /// Writes the workers as `count` pages, `page-1.xml` …, into `folder`; `edit` may change a
    /// page's text (by its index) before it is written.
    func write(
      _ count: Int, into folder: TemporaryFolder, edit: (Int, String) -> String = { $1 }
    ) throws -> [String] {
      let size = (workers.count + count - 1) / count
      return try (0..<count).map { index in
        let slice = workers[
          min(index * size, workers.count)..<min((index + 1) * size, workers.count)]
        let text =
          head(page: index + 1, of: count, count: slice.count) + slice.joined(separator: "\n")
          + foot
        let path = folder.file("page-\(index + 1).xml")
        try edit(index, text).write(toFile: path, atomically: false, encoding: .utf8)
        return path
      }
    }
  }

  /// What one import gave, in a form to compare: the result, or the diagnostics that stopped it.
  struct Outcome: Equatable {
    var organization: Organization?
    var sources: [SourceSummary] = []
    var diagnostics: [Diagnostic]
    /// The JSON gap report of the organization, as `understudy analyze --format json` renders it.
    var report: String?

    init(paths: [String], threads: Int, streamAll: Bool = false) {
      var options = Vendor.options(streamAll: streamAll)
      options.maximumConcurrentFiles = threads
      do {
        let result = try Importer.load(paths: paths, options: options)
        organization = result.organization
        sources = result.sources
        diagnostics = result.warnings
        let horizon = Horizon(for: result.organization, today: .fixture("2026-11-24"))
        let content = GapReportContent.analyse(
          result.organization, horizon: horizon, sources: result.sources)
        report = render(content, as: .json)
      } catch {
        switch error {
        case .invalidData(let list): diagnostics = list
        case .missingInput:
          diagnostics = [
            Diagnostic(.error, error.description, at: HRImport.SourceLocation(file: ""))
          ]
        }
      }
    }
  }

  /// Imports `paths` one file at a time, then with several threads (more than the cores, so
  /// files really overlap), and expects the same outcome byte for byte.
  @discardableResult
  func expectSameInParallel(
    _ paths: [String], streamAll: Bool = false,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) -> Outcome {
    let sequential = Outcome(paths: paths, threads: 1, streamAll: streamAll)
    for threads in [2, 4] {
      let parallel = Outcome(paths: paths, threads: threads, streamAll: streamAll)
      #expect(parallel.organization == sequential.organization, sourceLocation: sourceLocation)
      #expect(parallel.sources == sequential.sources, sourceLocation: sourceLocation)
      #expect(parallel.diagnostics == sequential.diagnostics, sourceLocation: sourceLocation)
      #expect(
        parallel.diagnostics.map(\.description) == sequential.diagnostics.map(\.description),
        sourceLocation: sourceLocation)
      #expect(parallel.report == sequential.report, sourceLocation: sourceLocation)
    }
    return sequential
  }

  @Test("pages read at once give the organization, warnings and report of a sequential read")
  func sameAsSequential() throws {
    let folder = try TemporaryFolder(prefix: "understudy-pages")
    defer { try? FileManager.default.removeItem(at: folder.url) }
    let pages = try Pages().write(6, into: folder)
    for streamAll in [false, true] {
      let outcome = expectSameInParallel(
        pages + [Self.planning, Self.roles], streamAll: streamAll)
      let organization = try #require(outcome.organization)
      #expect(organization.people.count == 60)
      #expect(outcome.report?.contains("page 6 of 6 of a paged Get_Workers response") == true)
      // The pages together are the one-file export.
      let whole = Outcome(paths: [Self.export, Self.planning, Self.roles], threads: 1)
      #expect(organization == whole.organization)
    }
  }

  @Test("many small pages on more threads than cores, again and again, never differ")
  func manyPages() throws {
    let folder = try TemporaryFolder(prefix: "understudy-pages")
    defer { try? FileManager.default.removeItem(at: folder.url) }
    let pages = try Pages().write(20, into: folder)
    let sequential = Outcome(paths: pages + [Self.roles], threads: 1)
    #expect(sequential.organization?.people.count == 60)
    for _ in 0..<5 {
      #expect(Outcome(paths: pages + [Self.roles], threads: 8) == sequential)
    }
  }

  @Test("two broken pages: every error, in the order the files were given")
  func brokenPages() throws {
    let folder = try TemporaryFolder(prefix: "understudy-pages")
    defer { try? FileManager.default.removeItem(at: folder.url) }
    let pages = try Pages().write(4, into: folder) { index, text in
      switch index {
      case 1: text.replacingOccurrences(of: "</wd:Worker_Data></wd:Worker>", with: "</wd:Worker>")
      case 3:
        // One unclosed element: four mismatched end tags, then the rest of the file reads.
        text.replacing("<wd:Active>1</wd:Active>", with: "<wd:Active>1", maxReplacements: 1)
      default: text
      }
    }
    // Given in another order than their names: the diagnostics follow the order given.
    let order = [pages[3], pages[0], pages[1], pages[2], Self.roles]
    let outcome = expectSameInParallel(order)
    #expect(outcome.organization == nil)
    let errors = outcome.diagnostics.filter { $0.severity == .error }
    #expect(Set(errors.map(\.location.file)) == [pages[3], pages[1]])
    let ranks = errors.map { error in order.firstIndex(of: error.location.file) ?? order.count }
    #expect(ranks == ranks.sorted())
    #expect(errors.first?.location.file == pages[3])
    #expect(errors.count > 4)
    #expect(errors.allSatisfy { $0.location.line > 0 && $0.location.column > 0 })
    expectSameInParallel(order, streamAll: true)
  }

  @Test("errors found after reading (unknown level names) on two pages, in the order given")
  func levelErrorsOnTwoPages() throws {
    let folder = try TemporaryFolder(prefix: "understudy-pages")
    defer { try? FileManager.default.removeItem(at: folder.url) }
    let pages = try Pages().write(4, into: folder) { index, text in
      guard index == 0 || index == 2 else { return text }
      // A paging note out of range is a warning; an unknown level name is an error (one per
      // name, at its first use in the order given).
      let name = index == 0 ? "Rockstar" : "Ninja"
      return text.replacingOccurrences(of: "\"Expert\"", with: "\"\(name)\"")
        .replacingOccurrences(of: "<wd:Page>\(index + 1)</wd:Page>", with: "<wd:Page>9</wd:Page>")
    }
    let order = [pages[2], pages[1], pages[0], pages[3], Self.roles]
    let outcome = expectSameInParallel(order)
    #expect(outcome.organization == nil)
    let errors = outcome.diagnostics.filter { $0.severity == .error }
    #expect(errors.map(\.message).allSatisfy { $0.hasPrefix("unknown level name") })
    #expect(Set(errors.map(\.location.file)) == [pages[0], pages[2]])
    let ranks = outcome.diagnostics.map { order.firstIndex(of: $0.location.file) ?? order.count }
    #expect(ranks == ranks.sorted())
    #expect(
      outcome.diagnostics.contains { $0.severity == .warning && $0.message.hasPrefix("Page 9") })
  }

  @Test(
    "a page's Page_Results only reserves room: absurd, zero or short counts read every worker",
    arguments: ["999999999999999999", "0", "-5", "1", "99999999999999999999999"])
  func pageResultsAreOnlyAHint(count: String) throws {
    let folder = try TemporaryFolder(prefix: "understudy-pages")
    let other = try TemporaryFolder(prefix: "understudy-pages")
    defer {
      try? FileManager.default.removeItem(at: folder.url)
      try? FileManager.default.removeItem(at: other.url)
    }
    let split = try Pages()
    let pages = try split.write(3, into: folder)
    let told = try split.write(3, into: other) { _, text in
      text.replacing(/<wd:Page_Results>[0-9]+</, with: "<wd:Page_Results>\(count)<")
    }
    // Without a native file, so that the pages are converted as they are read.
    let truth = Outcome(paths: pages, threads: 1)
    #expect(truth.organization?.people.count == 60)
    for threads in [1, 2] {
      let outcome = Outcome(paths: told, threads: threads)
      #expect(outcome.organization == truth.organization)
      // The same diagnostics, at the same places of files of the same names.
      #expect(
        outcome.diagnostics.map { $0.description.replacing(other.url.path, with: "") }
          == truth.diagnostics.map { $0.description.replacing(folder.url.path, with: "") })
      #expect(!truth.diagnostics.isEmpty)
    }
  }

  @Test("a later page overrides an earlier one by id, whichever thread reads it first")
  func laterPageOverrides() throws {
    let folder = try TemporaryFolder(prefix: "understudy-pages")
    defer { try? FileManager.default.removeItem(at: folder.url) }
    let split = try Pages()
    let pages = try split.write(3, into: folder)
    // HL060 again, on a page of its own, renamed and in another department.
    let original = try #require(split.workers.first { $0.contains(">HL060</wd:ID>") })
    let renamed =
      original.replacingOccurrences(of: "Babić", with: "Override")
      .replacingOccurrences(of: "IT &amp; Systems", with: "Night Shift")
      .replacingOccurrences(of: "SUP-003", with: "SUP-999")
    let update = folder.file("update.xml")
    try (split.head(page: 1, of: 1, count: 1) + renamed + split.foot).write(
      toFile: update, atomically: false, encoding: .utf8)

    let later = expectSameInParallel(pages + [update, Self.roles])
    let person = try #require(later.organization?.people.first { $0.id.rawValue == "HL060" })
    #expect(person.name == "Luka Override")
    #expect(person.department == "Night Shift")
    // The other way round, the page wins over the update.
    let earlier = expectSameInParallel([update] + pages + [Self.roles])
    let kept = try #require(earlier.organization?.people.first { $0.id.rawValue == "HL060" })
    #expect(kept.name == "Luka Babić")
    #expect(kept.department == "IT & Systems")
  }

  @Test("progress ends as a sequential read's does: each file's total, in the order given")
  func progress() throws {
    let folder = try TemporaryFolder(prefix: "understudy-pages")
    defer { try? FileManager.default.removeItem(at: folder.url) }
    let pages = try Pages().write(5, into: folder)
    let paths = pages + [Self.roles]
    for streamAll in [false, true] {
      func reports(threads: Int) throws -> [ImportProgress] {
        let seen = Mutex<[ImportProgress]>([])
        var options = Vendor.options(streamAll: streamAll)
        options.maximumConcurrentFiles = threads
        options.progress = { progress in seen.withLock { $0.append(progress) } }
        _ = try Importer.load(paths: paths, options: options)
        return seen.withLock { $0 }
      }
      let sequential = try reports(threads: 1)
      // The last report of each file, in the order the files were read.
      let totals = paths.compactMap { path in sequential.last { $0.file == path } }
      #expect(totals.map(\.file) == paths)
      #expect(totals.allSatisfy { $0.fraction == 1 })
      let parallel = try reports(threads: 4)
      #expect(Array(parallel.suffix(paths.count)) == totals)
      // A file's total comes once, at the end.
      #expect(parallel.count { $0.fraction == 1 } == paths.count)
    }
  }
}
