import ArgumentParser
import MentoringOptimizer

/// Problems with an earlier plan given as input: printed as diagnostics at the line to edit;
/// any error stops the run with exit 65 before anything is written.
enum PlanFileIssues {
  ///
  /// - Parameters:
  ///   - issues: what the planner found in the plan file.
  ///   - hideNames: in workshop mode only the counts are shown, since the messages name people.
  /// - Throws: `ExitCode` 65 when any issue is an error.
  static func report(_ issues: [PlanInputIssue], hideNames: Bool) throws {
    let errors = issues.count { $0.severity == .error }
    if hideNames, !issues.isEmpty {
      Console.error(
        "understudy: \(issues.count) problem(s) with the plan file not shown in workshop mode, "
          + "since they name people; run without --pseudonymize to read them")
    } else {
      for issue in issues { Console.error(issue.description) }
    }
    guard errors > 0 else { return }
    Console.error(
      "understudy: \(errors) error\(errors == 1 ? "" : "s") in the plan file; nothing was written")
    throw ExitCode(ExitStatus.badData)
  }
}
