import SkillsGraph

/// The planned absences and leavers of a realistic generated organization.
///
/// Drawn the way an HR calendar fills in a quarter ahead: about two people in five have a week
/// or two of holiday booked, one in twelve a short course, one in a hundred a parental leave of
/// three to five months, and about one in three hundred (at least one in an organization of 25
/// or more) has handed in their notice, half of them incumbents of a role. Everything falls in
/// the first sixteen weeks after `asOf`, so the default twelve-week horizon shows it.
struct GeneratedCalendar {
  /// The date the organization describes.
  var asOf: Day

  /// The first Monday on or after `asOf`: absences are booked in whole weeks from it.
  var firstMonday: Day { asOf.adding(days: (8 - asOf.weekday) % 7) }

  /// Adds absences and leaving dates to `people`, drawing only from `rng`.
  ///
  /// - Complexity: O(people + roles).
  func add(to people: inout [Person], roles: [Role], using rng: inout SplitMix64) {
    guard !people.isEmpty else { return }
    let monday = firstMonday
    for index in people.indices {
      var absences: [Absence] = []
      if rng.chance(0.4) {
        let start = monday.adding(days: 7 * rng.below(16))
        let weeks = 1 + rng.below(2)
        absences.append(
          Absence(from: start, to: start.adding(days: 7 * weeks - 3), kind: "vacation"))
      }
      if rng.chance(0.08) {
        let start = monday.adding(days: 7 * rng.below(16) + 1)  // a Tuesday
        absences.append(
          Absence(from: start, to: start.adding(days: 1 + rng.below(2)), kind: "training"))
      }
      if rng.chance(0.01) {
        let start = monday.adding(days: 7 * rng.below(12))
        let weeks = 12 + rng.below(9)
        absences.append(
          Absence(from: start, to: start.adding(days: 7 * weeks - 3), kind: "parental-leave"))
      }
      people[index].absences = absences.sorted { $0.from < $1.from }
    }
    let leavers = people.count < 25 ? 0 : max(1, people.count / 300)
    let position = Dictionary(
      people.indices.map { (people[$0].id, $0) }, uniquingKeysWith: { first, _ in first })
    for _ in 0..<leavers {
      var index = rng.below(people.count)
      if rng.chance(0.5), !roles.isEmpty,
        let incumbent = rng.pick(roles).incumbents.first, let found = position[incumbent]
      {
        index = found
      }
      // The last working day is a Friday two to nine weeks ahead.
      people[index].leaves = monday.adding(days: 7 * (2 + rng.below(8)) + 4)
    }
  }
}
