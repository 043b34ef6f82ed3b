import MentoringOptimizer
import SkillsGraph

/// "Since the plan file": what became of an earlier plan given back as input.
///
/// The first thing a manager reads on a re-plan. One list of groups feeds Markdown, HTML and JSON alike.
enum PlanChangesReport {
  /// One group of pairs: its heading, how many, and a line per pair (at most ``shown``).
  struct Group {
    var title: String
    var count: Int
    var lines: [String]
  }

  /// Lines shown per group; the rest are counted.
  static let shown = 10

  /// The coverage sentence: today's coverage as the inputs say it, then with the finished pairs.
  static func coverageLine(_ changes: PlanChanges, plan: MentoringPlan) -> String {
    let ceiling = plan.coverageCeiling
    func percent(_ score: Double) -> String {
      ceiling > 0 ? formatDecimal(100 * score / ceiling, places: 1) + " %" : "no roles to cover"
    }
    var line = "Coverage today: \(percent(changes.coverageThen)) → "
    line += "\(percent(changes.coverageNow)) with the \(changes.finished.count) finished "
    line += "pair\(changes.finished.count == 1 ? "" : "s") (score "
    line += "\(formatDecimal(changes.coverageThen, places: 2)) → "
    line += "\(formatDecimal(changes.coverageNow, places: 2)) of \(formatNumber(ceiling)))"
    return line
  }

  /// The earlier plan's horizon, as a phrase.
  static func madeFor(_ changes: PlanChanges) -> String {
    var text = "The plan file was made for "
    text += changes.earlierWeeks.map { "\($0) weeks" } ?? "an unstated horizon"
    if let start = changes.earlierStart { text += " from \(start)" }
    return text
  }

  /// The groups, in the order a manager asks; empty groups are left out.
  ///
  /// What finished, what runs, what was agreed, what is new, what stays proposed, what is no
  /// longer proposed, what was called off, what is forbidden.
  static func groups(
    _ changes: PlanChanges, plan: MentoringPlan, person: (PersonID) -> String,
    skill: (SkillID) -> String
  ) -> [Group] {
    let byKey = Dictionary(
      plan.pairs.map { (PairKey(mentor: $0.mentor, mentee: $0.mentee, skill: $0.skill), $0) },
      uniquingKeysWith: { a, _ in a })
    func recorded(_ pair: RecordedPair, _ verb: String) -> String {
      "\(person(pair.mentee)) \(verb) \(skill(pair.skill)) to level \(pair.toLevel) from "
        + person(pair.mentor)
    }
    func planned(_ key: PairKey) -> String {
      guard let pair = byKey[key] else {
        return "\(person(key.mentee)) learns \(skill(key.skill)) from \(person(key.mentor))"
      }
      var line =
        "\(person(pair.mentee)) learns \(skill(pair.skill)) to level \(pair.toLevel) from "
        + "\(person(pair.mentor)), weeks \(pair.startWeek)–\(pair.endWeek)"
      if pair.status == .active {
        line +=
          " (\(formatDecimal(pair.hoursDone, places: 1)) h done, "
          + "\(formatDecimal(pair.menteeHours, places: 1)) h to go)"
      }
      return line
    }
    func group(_ title: String, _ lines: [String]) -> Group {
      Group(title: title, count: lines.count, lines: Array(lines.prefix(shown)))
    }
    let forbids = changes.forbids.map { forbid in
      var parts: [String] = []
      if let mentor = forbid.mentor { parts.append("mentor \(person(mentor))") }
      if let mentee = forbid.mentee { parts.append("mentee \(person(mentee))") }
      if let id = forbid.skill { parts.append("skill \(skill(id))") }
      return "no pair with " + parts.joined(separator: ", ")
    }
    return [
      group("Finished", changes.finished.map { recorded($0, "learned") }),
      group("Running", changes.running.map(planned)),
      group("Agreed, kept in the plan", changes.agreed.map(planned)),
      group("Added", changes.added.map(planned)),
      group("Proposed again", changes.proposedAgain.map(planned)),
      group(
        "No longer proposed",
        zip(changes.withdrawn, changes.withdrawnReasons).map { pair, reason in
          recorded(pair, "was to learn") + ": " + reason.clause(person: person)
        }),
      group("Dropped, never proposed again", changes.dropped.map { recorded($0, "was to learn") }),
      group("Forbidden", forbids),
    ].filter { $0.count > 0 }
  }

  /// The section in Markdown; empty without an earlier plan.
  static func markdown(_ content: PlanReportContent, names: Names) -> String {
    guard let changes = content.plan.changes else { return "" }
    var out = "## Since the plan file\n\n"
    out += madeFor(changes) + ". " + coverageLine(changes, plan: content.plan) + ".\n\n"
    for group in groups(
      changes, plan: content.plan, person: { names.person($0) }, skill: { names.skill($0) })
    {
      out += "- **\(group.title) (\(group.count))**\n"
      for line in group.lines { out += "  - \(line)\n" }
      if group.count > group.lines.count {
        out += "  - … and \(group.count - group.lines.count) more\n"
      }
    }
    return out + "\n"
  }

  /// The section's body in HTML; `nil` without an earlier plan.
  static func html(_ content: PlanReportContent, names: HTMLNames) -> String? {
    guard let changes = content.plan.changes else { return nil }
    var out = "<p>" + HTML.escape(madeFor(changes) + ". ")
    out += HTML.escape(coverageLine(changes, plan: content.plan)) + ".</p>\n"
    for group in groups(
      changes, plan: content.plan, person: { names.person($0) }, skill: { names.skill($0) })
    {
      out += "<h3>\(HTML.escape(group.title)) (\(group.count))</h3>\n<ul>\n"
      for line in group.lines { out += "<li>\(line)</li>\n" }
      if group.count > group.lines.count {
        out += "<li class=\"muted\">… and \(group.count - group.lines.count) more</li>\n"
      }
      out += "</ul>\n"
    }
    return out
  }

  /// The section in JSON: every pair by id (no cap: machines read it all); `null` without one.
  static func json(_ changes: PlanChanges?) -> JSONValue {
    guard let changes else { return .null }
    func recorded(_ pair: RecordedPair) -> JSONValue {
      .object([
        ("mentor", .string(pair.mentor.rawValue)), ("mentee", .string(pair.mentee.rawValue)),
        ("skill", .string(pair.skill.rawValue)), ("toLevel", .number(Double(pair.toLevel))),
      ])
    }
    func key(_ key: PairKey) -> JSONValue {
      .object([
        ("mentor", .string(key.mentor.rawValue)), ("mentee", .string(key.mentee.rawValue)),
        ("skill", .string(key.skill.rawValue)),
      ])
    }
    return .object([
      ("earlierStart", changes.earlierStart.map { .string($0.description) } ?? .null),
      ("earlierWeeks", changes.earlierWeeks.map { .number(Double($0)) } ?? .null),
      ("coverageThen", .number(GapReportJSON.rounded(changes.coverageThen, places: 4))),
      ("coverageNow", .number(GapReportJSON.rounded(changes.coverageNow, places: 4))),
      ("finished", .array(changes.finished.map(recorded))),
      ("running", .array(changes.running.map(key))),
      ("agreed", .array(changes.agreed.map(key))),
      ("added", .array(changes.added.map(key))),
      ("proposedAgain", .array(changes.proposedAgain.map(key))),
      (
        "withdrawn",
        .array(
          zip(changes.withdrawn, changes.withdrawnReasons).map { pair, reason in
            guard case .object(var members) = recorded(pair) else { return recorded(pair) }
            members.append(("why", .string(reason.code)))
            members.append(("whyText", .string(reason.clause(person: \.rawValue))))
            return .object(members)
          })
      ),
      ("dropped", .array(changes.dropped.map(recorded))),
      (
        "forbids",
        .array(
          changes.forbids.map { forbid in
            .object([
              ("mentor", forbid.mentor.map { .string($0.rawValue) } ?? .null),
              ("mentee", forbid.mentee.map { .string($0.rawValue) } ?? .null),
              ("skill", forbid.skill.map { .string($0.rawValue) } ?? .null),
            ])
          })
      ),
    ])
  }
}
