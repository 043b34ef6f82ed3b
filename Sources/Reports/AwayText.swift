import SkillsGraph

/// Who is away in an uncovered run, in words, for every format.
///
/// One home for the wording and for its privacy: in workshop mode the people are named only
/// when the role's depth is shown and they are at least the minimum group (a list of who is
/// away on a day the work stops is the list of who can do it); otherwise the run keeps the
/// reasons, each once, without saying whose or how many.
enum AwayText {
  /// "Alma Quist (E11): vacation; Bruno Vela (E12): vacation", "fewer than 3 people
  /// (vacation)", or, when nobody qualified is away (the role has fewer qualified people than it
  /// needs at once), ``shortHanded``.
  ///
  /// With a `limit` (a report for people: ``NameList/limit``), at most that many people, then
  /// how many more; spreadsheets name everyone.
  static func describe(
    _ run: UncoveredRun, of role: RoleID, name: (PersonID) -> String,
    disclosure: DepthDisclosure, limit: Int = .max
  ) -> String {
    guard !run.away.isEmpty else { return shortHanded }
    guard let people = people(run, of: role, disclosure: disclosure) else {
      return "\(disclosure.hiddenGroup) (\(reasons(of: run)))"
    }
    return NameList.shortened(
      people.map { "\(name($0.person)): \(reasons($0.reasons))" }, limit: limit, separator: "; ")
  }

  /// A run in which nobody qualified is away: the role is short of people, not of presence.
  static let shortHanded = "nobody is away: too few people are qualified"

  /// The people away in the run, or nil when the privacy rules hide who they are.
  static func people(
    _ run: UncoveredRun, of role: RoleID, disclosure: DepthDisclosure
  ) -> [PersonAway]? {
    disclosure.hidesCount(run.away.count, of: role) ? nil : run.away
  }

  /// "vacation, left after 2026-12-11".
  static func reasons(_ reasons: [AwayReason]) -> String {
    reasons.map(\.description).joined(separator: ", ")
  }

  /// Every reason anyone in the run is away for, each once, in byte order: the order of the
  /// people (which follows their ids, or pseudonyms) would otherwise show through.
  static func reasons(of run: UncoveredRun) -> String {
    distinctReasons(of: run).map(\.description).joined(separator: ", ")
  }

  /// The reasons of `reasons(of:)`, as values.
  static func distinctReasons(of run: UncoveredRun) -> [AwayReason] {
    var seen: [AwayReason] = []
    for reason in run.away.flatMap(\.reasons) where !seen.contains(reason) { seen.append(reason) }
    return seen.sorted {
      Array($0.description.utf8).lexicographicallyPrecedes(Array($1.description.utf8))
    }
  }
}
