import SkillsGraph
import Testing

@testable import MentoringOptimizer

/// The plan builds its before and after analyses from the optimizer's own indices; they must be
/// exactly what `CoverageAnalysis` computes from the organizations themselves.
@Suite("The plan's analyses match CoverageAnalysis") struct AnalysisTests {
  /// The organization as the plan leaves it: every pair's mentee at the pair's level.
  static func applying(_ plan: MentoringPlan, to organization: Organization) -> Organization {
    var after = organization
    for pair in plan.pairs {
      guard let index = after.people.firstIndex(where: { $0.id == pair.mentee }) else { continue }
      after.people[index].levels[pair.skill] = pair.toLevel
    }
    return after
  }

  /// A tiny organization with the awkward cases: people and roles out of id order, ids that
  /// sort naturally (`p10` after `p9`), a skill required twice, a requirement at level 0, a skill
  /// nobody declared, and a role with no requirement at all.
  static func awkward(seed: UInt64, people: Int, skills: Int, roles: Int) -> Organization {
    var organization = tinyOrganization(seed: seed, people: people, skills: skills, roles: roles)
    organization.people.reverse()
    organization.roles.reverse()
    if seed % 3 == 0, let first = organization.people.indices.first {
      organization.people[first].levels[SkillID("undeclared")] = 3
    }
    organization.roles.append(
      Role(
        id: RoleID("r-awkward"),
        requirements: [
          Requirement(skill: SkillID("s0"), level: 1), Requirement(skill: SkillID("s0"), level: 3),
          Requirement(skill: SkillID("s1"), level: 0),
          Requirement(skill: SkillID("undeclared"), level: seed % 2 == 0 ? 2 : 0),
        ],
        incumbents: [], criticality: .high, backups: 2))
    organization.roles.append(
      Role(id: RoleID("r-empty"), requirements: [], incumbents: [], criticality: .normal))
    return organization
  }

  @Test(arguments: [(6, 3, 2), (12, 4, 4), (24, 6, 6)])
  func beforeAndAfter(people: Int, skills: Int, roles: Int) {
    var failures: [String] = []
    for seed in UInt64(1)...60 {
      for organization in [
        tinyOrganization(seed: seed &+ 500, people: people, skills: skills, roles: roles),
        Self.awkward(seed: seed, people: people, skills: skills, roles: roles),
      ] {
        let plan = planMentoring(
          organization, options: PlanOptions(policy: organization.policy, timeLimit: .seconds(5)))
        if plan.before != CoverageAnalysis(organization) {
          failures.append("seed \(seed): the before analysis differs")
        }
        if plan.after != CoverageAnalysis(Self.applying(plan, to: organization)) {
          failures.append("seed \(seed): the after analysis differs")
        }
      }
    }
    #expect(failures == [])
  }
}

@Suite("Skill ids however spelled") struct SkillIDTests {
  /// Many skills (the id table grows), and ids equal as strings but not as bytes: 'café' in
  /// composed and decomposed form, and the Kelvin sign, canonically the letter K.
  @Test func lookupsFollowStringEquality() {
    let declared =
      (0..<300).map { SkillID("skill-\($0)") } + [
        SkillID("caf\u{E9}"), SkillID("\u{212A}9"),
      ]
    let skills = declared.map { Skill(id: $0) }
    var people: [Person] = []
    for index in 0..<40 {
      var levels: [SkillID: Int] = [:]
      for step in 0..<8 {
        levels[SkillID("skill-\((index * 7 + step * 31) % 300)")] = 1 + (index + step) % 4
      }
      if index % 3 == 0 { levels[SkillID("cafe\u{301}")] = 3 }
      if index % 4 == 0 { levels[SkillID("K9")] = 4 }
      people.append(Person(id: PersonID("p\(index)"), levels: levels))
    }
    let roles = [
      Role(
        id: RoleID("r1"),
        requirements: [Requirement(skill: SkillID("caf\u{E9}"), level: 3)], criticality: .high),
      Role(
        id: RoleID("r2"),
        requirements: [
          Requirement(skill: SkillID("\u{212A}9"), level: 4),
          Requirement(skill: SkillID("skill-7"), level: 1),
        ]),
      Role(id: RoleID("r3"), requirements: [Requirement(skill: SkillID("skill-250"), level: 2)]),
    ]
    let organization = Organization(skills: skills, people: people, roles: roles)
    let plan = planMentoring(organization, options: PlanOptions(timeLimit: .seconds(5)))
    #expect(plan.before == CoverageAnalysis(organization))
    #expect(plan.before.roles[0].depth == 14)
    let problem = Problem(organization, options: PlanOptions())
    #expect(problem.skillCount == declared.count)
  }
}

@Suite("Natural id order without copies") struct NaturalOrderTests {
  /// Every pair of ids drawn from awkward spellings: digit runs of different lengths, leading
  /// zeros, letters where others have digits, and an empty id.
  ///
  /// `Identifier.<` takes a byte-order
  /// shortcut for ids of the same shape; the reference below is the run-by-run comparison alone.
  @Test func agreesWithRunByRunComparison() {
    let spellings = [
      "", "0", "00", "1", "01", "9", "10", "a", "a1", "a01", "a10", "a9", "a19", "a2x", "a2",
      "P00001", "P00012", "P00107", "P0010x", "Q00001", "p00001", "E2", "E10", "E02", "x1y2",
      "x1y10", "x01y2", "S0007", "S0013", "S00013", "S001a", "a09b", "a10a", "07", "10",
    ]
    var failures: [String] = []
    for a in spellings {
      for b in spellings where (SkillID(a) < SkillID(b)) != runByRun(a, b) {
        failures.append("'\(a)' < '\(b)'")
      }
    }
    #expect(failures == [])
    let shuffled = ["E10", "E2", "E1", "e3", "E02", "P001", "P1"].map { PersonID($0) }
    let positions = naturalOrderPositions(shuffled)
    // E1, E02 (ties with E2 by value, then bytes), E2, E10, P001, P1, then lower-case e3.
    #expect(positions == [2, 4, 1, 0, 5, 6, 3])
  }

  /// Natural order, digit run by digit run, with no shortcut.
  private func runByRun(_ lhs: String, _ rhs: String) -> Bool {
    let a = Array(lhs.utf8)
    let b = Array(rhs.utf8)
    func isDigit(_ byte: UInt8) -> Bool { (48...57).contains(byte) }
    var i = 0
    var j = 0
    while i < a.count, j < b.count {
      if isDigit(a[i]), isDigit(b[j]) {
        var iStart = i
        while iStart < a.count, a[iStart] == 48 { iStart += 1 }
        var jStart = j
        while jStart < b.count, b[jStart] == 48 { jStart += 1 }
        var iEnd = iStart
        while iEnd < a.count, isDigit(a[iEnd]) { iEnd += 1 }
        var jEnd = jStart
        while jEnd < b.count, isDigit(b[jEnd]) { jEnd += 1 }
        if iEnd - iStart != jEnd - jStart { return iEnd - iStart < jEnd - jStart }
        for k in 0..<(iEnd - iStart) where a[iStart + k] != b[jStart + k] {
          return a[iStart + k] < b[jStart + k]
        }
        i = iEnd
        j = jEnd
      } else {
        if a[i] != b[j] { return a[i] < b[j] }
        i += 1
        j += 1
      }
    }
    if a.count - i != b.count - j { return a.count - i < b.count - j }
    return a.lexicographicallyPrecedes(b)
  }
}
