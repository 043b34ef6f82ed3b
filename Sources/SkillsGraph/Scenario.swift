/// A what-if: people imagined away for a period or for good, to compare against the baseline.
public struct Scenario: Hashable, Sendable {
  /// Someone imagined away; `period` nil means for the whole horizon.
  public struct Away: Hashable, Sendable {
    public var person: PersonID
    public var period: DayRange?

    public init(person: PersonID, period: DayRange? = nil) {
      self.person = person
      self.period = period
    }
  }

  public var away: [Away]
  /// People treated as gone: they count for nothing (see `Organization.excluding`).
  public var excluded: Set<PersonID>

  public init(away: [Away] = [], excluded: Set<PersonID> = []) {
    self.away = away
    self.excluded = excluded
  }

  /// True when the scenario changes nothing.
  public var isEmpty: Bool { away.isEmpty && excluded.isEmpty }

  /// The organization as the scenario imagines it over `horizon`.
  public func apply(to organization: Organization, horizon: Horizon) -> Organization {
    var changed = organization.excluding(excluded)
    for entry in away {
      guard let index = changed.people.firstIndex(where: { $0.id == entry.person }) else {
        continue
      }
      let period =
        entry.period ?? DayRange(from: horizon.start, to: horizon.end.adding(days: -1))
      changed.people[index].absences.append(
        Absence(from: period.from, to: period.to, kind: "what-if"))
    }
    return changed
  }

  /// Ids the scenario names that the organization does not know, for an error message.
  public func unknownPeople(in organization: Organization) -> [PersonID] {
    let known = Set(organization.people.map(\.id))
    let named = away.map(\.person) + excluded.sorted()
    var seen: Set<PersonID> = []
    return named.filter { !known.contains($0) && seen.insert($0).inserted }
  }
}
