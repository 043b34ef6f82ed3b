import MentoringOptimizer
import SkillsGraph

/// A role the plan leaves below target, in JSON: the reason's sentence (ids for names) and its
/// numbers as fields, so a program can act on the limit without parsing the sentence.
enum UnmetReasonJSON {
  /// The role still short; its gap gives the depth away (target − gap), so it follows the
  /// depth rule.
  static func role(_ role: UnmetRole, disclosure: DepthDisclosure = .showingAll) -> JSONValue {
    let reason = role.reason
    return .object([
      ("role", .string(role.role.rawValue)),
      ("gap", disclosure.hides(role.role) ? .null : .number(Double(role.gap))),
      ("reason", .string(reason.plainSentence(withheldMentors: disclosure.withheldMentors))),
      ("candidate", reason.candidate.map { .string($0.rawValue) } ?? .null),
      ("menteeHours", hours(reason.menteeHours)),
      ("limit", .string(kind(reason.limit))),
      ("details", details(reason.limit, disclosure: disclosure)),
    ])
  }

  /// The limit's name, as the `limit` field carries it.
  static func kind(_ limit: UnmetLimit) -> String {
    switch limit {
    case .noLearner: "noLearner"
    case .noMentor: "noMentor"
    case .horizon: "horizon"
    case .learnerBusy: "learnerBusy"
    case .mentors: "mentors"
    case .pairTaken: "pairTaken"
    case .searchStopped: "searchStopped"
    }
  }

  static func details(_ limit: UnmetLimit, disclosure: DepthDisclosure = .showingAll) -> JSONValue {
    switch limit {
    case .noLearner(let nearest):
      guard let nearest else { return .object([("nearest", .null)]) }
      var why: [(String, JSONValue)] = []
      switch nearest.why {
      case .optedOut: why = [("why", .string("optedOut"))]
      case .leaves(let day): why = [("why", .string("leaves")), ("leaves", .string("\(day)"))]
      case .away: why = [("why", .string("away"))]
      case .noHours: why = [("why", .string("noHours"))]
      }
      return .object([
        (
          "nearest",
          .object(
            [
              ("person", .string(nearest.person.rawValue)),
              ("menteeHours", hours(nearest.menteeHours)),
            ] + why)
        )
      ])
    case .noMentor(let skill, let level):
      return .object([("skill", .string(skill.rawValue)), ("mentorLevel", .number(Double(level)))])
    case .horizon(let time):
      return .object([
        ("hoursThatFit", hours(time.hoursThatFit)),
        ("hoursPerWeek", hours(time.hoursPerWeek)),
        ("weeksPresent", .number(Double(time.weeksPresent))),
        ("horizonWeeks", .number(Double(time.horizonWeeks))),
        ("weeksThatWouldDo", time.weeksThatWouldDo.map { .number(Double($0)) } ?? .null),
        ("hoursPerWeekThatWouldDo", .number(Double(time.hoursPerWeekThatWouldDo))),
        ("mentorsNext", time.mentorsNext.map { shortage($0, disclosure: disclosure) } ?? .null),
      ])
    case .learnerBusy(let busy):
      return .object([
        ("hoursLeft", hours(busy.hoursLeft)),
        ("hoursThatFit", hours(busy.budget)),
        ("learning", .array(busy.learning.map { .string($0.rawValue) })),
      ])
    case .mentors(let mentors):
      return shortage(mentors, disclosure: disclosure)
    case .pairTaken(let skill):
      return .object([("skill", .string(skill.rawValue))])
    case .searchStopped:
      return .object([])
    }
  }

  /// The mentors of a skill and the change that would do; when the depth rule withholds them
  /// (see `DepthDisclosure.withheldMentors(_:)`), `mentorCount` is "fewer than K", `mentors`
  /// "fewer than K people" and the change's `mentor` null.
  static func shortage(
    _ shortage: MentorShortage, disclosure: DepthDisclosure = .showingAll
  ) -> JSONValue {
    let withheld = disclosure.withheldMentors(shortage)
    return .object([
      ("skill", .string(shortage.skill.rawValue)),
      ("mentorLevel", .number(Double(shortage.level))),
      ("menteeHours", hours(shortage.menteeHours)),
      ("mentorCount", withheld.map(JSONValue.string) ?? .number(Double(shortage.mentorCount))),
      (
        "mentors",
        withheld == nil ? .array(shortage.mentors.map(mentor)) : .string(disclosure.hiddenGroup)
      ),
      (
        "change",
        shortage.change.map {
          .object([
            ("mentor", withheld == nil ? .string($0.mentor.rawValue) : .null),
            ("extraSlot", .bool($0.extraSlot)),
            ("hoursPerWeek", $0.hoursPerWeek.map(hours) ?? .null),
          ])
        } ?? .null
      ),
    ])
  }

  static func mentor(_ load: MentorLoad) -> JSONValue {
    .object([
      ("person", .string(load.person.rawValue)),
      ("maxMentees", .number(Double(load.maxMentees))),
      ("mentees", .array(load.mentees.map { .string($0.rawValue) })),
      ("hoursPerWeek", hours(load.hoursPerWeek)),
      ("hoursLeft", hours(load.hoursLeft)),
      ("fromWeek", .number(Double(load.fromWeek))),
    ])
  }

  static func hours(_ value: Double) -> JSONValue {
    .number(GapReportJSON.rounded(value, places: 2))
  }
}
