import SkillsGraph

extension Scenario {
  /// The scenario with every person it names, away or excluded, renamed to their pseudonym.
  ///
  /// - Complexity: O(*n*) for *n* people named by the scenario.
  public func renamed(by pseudonyms: Pseudonymization) -> Scenario {
    Scenario(
      away: away.map { Away(person: pseudonyms.callAs($0.person), period: $0.period) },
      excluded: Set(excluded.map(pseudonyms.callAs)))
  }
}
