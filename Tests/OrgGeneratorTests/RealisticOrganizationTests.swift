import OrgGenerator
import SkillsGraph
import Testing

@Suite("Realistic synthetic organizations") struct RealisticOrganizationTests {
  static let asOf = Day(year: 2026, month: 11, day: 30) ?? OrganizationGenerator.defaultAsOf

  /// The plain organization of the seed with the realistic one's names and calendar removed:
  /// the two must then be equal, so a benchmark's shape never depends on the style.
  static func shape(_ organization: Organization) -> Organization {
    var organization = organization
    organization.asOf = nil
    for index in organization.skills.indices {
      organization.skills[index].name = ""
      organization.skills[index].category = nil
    }
    for index in organization.people.indices {
      organization.people[index].name = ""
      organization.people[index].department = ""
      organization.people[index].absences = []
      organization.people[index].leaves = nil
    }
    for index in organization.roles.indices { organization.roles[index].name = "" }
    return organization
  }

  @Test(arguments: [(300, UInt64(42)), (2000, 1)])
  func sameShapeAsPlain(people: Int, seed: UInt64) {
    let plain = OrganizationGenerator(people: people, seed: seed).generate()
    let realistic = OrganizationGenerator(
      people: people, seed: seed, style: .realistic, asOf: Self.asOf
    ).generate()
    #expect(Self.shape(plain) == Self.shape(realistic))
    #expect(
      realistic
        == OrganizationGenerator(
          people: people, seed: seed, style: .realistic, asOf: Self.asOf
        ).generate())
  }

  @Test func plainKeepsItsNumberedNamesAndNoCalendar() {
    let plain = OrganizationGenerator(people: 300, seed: 42).generate()
    #expect(plain.asOf == OrganizationGenerator.defaultAsOf)
    #expect(plain.people.first?.name == "Person 00001")
    #expect(plain.people.allSatisfy { $0.absences.isEmpty && $0.leaves == nil })
  }

  @Test func readsLikeARealOrganization() throws {
    let organization = OrganizationGenerator(
      people: 2000, seed: 1, style: .realistic, asOf: Self.asOf
    ).generate()
    #expect(organization.asOf == Self.asOf)
    #expect(!organization.people.contains { $0.name.hasPrefix("Person ") })
    #expect(!organization.skills.contains { $0.name.hasPrefix("Skill ") })
    #expect(!organization.roles.contains { $0.name.hasPrefix("Role ") })
    #expect(Set(organization.skills.map(\.name)).count == organization.skills.count)
    #expect(Set(organization.roles.map(\.name)).count == organization.roles.count)
    #expect(organization.people.contains { $0.department == "Finance" })
    // A quarter's calendar: holidays for many, some training, a few leavers, all ahead.
    let absent = organization.people.filter { !$0.absences.isEmpty }
    #expect(absent.count > organization.people.count / 4)
    #expect(absent.count < organization.people.count / 2)
    let absences = organization.people.flatMap(\.absences)
    #expect(absences.allSatisfy { $0.from >= Self.asOf && $0.from <= $0.to })
    #expect(Set(absences.compactMap(\.kind)) == ["vacation", "training", "parental-leave"])
    let leavers = organization.people.compactMap(\.leaves)
    #expect((1...10).contains(leavers.count))
    #expect(leavers.allSatisfy { $0 > Self.asOf && $0 < Self.asOf.adding(days: 7 * 12) })
    // Some leavers hold a role, so the reports have a departure to show.
    let incumbents = Set(organization.roles.flatMap(\.incumbents))
    #expect(organization.people.contains { $0.leaves != nil && incumbents.contains($0.id) })
  }

  @Test func smallOrganizationsHaveNoLeavers() {
    let organization = OrganizationGenerator(people: 12, seed: 3, style: .realistic).generate()
    #expect(organization.people.allSatisfy { $0.leaves == nil })
  }
}
