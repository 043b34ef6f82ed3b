import SkillsGraph
import TestSupport
import Testing

@Suite("Skill index")
struct SkillIndexTests {
  let index = SkillIndex(people: SixPeople.organization.people)

  @Test(
    "holder counts at or above a level",
    arguments: [
      ("tax", 1, 4), ("tax", 2, 3), ("tax", 4, 1), ("tax", 5, 0), ("nothing", 1, 0),
      ("nothing", 0, 6),  // level 0 asks nothing: everyone holds it
    ])
  func holders(skill: String, level: Int, count: Int) {
    #expect(index.holderCount(of: SkillID(skill), atLeast: level) == count)
  }

  @Test("the qualified set agrees with a scan of everyone on generated teams")
  func agreesWithScan() {
    var generator = SeededRandom(seed: 7)
    let skills: [SkillID] = ["a", "b", "c", "d"]
    for _ in 0..<200 {
      let people = (0..<12).map { number in
        Person(
          id: PersonID("P\(number)"),
          levels: Dictionary(
            uniqueKeysWithValues: skills.map { ($0, Int(generator.next() % 5)) }))
      }
      let requirements = skills.filter { _ in generator.next() % 2 == 0 }.map {
        Requirement(skill: $0, level: Int(generator.next() % 5))
      }
      let expected = people.indices.filter { person in
        requirements.allSatisfy { people[person].level($0.skill) >= $0.level }
      }
      let index = SkillIndex(people: people)
      #expect(index.qualified(for: requirements) == expected)
      #expect(index.anyoneQualified(for: requirements) == !expected.isEmpty)
    }
  }

  @Test("levels past a byte are read from each person's sorted levels, with the same answers")
  func agreesWithScanBeyondAByte() {
    // A scale of 0–400 does not fit the dense table of bytes; unknown skills ask for nobody.
    var generator = SeededRandom(seed: 9)
    let skills: [SkillID] = ["a", "b", "c", "d", "e"]
    for _ in 0..<200 {
      let people = (0..<15).map { number in
        Person(
          id: PersonID("P\(number)"),
          levels: Dictionary(
            uniqueKeysWithValues: skills.filter { _ in generator.next() % 3 != 0 }.map {
              ($0, Int(generator.next() % 401))
            }))
      }
      let requirements = (skills + ["unknown"]).filter { _ in generator.next() % 3 == 0 }.map {
        Requirement(skill: $0, level: Int(generator.next() % 401))
      }
      let expected = people.indices.filter { person in
        requirements.allSatisfy { people[person].level($0.skill) >= $0.level }
      }
      let index = SkillIndex(people: people)
      #expect(index.qualified(for: requirements) == expected)
      #expect(index.anyoneQualified(for: requirements) == !expected.isEmpty)
      for requirement in requirements {
        #expect(
          index.holderCount(of: requirement.skill, atLeast: requirement.level)
            == people.count { $0.level(requirement.skill) >= requirement.level }
            || requirement.level <= 0)
      }
    }
  }
}
