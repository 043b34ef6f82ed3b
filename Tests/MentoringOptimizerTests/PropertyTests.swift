import SkillsGraph
import TestSupport
import Testing

@testable import MentoringOptimizer

/// Checks every rule of the model on a plan, from the public output alone; returns the
/// violations found.
func violations(
  of plan: MentoringPlan, in organization: Organization, options: PlanOptions
)
  -> [String]
{
  var problems: [String] = []
  let people = Dictionary(organization.people.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
  let skills = Dictionary(organization.skills.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
  let horizon = Double(options.weeks)
  // With a calendar, capacities are weekly hours × weeks present, and leavers learn nothing.
  func weeks(_ person: Person) -> Double {
    guard let calendar = options.horizon.calendar else { return horizon }
    return Double(presentWeeks(of: person, in: calendar).count)
  }
  var menteeHours: [PersonID: Double] = [:]
  var mentorHours: [PersonID: Double] = [:]
  var mentees: [PersonID: Set<PersonID>] = [:]
  var seen: Set<[String]> = []
  for pair in plan.pairs {
    guard let mentor = people[pair.mentor], let mentee = people[pair.mentee] else {
      problems.append("unknown person in \(pair)")
      continue
    }
    if pair.mentor == pair.mentee { problems.append("self-mentoring \(pair.mentee)") }
    if !mentor.canMentor { problems.append("\(pair.mentor) opted out of mentoring") }
    if !mentee.canLearn { problems.append("\(pair.mentee) opted out of learning") }
    if let calendar = options.horizon.calendar, let leaves = mentee.leaves, leaves < calendar.end {
      problems.append("\(pair.mentee) leaves on \(leaves) but is trained")
    }
    if pair.fromLevel != mentee.level(pair.skill) { problems.append("wrong from level") }
    if pair.toLevel <= pair.fromLevel { problems.append("pair does not raise a level") }
    if mentor.level(pair.skill) < max(pair.toLevel, options.mentorMinLevel) {
      problems.append("\(pair.mentor) cannot teach \(pair.skill) to \(pair.toLevel)")
    }
    if !seen.insert([pair.mentee.rawValue, pair.skill.rawValue]).inserted {
      problems.append("two pairs for \(pair.mentee), \(pair.skill)")
    }
    let step = skills[pair.skill]?.hoursPerLevel ?? 40
    let related = (skills[pair.skill]?.related ?? []).contains { mentee.level($0) >= 2 }
    let hours = Double(pair.toLevel - pair.fromLevel) * step * (related ? 0.75 : 1)
    if abs(hours - pair.menteeHours) > 1e-9 || abs(hours / 4 - pair.mentorHours) > 1e-9 {
      problems.append("wrong hours for \(pair.mentee), \(pair.skill)")
    }
    menteeHours[pair.mentee, default: 0] += pair.menteeHours
    mentorHours[pair.mentor, default: 0] += pair.mentorHours
    mentees[pair.mentor, default: []].insert(pair.mentee)
  }
  for (id, hours) in menteeHours
  where hours > (people[id].map { $0.learningHoursPerWeek * weeks($0) } ?? 0) + 1e-6 {
    problems.append("\(id) learns \(hours) h")
  }
  for (id, hours) in mentorHours
  where hours > (people[id].map { $0.mentorHoursPerWeek * weeks($0) } ?? 0) + 1e-6 {
    problems.append("\(id) mentors \(hours) h")
  }
  for (id, set) in mentees where set.count > (people[id]?.maxMentees ?? 0) {
    problems.append("\(id) has \(set.count) mentees")
  }
  // The reported score is the score of the levels after the plan.
  var after = organization
  for pair in plan.pairs {
    if let index = after.people.firstIndex(where: { $0.id == pair.mentee }) {
      after.people[index].levels[pair.skill] = pair.toLevel
    }
  }
  if abs(CoverageAnalysis(after).coverageScore - plan.coverageAfter) > 1e-9 {
    problems.append("reported C' differs from the levels after the plan")
  }
  if plan.upperBound < plan.coverageAfter - 1e-9 { problems.append("bound below the plan") }
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

/// Checks the week-by-week schedule: inside the horizon, weekly hours respected, and, with a
/// calendar, no hours in a week the mentor or the mentee is away.
func scheduleViolations(
  of plan: MentoringPlan, in organization: Organization, horizon: Horizon? = nil
) -> [String] {
  var problems: [String] = []
  let people = Dictionary(organization.people.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
  var menteeWeek: [PersonID: [Int: Double]] = [:]
  var mentorWeek: [PersonID: [Int: Double]] = [:]
  for pair in plan.pairs {
    if pair.startWeek < 1 || pair.endWeek > plan.horizonWeeks || pair.startWeek > pair.endWeek {
      problems.append("\(pair.mentee) \(pair.skill) runs weeks \(pair.startWeek)–\(pair.endWeek)")
    }
    if pair.hoursByWeek.count != pair.endWeek - pair.startWeek + 1 {
      problems.append("hour list of \(pair.mentee) \(pair.skill) does not match its weeks")
    }
    if abs(pair.hoursByWeek.reduce(0, +) - pair.menteeHours) > 1e-6 {
      problems.append("\(pair.mentee) \(pair.skill) schedules the wrong number of hours")
    }
    if let horizon, let mentor = people[pair.mentor], let mentee = people[pair.mentee] {
      let both = presentWeeks(of: mentor, in: horizon).intersection(
        presentWeeks(of: mentee, in: horizon))
      for (offset, hours) in pair.hoursByWeek.enumerated()
      where hours > 1e-9 && !both.contains(pair.startWeek + offset) {
        problems.append(
          "\(pair.mentee) \(pair.skill) has \(hours) h in week \(pair.startWeek + offset), away")
      }
    }
    for (offset, hours) in pair.hoursByWeek.enumerated() {
      menteeWeek[pair.mentee, default: [:]][pair.startWeek + offset, default: 0] += hours
      mentorWeek[pair.mentor, default: [:]][pair.startWeek + offset, default: 0] += hours / 4
    }
    if pair.checkInWeeks.first != pair.startWeek
      || pair.checkInWeeks.contains(where: { $0 > pair.endWeek })
    {
      problems.append("check-ins of \(pair.mentee) \(pair.skill) outside the pair")
    }
  }
  for (id, weeks) in menteeWeek {
    for (week, hours) in weeks where hours > (people[id]?.learningHoursPerWeek ?? 0) + 1e-6 {
      problems.append("\(id) learns \(hours) h in week \(week)")
    }
  }
  for (id, weeks) in mentorWeek {
    for (week, hours) in weeks where hours > (people[id]?.mentorHoursPerWeek ?? 0) + 1e-6 {
      problems.append("\(id) mentors \(hours) h in week \(week)")
    }
  }
  return problems
}

@Suite("Exhaustive search on tiny organizations") struct OracleTests {
  static let seeds = Array(UInt64(1)...240)

  @Test func heuristicAndBoundAgainstBruteForce() throws {
    var optimal = 0
    var failures: [String] = []
    for seed in Self.seeds {
      let people = 4 + Int(seed % 3)
      let organization = tinyOrganization(
        seed: seed, people: people, skills: 3, roles: 2 + Int(seed % 2))
      let options = PlanOptions(policy: organization.policy, timeLimit: .seconds(5))
      let best = Oracle.optimum(organization, horizon: 8, mentorMinLevel: 3)
      let plan = planMentoring(organization, options: options)
      failures += violations(of: plan, in: organization, options: options).map {
        "seed \(seed): \($0)"
      }
      if plan.coverageAfter > best + 1e-9 {
        failures.append("seed \(seed): plan \(plan.coverageAfter) beats the optimum \(best)")
      }
      if plan.upperBound < best - 1e-9 {
        failures.append("seed \(seed): bound \(plan.upperBound) below the optimum \(best)")
      }
      // The raw Lagrangian value, before it is clamped to the plan's score, must hold too.
      let problem = Problem(organization, options: options)
      let bundles = problem.candidateBundles()
      let search = Search(problem: problem, bundles: bundles, deadline: .now + .seconds(1))
      let raw = BoundComputation(
        problem: problem, bundles: bundles, bundlesOfMentee: search.bundlesOfMentee
      ).solve(lowerBound: plan.coverageAfter, iterations: 300, deadline: .now + .seconds(1))
      if raw < best - 1e-9 {
        failures.append("seed \(seed): raw bound \(raw) below the optimum \(best)")
      }
      if abs(plan.coverageAfter - best) < 1e-9 { optimal += 1 }
    }
    #expect(failures == [])
    // The heuristic is not exact, but on tiny instances it should nearly always be.
    #expect(Double(optimal) >= 0.95 * Double(Self.seeds.count), "optimal on \(optimal)")
  }
}

@Suite("Plans obey the model") struct FeasibilityTests {
  @Test(arguments: [(8, 4, 3), (12, 6, 4), (20, 8, 6)])
  func everyRuleHolds(people: Int, skills: Int, roles: Int) {
    var failures: [String] = []
    for seed in UInt64(1)...100 {
      let organization = tinyOrganization(
        seed: seed &+ 1000, people: people, skills: skills, roles: roles)
      let options = PlanOptions(policy: organization.policy, timeLimit: .seconds(5))
      let plan = planMentoring(organization, options: options)
      failures += violations(of: plan, in: organization, options: options).map {
        "seed \(seed): \($0)"
      }
      failures += scheduleViolations(of: plan, in: organization).map { "seed \(seed): \($0)" }
      if plan.stats.stoppedOnTimeLimit { failures.append("seed \(seed): hit the time limit") }
      for unmet in plan.unmet where unmet.reason == .searchStopped {
        failures.append("seed \(seed): \(unmet.role) unmet although a pair would fit")
      }
    }
    #expect(failures == [])
  }

  /// The same instances on a calendar with vacations, a holiday week and leavers.
  @Test(arguments: [(8, 4, 3), (12, 6, 4), (20, 8, 6)])
  func everyRuleHoldsOnACalendar(people: Int, skills: Int, roles: Int) {
    var failures: [String] = []
    var trained = 0
    for seed in UInt64(1)...100 {
      let (organization, horizon) = withCalendar(
        tinyOrganization(seed: seed &+ 1000, people: people, skills: skills, roles: roles),
        seed: seed)
      let options = PlanOptions(
        policy: organization.policy, horizon: .calendar(horizon), timeLimit: .seconds(5))
      let plan = planMentoring(organization, options: options)
      trained += plan.pairs.count
      failures += violations(of: plan, in: organization, options: options).map {
        "seed \(seed): \($0)"
      }
      failures += scheduleViolations(of: plan, in: organization, horizon: horizon).map {
        "seed \(seed): \($0)"
      }
      if plan.stats.stoppedOnTimeLimit { failures.append("seed \(seed): hit the time limit") }
    }
    #expect(failures == [])
    #expect(trained > 0)
  }

  @Test func sameInputSamePlan() {
    for seed in UInt64(1)...20 {
      let organization = tinyOrganization(seed: seed, people: 30, skills: 8, roles: 10)
      let options = PlanOptions(policy: organization.policy, timeLimit: .seconds(30))
      var first = planMentoring(organization, options: options)
      var second = planMentoring(organization, options: options)
      first.stats.elapsed = .zero
      second.stats.elapsed = .zero
      #expect(first == second)
    }
  }

  @Test func emptyOrganization() {
    let plan = planMentoring(Organization(), options: PlanOptions())
    #expect(plan.pairs.isEmpty)
    #expect(plan.coverageAfter == 0 && plan.upperBound == 0 && plan.gapPercent == 0)
  }
}

/// Puts a tiny organization on an 8-week calendar from Monday 2025-01-06: week 5 is all
/// holidays, some people take 1–3 weeks off from a random weekday, and some leave.
func withCalendar(_ organization: Organization, seed: UInt64) -> (Organization, Horizon) {
  var rng = SeededRandom(seed: seed &* 0x9E37_79B9 &+ 3)
  let start = Day(year: 2025, month: 1, day: 6) ?? Day(ordinal: 0)
  let holidays = (0..<5).map { start.adding(days: 28 + $0) }
  let horizon = Horizon(start: start, weeks: 8, holidays: holidays)
  var copy = organization
  for index in copy.people.indices {
    if rng.chance(40) {
      let from = start.adding(days: rng.below(49))
      copy.people[index].absences.append(
        Absence(from: from, to: from.adding(days: 7 * (1 + rng.below(3)) - 1 - rng.below(3))))
    }
    if rng.chance(15) { copy.people[index].leaves = start.adding(days: rng.below(70)) }
  }
  return (copy, horizon)
}
