import MentoringOptimizer
import SkillsGraph

/// One check-in of one pair: the day and local time it happens.
public struct CheckIn: Hashable, Sendable {
  /// The pair, as an index into the plan's pairs.
  public var pair: Int
  /// The week the pattern gives this check-in (the pair's first week plus a multiple of
  /// `everyWeeks`); it names the check-in (the calendar's UID) even when absences move it.
  public var patternWeek: Int
  /// The 1-based horizon week it happens in: `patternWeek`, or a later one when nobody could
  /// meet in that one.
  public var week: Int
  public var day: Day
  /// Start, in minutes after local midnight.
  public var startMinute: Int
  public var minutes: Int
}

/// The one home of the check-in schedule: which day and at what time every pair meets, so the
/// calendar file and the week-by-week views (HTML chart, JSON, CSV) show the same check-ins.
///
/// Rules, in this order, for each week a check-in is due (the pair's first week, then every
/// `everyWeeks` weeks up to its last):
/// 1. Only a working day on which both people are at work counts: not inside an absence, not
///    after a leaving date, not a holiday (docs/model.md, "Presence and absences"; the rules
///    below are in its section "The schedule").
/// 2. Preferred is the pattern's weekday; else the next such day of the same week, else the
///    nearest one before it in that week. A user expects a meeting that clashes with a day off
///    to move within the week, not to vanish.
/// 3. On that day the pattern's time, else the next free slot back to back after it (until
///    18:00), where neither person already has a check-in; then the next day of rule 2. So no
///    person is ever in two check-ins at once.
/// 4. A week with no such day and slot passes the check-in on to the next week, as long as that
///    comes before the pair's next due check-in and within its weeks; otherwise it is skipped.
///
/// Weeks are filled in order, and within a week the pairs in plan order, so the schedule
/// depends only on the plan, the people and the pattern: the same input, the same schedule.
public struct CheckInSchedule: Sendable {
  public let pattern: CheckInPattern
  /// For each pair in plan order, its check-ins in time order.
  public let byPair: [[CheckIn]]

  /// Schedules the check-ins of every pair of `plan`.
  ///
  /// - Complexity: O(c · d · s) for c check-ins, d working days a week and s slots a day, plus
  ///   the presence checks (O(a) for a person's a absences).
  public init(
    plan: MentoringPlan, organization: Organization, horizon: Horizon, pattern: CheckInPattern
  ) {
    self.pattern = pattern
    let pairs = plan.pairs
    var people: [PersonID: Person] = [:]
    for person in organization.people where people[person.id] == nil { people[person.id] = person }
    let every = max(1, pattern.everyWeeks)
    let slots = pattern.slotsPerDay
    let lastWeek = min(horizon.weeks, pairs.map(\.endWeek).max() ?? 0)
    // Check-ins due in each week: (pair, pattern week), in plan order.
    var due = [[(pair: Int, patternWeek: Int)]](repeating: [], count: max(0, lastWeek) + 2)
    for (index, pair) in pairs.enumerated() {
      let weeks = stride(
        from: max(1, pair.startWeek), through: min(pair.endWeek, lastWeek), by: every)
      for week in weeks { due[week].append((index, week)) }
    }
    // Taken slots: person → (day ordinal · slots + slot).
    var taken: [PersonID: Set<Int>] = [:]
    var byPair = [[CheckIn]](repeating: [], count: pairs.count)
    var week = 1
    while week <= lastWeek {
      defer { week += 1 }
      let days = horizon.workingDays(ofWeek: week)
      // The pattern's weekday in this week (weeks start on the horizon's first day, any day).
      let first = horizon.firstDay(ofWeek: week)
      let target = first.adding(days: (pattern.weekday - first.weekday + 7) % 7)
      for (index, patternWeek) in due[week].sorted(by: { $0.pair < $1.pair }) {
        let pair = pairs[index]
        let both = [pair.mentor, pair.mentee].map { people[$0] }
        let shared = days.filter { day in both.allSatisfy { $0?.isPresent(on: day) ?? true } }
        let preferred = shared.filter { $0 >= target } + shared.filter { $0 < target }.reversed()
        var placed: CheckIn?
        search: for day in preferred {
          for slot in 0..<slots {
            let key = day.ordinal * slots + slot
            guard taken[pair.mentor]?.contains(key) != true,
              taken[pair.mentee]?.contains(key) != true
            else { continue }
            taken[pair.mentor, default: []].insert(key)
            taken[pair.mentee, default: []].insert(key)
            placed = CheckIn(
              pair: index, patternWeek: patternWeek, week: week, day: day,
              startMinute: pattern.startMinute + slot * pattern.minutes, minutes: pattern.minutes)
            break search
          }
        }
        if let placed {
          byPair[index].append(placed)
        } else if week + 1 < patternWeek + every, week + 1 <= min(pair.endWeek, lastWeek) {
          due[week + 1].append((index, patternWeek))
        }
      }
    }
    self.byPair = byPair
  }

  /// Every check-in, pair by pair in plan order, each pair's in time order.
  public var all: [CheckIn] { byPair.flatMap { $0 } }
}

extension PlanReportContent {
  /// The check-ins of the plan under `checkInPattern`: what every view of them shows.
  ///
  /// - Complexity: as ``CheckInSchedule/init(plan:organization:horizon:pattern:)``.
  public var checkIns: CheckInSchedule {
    CheckInSchedule(
      plan: plan, organization: organization, horizon: horizon, pattern: checkInPattern)
  }
}
