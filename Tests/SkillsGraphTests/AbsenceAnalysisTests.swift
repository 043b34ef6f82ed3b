import TestSupport
import Testing

@testable import SkillsGraph

/// A warehouse over two weeks from Monday 2026-11-30, worked out by hand.
///
/// Working days: Nov 30 – Dec 4 and Dec 7 – Dec 11 minus the holiday on Tuesday Dec 8: 9 days.
/// A is away Wed Dec 2 – Fri Dec 4; C is away Fri Dec 4 – Mon Dec 7 (over the weekend); B's last
/// working day is Wed Dec 9. D alone does payroll.
enum Warehouse {
  static let organization = Organization(
    skills: [Skill(id: "forklift"), Skill(id: "payroll")],
    people: [
      Person(
        id: "A", levels: ["forklift": 3],
        absences: [
          Absence(from: Day.fixture("2026-12-02"), to: Day.fixture("2026-12-04"), kind: "vacation")
        ]),
      Person(id: "B", levels: ["forklift": 3], leaves: Day.fixture("2026-12-09")),
      Person(
        id: "C", levels: ["forklift": 3],
        absences: [Absence(from: Day.fixture("2026-12-04"), to: Day.fixture("2026-12-07"))]),
      Person(id: "D", levels: ["payroll": 4]),
    ],
    roles: [
      Role(
        id: "forklift-shift", requirements: [.init(skill: "forklift", level: 3)],
        criticality: .normal, minPresent: 2),
      Role(
        id: "payroll", requirements: [.init(skill: "payroll", level: 3)], criticality: .critical),
      Role(
        id: "dispatch",
        requirements: [.init(skill: "forklift", level: 3), .init(skill: "payroll", level: 2)],
        criticality: .high),
      Role(
        id: "reach", requirements: [.init(skill: "forklift", level: 3)], criticality: .normal,
        minPresent: 3),
    ],
    policy: Policy(
      horizonWeeks: 2, start: Day.fixture("2026-11-30"), holidays: [Day.fixture("2026-12-08")]))

  static let horizon = Horizon(for: organization, today: Day.fixture("2020-01-01"))

  static let analysis = AbsenceAnalysis(
    organization, coverage: CoverageAnalysis(organization), horizon: horizon)
}

@Suite("Absences over a horizon, worked out by hand")
struct AbsenceAnalysisTests {
  let analysis = Warehouse.analysis

  @Test("working days skip weekends and holidays")
  func workingDays() {
    #expect(
      Warehouse.horizon.workingDays.map(\.description) == [
        "2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-07",
        "2026-12-09", "2026-12-10", "2026-12-11",
      ])
    #expect(Warehouse.horizon.end.description == "2026-12-14")
  }

  @Test(
    "uncovered days per role as runs of consecutive working days",
    arguments: [
      ("forklift-shift", ["2026-12-04"], 1),
      ("payroll", [], 0),
      ("dispatch", ["2026-11-30 to 2026-12-11"], 9),
      ("reach", ["2026-12-02 to 2026-12-07", "2026-12-10 to 2026-12-11"], 6),
    ])
  func uncovered(role: String, runs: [String], count: Int) throws {
    let calendar = try #require(analysis[role: RoleID(role)])
    #expect(calendar.uncoveredDays.map(\.description) == runs)
    #expect(calendar.uncoveredDayCount == count)
  }

  @Test("weighted uncovered role-days: 1·1 + 3·0 + 2·9 + 1·6; unweighted 1 + 0 + 9 + 6")
  func roleDays() {
    #expect(analysis.uncoveredRoleDays == 25)
    #expect(analysis.uncoveredDayCount == 16)
  }

  @Test(
    "expected uncovered days a year at a 3 % daily absence rate",
    arguments: [
      ("forklift-shift", 0.608_58),  // 230 · (0.03³ + 3 · 0.97 · 0.03²)
      ("payroll", 6.9),  // 230 · 0.03
      ("dispatch", 230),  // nobody qualified
      ("reach", 20.085_21),  // 230 · (1 − 0.97³)
    ])
  func sickDayRisk(role: String, expected: Double) throws {
    let calendar = try #require(analysis[role: RoleID(role)])
    #expect(abs(calendar.expectedUncoveredDaysPerYear - expected) < 1e-6)
  }

  @Test("organization total of expected uncovered role-days a year")
  func sickDayTotal() {
    #expect(abs(analysis.expectedUncoveredRoleDaysPerYear - 501.393_79) < 1e-6)
    // Unweighted, still a sum over roles: more than the 230 working days of a year, although
    // no role alone can pass them.
    #expect(abs(analysis.expectedUncoveredDaysPerYear - 257.593_79) < 1e-6)
    #expect(analysis.roles.allSatisfy { $0.expectedUncoveredDaysPerYear <= 230 })
  }

  @Test(
    "absence factor per role is d − minPresent + 1",
    arguments: [("forklift-shift", 2), ("payroll", 1), ("dispatch", 0), ("reach", 1)])
  func roleAbsenceFactor(role: String, factor: Int) throws {
    #expect(try #require(analysis[role: RoleID(role)]).absenceFactor == factor)
  }

  @Test("organization absence factor: D alone stops payroll, with dispatch already down: 5 of 7")
  func organizationFactor() {
    let factor = analysis.organizationAbsenceFactor
    #expect(factor.people == ["D"])
    #expect(factor.isExact)
    #expect(factor.lowerBound == 1)
    #expect(factor.stoppedWeight == 5)
    #expect(factor.totalWeight == 7)
  }

  @Test("a backup trained mid-horizon counts from the day training ends")
  func availableFrom() throws {
    let trained = AbsenceAnalysis(
      Warehouse.organization, coverage: CoverageAnalysis(Warehouse.organization),
      horizon: Warehouse.horizon,
      availableFrom: ["payroll": ["A": Day.fixture("2026-12-07")]])
    // A is a second payroll person from Monday Dec 7; payroll never lacked one, dispatch is
    // unaffected (A is not qualified for it), so nothing changes but the bookkeeping.
    #expect(try #require(trained[role: "payroll"]).uncoveredDayCount == 0)
    let needsTwo = Organization(
      people: Warehouse.organization.people,
      roles: [
        Role(
          id: "pair", requirements: [.init(skill: "payroll", level: 3)], minPresent: 2)
      ], policy: Warehouse.organization.policy)
    let withBackup = AbsenceAnalysis(
      needsTwo, coverage: CoverageAnalysis(needsTwo), horizon: Warehouse.horizon,
      availableFrom: ["pair": ["C": Day.fixture("2026-12-07")]])
    // From Dec 7 C counts, but C is away that Monday: covered from Dec 9 only.
    #expect(
      try #require(withBackup[role: "pair"]).uncoveredDays.map(\.description) == [
        "2026-11-30 to 2026-12-07"
      ])
  }
}

@Suite("Organization absence factor against brute force")
struct AbsenceFactorSearchTests {
  @Test("exact search equals the brute-force minimum on generated instances")
  func bruteForce() {
    var generator = SeededRandom(seed: 11)
    let people: [PersonID] = (0..<7).map { PersonID("P\($0)") }
    for _ in 0..<150 {
      let roles = (0..<Int(generator.next() % 5 + 1)).map { _ in
        let qualified = people.filter { _ in generator.next() % 3 == 0 }
        return OrganizationAbsenceFactor.RoleInput(
          weight: Double(generator.next() % 3 + 1), qualified: qualified,
          needed: qualified.isEmpty ? 0 : Int(generator.next() % UInt64(qualified.count)) + 1)
      }
      let factor = OrganizationAbsenceFactor(roles: roles)
      let total = roles.reduce(0) { $0 + $1.weight }
      let best = Self.smallestGroup(roles, among: people)
      #expect(factor.isExact)
      #expect(factor.size == best)
      #expect(factor.stoppedWeight >= total / 2)
    }
  }

  @Test("exact search equals brute force when many people share the same roles")
  func bruteForceSharedSets() {
    // Twelve people drawn from three profiles, so each set of roles has several
    // interchangeable members and the search counts people per set.
    var generator = SeededRandom(seed: 41)
    let people: [PersonID] = (0..<12).map { PersonID("P\($0)") }
    for _ in 0..<80 {
      let profiles = (0..<3).map { _ in (0..<4).filter { _ in generator.next() % 2 == 0 } }
      let profileOf = people.map { _ in profiles[Int(generator.next() % 3)] }
      let roles = (0..<4).map { role in
        let qualified = people.indices.filter { profileOf[$0].contains(role) }.map { people[$0] }
        return OrganizationAbsenceFactor.RoleInput(
          weight: Double(generator.next() % 4 + 1), qualified: qualified,
          needed: qualified.isEmpty ? 0 : Int(generator.next() % UInt64(qualified.count)) + 1)
      }
      let factor = OrganizationAbsenceFactor(roles: roles)
      let total = roles.reduce(0) { $0 + $1.weight }
      let best = Self.smallestGroup(roles, among: people)
      #expect(factor.isExact)
      #expect(factor.size == best)
      #expect(factor.stoppedWeight >= total / 2)
    }
  }

  /// The size of the smallest group of `people` whose absence stops half the weight, by trying
  /// every subset (`Int.max` when none does).
  static func smallestGroup(
    _ roles: [OrganizationAbsenceFactor.RoleInput], among people: [PersonID]
  ) -> Int {
    let total = roles.reduce(0) { $0 + $1.weight }
    var best = Int.max
    for mask in 0..<(1 << people.count) where mask.nonzeroBitCount < best {
      let group = Set(people.indices.filter { mask & (1 << $0) != 0 }.map { people[$0] })
      let stopped = roles.filter { role in
        role.qualified.count { group.contains($0) } >= role.needed
      }.reduce(0) { $0 + $1.weight }
      if stopped >= total / 2 { best = mask.nonzeroBitCount }
    }
    return best
  }

  @Test("the greedy picks what a rescan of everyone at every step picks, ties included")
  func greedyMatchesRescan() {
    var generator = SeededRandom(seed: 23)
    for round in 0..<60 {
      let people: [PersonID] = (0..<(20 + round)).map { PersonID("P\($0)") }
      let roles = (0..<(5 + round % 30)).map { _ in
        let qualified = people.filter { _ in generator.next() % 4 == 0 }
        return OrganizationAbsenceFactor.RoleInput(
          weight: Double(generator.next() % 3 + 1), qualified: qualified,
          needed: qualified.isEmpty
            ? 0 : Int(generator.next() % UInt64(min(qualified.count, 3))) + 1)
      }
      let search = AbsenceFactorSearch(roles: roles)
      #expect(
        search.greedy().map { search.people[$0] } == Self.rescanGreedy(roles), "round \(round)")
    }
  }

  /// The greedy as first written: every step scores every person not yet chosen, from scratch,
  /// and takes the first of the best.
  static func rescanGreedy(_ input: [OrganizationAbsenceFactor.RoleInput]) -> [PersonID] {
    var people: [PersonID] = []
    for role in input where role.needed > 0 {
      for person in role.qualified where !people.contains(person) { people.append(person) }
    }
    let roles = input.filter { $0.needed > 0 }
    let total = input.reduce(0) { $0 + $1.weight }
    var weight = input.filter { $0.needed == 0 }.reduce(0) { $0 + $1.weight }
    var away = [Int](repeating: 0, count: roles.count)
    var chosen: [PersonID] = []
    while weight < total / 2 {
      var best: (gain: Double, progress: Double, person: PersonID)?
      var bestScore = (0.0, 0.0)
      for person in people where !chosen.contains(person) {
        var gain = 0.0
        var progress = 0.0
        for (index, role) in roles.enumerated()
        where role.qualified.contains(person) && away[index] < role.needed {
          let remaining = role.needed - away[index]
          if remaining == 1 { gain += role.weight }
          progress += role.weight / Double(remaining)
        }
        if best == nil || (gain, progress) > bestScore {
          best = (gain, progress, person)
          bestScore = (gain, progress)
        }
      }
      guard let best, best.progress > 0 else { break }
      chosen.append(best.person)
      for (index, role) in roles.enumerated() where role.qualified.contains(best.person) {
        away[index] += 1
        if away[index] == role.needed { weight += role.weight }
      }
    }
    return chosen
  }

  @Test("interchangeable people are tried once: thirty alike settle exactly on a small budget")
  func interchangeablePeople() {
    // Thirty people qualified for the same two roles, each stopped by ten absences: the answer
    // is any ten. Trying every set of nine first (14 million of them) ran out of any budget;
    // tried once per set of roles, the search proves 10 at once.
    let people: [PersonID] = (0..<30).map { PersonID("P\($0)") }
    let roles = [
      OrganizationAbsenceFactor.RoleInput(weight: 1, qualified: people, needed: 10),
      OrganizationAbsenceFactor.RoleInput(weight: 1, qualified: people, needed: 10),
    ]
    let factor = OrganizationAbsenceFactor(roles: roles, workLimit: 20_000)
    #expect(factor.isExact)
    #expect(factor.size == 10)
    #expect(factor.people == Array(people.prefix(10)).sorted())
  }

  @Test("with no time to search, the greedy group still stops half and the bound holds")
  func greedyFallback() {
    var generator = SeededRandom(seed: 5)
    let people: [PersonID] = (0..<60).map { PersonID("P\($0)") }
    let roles = (0..<40).map { _ in
      let qualified = people.filter { _ in generator.next() % 6 == 0 }
      return OrganizationAbsenceFactor.RoleInput(
        weight: Double(generator.next() % 3 + 1), qualified: qualified,
        needed: qualified.isEmpty ? 0 : max(1, qualified.count - 1))
    }
    let factor = OrganizationAbsenceFactor(roles: roles, workLimit: 0)
    #expect(factor.stoppedWeight >= factor.totalWeight / 2)
    #expect(factor.lowerBound <= factor.size)
    #expect(factor.lowerBound >= 1)
  }
}
