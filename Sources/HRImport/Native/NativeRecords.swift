internal import OrderedCollections
import SkillsGraph

/// A value read from a file, with the place it was read from.
struct Located<Value> {
  var value: Value
  var location: SourceLocation
}

extension Located: Sendable where Value: Sendable {}

/// What one native file says about a skill; absent attributes leave earlier files' values alone.
struct SkillRecord: Sendable {
  var id: Located<String>
  var name: String?
  var category: String?
  var hoursPerLevel: Double?
  var related: [Located<String>] = []
}

/// What one native file says about a person.
struct PersonRecord: Sendable {
  var id: Located<String>
  var name: String?
  var department: String?
  var manager: Located<String>?
  var grade: String?
  var mentorHoursPerWeek: Double?
  var learningHoursPerWeek: Double?
  var maxMentees: Int?
  var canMentor: Bool?
  var canLearn: Bool?
  var leaves: Day?
  var email: String?
  var skills: [(skill: Located<String>, level: Located<Int>)] = []
  var interests: [Located<String>] = []
  /// In the order read, each once: merging records from many files (or many rows of one
  /// who's-out list) stays linear in the absences.
  var absences: OrderedSet<Absence> = []
}

/// What one native file says about a role.
struct RoleRecord: Sendable {
  var id: Located<String>
  var name: String?
  var criticality: Criticality?
  var backups: Int?
  var minPresent: Int?
  var requirements: [(skill: Located<String>, level: Located<Int>)] = []
  var incumbents: [Located<String>] = []
  /// Set for roles derived from an export's positions (`ImportOptions.deriveRoles`).
  var isDerived: Bool?
}

/// What one native file says about planning policy.
struct PolicyRecord: Sendable {
  var horizonWeeks: Int?
  var mentorMinLevel: Int?
  var start: Day?
  /// `cascades="false"`: trained people do not mentor within the same plan.
  var cascades: Bool?
  var holidays: [Day] = []
  /// `<levelName name="Proficient" level="3"/>`: names of vendor levels on the model's scale.
  var levelNames: [(name: Located<String>, level: Located<Int>)] = []
}

/// One `<pair>` of a plan section.
struct PlanPairRecord: Sendable {
  var mentor: Located<String>
  var mentee: Located<String>
  var skill: Located<String>
  var toLevel: Located<Int>
  var status: PairStatus
  var hoursDone: Double
  var schedule: [WeekHours]
  /// The element's start, for messages about the pair as a whole.
  var location: SourceLocation
}

/// One `<forbid>` of a plan section.
struct ForbidRecord: Sendable {
  var mentor: Located<String>?
  var mentee: Located<String>?
  var skill: Located<String>?
  var location: SourceLocation
}

/// What one native file's `<plan>` section says.
struct PlanSectionRecord: Sendable {
  var start: Day?
  var weeks: Int?
  var pairs: [PlanPairRecord] = []
  var forbids: [ForbidRecord] = []
}

/// Everything read from one native file.
struct NativeFile: Sendable {
  var path: String
  var asOf: Day?
  var scaleMax: Located<Int>?
  var skills: [SkillRecord] = []
  var people: [PersonRecord] = []
  var roles: [RoleRecord] = []
  var policy: PolicyRecord?
  var plan: PlanSectionRecord?
}

extension Array where Element == (skill: Located<String>, level: Located<Int>) {
  /// Calls `body` with each entry's position, skill reference and level, read in place.
  ///
  /// Reading `pointee.skill.value` through a pointer to the pair still copied the whole pair,
  /// both locations included (1.3 million copies importing 10,000 people and 50,000 roles): the
  /// two values are read at their offsets instead, so only the reference is retained.
  func forEachSkillLevel(_ body: (_ place: Int, _ skill: String, _ level: Int) -> Void) {
    guard let skillOffset = MemoryLayout<Element>.offset(of: \Element.skill.value),
      let levelOffset = MemoryLayout<Element>.offset(of: \Element.level.value)
    else {
      for place in indices { body(place, self[place].skill.value, self[place].level.value) }
      return
    }
    withUnsafeBytes { bytes in
      guard let base = bytes.baseAddress else { return }
      for place in indices {
        let entry = base + place * MemoryLayout<Element>.stride
        body(
          place, entry.load(fromByteOffset: skillOffset, as: String.self),
          entry.load(fromByteOffset: levelOffset, as: Int.self))
      }
    }
  }
}
