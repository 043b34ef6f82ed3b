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
    out += "</organization>\n"
    return out
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

  private static func number(_ value: Double) -> String { formatNumber(value) }

  private static func attribute(_ name: String, _ value: String) -> String {
    " \(name)=\"\(XMLEscaping.escape(value, attribute: true))\""
  }
}
