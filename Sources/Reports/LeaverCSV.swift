import MentoringOptimizer
import SkillsGraph

/// The spreadsheet cells for who is away in each uncovered run and who leaves.
enum LeaverCSV {
  /// Each run as `from..to: id: reasons; id: reasons`, runs separated by ` | `.
  static func away(
    _ absence: AbsenceAnalysis.RoleAbsence, disclosure: DepthDisclosure
  )
    -> String
  {
    absence.uncoveredRuns.map { run in
      "\(run.days.from)..\(run.days.to): "
        + AwayText.describe(run, of: absence.role, name: \.rawValue, disclosure: disclosure)
    }.joined(separator: " | ")
  }

  /// Each leaver qualified for `role` as `id last YYYY-MM-DD, from week N: before → after`,
  /// separated by ` | `.
  static func leaving(
    _ role: RoleID, _ departures: [Departure], _ horizon: Horizon,
    disclosure: DepthDisclosure
  ) -> String {
    departures.compactMap { departure in
      departure.roles.first { $0.role == role }.map { loss in
        "\(departure.person) last \(departure.lastDay), "
          + LeaverText.from(departure, horizon: horizon) + ": "
          + LeaverText.depths(loss, disclosure: disclosure)
      }
    }.joined(separator: " | ")
  }

  /// The leavers from the roles the pair trains its mentee for, as `role: id; …`.
  static func replaces(_ pair: PlannedPair, _ departures: [Departure]) -> String {
    pair.roles.flatMap { impact in
      departures.filter { $0.roles.contains { $0.role == impact.role } }.map {
        "\(impact.role): \($0.person)"
      }
    }.joined(separator: "; ")
  }
}
