public import SkillsGraph

extension Day {
  /// The day a fixture spells as `yyyy-mm-dd`; a typo in a fixture stops the tests at once.
  public static func fixture(_ iso: String) -> Day {
    guard let day = Day(iso: iso) else { preconditionFailure("bad fixture date \(iso)") }
    return day
  }
}
