import SkillsGraph
import TestSupport
import Testing

@testable import MentoringOptimizer

/// Re-planning from a plan file (docs/model.md, "Progress, agreements and re-planning").
///
/// A plan is made, two of its pairs marked done, one active at half its hours, one dropped, one agreed,
/// a mentor forbidden, and the organization re-planned four weeks later. Every rule is checked
/// on the new plan by the independent rule checker and by the re-planning rules below.
@Suite("Re-planning from a plan file") struct ReplanTests {
  @Test func everyReplanningRuleHolds() {
    var failures: [String] = []
    var replanned = 0
    var keptActive = 0
    var keptAgreed = 0
    var withdrawnReasons = 0
    for seed in UInt64(1)...80 {
      let (organization, eight) = withCalendar(
        tinyOrganization(seed: seed &+ 5000, people: 40, skills: 6, roles: 8), seed: seed)
      let first = Horizon(start: eight.start, weeks: 16, holidays: eight.holidays)
      let options = PlanOptions(
        policy: organization.policy, horizon: .calendar(first), timeLimit: .seconds(5),
        cascades: false)
      let plan = planMentoring(organization, options: options)
      guard plan.pairs.count >= 5 else { continue }
      var record = plan.recorded(start: first.start)
      let pairs = record.pairs
      // Marks: 0 and 1 done, 2 active at half its hours, 3 dropped, 4 agreed; the mentor of the
      // first later pair who teaches none of the kept ones is forbidden.
      record.pairs[0].status = .done
      record.pairs[1].status = .done
      record.pairs[2].status = .active
      record.pairs[2].hoursDone = plan.pairs[2].menteeHours / 2
      record.pairs[3].status = .dropped
      record.pairs[4].status = .agreed
      let keptMentors = [pairs[2].mentor, pairs[4].mentor]
      let forbidden = pairs.dropFirst(5).first { !keptMentors.contains($0.mentor) }?.mentor
      if let forbidden { record.forbids = [PairForbid(mentor: forbidden)] }
      var input = organization
      input.plan = record

      let later = Horizon(
        start: first.start.adding(days: 28), weeks: first.weeks, holidays: first.holidays)
      let options2 = PlanOptions(
        policy: organization.policy, horizon: .calendar(later), timeLimit: .seconds(5),
        cascades: false)
      let again = planMentoring(input, options: options2)
      let errors = again.inputIssues.filter { $0.severity == .error }
      if !errors.isEmpty {
        // Only the kept pairs can be refused, each naming itself.
        for error in errors
        where !(error.message.hasPrefix("agreed pair") || error.message.hasPrefix("active pair")) {
          failures.append("seed \(seed): unexpected error \(error.message)")
        }
        continue
      }
      replanned += 1
      // The levels the new plan starts from: the done pairs held.
      var held = organization
      for pair in pairs.prefix(2) {
        let index = held.people.firstIndex { $0.id == pair.mentee }!
        held.people[index].levels[pair.skill] = max(
          held.people[index].level(pair.skill), pair.toLevel)
      }
      let active = pairs[2]
      let activeWarning = again.inputIssues.contains { $0.message.hasPrefix("active pair") }
      if activeWarning {
        // Settled as done (hours or level) or dropped (someone left): never in the plan.
        if again.pairs.contains(where: { $0.mentee == active.mentee && $0.skill == active.skill }
        ) {
          failures.append("seed \(seed): a settled active pair is still planned")
        }
        if let done = again.changes?.finished.first(where: { $0.mentee == active.mentee }),
          done.skill == active.skill,
          let index = held.people.firstIndex(where: {
            $0.id == active.mentee
          })
        {
          held.people[index].levels[active.skill] = active.toLevel
        }
      }
      var check = held
      check.plan = nil
      failures += violations(of: again, in: check, options: options2).map {
        "seed \(seed): \($0)"
      }
      func planned(_ pair: RecordedPair) -> PlannedPair? {
        again.pairs.first { $0.mentee == pair.mentee && $0.skill == pair.skill }
      }
      // Done: the mentee holds the level; nothing teaches it again.
      for pair in pairs.prefix(2) {
        if let other = planned(pair), other.fromLevel < pair.toLevel {
          failures.append("seed \(seed): done pair \(pair.label) planned again")
        }
      }
      // Active: kept with its mentor and the hours left, from the new start.
      if !activeWarning {
        if let kept = planned(active), kept.status == .active, kept.mentor == active.mentor,
          kept.toLevel == active.toLevel,
          abs(kept.menteeHours + kept.hoursDone - plan.pairs[2].menteeHours) < 1e-6,
          abs(kept.hoursDone - plan.pairs[2].menteeHours / 2) < 1e-6
        {
          keptActive += 1
        } else {
          failures.append("seed \(seed): the active pair \(active.label) is not kept")
        }
      }
      // Agreed: in the plan with its mentor and level.
      let agreed = pairs[4]
      if let kept = planned(agreed), kept.status == .agreed, kept.mentor == agreed.mentor,
        kept.toLevel == agreed.toLevel
      {
        keptAgreed += 1
      } else {
        failures.append("seed \(seed): the agreed pair \(agreed.label) is not kept")
      }
      // Dropped and forbidden: never proposed.
      let dropped = pairs[3]
      if again.pairs.contains(where: {
        $0.mentor == dropped.mentor && $0.mentee == dropped.mentee && $0.skill == dropped.skill
      }) {
        failures.append("seed \(seed): dropped pair \(dropped.label) proposed again")
      }
      if let forbidden, again.pairs.contains(where: { $0.mentor == forbidden }) {
        failures.append("seed \(seed): forbidden mentor \(forbidden) teaches")
      }
      // The next plan file carries the history on.
      let next = again.recorded(start: later.start)
      for pair in pairs.prefix(2)
      where !next.pairs.contains(where: {
        $0.status == .done && $0.mentee == pair.mentee && $0.skill == pair.skill
      }) {
        failures.append("seed \(seed): done pair \(pair.label) lost from the next plan file")
      }
      if !next.pairs.contains(where: {
        $0.status == .dropped && $0.mentor == dropped.mentor && $0.mentee == dropped.mentee
      }) {
        failures.append("seed \(seed): dropped pair lost from the next plan file")
      }
      if let forbidden, next.forbids != [PairForbid(mentor: forbidden)] {
        failures.append("seed \(seed): the forbid is lost from the next plan file")
      }
      if let changes = again.changes {
        if changes.coverageNow < changes.coverageThen - 1e-9 {
          failures.append("seed \(seed): finished pairs lowered today's coverage")
        }
        // Each pair no longer proposed says why, and what it says is true of the new run.
        withdrawnReasons += changes.withdrawn.count
        for (pair, reason) in zip(changes.withdrawn, changes.withdrawnReasons) {
          let claim: Bool
          switch reason {
          case .forbidden: claim = pair.mentor == forbidden
          case .otherMentor(let mentor):
            claim =
              mentor != pair.mentor
              && again.pairs.contains {
                $0.mentor == mentor && $0.mentee == pair.mentee && $0.skill == pair.skill
              }
          case .alreadyHeld(let level):
            let person = held.people.first { $0.id == pair.mentee }
            claim = level >= pair.toLevel && person?.level(pair.skill) == level
          case .notChosen:
            // Nothing rules it out: not forbidden, and nobody else teaches the mentee that skill.
            claim =
              pair.mentor != forbidden
              && !again.pairs.contains { $0.mentee == pair.mentee && $0.skill == pair.skill }
          default: claim = true
          }
          if !claim { failures.append("seed \(seed): \(pair.label) withdrawn: \(reason) is false") }
        }
        if changes.withdrawnReasons.count != changes.withdrawn.count {
          failures.append("seed \(seed): withdrawn pairs and reasons differ in number")
        }
      } else {
        failures.append("seed \(seed): no changes section")
      }
    }
    #expect(failures == [])
    #expect(replanned >= 20, "re-planned \(replanned) organizations")
    #expect(keptActive >= 10 && keptAgreed >= 20, "kept \(keptActive) active, \(keptAgreed) agreed")
    #expect(withdrawnReasons >= 20, "\(withdrawnReasons) pairs withdrawn")
  }

  /// Contradictions that need the horizon: a kept pair that cannot fit, a mentor without the level.
  @Test func keptPairsThatCannotBeKeptAreErrors() {
    let day = Day.fixture("2026-01-05")
    let organization = Organization(
      skills: [Skill(id: "tax", hoursPerLevel: 40)],
      people: [
        Person(id: "M", levels: ["tax": 4], mentorHoursPerWeek: 2),
        Person(id: "L", levels: ["tax": 2], mentorHoursPerWeek: 2),
        Person(id: "E", levels: ["tax": 1], learningHoursPerWeek: 4),
      ],
      roles: [Role(id: "r", requirements: [Requirement(skill: "tax", level: 3)], backups: 2)],
      plan: RecordedPlan(pairs: [
        // 80 h at 4 h a week: 20 weeks, more than the 12 of the horizon.
        RecordedPair(mentor: "M", mentee: "E", skill: "tax", toLevel: 3, status: .agreed),
        RecordedPair(mentor: "L", mentee: "M", skill: "tax", toLevel: 4, status: .agreed),
      ]))
    let options = PlanOptions(horizon: .calendar(Horizon(start: day, weeks: 12)))
    let plan = planMentoring(organization, options: options)
    let messages = plan.inputIssues.map(\.message)
    #expect(plan.inputIssues.allSatisfy { $0.severity == .error })
    #expect(
      messages == [
        "agreed pair M → E: 'tax' to level 3: it needs 80 mentee hours, and the weeks both people "
          + "are at work hold only 48 h within the 12-week horizon after the pairs above; lengthen "
          + "the horizon (--weeks), give them more hours a week, or drop the pair",
        "agreed pair L → M: 'tax' to level 4: M already holds level 4; mark it done or drop it",
      ])
    // The same agreed pair with half its hours done fits: 40 h in 10 weeks.
    var running = organization
    running.plan?.pairs = [
      RecordedPair(
        mentor: "M", mentee: "E", skill: "tax", toLevel: 3, status: .active, hoursDone: 40)
    ]
    let kept = planMentoring(running, options: options)
    #expect(kept.inputIssues == [])
    let pair = kept.pairs.first { $0.mentee == "E" }
    #expect(pair?.status == .active)
    #expect(pair?.menteeHours == 40)
    #expect(pair?.endWeek == 10)
    #expect(pair?.roles.map(\.readyWeek) == [10])
  }
}
