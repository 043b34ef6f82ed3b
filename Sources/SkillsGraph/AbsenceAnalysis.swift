/// When the work stops: the calendar view of absences (docs/model.md, "Uncovered days").
///
/// Planned absences and leaving dates give, per role, the working days of the horizon on which
/// fewer than `minPresent` qualified people are at work. Sick days, which nobody plans, give an
/// expected number of uncovered days a year. The absence factor says how few people being away
/// at once stops a role, or half the organization's weighted work.
public struct AbsenceAnalysis: Hashable, Sendable {
  /// Working days in a year, for the expected-days figure (docs/model.md, "Sick-day risk": 230).
  public static let workingDaysPerYear = 230.0

  /// One role's calendar.
  public struct RoleAbsence: Hashable, Sendable {
    public var role: RoleID
    public var weight: Double
    public var minPresent: Int
    /// Runs of consecutive uncovered working days (a run may span a weekend or holiday).
    public var uncoveredDays: [DayRange]
    /// The same runs, each with the qualified people away during it and why.
    public var uncoveredRuns: [UncoveredRun] = []
    /// How many working days the role is uncovered.
    public var uncoveredDayCount: Int
    /// `230 · P(fewer than minPresent of the qualified are present)` at the absence rate.
    public var expectedUncoveredDaysPerYear: Double
    /// `d − minPresent + 1`: the fewest people whose simultaneous absence stops the role.
    public var absenceFactor: Int
  }

  public var horizon: Horizon
  /// The daily probability that any one person is away unplanned.
  public var absenceRate: Double
  /// Roles in input order.
  public var roles: [RoleAbsence]
  /// `Σ w · uncovered days` over the horizon.
  public var uncoveredRoleDays: Double
  /// `Σ w · expected uncovered days a year`.
  public var expectedUncoveredRoleDaysPerYear: Double
  /// The smallest group whose absence stops half the weighted work.
  public var organizationAbsenceFactor: OrganizationAbsenceFactor

  /// Computes the calendar of `organization` over `horizon`.
  ///
  /// - Parameters:
  ///   - organization: the organization, people and roles.
  ///   - coverage: its coverage analysis, which says who is qualified for each role.
  ///   - horizon: the days to look at.
  ///   - absenceRate: the daily probability of an unplanned absence, for the sick-day figures.
  ///   - availableFrom: people who become qualified for a role only on a given day (a backup
  ///     whose training ends then); they count from that day on, whether or not `coverage`
  ///     already lists them as qualified. Everyone else counts from the first day.
  ///   - searchWorkLimit: how much work the exact search for the organization's absence factor
  ///     may do before a greedy answer with a lower bound is reported instead (a count of steps,
  ///     not a time, so the report is the same on any machine).
  /// - Complexity: O(roles × working days × depth) for the calendar.
  public init(
    _ organization: Organization, coverage: CoverageAnalysis, horizon: Horizon,
    absenceRate: Double = 0.03, availableFrom: [RoleID: [PersonID: Day]] = [:],
    searchWorkLimit: Int = OrganizationAbsenceFactor.defaultWorkLimit
  ) {
    self.horizon = horizon
    self.absenceRate = absenceRate
    // People by index, not by copy: a 40,000-person organization was copied into a table and
    // then into each role's member list, a person (with skills and absences) at a time.
    let people = organization.people
    let position = Dictionary(
      people.indices.map { (people[$0].id, $0) }, uniquingKeysWith: { first, _ in first })
    let days = horizon.workingDays
    var roles: [RoleAbsence] = []
    for (role, covered) in zip(organization.roles, coverage.roles) {
      let later = availableFrom[role.id] ?? [:]
      var members: [(person: Int, from: Day?)] = covered.qualified.compactMap { id in
        position[id].map { ($0, later[id]) }
      }
      if !later.isEmpty {
        let qualified = Set(covered.qualified)
        for (id, day) in later.sorted(by: { $0.key < $1.key }) where !qualified.contains(id) {
          if let index = position[id] { members.append((index, day)) }
        }
      }
      // A day is covered as soon as enough members are found present: roles of thousands of
      // qualified people need not check all of them on each of the year's working days.
      let uncovered = days.filter { day in
        guard role.minPresent > 0 else { return false }
        var present = 0
        for member in members
        where (member.from.map { $0 <= day } ?? true) && people[member.person].isPresent(on: day) {
          present += 1
          if present >= role.minPresent { return false }
        }
        return true
      }
      let runs = Self.runs(of: uncovered, within: days)
      roles.append(
        RoleAbsence(
          role: role.id, weight: role.weight, minPresent: role.minPresent,
          uncoveredDays: runs,
          uncoveredRuns: Self.whoIsAway(
            in: runs, uncovered: uncovered, members: members, of: people),
          uncoveredDayCount: uncovered.count,
          expectedUncoveredDaysPerYear: Self.workingDaysPerYear
            * Self.probabilityUncovered(
              depth: covered.depth, minPresent: role.minPresent, rate: absenceRate),
          absenceFactor: max(0, covered.depth - role.minPresent + 1)))
    }
    self.roles = roles
    uncoveredRoleDays = roles.reduce(0) { $0 + $1.weight * Double($1.uncoveredDayCount) }
    expectedUncoveredRoleDaysPerYear = roles.reduce(0) {
      $0 + $1.weight * $1.expectedUncoveredDaysPerYear
    }
    organizationAbsenceFactor = OrganizationAbsenceFactor(
      roles: zip(organization.roles, coverage.roles).map {
        .init(
          weight: $0.weight, qualified: $1.qualified, needed: max(0, $1.depth - $0.minPresent + 1))
      }, workLimit: searchWorkLimit)
  }

  /// The role's calendar, by id.
  public subscript(role id: RoleID) -> RoleAbsence? { roles.first { $0.role == id } }

  /// `P(fewer than minPresent of depth people are present)` when each is away independently
  /// with probability `rate`.
  public static func probabilityUncovered(depth: Int, minPresent: Int, rate: Double) -> Double {
    guard minPresent > 0 else { return 0 }
    guard depth >= minPresent else { return 1 }
    var total = 0.0
    var binomial = 1.0  // C(depth, present)
    for present in 0..<minPresent {
      if present > 0 { binomial = binomial * Double(depth - present + 1) / Double(present) }
      total += binomial * power(1 - rate, present) * power(rate, depth - present)
    }
    return min(1, total)
  }

  /// For each run, the members who do not count on at least one of its uncovered days, in id
  /// order, with their reasons in the order of their first day.
  ///
  /// - Complexity: O(uncovered days × members × absences).
  static func whoIsAway(
    in runs: [DayRange], uncovered: [Day], members: [(person: Int, from: Day?)], of people: [Person]
  ) -> [UncoveredRun] {
    guard !runs.isEmpty else { return [] }
    let ordered = members.sorted { people[$0.person].id < people[$1.person].id }
    var next = 0
    return runs.map { run in
      var reasons: [[AwayReason]] = Array(repeating: [], count: ordered.count)
      while next < uncovered.count, uncovered[next] <= run.to {
        let day = uncovered[next]
        for (index, member) in ordered.enumerated() {
          let reason =
            member.from.flatMap { $0 > day ? AwayReason.inTraining(from: $0) : nil }
            ?? people[member.person].reasonAway(on: day)
          if let reason, !reasons[index].contains(reason) { reasons[index].append(reason) }
        }
        next += 1
      }
      let away = zip(ordered, reasons).compactMap { member, reasons in
        reasons.isEmpty ? nil : PersonAway(person: people[member.person].id, reasons: reasons)
      }
      return UncoveredRun(days: run, away: away)
    }
  }

  /// Groups uncovered days into runs of consecutive working days.
  static func runs(of uncovered: [Day], within workingDays: [Day]) -> [DayRange] {
    guard !uncovered.isEmpty else { return [] }
    let position = Dictionary(
      workingDays.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    var runs: [DayRange] = []
    var current = DayRange(from: uncovered[0], to: uncovered[0])
    for day in uncovered.dropFirst() {
      if let previous = position[current.to], let here = position[day], here == previous + 1 {
        current.to = day
      } else {
        runs.append(current)
        current = DayRange(from: day, to: day)
      }
    }
    runs.append(current)
    return runs
  }
}

private func power(_ base: Double, _ exponent: Int) -> Double {
  var result = 1.0
  for _ in 0..<max(0, exponent) { result *= base }
  return result
}
