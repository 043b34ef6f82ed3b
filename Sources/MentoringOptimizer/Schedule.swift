import SkillsGraph

/// The week-by-week schedule of a plan.
///
/// Each mentee works through their pairs one after another at their weekly learning hours; a
/// pair's mentor gives a quarter of the mentee's hours in the same week, within the mentor's
/// weekly hours. Nobody teaches or learns in a week they are away (with a calendar, see
/// ``PlanOptions/horizon``): such weeks are skipped and the pair ends later.
///
/// Priority: weeks are simulated in order and, inside a week, pairs in one global order, which
/// also orders each mentee's own sequence and decides who gets a shared mentor's weekly hours:
/// 1. the earliest *first uncovered day* of the roles the pair serves (the first working day of
///    the horizon on which the role, as it is today, has fewer than `minPresent` qualified people
///    at work; roles never uncovered, or any role without a calendar, come last), so that
///    training ends first for the roles whose uncovered days come first;
/// 2. then the pair's value (the weight of the roles it serves), highest first;
/// 3. then fewer mentee hours, then mentee index, then skill index.
///
/// The plan keeps each person's charges within weekly rate × weeks present, where a pair is
/// charged as if run evenly over the weeks its mentor and mentee share. The sequence usually
/// finishes inside the horizon; where it does not, the group of people linked by pairs falls
/// back to exactly that even pace, which always fits.
struct Schedule {
  struct Timing {
    var start: Int
    var end: Int
    var hours: [Double]
  }
  /// Mentee → timing of each pair, in the order of `state.pairs[mentee]`.
  var timing: [[Timing]]
  /// Pairs that end after the horizon (only when the horizon is zero weeks).
  var overruns = 0
  /// Pairs run at an even pace over the whole horizon because the sequence did not fit.
  var evenPaced = 0

  /// Lays the pairs of `state` out week by week.
  ///
  /// - Parameters:
  ///   - state: the plan's pairs.
  ///   - problem: capacities, presence and hours.
  ///   - firstUncovered: dense role → ordinal of its first uncovered working day before the
  ///     plan, `Int.max` when it has none (or there is no calendar).
  init(state: PlanState, problem: Problem, firstUncovered: [Int]) {
    timing = state.pairs.map { list in list.map { _ in Timing(start: 0, end: 0, hours: []) } }
    // Global order; a mentee's own pairs appear in their sequence order. Entries are kept in
    // parallel arrays of plain numbers and sorted as indices.
    var entryMentee: [Int] = []
    var entrySlot: [Int] = []
    var entryUrgency: [Int] = []
    var entryValue: [Double] = []
    for person in 0..<problem.personCount {
      for (slot, pair) in state.pairs[person].enumerated() {
        let from = problem.level(person, pair.skill)
        var value = 0.0
        var urgency = Int.max
        for role in state.newRoles[person]
        where problem.requirements[role].contains(where: {
          $0.skill == pair.skill && $0.level > from
        }) {
          value += problem.weight[role]
          urgency = min(urgency, firstUncovered[role])
        }
        entryMentee.append(person)
        entrySlot.append(slot)
        entryUrgency.append(urgency)
        entryValue.append(value)
      }
    }
    let order = entryMentee.indices.sorted { a, b in
      if entryUrgency[a] != entryUrgency[b] { return entryUrgency[a] < entryUrgency[b] }
      if entryValue[a] != entryValue[b] { return entryValue[a] > entryValue[b] }
      let ha = state.pairs[entryMentee[a]][entrySlot[a]].menteeHours
      let hb = state.pairs[entryMentee[b]][entrySlot[b]].menteeHours
      if ha != hb { return ha < hb }
      if entryMentee[a] != entryMentee[b] { return entryMentee[a] < entryMentee[b] }
      return state.pairs[entryMentee[a]][entrySlot[a]].skill
        < state.pairs[entryMentee[b]][entrySlot[b]].skill
    }
    var sequence = [[Int]](repeating: [], count: problem.personCount)
    for entry in order { sequence[entryMentee[entry]].append(entrySlot[entry]) }
    var cursor = [Int](repeating: 0, count: problem.personCount)
    var remaining = state.pairs.map { $0.map(\.menteeHours) }
    var left = order.count
    let horizon = problem.weeks
    // Past the horizon there is no calendar; those weeks only measure overruns.
    func works(_ person: Int, _ week: Int) -> Bool {
      week > horizon || problem.isPresent(person, week: week)
    }
    var week = 0
    var menteeLeft = [Double](repeating: 0, count: problem.personCount)
    var mentorLeft = [Double](repeating: 0, count: problem.personCount)
    while left > 0, week < 4 * horizon + 52 {
      week += 1
      for entry in order {
        let mentee = entryMentee[entry]
        let mentor = state.pairs[mentee][entrySlot[entry]].mentor
        menteeLeft[mentee] = works(mentee, week) ? problem.learnPerWeek[mentee] : 0
        mentorLeft[mentor] = works(mentor, week) ? problem.mentorPerWeek[mentor] : 0
      }
      for entry in order {
        let mentee = entryMentee[entry]
        let slot = entrySlot[entry]
        guard cursor[mentee] < sequence[mentee].count, sequence[mentee][cursor[mentee]] == slot
        else { continue }
        let mentor = state.pairs[mentee][slot].mentor
        let amount = min(remaining[mentee][slot], menteeLeft[mentee], mentorLeft[mentor] * 4)
        if amount <= hourEpsilon && remaining[mentee][slot] > hourEpsilon { continue }
        if timing[mentee][slot].start == 0 { timing[mentee][slot].start = week }
        // Hours by week from the start, gaps as zeros (made dense to the end below).
        let offset = week - timing[mentee][slot].start
        while timing[mentee][slot].hours.count <= offset { timing[mentee][slot].hours.append(0) }
        timing[mentee][slot].hours[offset] += max(0, amount)
        remaining[mentee][slot] -= amount
        menteeLeft[mentee] -= amount
        mentorLeft[mentor] -= amount / 4
        if remaining[mentee][slot] <= 1e-7 {
          timing[mentee][slot].end = week
          cursor[mentee] += 1
          left -= 1
        }
      }
    }
    // Where the sequence does not fit, fall back for that group of people (mentors and mentees
    // linked by pairs) to running every pair at an even pace over the weeks its mentor and
    // mentee share, which always fits: the plan keeps Σ hours · present / common within
    // weekly rate × weeks present for everyone, so no week holds more than the weekly rate.
    var group = Array(0..<problem.personCount)
    func root(_ person: Int) -> Int {
      var person = person
      while group[person] != person {
        group[person] = group[group[person]]
        person = group[person]
      }
      return person
    }
    for mentee in state.pairs.indices {
      for pair in state.pairs[mentee] { group[root(pair.mentor)] = root(mentee) }
    }
    var evenPace = [Bool](repeating: false, count: problem.personCount)
    for mentee in timing.indices {
      for slot in timing[mentee].indices
      where timing[mentee][slot].end == 0
        || timing[mentee][slot].end > horizon
      {
        evenPace[root(mentee)] = true
      }
    }
    // Dense hour lists: `hours[k]` is week `start + k`, zeros included.
    for mentee in timing.indices {
      for slot in timing[mentee].indices {
        var entry = timing[mentee][slot]
        let mentor = state.pairs[mentee][slot].mentor
        let shared =
          horizon > 0 && evenPace[root(mentee)]
          ? (1...horizon).filter {
            problem.isPresent(mentee, week: $0) && problem.isPresent(mentor, week: $0)
          } : []
        if let first = shared.first, let last = shared.last {
          let hours = state.pairs[mentee][slot].menteeHours
          var dense = [Double](repeating: 0, count: last - first + 1)
          for week in shared { dense[week - first] = hours / Double(shared.count) }
          entry = Timing(start: first, end: last, hours: dense)
          evenPaced += 1
          timing[mentee][slot] = entry
          continue
        }
        if entry.start == 0 { entry.start = week }
        if entry.end == 0 { entry.end = week }
        if entry.end > horizon { overruns += 1 }
        let length = max(1, entry.end - entry.start + 1)
        if entry.hours.count > length { entry.hours.removeLast(entry.hours.count - length) }
        while entry.hours.count < length { entry.hours.append(0) }
        timing[mentee][slot] = entry
      }
    }
  }
}
