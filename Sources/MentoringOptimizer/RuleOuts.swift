import SkillsGraph

/// The pairs an earlier plan rules out, in dense indices: forbid entries (any of mentor, mentee
/// and skill given) and dropped pairs (mentor, mentee and skill at any level).
///
/// Checked for every mentor the search considers, so a plan file with none costs one test.
struct RuleOuts: Sendable {
  private var mentors = Set<Int>()
  private var mentees = Set<Int>()
  private var skills = Set<Int>()
  private var mentorMentee = Set<Pair>()
  private var mentorSkill = Set<Pair>()
  private var menteeSkill = Set<Pair>()
  private var all = Set<Triple>()

  private struct Pair: Hashable {
    var a: Int
    var b: Int
  }

  private struct Triple: Hashable {
    var mentor: Int
    var mentee: Int
    var skill: Int
  }

  /// Nothing ruled out.
  init() {}

  /// The rule-outs of `plan`; entries naming someone or something not in the problem (people who
  /// left) rule out nothing here.
  init(_ plan: RecordedPlan, person: (PersonID) -> Int?, skill: (SkillID) -> Int?) {
    for forbid in plan.forbids {
      let mentor = forbid.mentor.map(person)
      let mentee = forbid.mentee.map(person)
      let skillIndex = forbid.skill.map(skill)
      if mentor == .some(nil) || mentee == .some(nil) || skillIndex == .some(nil) { continue }
      switch (mentor.flatMap { $0 }, mentee.flatMap { $0 }, skillIndex.flatMap { $0 }) {
      case (let m?, nil, nil): mentors.insert(m)
      case (nil, let e?, nil): mentees.insert(e)
      case (nil, nil, let s?): skills.insert(s)
      case (let m?, let e?, nil): mentorMentee.insert(Pair(a: m, b: e))
      case (let m?, nil, let s?): mentorSkill.insert(Pair(a: m, b: s))
      case (nil, let e?, let s?): menteeSkill.insert(Pair(a: e, b: s))
      case (let m?, let e?, let s?): all.insert(Triple(mentor: m, mentee: e, skill: s))
      case (nil, nil, nil): continue
      }
    }
    for pair in plan.pairs where pair.status == .dropped {
      guard let m = person(pair.mentor), let e = person(pair.mentee), let s = skill(pair.skill)
      else { continue }
      all.insert(Triple(mentor: m, mentee: e, skill: s))
    }
    isEmpty =
      mentors.isEmpty && mentees.isEmpty && skills.isEmpty && mentorMentee.isEmpty
      && mentorSkill.isEmpty && menteeSkill.isEmpty && all.isEmpty
  }

  /// True when nothing is ruled out.
  private(set) var isEmpty = true

  /// Whether `mentor` teaching `mentee` `skill` is ruled out.
  @inline(__always)
  func contains(mentor: Int, mentee: Int, skill: Int) -> Bool {
    if isEmpty { return false }
    return mentors.contains(mentor) || mentees.contains(mentee) || skills.contains(skill)
      || mentorMentee.contains(Pair(a: mentor, b: mentee))
      || mentorSkill.contains(Pair(a: mentor, b: skill))
      || menteeSkill.contains(Pair(a: mentee, b: skill))
      || all.contains(Triple(mentor: mentor, mentee: mentee, skill: skill))
  }
}
