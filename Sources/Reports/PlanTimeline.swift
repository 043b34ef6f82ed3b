import MentoringOptimizer
import SkillsGraph

/// The plan read along the calendar, for the Markdown and HTML reports: the pairs grouped into
/// waves by the month they start, the weeks each pair has hours in (and why it has none in the
/// others), the coverage of each month of the horizon, and the week from which each role the
/// plan trains for stays at its target.
///
/// Everything follows the plan's and the organization's own order, never a hash, so the same
/// content always reads the same.
struct PlanTimeline {
  /// A calendar month.
  struct Month: Hashable, Comparable {
    var year: Int
    var month: Int

    /// The month `day` falls in.
    init(_ day: Day) {
      let components = day.components
      year = components.year
      month = components.month
    }

    /// "January 2027".
    var name: String { "\(PlanTimeline.monthNames[(month - 1) % 12]) \(year)" }

    static func < (lhs: Month, rhs: Month) -> Bool {
      (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }
  }

  /// The pairs that start in one month, as indices into the plan's pairs, in reading order.
  struct Wave: Hashable {
    var month: Month
    var pairs: [Int]
  }

  /// Why a pair has no hours in a week between its first and its last, when the calendar or
  /// the other pairs say so.
  enum GapReason: Hashable, CustomStringConvertible {
    /// The week has no working day.
    case holidays
    case bothAway
    case menteeAway
    case mentorAway
    /// The mentee's weekly learning hours all go to their other pairs that week.
    case menteeBusy
    /// The mentor's weekly mentoring hours all go to their other pairs that week.
    case mentorBusy

    var description: String {
      switch self {
      case .holidays: "holidays"
      case .bothAway: "mentor and mentee away"
      case .menteeAway: "mentee away"
      case .mentorAway: "mentor away"
      case .menteeBusy: "the mentee's hours go to other pairs"
      case .mentorBusy: "the mentor's hours go to other pairs"
      }
    }
  }

  /// Consecutive weeks in which a pair has no hours, for the same reason (nil: none known).
  struct Gap: Hashable {
    var weeks: ClosedRange<Int>
    var reason: GapReason?
  }

  /// One month of the horizon: its weeks, and the average weekly coverage without the plan
  /// (nil when the plan does not carry that curve) and with it.
  struct MonthCoverage: Hashable {
    var month: Month
    var weeks: ClosedRange<Int>
    var before: Double?
    var after: Double
  }

  /// A role some pair trains for: its target and the week from which it stays at target.
  struct RoleTarget: Hashable {
    var role: RoleID
    var target: Int
    /// The first week of the last run of weeks at target that reaches the horizon's end; nil
    /// when the role is below target in the last week.
    var atTargetFrom: Int?
  }

  static let monthNames = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
  ]

  let horizon: Horizon
  /// The plan's pairs, in plan order; every index in this type points into it.
  let pairs: [PlannedPair]
  /// Indices of `pairs` in reading order: by start week, then plan order.
  let order: [Int]
  /// For each pair in plan order, its 1-based number in reading order.
  let numbers: [Int]
  let waves: [Wave]
  /// For each pair in plan order, the weeks between its first and last without hours.
  let gaps: [[Gap]]
  let months: [MonthCoverage]
  /// Week depth `d_w(r)` for each role of the plan (`plan.after.roles` order), weeks 1…H.
  let depthByWeek: [[Int]]
  /// The roles some pair trains for, in the plan's role order.
  let roleTargets: [RoleTarget]
  /// The check-ins (``CheckInSchedule``), the same the calendar file holds.
  let checkIns: CheckInSchedule

  /// Reads `content`'s plan along its horizon.
  ///
  /// - Complexity: O(p · w) for p pairs of at most w weeks, plus O(r · q · H) for r roles of
  ///   at most q qualified people over H weeks.
  init(_ content: PlanReportContent) {
    let plan = content.plan
    let horizon = content.horizon
    self.horizon = horizon
    let pairs = plan.pairs
    self.pairs = pairs
    let order = pairs.indices.sorted { (pairs[$0].startWeek, $0) < (pairs[$1].startWeek, $1) }
    self.order = order
    var numbers = [Int](repeating: 0, count: pairs.count)
    for (position, index) in order.enumerated() { numbers[index] = position + 1 }
    self.numbers = numbers
    var waves: [Wave] = []
    for index in order {
      let month = Month(horizon.firstDay(ofWeek: pairs[index].startWeek))
      if waves.last?.month == month {
        waves[waves.count - 1].pairs.append(index)
      } else {
        waves.append(Wave(month: month, pairs: [index]))
      }
    }
    self.waves = waves
    gaps = Self.gaps(of: pairs, in: content.organization, horizon: horizon)
    months = Self.months(plan, horizon: horizon)
    checkIns = content.checkIns
    let depth = Self.depthByWeek(plan, in: content.organization, horizon: horizon)
    depthByWeek = depth
    let trained = Set(pairs.flatMap { $0.roles.map(\.role) })
    roleTargets = zip(plan.after.roles, depth).compactMap { role, weeks in
      guard trained.contains(role.role) else { return nil }
      var from: Int?
      for (offset, value) in weeks.enumerated().reversed() {
        guard value >= role.target else { break }
        from = offset + 1
      }
      return RoleTarget(role: role.role, target: role.target, atTargetFrom: from)
    }
  }

  /// The pair's weeks with hours, as "weeks 1–10, 4 h a week" or, when the hours vary,
  /// "weeks 1–10: 4 h a week in weeks 1–3 and 6–9, 2 h in week 10".
  static func hours(_ pair: PlannedPair) -> String {
    let schedule = pair.schedule
    guard let first = schedule.first, let last = schedule.last else { return "no hours" }
    let span = weekList([first.week...last.week])
    // Weeks grouped by their hours as printed, in the order the hours first appear.
    var groups: [(hours: String, weeks: [Int])] = []
    for entry in schedule {
      let hours = formatDecimal(entry.menteeHours, places: 1)
      if let index = groups.firstIndex(where: { $0.hours == hours }) {
        groups[index].weeks.append(entry.week)
      } else {
        groups.append((hours, [entry.week]))
      }
    }
    guard groups.count > 1 else { return "\(span), \(groups[0].hours) h a week" }
    let parts = groups.enumerated().map { index, group in
      "\(group.hours) h\(index == 0 ? " a week" : "") in \(weekList(runs(group.weeks)))"
    }
    return "\(span): " + parts.joined(separator: ", ")
  }

  /// "no hours in week 4 (mentee away) and weeks 6–7", or nil without gaps.
  static func gapsText(_ gaps: [Gap]) -> String? {
    guard !gaps.isEmpty else { return nil }
    let parts = gaps.map { gap in
      weekList([gap.weeks]) + (gap.reason.map { " (\($0))" } ?? "")
    }
    return "no hours in " + list(parts)
  }

  /// "week 4", "weeks 4–5", "weeks 1–3, 6 and 8–9".
  static func weekList(_ runs: [ClosedRange<Int>]) -> String {
    let single = runs.count == 1 && runs[0].count == 1
    let parts = runs.map {
      $0.count == 1 ? "\($0.lowerBound)" : "\($0.lowerBound)–\($0.upperBound)"
    }
    return (single ? "week " : "weeks ") + list(parts)
  }

  /// "a", "a and b", "a, b and c".
  static func list(_ parts: [String]) -> String {
    guard parts.count > 1 else { return parts.first ?? "" }
    return parts.dropLast().joined(separator: ", ") + " and " + (parts.last ?? "")
  }

  /// Sorted weeks as runs of consecutive weeks.
  static func runs(_ weeks: [Int]) -> [ClosedRange<Int>] {
    var runs: [ClosedRange<Int>] = []
    for week in weeks {
      if let last = runs.last, last.upperBound + 1 == week {
        runs[runs.count - 1] = last.lowerBound...week
      } else {
        runs.append(week...week)
      }
    }
    return runs
  }

  /// For each pair, the weeks from its first to its last without hours, each with the first
  /// reason that holds: no working day, someone away, someone's weekly hours spent on their
  /// other pairs.
  static func gaps(
    of pairs: [PlannedPair], in organization: Organization, horizon: Horizon
  ) -> [[Gap]] {
    var people: [PersonID: Person] = [:]
    for person in organization.people where people[person.id] == nil { people[person.id] = person }
    let weeks = max(horizon.weeks, pairs.map(\.endWeek).max() ?? 0)
    // Weekly learning hours per mentee and mentoring hours per mentor, over all pairs.
    var learning: [PersonID: [Double]] = [:]
    var mentoring: [PersonID: [Double]] = [:]
    for pair in pairs {
      let share = pair.menteeHours > 0 ? pair.mentorHours / pair.menteeHours : 0.25
      for entry in pair.schedule where entry.week >= 1 && entry.week <= weeks {
        learning[pair.mentee, default: Array(repeating: 0, count: weeks + 1)][entry.week] +=
          entry.menteeHours
        mentoring[pair.mentor, default: Array(repeating: 0, count: weeks + 1)][entry.week] +=
          entry.menteeHours * share
      }
    }
    return pairs.map { pair in
      guard pair.startWeek <= pair.endWeek else { return [] }
      var gaps: [Gap] = []
      for week in pair.startWeek...pair.endWeek {
        let offset = week - pair.startWeek
        guard !(pair.hoursByWeek.indices.contains(offset) && pair.hoursByWeek[offset] > 0)
        else { continue }
        let reason = Self.reason(
          week: week, mentee: people[pair.mentee], mentor: people[pair.mentor],
          learning: learning[pair.mentee], mentoring: mentoring[pair.mentor], horizon: horizon)
        if let last = gaps.last, last.weeks.upperBound + 1 == week, last.reason == reason {
          gaps[gaps.count - 1].weeks = last.weeks.lowerBound...week
        } else {
          gaps.append(Gap(weeks: week...week, reason: reason))
        }
      }
      return gaps
    }
  }

  static func reason(
    week: Int, mentee: Person?, mentor: Person?, learning: [Double]?, mentoring: [Double]?,
    horizon: Horizon
  ) -> GapReason? {
    if horizon.workingDays(ofWeek: week).isEmpty { return .holidays }
    let menteeAway = mentee.map { !$0.isPresent(inWeek: week, of: horizon) } ?? false
    let mentorAway = mentor.map { !$0.isPresent(inWeek: week, of: horizon) } ?? false
    switch (menteeAway, mentorAway) {
    case (true, true): return .bothAway
    case (true, false): return .menteeAway
    case (false, true): return .mentorAway
    case (false, false): break
    }
    let tolerance = 1e-9
    if let mentee, let hours = learning, hours.indices.contains(week),
      hours[week] >= mentee.learningHoursPerWeek - tolerance
    {
      return .menteeBusy
    }
    if let mentor, let hours = mentoring, hours.indices.contains(week),
      hours[week] >= mentor.mentorHoursPerWeek - tolerance
    {
      return .mentorBusy
    }
    return nil
  }

  /// The horizon's weeks grouped by the month of their first day, with the average weekly
  /// coverage in each.
  static func months(_ plan: MentoringPlan, horizon: Horizon) -> [MonthCoverage] {
    let after = plan.coverageByWeek
    let before = plan.coverageByWeekBefore.count == after.count ? plan.coverageByWeekBefore : nil
    var months: [MonthCoverage] = []
    var sums: [(before: Double, after: Double)] = []
    for (offset, value) in after.enumerated() {
      let week = offset + 1
      let month = Month(horizon.firstDay(ofWeek: week))
      if months.last?.month == month, let last = months.last {
        months[months.count - 1].weeks = last.weeks.lowerBound...week
        sums[sums.count - 1].after += value
        sums[sums.count - 1].before += before?[offset] ?? 0
      } else {
        months.append(MonthCoverage(month: month, weeks: week...week, before: nil, after: 0))
        sums.append((before?[offset] ?? 0, value))
      }
    }
    for index in months.indices {
      let count = Double(months[index].weeks.count)
      months[index].after = sums[index].after / count
      months[index].before = before == nil ? nil : sums[index].before / count
    }
    return months
  }

  /// The pair's roles grouped by the week the mentee counts for them, earliest first.
  static func readiness(_ pair: PlannedPair) -> [(week: Int, roles: [RoleImpact])] {
    var groups: [(week: Int, roles: [RoleImpact])] = []
    for impact in pair.roles {
      let week = readyWeek(impact, of: pair)
      if let index = groups.firstIndex(where: { $0.week == week }) {
        groups[index].roles.append(impact)
      } else {
        groups.append((week, [impact]))
      }
    }
    return groups.sorted { $0.week < $1.week }
  }

  /// The week from which the pair's mentee counts for the role: the end of their last pair for
  /// it (never before this pair's own end, should a plan leave `readyWeek` unset).
  static func readyWeek(_ impact: RoleImpact, of pair: PlannedPair) -> Int {
    max(impact.readyWeek, pair.endWeek)
  }

  /// The week each role's new backups count from: the week the mentee's last pair for the role
  /// ends (the pair's `readyWeek`, else its end week).
  static func readyWeeks(of plan: MentoringPlan) -> [RoleID: [PersonID: Int]] {
    var ready: [RoleID: [PersonID: Int]] = [:]
    for pair in plan.pairs {
      for impact in pair.roles {
        let week = readyWeek(impact, of: pair)
        ready[impact.role, default: [:]][pair.mentee] = max(
          ready[impact.role]?[pair.mentee] ?? 1, week)
      }
    }
    return ready
  }

  /// Week depth `d_w(r)` (docs/model.md, "Week depth") for each role of `plan.after.roles`:
  /// the people qualified today, and those the plan qualifies from their ready week, less
  /// those who have left before the week's first day.
  static func depthByWeek(
    _ plan: MentoringPlan, in organization: Organization, horizon: Horizon
  ) -> [[Int]] {
    var people: [PersonID: Person] = [:]
    for person in organization.people where people[person.id] == nil { people[person.id] = person }
    let weeks = plan.coverageByWeek.isEmpty ? horizon.weeks : plan.coverageByWeek.count
    let ready = readyWeeks(of: plan)
    let firstDays = (0..<weeks).map { horizon.firstDay(ofWeek: $0 + 1) }
    return plan.after.roles.map { after in
      let before = plan.before[role: after.role]?.qualified ?? []
      let known = Set(before)
      let members =
        before.map { ($0, 1) }
        + after.qualified.filter { !known.contains($0) }.map {
          ($0, ready[after.role]?[$0] ?? 1)
        }
      return firstDays.enumerated().map { offset, day in
        members.count { person, from in
          from <= offset + 1 && !(people[person]?.hasLeft(before: day) ?? false)
        }
      }
    }
  }
}
