import Foundation
internal import OrderedCollections
import SkillsGraph
import Testing

@testable import HRImport

/// Large organizations' people and roles are made in two halves at once (`InHalves`): the
/// values and the errors must be those, in the order, of one after another.
@Suite("People and roles made in two halves at once")
struct PeopleAssemblyTests {
  static let file = "people.xml"

  static func located<Value>(_ value: Value, line: Int) -> Located<Value> {
    Located(value: value, location: SourceLocation(file: file, line: line, column: 1))
  }

  /// 600 people on four skills, every seventh with an unknown skill, every eleventh with a
  /// level above the scale, every thirteenth with an unknown manager, and a skill named by its
  /// name rather than its id.
  static func records() -> (MergedRecords, [InHalves.Levels]) {
    var skills: OrderedDictionary<String, SkillRecord> = [:]
    for (id, name) in [("excel", "Excel"), ("sql", "SQL"), ("tax", "Tax law"), ("vat", "VAT")] {
      skills[id] = SkillRecord(id: located(id, line: 1), name: name)
    }
    var people: OrderedDictionary<String, PersonRecord> = [:]
    var levels: [InHalves.Levels] = []
    for index in 0..<600 {
      let line = index + 10
      let id = "E\(index)"
      var record = PersonRecord(id: located(id, line: line))
      record.name = "Person \(index)"
      record.manager = located(index % 13 == 5 ? "X\(index)" : "E\(index / 10)", line: line)
      record.interests = [located(index % 2 == 0 ? "vat" : "Tax law", line: line)]
      people[id] = record
      var held: InHalves.Levels = [
        (located("excel", line: line), located(index % 5, line: line)),
        (located(index % 3 == 0 ? "SQL" : "sql", line: line), located(2, line: line)),
      ]
      if index % 7 == 3 { held.append((located("excell", line: line), located(1, line: line))) }
      if index % 11 == 4 { held.append((located("tax", line: line), located(9, line: line))) }
      levels.append(held)
    }
    var byName: [String: String] = [:]
    for (id, record) in skills {
      byName[VendorValues.nameKey(id)] = id
      if let name = record.name { byName[VendorValues.nameKey(name)] = id }
    }
    let merged = MergedRecords(
      skills: skills, people: people, skillByName: byName,
      skillIDs: Array(skills.keys), personIDs: Array(people.keys))
    return (merged, levels)
  }

  @Test("two halves give the people and errors of one pass, in order")
  func halvesAsOnePass() {
    let (records, levels) = Self.records()
    var sequentialLevels = levels
    let sequential = PeopleAssembly.make(
      records, levelLists: &sequentialLevels, scale: 4, splitFrom: .max)
    var splitLevels = levels
    let split = PeopleAssembly.make(records, levelLists: &splitLevels, scale: 4, splitFrom: 2)
    #expect(split.people == sequential.people)
    #expect(split.diagnostics == sequential.diagnostics)
    // Every level list was emptied as its person was made.
    #expect(splitLevels.allSatisfy { $0.isEmpty })
    #expect(sequentialLevels.allSatisfy { $0.isEmpty })
    // Left for the caller to free, the lists are kept whole and the people are the same.
    for splitFrom in [2, Int.max] {
      var keptLevels = levels
      let kept = PeopleAssembly.make(
        records, levelLists: &keptLevels, scale: 4, emptying: false, splitFrom: splitFrom)
      #expect(kept.people == sequential.people)
      #expect(kept.diagnostics == sequential.diagnostics)
      #expect(keptLevels.map(\.count) == levels.map(\.count))
    }

    // By hand: 86 unknown skills (index % 7 == 3), 55 levels above 4 (index % 11 == 4),
    // 46 unknown managers (index % 13 == 5), and nothing else.
    let messages = sequential.diagnostics.map(\.message)
    let unknownSkills = messages.filter { $0.hasPrefix("unknown skill 'excell'") }.count
    let aboveScale = messages.filter { $0 == "level 9 is outside the scale 0...4" }.count
    let unknownManagers = messages.filter { $0.hasPrefix("unknown person 'X") }.count
    #expect(unknownSkills == 86)
    #expect(aboveScale == 55)
    #expect(unknownManagers == 46)
    #expect(messages.count == 86 + 55 + 46)
    // In the order of the people.
    let lines = sequential.diagnostics.map(\.location.line)
    #expect(lines == lines.sorted())

    let person = sequential.people[3]
    #expect(person.id == PersonID("E3"))
    #expect(person.levels == [SkillID("excel"): 3, SkillID("sql"): 2])
    #expect(person.manager == PersonID("E0"))
    #expect(person.interests == [SkillID("tax")])
    #expect(sequential.people[5].manager == nil)
  }

  @Test("roles: two halves give the roles and errors of one pass, in order")
  func rolesAsOnePass() {
    let (records, _) = Self.records()
    var roles: OrderedDictionary<String, RoleRecord> = [:]
    var requirements: [InHalves.Levels] = []
    for index in 0..<500 {
      let line = 1000 + index
      var record = RoleRecord(id: Self.located("R\(index)", line: line))
      // Every ninth names an unknown incumbent; every fifth a skill by its name.
      record.incumbents = [Self.located(index % 9 == 2 ? "Y\(index)" : "E\(index)", line: line)]
      roles["R\(index)"] = record
      var held: InHalves.Levels = [
        (Self.located(index % 5 == 0 ? "VAT" : "vat", line: line), Self.located(3, line: line))
      ]
      // Every seventeenth asks for a skill nobody defined, every nineteenth a level of 7.
      if index % 17 == 1 {
        held.append((Self.located("cobol", line: line), Self.located(2, line: line)))
      }
      if index % 19 == 6 {
        held.append((Self.located("sql", line: line), Self.located(7, line: line)))
      }
      requirements.append(held)
    }
    var sequentialLists = requirements
    let sequential = RoleAssembly.make(
      roles, records: records, requirementLists: &sequentialLists, scale: 4, splitFrom: .max)
    var splitLists = requirements
    let split = RoleAssembly.make(
      roles, records: records, requirementLists: &splitLists, scale: 4, splitFrom: 2)
    #expect(split.roles == sequential.roles)
    #expect(split.diagnostics == sequential.diagnostics)
    #expect(splitLists.allSatisfy { $0.isEmpty })
    // By hand: 56 unknown incumbents (index % 9 == 2), 30 unknown skills (index % 17 == 1),
    // 26 levels above 4 (index % 19 == 6).
    let messages = sequential.diagnostics.map(\.message)
    let unknownPeople = messages.filter { $0.hasPrefix("unknown person 'Y") }.count
    let unknownSkills = messages.filter { $0.hasPrefix("unknown skill 'cobol'") }.count
    let aboveScale = messages.filter { $0 == "level 7 is outside the scale 0...4" }.count
    #expect(unknownPeople == 56)
    #expect(unknownSkills == 30)
    #expect(aboveScale == 26)
    #expect(messages.count == 56 + 30 + 26)
    let lines = sequential.diagnostics.map(\.location.line)
    #expect(lines == lines.sorted())
    let role = sequential.roles[5]
    #expect(role.requirements == [Requirement(skill: SkillID("vat"), level: 3)])
    #expect(role.incumbents == [PersonID("E5")])
    #expect(sequential.roles[2].incumbents.isEmpty)
  }
}
