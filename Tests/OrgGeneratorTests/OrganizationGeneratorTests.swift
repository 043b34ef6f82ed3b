import OrgGenerator
import SkillsGraph
import Testing

@Suite("Synthetic organizations") struct OrganizationGeneratorTests {
  @Test func sameSeedSameOrganization() {
    let first = OrganizationGenerator(people: 300, seed: 42).generate()
    let second = OrganizationGenerator(people: 300, seed: 42).generate()
    let other = OrganizationGenerator(people: 300, seed: 43).generate()
    #expect(first == second)
    #expect(first != other)
  }

  @Test(arguments: [(50, nil, nil), (400, 60, 25), (1000, 120, 50)] as [(Int, Int?, Int?)])
  func sizesAreRespected(people: Int, skills: Int?, roles: Int?) {
    let organization = OrganizationGenerator(people: people, skills: skills, roles: roles, seed: 7)
      .generate()
    #expect(organization.people.count == people)
    #expect(organization.skills.count == (skills ?? max(12, people / 10)))
    #expect(organization.roles.count == (roles ?? max(4, people / 20)))
    #expect(Set(organization.people.map(\.id)).count == people)
    #expect(Set(organization.skills.map(\.id)).count == organization.skills.count)
  }

  @Test(arguments: [UInt64(1), 2, 3, 99])
  func incumbentsAreQualified(seed: UInt64) throws {
    let organization = OrganizationGenerator(people: 500, seed: seed).generate()
    let coverage = CoverageAnalysis(organization)
    for role in organization.roles {
      let analysed = try #require(coverage[role: role.id])
      for incumbent in role.incumbents { #expect(analysed.qualified.contains(incumbent)) }
      #expect(!role.requirements.isEmpty)
    }
  }

  @Test func looksLikeAnOrganization() {
    let organization = OrganizationGenerator(people: 2000, seed: 5).generate()
    let levels = organization.people.flatMap { $0.levels.values }
    let experts = levels.filter { $0 == 4 }.count
    #expect(experts * 5 < levels.count, "experts are rare")
    #expect(Set(organization.people.map(\.department)).count > 5)
    #expect(organization.people.contains { !$0.canMentor })
    #expect(organization.people.contains { !$0.canLearn })
    #expect(organization.people.contains { !$0.interests.isEmpty })
    #expect(organization.skills.contains { !$0.related.isEmpty })
    let known = Set(organization.skills.map(\.id))
    #expect(organization.skills.allSatisfy { $0.related.allSatisfy(known.contains) })
    // Some roles are below target, or there would be nothing to plan.
    #expect(CoverageAnalysis(organization).rolesBelowTarget > 0)
  }

  @Test(arguments: [UInt64(1), 2, 3])
  func tightOrganizationsAreScarce(seed: UInt64) throws {
    let typical = OrganizationGenerator(people: 600, seed: seed).generate()
    let tight = OrganizationGenerator(people: 600, seed: seed, scarcity: .tight).generate()
    #expect(tight == OrganizationGenerator(people: 600, seed: seed, scarcity: .tight).generate())
    #expect(tight != typical)
    #expect(tight.people.count == 600 && tight.roles.count == typical.roles.count)
    #expect(tight.people.allSatisfy { $0.mentorHoursPerWeek <= 2 && $0.maxMentees <= 2 })
    let coverage = CoverageAnalysis(tight)
    for role in tight.roles {
      let analysed = try #require(coverage[role: role.id])
      for incumbent in role.incumbents { #expect(analysed.qualified.contains(incumbent)) }
    }
    func experts(_ organization: Organization) -> Int {
      organization.people.reduce(0) { $0 + $1.levels.values.count { $0 == 4 } }
    }
    #expect(experts(tight) < experts(typical))
    #expect(tight.roles.map(\.target).reduce(0, +) > typical.roles.map(\.target).reduce(0, +))
    #expect(Set(tight.people.map(\.department)).count < Set(typical.people.map(\.department)).count)
  }
}

@Suite("The seeded generator") struct SplitMix64Tests {
  /// The first outputs of the reference SplitMix64 (Vigna's `splitmix64.c`) from seed 1234567.
  ///
  /// Generated organizations and the test targets' instances (`TestSupport.SeededRandom`) both
  /// rest on this sequence, so a change to the algorithm must show here first.
  @Test func matchesTheReferenceSequence() {
    var generator = SplitMix64(seed: 1_234_567)
    let first = (0..<5).map { _ in generator.next() }
    #expect(
      first == [
        6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423,
        4_593_380_528_125_082_431, 16_408_922_859_458_223_821,
      ])
  }
}
