import HRImport
import MentoringOptimizer
import OrgGenerator
import SkillsGraph

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

// optimizer-bench: generates an organization, plans it, and prints one line of figures.
//
//   optimizer-bench quality --people N --seed S [--scarcity typical|tight]
//   optimizer-bench scale --people N --skills S --roles R --seed S [--time-limit SECONDS]
//   optimizer-bench instance FILE... --weeks H --start YYYY-MM-DD --out PATH
//       writes the organization the files describe as the week-by-week instance JSON that
//       Benchmarks/year/reference.py solves exactly (presence and leavers resolved per week).

func argument(_ name: String, _ fallback: String? = nil) -> String? {
  let arguments = CommandLine.arguments
  if let index = arguments.firstIndex(of: "--\(name)"), index + 1 < arguments.count {
    return arguments[index + 1]
  }
  return fallback
}

func seconds(_ duration: Duration) -> Double {
  let (s, attoseconds) = duration.components
  return Double(s) + Double(attoseconds) * 1e-18
}

func json(_ text: String) -> String {
  var result = "\""
  for scalar in text.unicodeScalars {
    switch scalar {
    case "\"": result += "\\\""
    case "\\": result += "\\\\"
    case "\n": result += "\\n"
    default: result.unicodeScalars.append(scalar)
    }
  }
  return result + "\""
}

func number(_ value: Double) -> String {
  value == value.rounded() ? String(Int(value)) : "\(value)"
}

/// The week-by-week instance (Benchmarks/year/README.md) of an organization on a calendar.
func weeklyInstanceJSON(_ input: Organization, horizon: Horizon) -> String {
  let organization = input.excludingDeparted(before: horizon.start)
  var out =
    "{\n  \"horizonWeeks\": \(horizon.weeks), \"start\": \(json(horizon.start.description)),\n"
  out += "  \"mentorMinLevel\": \(organization.policy.mentorMinLevel), "
  out += "\"cascades\": \(organization.policy.cascades), \"scaleMax\": \(organization.scaleMax),\n"
  out += "  \"skills\": [\n"
  out += organization.skills.map { skill in
    "    {\"id\": \(json(skill.id.rawValue)), \"hoursPerLevel\": \(number(skill.hoursPerLevel)), "
      + "\"related\": [\(skill.related.map { json($0.rawValue) }.joined(separator: ", "))]}"
  }.joined(separator: ",\n")
  out += "\n  ],\n  \"people\": [\n"
  let days = (1...max(1, horizon.weeks)).map { week in
    (0..<7).map { horizon.firstDay(ofWeek: week).adding(days: $0) }.filter(horizon.isWorkingDay)
  }
  out += organization.people.map { person in
    let levels = person.levels.sorted { $0.key < $1.key }.filter { $0.value > 0 }.map {
      "\(json($0.key.rawValue)): \($0.value)"
    }
    let present = (1...max(1, horizon.weeks)).filter { week in
      week <= horizon.weeks && days[week - 1].contains(where: person.isPresent(on:))
    }
    var counts = "null"
    var leaver = false
    if let leaves = person.leaves, leaves < horizon.end {
      leaver = true
      counts = String(
        (1...horizon.weeks).filter { horizon.firstDay(ofWeek: $0) <= leaves }.last ?? 0)
    }
    var line = "    {\"id\": \(json(person.id.rawValue)), "
    line += "\"levels\": {\(levels.joined(separator: ", "))}, "
    line += "\"canMentor\": \(person.canMentor), \"canLearn\": \(person.canLearn), "
    line += "\"mentorHoursPerWeek\": \(number(person.mentorHoursPerWeek)), "
    line += "\"learningHoursPerWeek\": \(number(person.learningHoursPerWeek)), "
    line += "\"maxMentees\": \(person.maxMentees), "
    line += "\"presentWeeks\": [\(present.map(String.init).joined(separator: ", "))], "
    line += "\"countsThroughWeek\": \(counts), \"leaver\": \(leaver)}"
    return line
  }.joined(separator: ",\n")
  out += "\n  ],\n  \"roles\": [\n"
  out += organization.roles.map { role in
    let requirements = role.requirements.map { "[\(json($0.skill.rawValue)), \($0.level)]" }
    return "    {\"id\": \(json(role.id.rawValue)), \"weight\": \(number(role.weight)), "
      + "\"target\": \(role.target), \"requirements\": [\(requirements.joined(separator: ", "))]}"
  }.joined(separator: ",\n")
  return out + "\n  ]\n}\n"
}

let mode = CommandLine.arguments.dropFirst().first ?? "quality"
if mode == "instance" {
  let files = CommandLine.arguments.dropFirst(2).prefix { !$0.hasPrefix("--") }
  guard let out = argument("out"), let weeks = argument("weeks").flatMap(Int.init),
    let start = argument("start").flatMap({ Day(iso: $0) })
  else { fatalError("usage: optimizer-bench instance FILE... --weeks H --start DATE --out PATH") }
  let result: ImportResult
  do { result = try Importer.load(paths: Array(files)) } catch { fatalError("\(error)") }
  let organization = result.organization
  let horizon = Horizon(start: start, weeks: weeks, holidays: organization.policy.holidays)
  guard let file = fopen(out, "w") else { fatalError("cannot write \(out)") }
  fputs(weeklyInstanceJSON(organization, horizon: horizon), file)
  fclose(file)
  exit(0)
}
let people = Int(argument("people", "100") ?? "") ?? 100
let seed = UInt64(argument("seed", "1") ?? "") ?? 1
let skills = argument("skills").flatMap(Int.init)
let roles = argument("roles").flatMap(Int.init)
let limit = Double(argument("time-limit", "10") ?? "") ?? 10
let scarcity: OrganizationGenerator.Scarcity = argument("scarcity") == "tight" ? .tight : .typical

let clock = ContinuousClock()
let generationStart = clock.now
let organization = OrganizationGenerator(
  people: people, skills: skills ?? max(12, people / 5), roles: roles ?? max(5, people / 8),
  seed: seed, scarcity: scarcity
).generate()
let generation = seconds(clock.now - generationStart)
let options = PlanOptions(policy: organization.policy, timeLimit: .milliseconds(Int(limit * 1000)))
let planStart = clock.now
let plan = planMentoring(organization, options: options)
let planning = seconds(clock.now - planStart)

print(
  "scarcity=\(scarcity) people=\(organization.people.count) skills=\(organization.skills.count) roles=\(organization.roles.count) "
    + "seed=\(seed) bundles=\(plan.stats.candidateBundles) pairs=\(plan.pairs.count) "
    + "before=\(number(plan.coverageBefore)) after=\(number(plan.coverageAfter)) "
    + "greedy=\(number(plan.stats.greedyScore)) bound=\(number(plan.coverageWeeksBound)) "
    + "ceiling=\(number(plan.coverageCeiling)) gap=\(plan.gapPercent) "
    + "timeLimitHit=\(plan.stats.stoppedOnTimeLimit) unmet=\(plan.unmet.count) "
    + "generate_s=\(generation) plan_s=\(planning)")
if CommandLine.arguments.contains("--print-pairs") {
  for pair in plan.pairs {
    print(
      "pair \(pair.mentor) -> \(pair.mentee) \(pair.skill) \(pair.fromLevel)->\(pair.toLevel) "
        + "roles \(pair.roles.map(\.role.rawValue).joined(separator: ","))")
  }
}
