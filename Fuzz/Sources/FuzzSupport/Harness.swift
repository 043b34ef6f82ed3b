import CLibFuzzer
import HRImport
import MentoringOptimizer
import Reports
import SkillsGraph

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What every harness does with one input: write it to a file, import it, and analyse and
/// render whatever imports.
///
/// A harness may only trap on a bug: an input the importer refuses is an `ImportError`, which is
/// the expected outcome for most fuzz inputs. Any trap, sanitizer report or hang is a finding.
public enum Harness {
  /// The fixed "today", so every run of an input takes the same path whatever the date.
  static let today = Day(year: 2026, month: 11, day: 24) ?? Day(ordinal: 0)

  /// The repository root, from this file's place in `Fuzz/Sources/FuzzSupport`.
  public static let root: String = {
    var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(4)
    return parts.joined(separator: "/")
  }()

  /// A repository file by its path from the root, for the fixed half of the mapping harnesses.
  public static func repositoryFile(_ path: String) -> String { root + "/" + path }

  /// The file this process writes its inputs to: one per process and name, in memory when
  /// `/dev/shm` exists, so parallel fuzzers (`-jobs`, `-fork`) never share one.
  public static func scratchFile(_ name: String) -> String {
    var directory = "/tmp"
    var info = stat()
    if stat("/dev/shm", &info) == 0 { directory = "/dev/shm" }
    return "\(directory)/understudy-fuzz-\(getpid())-\(name).xml"
  }

  /// Writes libFuzzer's bytes to `path`, replacing the previous input.
  public static func write(_ data: UnsafePointer<UInt8>?, _ size: Int, to path: String) {
    guard let file = fopen(path, "wb") else { fatalError("cannot write the fuzz input \(path)") }
    if let data, size > 0, fwrite(data, 1, size, file) != size {
      fatalError("cannot write the fuzz input \(path)")
    }
    fclose(file)
  }

  /// Hands the command line to libFuzzer, which calls `test` with each input until it stops.
  ///
  /// SwiftPM links an executable target with `main` aliased to the module's own entry point, so
  /// a harness cannot leave `main` to libFuzzer (`-parse-as-library` then fails to link): its
  /// top-level code calls libFuzzer's driver instead, with the same options and exit status.
  public static func runLibFuzzer(
    _ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
  ) -> Never {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, test))
  }

  /// Imports `paths` with `options`, then analyses and renders the result.
  ///
  /// A file is parsed in memory or streamed record by record depending on its size; here an
  /// input of odd length streams, so both ways of reading are fuzzed at the cost of one import
  /// and a finding reproduces from its input alone. An input whose length leaves 3 divided by
  /// 4 is also given twice, as two files read at once: each is then streamed on its reading
  /// thread alone (scan, parse and records in turn), the way a paged export's pages are read.
  public static func importAndAnalyse(paths: [String], options: ImportOptions, size: Int) {
    var options = options
    options.today = today
    options.streamingThreshold = size % 2 == 1 ? 0 : 16 << 20
    var paths = paths
    if size % 4 == 3 {
      paths += paths
      options.maximumConcurrentFiles = 2
    }
    do {
      analyse(try Importer.load(paths: paths, options: options))
    } catch {
      describe(error)
    }
  }

  /// Plans `result`'s organization around its plan section over a short horizon, renders the
  /// plan and its changes, writes the next plan file and reads it back: a plan file this tool
  /// writes must always import.
  public static func replan(_ result: ImportResult) {
    let organization = result.organization
    let horizon = Horizon(for: organization, weeks: 4, today: today)
    var options = PlanOptions(policy: organization.policy, timeLimit: .milliseconds(20))
    options.horizon = .calendar(horizon)
    let plan = planMentoring(organization, options: options)
    var length = 0
    for issue in plan.inputIssues { length &+= issue.description.utf8.count }
    if plan.inputIssues.contains(where: { $0.severity == .error }) {
      blackHole(length)
      return
    }
    let before = GapReportContent(
      organization: organization.excludingDeparted(before: horizon.start),
      coverage: plan.before,
      absences: AbsenceAnalysis(
        organization.excludingDeparted(before: horizon.start), coverage: plan.before,
        horizon: horizon, searchWorkLimit: 10_000), sources: result.sources)
    let content = PlanReportContent.analyse(plan, before: before, horizon: horizon)
    length &+= PlanReportMarkdown.render(content).utf8.count
    length &+= PlanReportJSON.render(content).utf8.count
    let file = NativeWriter.renderPlanFile(plan.recorded(start: horizon.start))
    do {
      // Alone, the plan file names people no file defines: only its own syntax is checked here,
      // with the organization's sections in front of it.
      var merged = organization
      merged.plan = plan.recorded(start: horizon.start)
      _ = try NativeImporter.load(xml: NativeWriter.render(merged), name: "next-plan.xml")
    } catch {
      fatalError("the plan file written does not read back: \(error.description)\n\(file)")
    }
    blackHole(length &+ file.utf8.count)
  }

  /// Reads every diagnostic's text, as the command line would print it.
  static func describe(_ error: ImportError) {
    var length = error.description.utf8.count
    if case .invalidData(let diagnostics) = error {
      for diagnostic in diagnostics { length &+= diagnostic.description.utf8.count }
    }
    blackHole(length)
  }

  /// The analyses and reports the command line runs on an import, over a short horizon and
  /// small budgets (a step count for the absence-factor search, a time limit for nothing) so
  /// that one execution stays in milliseconds.
  public static func analyse(_ result: ImportResult) {
    let organization = result.organization
    let horizon = Horizon(for: organization, weeks: 4, today: today)
    let present = organization.excludingDeparted(before: horizon.start)
    let coverage = CoverageAnalysis(present)
    let absences = AbsenceAnalysis(
      present, coverage: coverage, horizon: horizon, searchWorkLimit: 100_000)
    var content = GapReportContent(
      organization: present, coverage: coverage, absences: absences, sources: result.sources)
    var options = PlanOptions(policy: present.policy, timeLimit: .milliseconds(20))
    options.horizon = .calendar(horizon)
    content.succession = successionBench(present, options: options)
    var length = GapReportMarkdown.render(content).utf8.count
    length &+= GapReportJSON.render(content).utf8.count
    length &+= NativeWriter.render(organization).utf8.count
    for warning in result.warnings { length &+= warning.description.utf8.count }
    blackHole(length)
  }

  @inline(never)
  static func blackHole(_ value: Int) {
    if value == -1 { print("") }
  }
}
