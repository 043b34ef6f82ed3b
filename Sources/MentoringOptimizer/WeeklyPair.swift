import SkillsGraph

/// A pair as the weekly search holds it: who teaches whom which skill, and its hours week by week.
struct WeeklyPair: Sendable {
  var mentee: Int
  var mentor: Int
  var skill: Int
  /// The mentee's level today.
  var from: Int
  /// The level the pair reaches, held from its end week on.
  var to: Int
  /// Mentee hours in all; the mentor gives a quarter of them.
  var hours: Double
  /// Weeks with hours, ascending (1-based), and the mentee hours in each.
  var weeks: [Int]
  var amounts: [Double]
  /// The pair, in the same plan, that trained the mentor to teach this; `nil` when the mentor
  /// holds the level today.
  var trainedBy: Int?
  /// `agreed` or `active` for a pair an earlier plan keeps; `proposed` for the search's own.
  var status: PairStatus = .proposed
  /// Mentee hours an active pair had already spent; `hours` are the ones left.
  var hoursDone: Double = 0

  var startWeek: Int { weeks.first ?? 0 }
  /// `k(p)`: the last week with hours; the mentee holds `to` from this week on.
  var endWeek: Int { weeks.last ?? 0 }
}

/// A role that a mentee of the plan qualifies for, and the week from which they count in it.
struct Qualification: Sendable {
  var role: Int
  var week: Int
}

/// What adding one bundle to a plan would do: new pairs with their weeks, the roles gained and
/// the coverage-weeks they are worth.
struct Insertion: Sendable {
  var mentee: Int
  var role: Int
  var pairs: [WeeklyPair]
  var qualifications: [Qualification]
  /// Coverage-weeks gained.
  var gain: Double
  /// Coverage score at the end of the horizon gained.
  var endGain: Double
  /// New mentee hours.
  var hours: Double
}

/// Why a bundle cannot be added to a plan as it stands.
enum InsertionFailure: Sendable {
  /// The mentee already qualifies for the role in this plan.
  case notNeeded
  /// The mentee already learns one of the skills to a lower level (one pair per mentee and skill).
  case conflicting
  /// The mentee's weekly learning hours left cannot hold the pairs within the horizon.
  case learnerTime
  /// No eligible mentor has the weekly hours or a mentee slot to finish a pair within the horizon.
  case mentorCapacity
}

/// The plan's order of preference: coverage-weeks, then coverage at the end, then fewer mentee
/// hours, then more pairs on a mentee's interests, then more pairs across departments
/// (docs/model.md, "The objective").
struct WeeklyObjective: Sendable {
  var coverageWeeks: Double
  var coverageEnd: Double
  var hours: Double
  var interest: Int
  var cross: Int

  func isBetter(than other: Self) -> Bool {
    if abs(coverageWeeks - other.coverageWeeks) > 1e-9 {
      return coverageWeeks > other.coverageWeeks
    }
    if abs(coverageEnd - other.coverageEnd) > 1e-9 { return coverageEnd > other.coverageEnd }
    if abs(hours - other.hours) > hourEpsilon { return hours < other.hours }
    if interest != other.interest { return interest > other.interest }
    return cross > other.cross
  }
}
