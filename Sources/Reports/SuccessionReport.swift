import MentoringOptimizer
import SkillsGraph

/// The succession bench in Markdown: per key role and incumbent, who could take over and when.
enum SuccessionMarkdown {
  static func bench(
    _ content: GapReportContent, names: Names, disclosure: DepthDisclosure? = nil
  ) -> String {
    let disclosure = disclosure ?? content.depthDisclosure
    var out = "## Succession bench\n\n"
    guard !content.succession.isEmpty else {
      return out + "No role of weight 2 or more has an incumbent to succeed.\n\n"
    }
    out += "For every incumbent of a role of weight 2 or more: who could take over, fewest "
    out += "learning hours first, and how soon.\n\n"
    out += readinessDefinitions
    for entry in content.succession {
      out += "### \(names.role(entry.role)): after \(names.person(entry.incumbent))\n\n"
      if disclosure.withholdsQualified(entry) {
        out += DepthDisclosure.qualifiedWithheld + "\n\n"
      }
      let candidates = disclosure.candidates(entry)
      guard !candidates.isEmpty else {
        if disclosure.withholdsQualified(entry) { continue }
        out +=
          "Nobody holds any of the role's skills yet: a successor would start from scratch.\n\n"
        continue
      }
      var table = MarkdownTable(
        ["Candidate", "Readiness", "Learning hours", "Missing today"],
        rightAligned: [false, false, true, false])
      for candidate in candidates {
        table.append([
          names.person(candidate.person), candidate.readiness.description,
          formatDecimal(candidate.menteeHours, places: 1),
          candidate.missing.isEmpty
            ? "–" : candidate.missing.map { "`\($0.skill)` ≥ \($0.level)" }.joined(separator: ", "),
        ])
      }
      out += table.rendered() + "\n"
    }
    return out
  }
}

extension SuccessionMarkdown {
  /// The readiness words, one sentence each, as a list under the bench's introduction.
  // Computed, not stored: a global holding heap storage can read as a leak to LeakSanitizer.
  static var readinessDefinitions: String {
    Readiness.definitions.map { "- **\($0.word)**: \($0.meaning)\n" }.joined() + "\n"
  }
}

/// The succession bench in JSON.
enum SuccessionJSON {
  /// One entry; for a role whose depth is hidden, the people ready now are left out and
  /// `qualifiedWithheld` is true (see `DepthDisclosure.candidates(_:)`).
  static func entry(_ entry: SuccessionEntry, disclosure: DepthDisclosure) -> JSONValue {
    .object([
      ("role", .string(entry.role.rawValue)),
      ("incumbent", .string(entry.incumbent.rawValue)),
      ("candidates", .array(disclosure.candidates(entry).map(candidate))),
      ("qualifiedWithheld", .bool(disclosure.withholdsQualified(entry))),
    ])
  }

  /// The readiness words the bench's `readiness` fields use, each with its meaning.
  // Computed, not stored: a global holding heap storage reads as a leak to LeakSanitizer.
  static var readinessDefinitions: JSONValue {
    .object(
      Readiness.definitions.map { ($0.key, .string("\($0.word): \($0.meaning)")) })
  }

  static func candidate(_ candidate: SuccessionCandidate) -> JSONValue {
    let readiness: String
    var blockedSkill: JSONValue = .null
    switch candidate.readiness {
    case .readyNow: readiness = "readyNow"
    case .withinHorizon: readiness = "withinHorizon"
    case .later: readiness = "later"
    case .blocked(let skill):
      readiness = "blocked"
      blockedSkill = .string(skill.rawValue)
    }
    return .object([
      ("person", .string(candidate.person.rawValue)),
      ("readiness", .string(readiness)),
      ("blockedBy", blockedSkill),
      ("menteeHours", .number(GapReportJSON.rounded(candidate.menteeHours, places: 2))),
      (
        "missing",
        .array(
          candidate.missing.map {
            .object([("skill", .string($0.skill.rawValue)), ("level", .number(Double($0.level)))])
          })
      ),
    ])
  }
}
