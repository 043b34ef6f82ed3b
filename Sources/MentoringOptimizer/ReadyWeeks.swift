/// The earliest week each candidate bundle could count from in any plan, for the bounds.
///
/// A bundle counts from the end week of its last pair. No pair can end before the mentee's
/// learning hours, in the weeks they are present, add up to the bundle's hours; and each pair,
/// taught by one mentor, progresses in a week by at most the smaller of the mentee's weekly hours
/// and four times that mentor's, in weeks both are present. A mentor trained in the plan can only
/// start once someone could have finished that training (with cascades). Everything else other
/// plans share (other pairs, slots) is ignored, so the week is a lower bound for every plan.
struct ReadyWeeks {
  /// Bundle → the earliest week, or 0 when it cannot end within the horizon.
  let week: [Int]
  /// `skill · (maxLevel + 2) + level` → the first week a mentor trained in the plan could teach
  /// it; filled for every requirement of every bundle with a week.
  private let cascadeFrom: [Int: Int]
  private let levelStride: Int

  /// Computes the weeks; `alone` gives, per bundle, the earliest week on the learner's hours
  /// alone (0 when never), as the search already computed it.
  init(problem: Problem, bundles: [Bundle], empty: WeeklyState, alone floors: [Int]) {
    let weeks = problem.weeks
    let levelStride = problem.maxLevel + 2
    var cascadeFrom: [Int: Int] = [:]
    func cascadeWeek(_ skill: Int, _ level: Int) -> Int {
      guard problem.options.cascades else { return .max }
      let key = skill * levelStride + level
      if let known = cascadeFrom[key] { return known }
      var best = Int.max
      for person in 0..<problem.personCount
      where problem.learnPerWeek[person] > 0 && problem.mentorPerWeek[person] > 0
        && problem.maxMentees[person] > 0 && problem.canMentor[person]
      {
        let hours = problem.menteeHours(person, skill, to: level)
        if hours <= 0 { continue }
        let row = person * weeks
        let learn = Array(empty.learnLeft[row..<(row + weeks)])
        if let end = empty.earliestEnd(hours: hours, learn: learn), end + 1 < best {
          best = end + 1
        }
      }
      cascadeFrom[key] = best
      return best
    }
    var result: [Int] = []
    result.reserveCapacity(bundles.count)
    for (bundle, floor) in zip(bundles, floors) {
      guard floor > 0 else {
        result.append(0)
        continue
      }
      var ready = floor
      let row = bundle.mentee * weeks
      let learn = Array(empty.learnLeft[row..<(row + weeks)])
      for requirement in bundle.missing {
        let hours = problem.menteeHours(bundle.mentee, requirement.skill, to: requirement.level)
        guard let alone = empty.earliestEnd(hours: hours, learn: learn) else {
          ready = 0
          break
        }
        var end = Int.max
        let free = cascadeWeek(requirement.skill, problem.mentorLevel(for: requirement.level))
        if free <= weeks, let trained = empty.earliestEnd(hours: hours, learn: learn, from: free) {
          end = trained
        }
        let list = problem.mentors[requirement.skill]
        for position in 0..<problem.eligibleMentorCount(requirement.skill, requirement.level)
        where list[position] != bundle.mentee {
          if end <= alone { break }
          let mentor = list[position]
          var remaining = hours
          var week = 1
          while week <= weeks, week < end {
            let give = empty.mentorLeft[mentor * weeks + week - 1] * 4
            remaining -= min(learn[week - 1], give)
            if remaining <= hourEpsilon {
              end = week
              break
            }
            week += 1
          }
        }
        if end == .max || end > weeks {
          ready = 0
          break
        }
        ready = max(ready, end)
      }
      result.append(ready)
    }
    week = result
    self.cascadeFrom = cascadeFrom
    self.levelStride = levelStride
  }

  /// The first week a mentor trained in the plan could teach `skill` up to `level` (a mentoring
  /// level), `Int.max` without cascades; for requirements of bundles that have a week.
  func cascadeWeek(_ skill: Int, _ level: Int) -> Int {
    cascadeFrom[skill * levelStride + level] ?? .max
  }
}
