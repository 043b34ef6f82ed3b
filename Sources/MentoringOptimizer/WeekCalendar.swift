import SkillsGraph

/// The horizon's weeks and working days, to decide who is present in which week.
struct WeekCalendar {
  let horizon: Horizon
  /// Week → its working days.
  let days: [[Day]]
  /// Weeks with at least one working day.
  let workingWeeks: Int
  /// Every week with working days, as a bit set.
  let allWorking: [UInt64]

  init(_ horizon: Horizon) {
    self.horizon = horizon
    var days = [[Day]](repeating: [], count: horizon.weeks)
    for day in horizon.workingDays {
      let week = horizon.week(of: day)
      if week >= 1, week <= horizon.weeks { days[week - 1].append(day) }
    }
    self.days = days
    workingWeeks = days.count { !$0.isEmpty }
    var bits = [UInt64](repeating: 0, count: (horizon.weeks + 63) / 64)
    for (index, list) in days.enumerated() where !list.isEmpty {
      bits[index >> 6] |= 1 << UInt64(index & 63)
    }
    allWorking = bits
  }

  /// The weeks `person` is present in: present on at least one working day of the week.
  func presence(of person: Person) -> [UInt64] {
    let lastDay = horizon.end.adding(days: -1)
    if person.absences.isEmpty, person.leaves.map({ $0 >= lastDay }) ?? true { return allWorking }
    var bits = [UInt64](repeating: 0, count: allWorking.count)
    for (index, list) in days.enumerated() where list.contains(where: person.isPresent(on:)) {
      bits[index >> 6] |= 1 << UInt64(index & 63)
    }
    return bits
  }
}
