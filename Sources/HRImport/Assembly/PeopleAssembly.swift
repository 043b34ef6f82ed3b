import Foundation
internal import OrderedCollections
import SkillsGraph

/// The merged records, read-only, and what resolving a reference against them needs: shared by
/// the threads that make the people of a large organization.
struct MergedRecords {
  let skills: OrderedDictionary<String, SkillRecord>
  let people: OrderedDictionary<String, PersonRecord>
  /// Skill ids by the lower-cased, space-collapsed form of their names and ids.
  let skillByName: [String: String]
  let skillIDs: [String]
  let personIDs: [String]

  /// The id when some file defines it; otherwise an error naming it in `diagnostics`, and
  /// `nil`.
  ///
  /// A skill may also be named the way an export names it (`"Financial Acumen"` for the id
  /// `financial-acumen`), ignoring case and runs of white space, so a manager's roles file can
  /// use the names people see in the HR system.
  /// - Returns: the id the reference resolves to.
  func check(
    _ reference: Located<String>, kind: String, diagnostics: inout [Diagnostic]
  ) -> String? {
    // `index(forKey:)`: a subscript would copy the whole record out only to test it.
    let defined =
      kind == "skill"
      ? skills.index(forKey: reference.value) != nil
      : people.index(forKey: reference.value) != nil
    if defined { return reference.value }
    var candidates = kind == "skill" ? skillIDs : personIDs
    if kind == "skill" {
      if let id = skillByName[VendorValues.nameKey(reference.value)] { return id }
      // Offer each skill once, by whichever of its id and name is closer (the id on a tie).
      let target = Array(reference.value.lowercased().utf8)
      candidates = skills.map { id, record in
        guard let name = record.name, name != id else { return id }
        let byID = Suggestions.editDistance(target, Array(id.lowercased().utf8), limit: 64)
        let byName = Suggestions.editDistance(target, Array(name.lowercased().utf8), limit: 64)
        return byName < byID ? name : id
      }
    }
    var message = "unknown \(kind) '\(reference.value)'"
    let suggestions = Suggestions.closest(to: reference.value, among: candidates)
    if !suggestions.isEmpty {
      message += " (did you mean " + suggestions.map { "'\($0)'" }.joined(separator: " or ") + "?)"
    }
    diagnostics.append(Diagnostic(.error, message, at: reference.location))
    return nil
  }

  /// An error in `diagnostics` when `level` is above the scale.
  static func checkScale(_ level: Located<Int>, scale: Int, diagnostics: inout [Diagnostic]) {
    guard level.value > scale else { return }
    diagnostics.append(
      Diagnostic(
        .error, "level \(level.value) is outside the scale 0...\(scale)", at: level.location))
  }
}

/// Makes the people from the merged records, in order, with the errors their references give
/// (two halves at once from 4,096 people up, `InHalves`).
enum PeopleAssembly {

  /// The people, in the order of `records.people`.
  ///
  /// `levelLists[i]` holds person `i`'s level records, taken out of the table; with `emptying`
  /// each list is emptied (and freed) as its person is made, otherwise the lists are left for
  /// the caller to free. Tests move `splitFrom`, the count from which the halves are made at
  /// once.
  /// - Returns: the people and the errors, in order.
  static func make(
    _ records: MergedRecords, levelLists: inout [InHalves.Levels], scale: Int,
    emptying: Bool = true, splitFrom: Int = 4096
  ) -> (people: [Person], diagnostics: [Diagnostic]) {
    let made = InHalves.make(&levelLists, splitFrom: splitFrom) { range, lists, people in
      make(records, range, lists: lists, emptying: emptying, into: people, scale: scale)
    }
    return (made.values, made.diagnostics)
  }

  /// Makes the people at `range` into the same places of `made`, emptying their level lists
  /// when `emptying`.
  /// - Returns: the errors, in order.
  private static func make(
    _ records: MergedRecords, _ range: Range<Int>,
    lists: UnsafeMutableBufferPointer<InHalves.Levels>, emptying: Bool,
    into made: UnsafeMutableBufferPointer<Person>, scale: Int
  ) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    // The skill last resolved at each place of a person's levels, as written and as resolved:
    // a skills matrix names the same skills in the same order for everyone, and a reference
    // equal to the one cached for its place resolves the same way without a lookup.
    var resolved: [(reference: String, skill: String)] = []
    for index in range {
      var held: InHalves.Levels = []
      if emptying { swap(&held, &lists[index]) } else { held = lists[index] }
      let person = person(
        at: index, levels: held, records: records, scale: scale, resolved: &resolved,
        diagnostics: &diagnostics)
      made.initializeElement(at: index, to: person)
    }
    return diagnostics
  }

  /// The person at `index` of the records, with the levels `held`.
  private static func person(
    at index: Int, levels held: InHalves.Levels, records: MergedRecords, scale: Int,
    resolved: inout [(reference: String, skill: String)], diagnostics: inout [Diagnostic]
  ) -> Person {
    var levels: [SkillID: Int] = [:]
    levels.reserveCapacity(held.count)
    // The reference and level are read in place (see `forEachSkillLevel`); an entry is only
    // copied to report it.
    held.forEachSkillLevel { place, reference, level in
      let skill: String
      if place < resolved.count, resolved[place].reference == reference {
        skill = resolved[place].skill
      } else if let checked =
        records.skills.index(forKey: reference) != nil
        ? reference : records.check(held[place].skill, kind: "skill", diagnostics: &diagnostics)
      {
        skill = checked
        if place < resolved.count {
          resolved[place] = (reference, skill)
        } else if place == resolved.count {
          resolved.append((reference, skill))
        }
      } else {
        return
      }
      if level > scale {
        MergedRecords.checkScale(held[place].level, scale: scale, diagnostics: &diagnostics)
      }
      levels[SkillID(skill)] = level
    }
    // The rest of the record is read in place: a copy of it cost as much as the person.
    let record = records.people.values[index]
    let manager = record.manager.flatMap {
      records.check($0, kind: "person", diagnostics: &diagnostics)
    }
    var person = Person(
      id: PersonID(records.people.keys[index]), name: record.name,
      department: record.department ?? "", manager: manager.map { PersonID($0) },
      grade: record.grade, levels: levels)
    person.canMentor = record.canMentor ?? true
    person.canLearn = record.canLearn ?? true
    person.mentorHoursPerWeek = record.mentorHoursPerWeek ?? 2
    person.learningHoursPerWeek = record.learningHoursPerWeek ?? 4
    person.maxMentees = record.maxMentees ?? 3
    person.interests = record.interests.compactMap {
      records.check($0, kind: "skill", diagnostics: &diagnostics)
    }.map { SkillID($0) }
    person.absences = record.absences.sorted { ($0.from, $0.to) < ($1.from, $1.to) }
    person.leaves = record.leaves
    person.email = record.email
    return person
  }
}
