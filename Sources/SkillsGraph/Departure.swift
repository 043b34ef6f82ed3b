/// Someone whose last working day falls within the horizon, and what the roles they are
/// qualified for lose.
///
/// A leaver counts for a role until the week of their last day and stops counting from the
/// week after (docs/model.md, "Week depth": someone leaving mid-week counts that week). The
/// role keeps its target: the work still has to be done, so the reports name the leaver, the
/// week each role's depth drops and, in a plan, the backups trained to replace them.
public struct Departure: Hashable, Sendable {
  /// One role the leaver is qualified for, and its week depth before and after they go.
  public struct RoleLoss: Hashable, Sendable {
    public var role: RoleID
    /// The role's week depth in the leaver's last week (`fromWeek − 1`), with today's levels.
    public var depthBefore: Int
    /// The role's week depth from `fromWeek` on, with today's levels: everyone else who has
    /// left by then is gone too.
    public var depthAfter: Int

    public init(role: RoleID, depthBefore: Int, depthAfter: Int) {
      self.role = role
      self.depthBefore = depthBefore
      self.depthAfter = depthAfter
    }
  }

  public var person: PersonID
  /// The last working day.
  public var lastDay: Day
  /// The first 1-based week of the horizon in which the person no longer counts; one past the
  /// horizon's last week when they leave in its last week.
  public var fromWeek: Int
  /// The roles the person is qualified for today, in input order.
  public var roles: [RoleLoss]

  public init(person: PersonID, lastDay: Day, fromWeek: Int, roles: [RoleLoss]) {
    self.person = person
    self.lastDay = lastDay
    self.fromWeek = fromWeek
    self.roles = roles
  }

  /// Everyone of `organization` whose last working day falls within `horizon`, by last day and
  /// then id, with the roles `coverage` says they are qualified for.
  ///
  /// People who left before the horizon are not listed: they count for nothing already (see
  /// `Organization.excludingDeparted(before:)`).
  ///
  /// - Complexity: O(leavers × roles × depth).
  public static func within(
    _ horizon: Horizon, of organization: Organization, coverage: CoverageAnalysis
  ) -> [Departure] {
    var leaving: [(person: Person, lastDay: Day)] = []
    for person in organization.people {
      guard let lastDay = person.leaves, lastDay >= horizon.start, lastDay < horizon.end else {
        continue
      }
      leaving.append((person, lastDay))
    }
    leaving.sort {
      $0.lastDay != $1.lastDay ? $0.lastDay < $1.lastDay : $0.person.id < $1.person.id
    }
    guard !leaving.isEmpty else { return [] }
    let people = Dictionary(
      organization.people.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    /// Week depth without training: the qualified people who have not left before `week`.
    func depth(_ qualified: [PersonID], inWeek week: Int) -> Int {
      let first = horizon.firstDay(ofWeek: week)
      return qualified.count { people[$0].map { !$0.hasLeft(before: first) } ?? false }
    }
    return leaving.map { person, lastDay in
      let fromWeek = horizon.week(of: lastDay) + 1
      let losses = coverage.roles.filter { $0.qualified.contains(person.id) }.map {
        RoleLoss(
          role: $0.role, depthBefore: depth($0.qualified, inWeek: fromWeek - 1),
          depthAfter: depth($0.qualified, inWeek: fromWeek))
      }
      return Departure(person: person.id, lastDay: lastDay, fromWeek: fromWeek, roles: losses)
    }
  }
}
