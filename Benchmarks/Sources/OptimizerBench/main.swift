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
//   optimizer-bench quality --people N --seed S --json PATH [--scarcity typical|tight]
//       also writes the instance (raw model data) and the plan's score to PATH, for
//       milp_reference.py to solve exactly with HiGHS.
//   optimizer-bench scale --people N --skills S --roles R --seed S [--time-limit SECONDS]

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

/// The instance in the JSON schema milp_reference.py reads: raw model data, nothing derived.
func instanceJSON(
  _ organization: Organization, options: PlanOptions, plan: MentoringPlan,
  seconds elapsed: Double
) -> String {
  var out = "{\n  \"horizonWeeks\": \(options.weeks),\n"
  out += "  \"mentorMinLevel\": \(options.mentorMinLevel),\n  \"skills\": [\n"
  out += organization.skills.map { skill in
    "    {\"id\": \(json(skill.id.rawValue)), \"hoursPerLevel\": \(number(skill.hoursPerLevel)), "
      + "\"related\": [\(skill.related.map { json($0.rawValue) }.joined(separator: ", "))]}"
  }.joined(separator: ",\n")
  out += "\n  ],\n  \"people\": [\n"
  out += organization.people.map { person in
    let levels = person.levels.sorted { $0.key < $1.key }.map {
      "\(json($0.key.rawValue)): \($0.value)"
    }
    return
      "    {\"id\": \(json(person.id.rawValue)), \"levels\": {\(levels.joined(separator: ", "))}, "
      + "\"canMentor\": \(person.canMentor), \"canLearn\": \(person.canLearn), "
      + "\"mentorHoursPerWeek\": \(number(person.mentorHoursPerWeek)), "
      + "\"learningHoursPerWeek\": \(number(person.learningHoursPerWeek)), "
      + "\"maxMentees\": \(person.maxMentees)}"
  }.joined(separator: ",\n")
  out += "\n  ],\n  \"roles\": [\n"
  out += organization.roles.map { role in
    let requirements = role.requirements.map { "[\(json($0.skill.rawValue)), \($0.level)]" }
    return "    {\"id\": \(json(role.id.rawValue)), \"weight\": \(number(role.weight)), "
      + "\"target\": \(role.target), \"requirements\": [\(requirements.joined(separator: ", "))]}"
  }.joined(separator: ",\n")
  out += "\n  ],\n  \"heuristic\": {\"coverageBefore\": \(number(plan.coverageBefore)), "
  out +=
    "\"coverageAfter\": \(number(plan.coverageAfter)), \"upperBound\": \(number(plan.upperBound)), "
  out += "\"pairs\": \(plan.pairs.count), \"seconds\": \(elapsed)}\n}\n"
  return out
}

let mode = CommandLine.arguments.dropFirst().first ?? "quality"
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

if let path = argument("json") {
  let text = instanceJSON(organization, options: options, plan: plan, seconds: planning)
  guard let file = fopen(path, "w") else { fatalError("cannot write \(path)") }
  fputs(text, file)
  fclose(file)
}
print(
  "scarcity=\(scarcity) people=\(organization.people.count) skills=\(organization.skills.count) roles=\(organization.roles.count) "
    + "seed=\(seed) bundles=\(plan.stats.candidateBundles) pairs=\(plan.pairs.count) "
    + "before=\(number(plan.coverageBefore)) after=\(number(plan.coverageAfter)) "
    + "greedy=\(number(plan.stats.greedyScore)) bound=\(number(plan.upperBound)) "
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
