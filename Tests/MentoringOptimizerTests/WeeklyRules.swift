import MentoringOptimizer
import SkillsGraph

/// Checks every rule of the weekly model on a plan (docs/model.md, "Mentoring pairs" on).
///
/// From its public output and the organization alone, with none of the optimizer's code:
/// eligibility, hours, weekly limits, presence, mentee slots, one pair per mentee and skill,
/// mentors' levels week by week (cascades or not), and the coverage-weeks recomputed from scratch.
/// Returns the violations found.
func violations(
  of plan: MentoringPlan, in input: Organization, options: PlanOptions
) -> [String] {
  var problems: [String] = []
  let weeks = options.weeks
  let calendar = options.horizon.calendar
  let organization = calendar.map { input.excludingDeparted(before: $0.start) } ?? input
  let people = Dictionary(organization.people.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
  let skills = Dictionary(organization.skills.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
  let presence = Dictionary(
    organization.people.map { person in
      (person.id, calendar.map { presentWeeks(of: person, in: $0) } ?? Set(1...max(1, weeks)))
    }, uniquingKeysWith: { a, _ in a })
  func leavesWithin(_ person: Person) -> Bool {
    guard let calendar, let leaves = person.leaves else { return false }
    return leaves < calendar.end
  }
  /// The last week a person counts in week depth.
  func lastCounted(_ person: Person) -> Int {
    guard let calendar, let leaves = person.leaves, leaves < calendar.end else { return weeks }
    return (1...max(1, weeks)).filter { calendar.firstDay(ofWeek: $0) <= leaves }.last ?? 0
  }

  var menteeWeek: [PersonID: [Int: Double]] = [:]
  var mentorWeek: [PersonID: [Int: Double]] = [:]
  var mentees: [PersonID: Set<PersonID>] = [:]
  var seen: Set<[String]> = []
  for pair in plan.pairs {
    let name = "\(pair.mentor)→\(pair.mentee) \(pair.skill)"
    guard let mentor = people[pair.mentor], let mentee = people[pair.mentee] else {
      problems.append("unknown person in \(name)")
      continue
    }
    if pair.mentor == pair.mentee { problems.append("self-mentoring \(name)") }
    if !mentor.canMentor { problems.append("\(pair.mentor) opted out of mentoring") }
    if !mentee.canLearn { problems.append("\(pair.mentee) opted out of learning") }
    if leavesWithin(mentee) { problems.append("\(pair.mentee) leaves but is trained") }
    if pair.fromLevel != mentee.level(pair.skill) { problems.append("wrong from level, \(name)") }
    if pair.toLevel <= pair.fromLevel || pair.toLevel > organization.scaleMax {
      problems.append("pair \(name) goes to level \(pair.toLevel)")
    }
    if !seen.insert([pair.mentee.rawValue, pair.skill.rawValue]).inserted {
      problems.append("two pairs for \(pair.mentee), \(pair.skill)")
    }
    let step = skills[pair.skill]?.hoursPerLevel ?? 40
    let related = (skills[pair.skill]?.related ?? []).contains { mentee.level($0) >= 2 }
    // An active pair kept from a plan file has its hours done before this plan taken off.
    let hours =
      Double(pair.toLevel - pair.fromLevel) * step * (related ? 0.75 : 1) - pair.hoursDone
    if abs(hours - pair.menteeHours) > 1e-9 || abs(hours / 4 - pair.mentorHours) > 1e-9 {
      problems.append("wrong hours for \(name)")
    }
    let schedule = pair.schedule
    if abs(schedule.reduce(0) { $0 + $1.menteeHours } - hours) > 1e-6 {
      problems.append("\(name) schedules the wrong number of hours")
    }
    if schedule.first?.week != pair.startWeek || schedule.last?.week != pair.endWeek {
      problems.append("\(name): start or end week is not the first or last week with hours")
    }
    for entry in schedule {
      if entry.week < 1 || entry.week > weeks {
        problems.append("\(name) has hours in week \(entry.week), outside the horizon")
      }
      if presence[pair.mentor]?.contains(entry.week) != true
        || presence[pair.mentee]?.contains(entry.week) != true
      {
        problems.append("\(name) has hours in week \(entry.week), when one of them is away")
      }
      menteeWeek[pair.mentee, default: [:]][entry.week, default: 0] += entry.menteeHours
      mentorWeek[pair.mentor, default: [:]][entry.week, default: 0] += entry.menteeHours / 4
      // The mentor's level at the start of the week: today's, or with cascades their own pairs
      // in this skill that ended in an earlier week.
      var level = mentor.level(pair.skill)
      if options.cascades {
        for other in plan.pairs
        where other.mentee == pair.mentor && other.skill == pair.skill
          && other.endWeek < entry.week
        {
          level = max(level, other.toLevel)
        }
      }
      if level < max(pair.toLevel, options.mentorMinLevel) {
        problems.append("\(pair.mentor) teaches \(name) in week \(entry.week) at level \(level)")
      }
    }
    mentees[pair.mentor, default: []].insert(pair.mentee)
  }
  for (id, byWeek) in menteeWeek {
    for (week, hours) in byWeek where hours > (people[id]?.learningHoursPerWeek ?? 0) + 1e-6 {
      problems.append("\(id) learns \(hours) h in week \(week)")
    }
  }
  for (id, byWeek) in mentorWeek {
    for (week, hours) in byWeek where hours > (people[id]?.mentorHoursPerWeek ?? 0) + 1e-6 {
      problems.append("\(id) mentors \(hours) h in week \(week)")
    }
  }
  for (id, set) in mentees where set.count > (people[id]?.maxMentees ?? 0) {
    problems.append("\(id) has \(set.count) mentees")
  }

  // Coverage-weeks from scratch: week depth with the levels held that week, leavers gone.
  var curve: [Double] = []
  for week in stride(from: 1, through: weeks, by: 1) {
    var score = 0.0
    for role in organization.roles {
      var depth = 0
      for person in organization.people where lastCounted(person) >= week {
        let qualified = role.requirements.allSatisfy { requirement in
          var level = person.level(requirement.skill)
          for pair in plan.pairs
          where pair.mentee == person.id && pair.skill == requirement.skill
            && pair.endWeek <= week
          {
            level = max(level, pair.toLevel)
          }
          return level >= requirement.level
        }
        if qualified { depth += 1 }
      }
      score += role.weight * Double(min(depth, role.target))
    }
    curve.append(score)
  }
  let total = curve.reduce(0, +)
  if abs(total - plan.coverageWeeks) > 1e-6 {
    problems.append("reported coverage-weeks \(plan.coverageWeeks), recomputed \(total)")
  }
  if curve.count != plan.coverageByWeek.count
    || zip(curve, plan.coverageByWeek).contains(where: { abs($0 - $1) > 1e-6 })
  {
    problems.append("the weekly curve differs from the recomputed one")
  }
  if let last = curve.last, abs(last - plan.coverageAfter) > 1e-6 {
    problems.append("reported C' \(plan.coverageAfter), recomputed \(last) for the last week")
  }
  if plan.coverageWeeksBound < plan.coverageWeeks - 1e-9 { problems.append("bound below the plan") }
  return problems
}

/// The 1-based weeks of `horizon` in which `person` is present on at least one working day,
/// computed from the calendar alone.
func presentWeeks(of person: Person, in horizon: Horizon) -> Set<Int> {
  var weeks: Set<Int> = []
  for week in 1...max(1, horizon.weeks) where week <= horizon.weeks {
    for offset in 0..<7 {
      let day = horizon.start.adding(days: 7 * (week - 1) + offset)
      if day.isWeekday, !horizon.holidays.contains(day), person.isPresent(on: day) {
        weeks.insert(week)
        break
      }
    }
  }
  return weeks
}
