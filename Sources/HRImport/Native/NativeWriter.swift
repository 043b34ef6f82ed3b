import SkillsGraph

/// Writes an organization in Understudy's native format, so generated or converted data can be
/// read back, diffed and edited by hand.
///
/// Reading the output with `NativeImporter` gives back an equal `Organization`; attributes
/// equal to the model's defaults are left out to keep files short.
public enum NativeWriter {
  /// The whole organization as one native XML document.
  ///
  /// - Complexity: O(size of the organization).
  public static func render(_ organization: Organization) -> String {
    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    out += "<organization xmlns=\"\(NativeFileReader.namespace)\""
    if let asOf = organization.asOf { out += attribute("asOf", asOf.description) }
    out += ">\n"
    if organization.scaleMax != 4 { out += "  <scale max=\"\(organization.scaleMax)\"/>\n" }
    if !organization.skills.isEmpty {
      out += "  <skills>\n"
      for skill in organization.skills { out += render(skill) }
      out += "  </skills>\n"
    }
    if !organization.people.isEmpty {
      out += "  <people>\n"
      for person in organization.people { out += render(person) }
      out += "  </people>\n"
    }
    if !organization.roles.isEmpty {
      out += "  <roles>\n"
      for role in organization.roles { out += render(role) }
      out += "  </roles>\n"
    }
    out += render(organization.policy)
    if let plan = organization.plan { out += render(plan) }
    out += "</organization>\n"
    return out
  }

  /// A native document holding only a plan section: the file a manager keeps, edits (statuses,
  /// hours done, forbids) and gives back beside the export as the next run's input.
  ///
  /// - Parameters:
  ///   - plan: the pairs and forbids to write.
  ///   - asOf: the day the plan was made, written on the root for the reader.
  /// - Returns: the document, with a comment on how to edit it.
  /// - Complexity: O(pairs + their weeks).
  public static func renderPlanFile(_ plan: RecordedPlan, asOf: Day? = nil) -> String {
    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    out += "<organization xmlns=\"\(NativeFileReader.namespace)\""
    if let asOf { out += attribute("asOf", asOf.description) }
    out += ">\n"
    out += """
        <!-- A mentoring plan. Edit each pair's status as things happen: agreed (keep it in every
             new plan), active with hoursDone="N" (running), done, or dropped (never propose it
             again); add <forbid mentor="ID"/>, <forbid mentee="ID" skill="ID"/> and the like
             for pairs that must not happen. Give this file back beside the export and roles
             files to re-plan from a new start (README, "Plan files").
             The weeks are what this plan scheduled; they are not read back. -->

      """
    out += render(plan)
    out += "</organization>\n"
    return out
  }

  private static func render(_ plan: RecordedPlan) -> String {
    var out = "  <plan"
    if let start = plan.start { out += attribute("start", start.description) }
    if let weeks = plan.weeks { out += attribute("weeks", String(weeks)) }
    guard !plan.pairs.isEmpty || !plan.forbids.isEmpty else { return out + "/>\n" }
    out += ">\n"
    for pair in plan.pairs {
      out +=
        "    <pair" + attribute("mentor", pair.mentor.rawValue)
        + attribute("mentee", pair.mentee.rawValue) + attribute("skill", pair.skill.rawValue)
        + attribute("to", String(pair.toLevel)) + attribute("status", pair.status.rawValue)
      if pair.status == .active { out += attribute("hoursDone", number(pair.hoursDone)) }
      guard !pair.schedule.isEmpty else {
        out += "/>\n"
        continue
      }
      out += ">\n"
      // Four weeks to a line: a year's schedule stays readable.
      for start in stride(from: 0, to: pair.schedule.count, by: 4) {
        let line = pair.schedule[start..<min(start + 4, pair.schedule.count)].map {
          "<week" + attribute("n", String($0.week)) + attribute("hours", number($0.hours)) + "/>"
        }
        out += "      " + line.joined(separator: " ") + "\n"
      }
      out += "    </pair>\n"
    }
    for forbid in plan.forbids {
      out += "    <forbid"
      if let mentor = forbid.mentor { out += attribute("mentor", mentor.rawValue) }
      if let mentee = forbid.mentee { out += attribute("mentee", mentee.rawValue) }
      if let skill = forbid.skill { out += attribute("skill", skill.rawValue) }
      out += "/>\n"
    }
    return out + "  </plan>\n"
  }

  private static func render(_ skill: Skill) -> String {
    var out = "    <skill" + attribute("id", skill.id.rawValue)
    if skill.name != skill.id.rawValue { out += attribute("name", skill.name) }
    if let category = skill.category { out += attribute("category", category) }
    if skill.hoursPerLevel != 40 { out += attribute("hoursPerLevel", number(skill.hoursPerLevel)) }
    guard !skill.related.isEmpty else { return out + "/>\n" }
    out += ">\n"
    for related in skill.related {
      out += "      <related" + attribute("skill", related.rawValue) + "/>\n"
    }
    return out + "    </skill>\n"
  }

  private static func render(_ person: Person) -> String {
    var out = "    <person" + attribute("id", person.id.rawValue)
    if person.name != person.id.rawValue { out += attribute("name", person.name) }
    if !person.department.isEmpty { out += attribute("department", person.department) }
    if let manager = person.manager { out += attribute("manager", manager.rawValue) }
    if let grade = person.grade { out += attribute("grade", grade) }
    if let email = person.email { out += attribute("email", email) }
    if person.mentorHoursPerWeek != 2 {
      out += attribute("mentorHoursPerWeek", number(person.mentorHoursPerWeek))
    }
    if person.learningHoursPerWeek != 4 {
      out += attribute("learningHoursPerWeek", number(person.learningHoursPerWeek))
    }
    if person.maxMentees != 3 { out += attribute("maxMentees", String(person.maxMentees)) }
    if !person.canMentor { out += attribute("canMentor", "false") }
    if !person.canLearn { out += attribute("canLearn", "false") }
    if let leaves = person.leaves { out += attribute("leaves", leaves.description) }
    var children: [String] = []
    for (skill, level) in person.levels.sorted(by: { $0.key < $1.key }) {
      children.append(
        "<skill" + attribute("ref", skill.rawValue) + attribute("level", String(level)) + "/>")
    }
    for interest in person.interests {
      children.append("<interest" + attribute("skill", interest.rawValue) + "/>")
    }
    for absence in person.absences {
      var line =
        "<absence" + attribute("from", absence.from.description)
        + attribute("to", absence.to.description)
      if let kind = absence.kind { line += attribute("kind", kind) }
      children.append(line + "/>")
    }
    guard !children.isEmpty else { return out + "/>\n" }
    return out + ">\n" + children.map { "      " + $0 + "\n" }.joined() + "    </person>\n"
  }

  private static func render(_ role: Role) -> String {
    var out = "    <role" + attribute("id", role.id.rawValue)
    if role.name != role.id.rawValue { out += attribute("name", role.name) }
    out += attribute("criticality", role.criticality.description)
    if role.backups != role.criticality.defaultBackups {
      out += attribute("backups", String(role.backups))
    }
    if role.minPresent != 1 { out += attribute("minPresent", String(role.minPresent)) }
    if role.isDerived { out += attribute("derived", "true") }
    out += ">\n"
    for requirement in role.requirements {
      out +=
        "      <requires" + attribute("skill", requirement.skill.rawValue)
        + attribute("level", String(requirement.level)) + "/>\n"
    }
    for incumbent in role.incumbents {
      out += "      <incumbent" + attribute("person", incumbent.rawValue) + "/>\n"
    }
    return out + "    </role>\n"
  }

  private static func render(_ policy: Policy) -> String {
    guard policy != Policy() else { return "" }
    var out =
      "  <policy" + attribute("horizonWeeks", String(policy.horizonWeeks))
      + attribute("mentorMinLevel", String(policy.mentorMinLevel))
    if let start = policy.start { out += attribute("start", start.description) }
    if !policy.cascades { out += attribute("cascades", "false") }
    guard !policy.holidays.isEmpty else { return out + "/>\n" }
    out += ">\n"
    for holiday in policy.holidays {
      out += "    <holiday" + attribute("date", holiday.description) + "/>\n"
    }
    return out + "  </policy>\n"
  }

  /// A number as `xs:decimal` writes it: never with an exponent (`1e-05` would not read
  /// back), to six decimals when the shortest form would need one.
  static func number(_ value: Double) -> String {
    let shortest = formatNumber(value)
    guard shortest.contains(where: { $0 == "e" || $0 == "E" }), value.isFinite else {
      return shortest
    }
    let scaled = (abs(value) * 1_000_000).rounded()
    guard scaled < 9e15 else { return shortest }
    let micros = Int(scaled)
    var fraction = String(micros % 1_000_000)
    fraction = String(repeating: "0", count: 6 - fraction.count) + fraction
    while fraction.hasSuffix("0") { fraction.removeLast() }
    let whole = (value < 0 && micros > 0 ? "-" : "") + String(micros / 1_000_000)
    return fraction.isEmpty ? whole : whole + "." + fraction
  }

  private static func attribute(_ name: String, _ value: String) -> String {
    " \(name)=\"\(XMLEscaping.escape(value, attribute: true))\""
  }
}
