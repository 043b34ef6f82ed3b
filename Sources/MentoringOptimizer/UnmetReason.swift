import SkillsGraph

/// Why a role stays below target after the plan: the person nearest to qualifying and the limit
/// that stops them, with the numbers that say what would change it.
///
/// A bare "nobody could qualify" tells a manager nothing to act on; naming the nearest candidate,
/// the limit that binds and the smallest change that would lift it (more weeks, more hours a
/// week, one more mentee slot) does.
public struct UnmetReason: Hashable, Sendable, CustomStringConvertible {
  /// The person nearest to qualifying among those who can learn in this horizon: the fewest
  /// mentee hours still to learn after the plan, ties on the input's ids; `nil` when nobody
  /// outside the qualified people can learn.
  public var candidate: PersonID?
  /// The mentee hours `candidate` still needs for the role (0 without a candidate).
  public var menteeHours: Double
  /// What stops `candidate`, or, without one, why nobody can learn.
  public var limit: UnmetLimit

  public init(candidate: PersonID?, menteeHours: Double, limit: UnmetLimit) {
    self.candidate = candidate
    self.menteeHours = menteeHours
    self.limit = limit
  }

  /// The reason in one sentence with ids for names, as the JSON report's `reason` carries it.
  public var description: String { plainSentence() }

  /// As ``description``, with the mentors of a shortage withheld where `withheldMentors` says
  /// so (see ``sentence(person:skill:number:withheldMentors:)``).
  public func plainSentence(
    withheldMentors: (MentorShortage) -> String? = { _ in nil }
  ) -> String {
    sentence(
      person: \.rawValue, skill: { "'\($0)'" }, number: Self.plainNumber,
      withheldMentors: withheldMentors)
  }

  /// The reason as one sentence with numbers, naming people and skills with the given functions,
  /// so every report says the same thing in its own markup.
  ///
  /// - Parameters:
  ///   - person: a person's name as the report shows it ("Name (ID)").
  ///   - skill: a skill's name as the report shows it.
  ///   - number: an hour count as the report shows it.
  ///   - withheldMentors: for a shortage whose mentors the report may neither count nor name
  ///     (a small group, or a role's qualified people under workshop mode's depth rule), the
  ///     words that stand for their number ("fewer than 3"); `nil` to count and name them.
  /// - Returns: the sentence, without a final full stop, as a table cell holds it.
  public func sentence(
    person: (PersonID) -> String, skill: (SkillID) -> String, number: (Double) -> String,
    withheldMentors: (MentorShortage) -> String? = { _ in nil }
  ) -> String {
    let who = candidate.map(person) ?? ""
    let needs = "\(who) needs \(number(menteeHours)) h"
    switch limit {
    case .noLearner(let nearest):
      var out = "nobody who is not qualified can learn it in this horizon"
      if let nearest {
        out += ": the nearest, \(person(nearest.person)) (\(number(nearest.menteeHours)) h), "
        out += nearest.why.phrase
      }
      return out
    case .noMentor(let missing, let level):
      return "\(needs); no eligible mentor holds level \(level) of \(skill(missing))"
    case .horizon(let time):
      var out = "\(needs); \(time.fitPhrase(number: number))"
      if let next = time.mentorsNext {
        out += "; at \(time.hoursPerWeekThatWouldDo) h a week the mentors of "
        out += "\(skill(next.skill)) bind next: "
        out += next.phrase(person: person, number: number, withheld: withheldMentors(next))
      }
      return out
    case .learnerBusy(let busy):
      var out = "\(needs); only \(number(busy.hoursLeft)) h of their "
      out += "\(number(busy.budget)) h are left"
      if !busy.learning.isEmpty {
        out += " after learning \(busy.learning.map(skill).joined(separator: ", ")) in this plan"
      }
      return out
    case .mentors(let shortage):
      let share =
        abs(shortage.menteeHours - menteeHours) <= hourEpsilon
        ? " of \(skill(shortage.skill))"
        : ", \(number(shortage.menteeHours)) h of them in \(skill(shortage.skill))"
      return needs + share + "; "
        + shortage.phrase(person: person, number: number, withheld: withheldMentors(shortage))
    case .pairTaken(let taken):
      return "\(needs); the plan already raises their \(skill(taken)) to a lower level, and a "
        + "mentee has one pair per skill"
    case .searchStopped:
      return "\(needs) and would fit: the search stopped on its time limit first"
    }
  }

  static func plainNumber(_ value: Double) -> String {
    let tenths = (value * 10).rounded()
    let whole = Int(exactly: (tenths / 10).rounded(.towardZero)) ?? 0
    let fraction = Int(exactly: abs(tenths).truncatingRemainder(dividingBy: 10)) ?? 0
    return fraction == 0 ? "\(whole)" : "\(whole).\(fraction)"
  }
}

/// The limit that keeps a role's nearest candidate from qualifying in the plan, checked in this
/// order: a skill nobody can teach, the horizon, the candidate's own hours, the mentors.
public enum UnmetLimit: Hashable, Sendable {
  /// Nobody outside the qualified people can learn in this horizon; the nearest of them (fewest
  /// hours) and why they cannot.
  case noLearner(nearest: UnavailableCandidate?)
  /// A skill the candidate misses has no eligible mentor at `level` (the mentoring level).
  case noMentor(skill: SkillID, level: Int)
  /// The candidate's learning hours over the whole horizon are fewer than the role needs.
  case horizon(LearningTime)
  /// The hours would fit the horizon, but the plan spends the candidate's learning hours on
  /// other pairs.
  case learnerBusy(LearnerBusy)
  /// Eligible mentors exist, but none has the mentee slot or the weekly hours left for the pair.
  case mentors(MentorShortage)
  /// The plan already raises one of the role's skills for the candidate to a lower level, and a
  /// mentee has at most one pair per skill.
  case pairTaken(skill: SkillID)
  /// The candidate's pairs would still fit: the search stopped on its time limit first.
  case searchStopped
}

/// Someone who would need few hours but cannot learn in this horizon.
public struct UnavailableCandidate: Hashable, Sendable {
  public var person: PersonID
  public var menteeHours: Double
  public var why: Unavailability

  public init(person: PersonID, menteeHours: Double, why: Unavailability) {
    self.person = person
    self.menteeHours = menteeHours
    self.why = why
  }
}

/// Why a person cannot learn in this horizon.
public enum Unavailability: Hashable, Sendable {
  /// The person opted out of learning.
  case optedOut
  /// The person leaves within the horizon (the last working day): a backup who leaves is none.
  case leaves(Day)
  /// The person is away in every week of the horizon.
  case away
  /// The person has no learning hours a week.
  case noHours

  var phrase: String {
    switch self {
    case .optedOut: "has opted out of learning"
    case .leaves(let day): "leaves on \(day)"
    case .away: "is away for the whole horizon"
    case .noHours: "has no learning hours a week"
    }
  }
}

/// A learner's time against the hours a role needs, and what would make them fit.
public struct LearningTime: Hashable, Sendable {
  /// The candidate's learning hours a week.
  public var hoursPerWeek: Double
  /// Weeks of the horizon the candidate is present in.
  public var weeksPresent: Int
  /// `H`, the horizon's weeks.
  public var horizonWeeks: Int
  /// Learning hours over the horizon: hours a week × weeks present.
  public var hoursThatFit: Double
  /// The shortest horizon, in weeks, whose weeks present hold the hours at the same weekly
  /// rate; `nil` when none does (the person leaves first).
  public var weeksThatWouldDo: Int?
  /// Whole learning hours a week that would hold the hours in the weeks present:
  /// `⌈needed / weeksPresent⌉`.
  public var hoursPerWeekThatWouldDo: Int
  /// With `hoursPerWeekThatWouldDo`, the mentors who would stop the pairs next, checked on the
  /// plan as it is; `nil` when the learner's hours are the only limit.
  public var mentorsNext: MentorShortage?

  public init(
    hoursPerWeek: Double, weeksPresent: Int, horizonWeeks: Int, hoursThatFit: Double,
    weeksThatWouldDo: Int?, hoursPerWeekThatWouldDo: Int, mentorsNext: MentorShortage? = nil
  ) {
    self.mentorsNext = mentorsNext
    self.hoursPerWeek = hoursPerWeek
    self.weeksPresent = weeksPresent
    self.horizonWeeks = horizonWeeks
    self.hoursThatFit = hoursThatFit
    self.weeksThatWouldDo = weeksThatWouldDo
    self.hoursPerWeekThatWouldDo = hoursPerWeekThatWouldDo
  }

  func fitPhrase(number: (Double) -> String) -> String {
    var out = "\(number(hoursThatFit)) h fit in "
    out +=
      weeksPresent == horizonWeeks
      ? "\(horizonWeeks) weeks at " : "the \(weeksPresent) of \(horizonWeeks) weeks at work, at "
    out += "\(number(hoursPerWeek)) h a week: "
    if let weeks = weeksThatWouldDo { out += "\(weeks) weeks or " }
    return out + "\(hoursPerWeekThatWouldDo) h a week would do"
  }
}

/// A learner whose hours the plan spends on other pairs.
public struct LearnerBusy: Hashable, Sendable {
  /// Learning hours left in the horizon after the plan's pairs.
  public var hoursLeft: Double
  /// Learning hours over the whole horizon.
  public var budget: Double
  /// The skills the candidate learns in this plan, in id order.
  public var learning: [SkillID]

  public init(hoursLeft: Double, budget: Double, learning: [SkillID]) {
    self.hoursLeft = hoursLeft
    self.budget = budget
    self.learning = learning
  }
}

/// The mentors of the skill that blocks the candidate, how they are taken, and the smallest
/// change to one of them that would let the candidate's pairs in.
public struct MentorShortage: Hashable, Sendable {
  public var skill: SkillID
  /// The level a mentor must hold to teach the pair.
  public var level: Int
  /// The candidate's mentee hours in `skill` (the mentor gives a quarter).
  public var menteeHours: Double
  /// Eligible mentors in all: people holding `level` today and, with cascades, people the plan
  /// trains to it.
  public var mentorCount: Int
  /// The first few of them, in the planner's order (highest level, then id; trained ones last),
  /// with the mentor of `change` put first when the order would leave them out.
  public var mentors: [MentorLoad]
  /// The smallest change found to one mentor that lets the candidate's pairs fit; `nil` when no
  /// change to one mentor's slots or weekly hours does.
  public var change: MentorChange?

  public init(
    skill: SkillID, level: Int, menteeHours: Double, mentorCount: Int, mentors: [MentorLoad],
    change: MentorChange?
  ) {
    self.skill = skill
    self.level = level
    self.menteeHours = menteeHours
    self.mentorCount = mentorCount
    self.mentors = mentors
    self.change = change
  }

  /// The mentors and what they are asked, then the change that would do; with `withheld`, the
  /// mentors are neither counted nor named, and the change is for "one of them".
  func phrase(
    person: (PersonID) -> String, number: (Double) -> String, withheld: String? = nil
  ) -> String {
    var out: String
    if let withheld {
      out = "\(withheld) mentors at level \(level), none with a mentee slot or the hours left"
    } else if mentorCount == 1, let only = mentors.first {
      out =
        "the only mentor, \(person(only.person)), " + only.phrase(person: person, number: number)
    } else {
      out = "the \(mentorCount) mentors at level \(level): "
      out += mentors.map { "\(person($0.person)) \($0.phrase(person: person, number: number))" }
        .joined(separator: "; ")
      if mentorCount > mentors.count { out += "; and \(mentorCount - mentors.count) more" }
    }
    guard let change else { return out + "; no change to one mentor's slots or hours would do" }
    let whom =
      withheld != nil ? " for one of them" : mentorCount == 1 ? "" : " for \(person(change.mentor))"
    switch (change.extraSlot, change.hoursPerWeek) {
    case (true, nil): out += ": one more mentee slot\(whom) would do"
    case (let slot, let hours?):
      out += ": \(slot ? "one more mentee slot and " : "")\(number(hours)) h a week\(whom) would do"
    case (false, nil): break
    }
    return out
  }
}

/// One eligible mentor and what the plan already asks of them.
public struct MentorLoad: Hashable, Sendable {
  public var person: PersonID
  /// The most mentees they take over the horizon.
  public var maxMentees: Int
  /// Their mentees in this plan, in id order.
  public var mentees: [PersonID]
  public var hoursPerWeek: Double
  /// Mentoring hours they have left in the weeks the candidate is present (from `fromWeek`).
  public var hoursLeft: Double
  /// The first week they may teach the level: 1, or the week after the plan trains them.
  public var fromWeek: Int

  public init(
    person: PersonID, maxMentees: Int, mentees: [PersonID], hoursPerWeek: Double,
    hoursLeft: Double, fromWeek: Int
  ) {
    self.person = person
    self.maxMentees = maxMentees
    self.mentees = mentees
    self.hoursPerWeek = hoursPerWeek
    self.hoursLeft = hoursLeft
    self.fromWeek = fromWeek
  }

  /// Every mentee slot is taken by someone else.
  public var slotsFull: Bool { mentees.count >= maxMentees }

  func phrase(person: (PersonID) -> String, number: (Double) -> String) -> String {
    var parts: [String] = []
    if fromWeek > 1 { parts.append("is trained in this plan and teaches from week \(fromWeek)") }
    let teaches =
      mentees.isEmpty ? "" : " and teaches \(mentees.map(person).joined(separator: ", "))"
    if slotsFull {
      parts.append("takes \(maxMentees) mentee\(maxMentees == 1 ? "" : "s")\(teaches)")
    } else {
      parts.append(
        "has \(number(hoursLeft)) h of mentoring time left (\(number(hoursPerWeek)) h a week)"
          + teaches)
    }
    return parts.joined(separator: ", ")
  }
}

/// The smallest change to one mentor found to let a candidate's pairs into the plan.
public struct MentorChange: Hashable, Sendable {
  public var mentor: PersonID
  /// One more mentee slot is needed.
  public var extraSlot: Bool
  /// The whole mentoring hours a week needed, when their hours bind.
  public var hoursPerWeek: Double?

  public init(mentor: PersonID, extraSlot: Bool, hoursPerWeek: Double?) {
    self.mentor = mentor
    self.extraSlot = extraSlot
    self.hoursPerWeek = hoursPerWeek
  }
}
