import MentoringOptimizer
import SkillsGraph

extension DepthDisclosure {
  /// The candidates the succession bench may show for `entry` under the depth rule.
  ///
  /// The people ready now are the role's qualified people besides the incumbent: listing them
  /// for a role whose depth is hidden would count its depth. So they are left out for such a
  /// role, and the bench says so (see `withholdsQualified(_:)`); the others, who still have to
  /// learn, are listed as usual.
  func candidates(_ entry: SuccessionEntry) -> [SuccessionCandidate] {
    guard hides(entry.role) else { return entry.candidates }
    return entry.candidates.filter { $0.readiness != .readyNow }
  }

  /// Whether `candidates(_:)` leaves people out of `entry`.
  func withholdsQualified(_ entry: SuccessionEntry) -> Bool {
    hides(entry.role) && entry.candidates.contains { $0.readiness == .readyNow }
  }

  /// What the bench says where it leaves the people ready now out.
  static let qualifiedWithheld =
    "People qualified today are not listed: the role has too few of them to show in workshop mode."
}
