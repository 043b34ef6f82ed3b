import MentoringOptimizer
import Pseudonyms
import Reports
import SkillsGraph
import TestSupport
import Testing

/// Workshop mode on a re-plan: an earlier plan file with a pair done, one running, one agreed,
/// one dropped and a forbid, and a role the plan cannot fill because its only mentor's one
/// mentee slot is taken.
///
/// - `payroll-run` (critical, payroll ≥ 3): Ines (R201) and Jonas (R202) hold it, and Kai
///   (R203) from the done pair: depth 3 of target 3 once the plan file is read. Jonas is still
///   training Lena (R204, active, 8 h done) and has agreed to train Mats (R205).
/// - `tax-filing` (critical, tax ≥ 3): Ines alone, who takes one mentee; Nora (R206) was
///   dropped with her, so Otto (R207) or Quentin (R209) learns it, and the other is the nearest
///   candidate of a reason that names Ines as the only mentor.
/// - Pia (R208) may not learn payroll (the forbid).
enum Replan {
  static let start = Day.fixture("2026-11-30")
  static let horizon = Horizon(start: start, weeks: 8)

  static let plan = RecordedPlan(
    start: .fixture("2026-11-02"), weeks: 8,
    pairs: [
      RecordedPair(mentor: "R201", mentee: "R203", skill: "payroll", toLevel: 3, status: .done),
      RecordedPair(
        mentor: "R202", mentee: "R204", skill: "payroll", toLevel: 3, status: .active,
        hoursDone: 8),
      RecordedPair(mentor: "R202", mentee: "R205", skill: "payroll", toLevel: 3, status: .agreed),
      RecordedPair(mentor: "R201", mentee: "R206", skill: "tax", toLevel: 3, status: .dropped),
      RecordedPair(mentor: "R202", mentee: "R210", skill: "payroll", toLevel: 3, status: .proposed),
    ],
    forbids: [PairForbid(mentee: "R208", skill: "payroll")])

  static let organization = Organization(
    asOf: start,
    skills: [
      Skill(id: "payroll", name: "Payroll", hoursPerLevel: 8),
      Skill(id: "tax", name: "Tax", hoursPerLevel: 8),
    ],
    people: [
      Person(
        id: "R201", name: "Ines Moro", department: "Finance", levels: ["payroll": 4, "tax": 4],
        maxMentees: 1),
      Person(id: "R202", name: "Jonas Pike", department: "Finance", levels: ["payroll": 3]),
      Person(id: "R203", name: "Kai Rusk", department: "Finance", levels: ["payroll": 1]),
      Person(id: "R204", name: "Lena Strom", department: "Finance", levels: ["payroll": 1]),
      Person(id: "R205", name: "Mats Toll", department: "Finance", levels: ["payroll": 1]),
      Person(id: "R206", name: "Nora Ulm", department: "Sales", levels: ["tax": 1]),
      Person(id: "R207", name: "Otto Veit", department: "Sales", levels: ["tax": 1]),
      Person(id: "R208", name: "Pia Wend", department: "Sales", levels: ["payroll": 1]),
      Person(id: "R209", name: "Quentin Yost", department: "Sales", levels: ["tax": 1]),
      Person(id: "R210", name: "Rhea Zorn", department: "Sales"),
    ],
    roles: [
      Role(
        id: "payroll-run", name: "Payroll run", requirements: [.init(skill: "payroll", level: 3)],
        incumbents: ["R202"], criticality: .critical),
      Role(
        id: "tax-filing", name: "Tax filing", requirements: [.init(skill: "tax", level: 3)],
        incumbents: ["R201"], criticality: .critical),
    ],
    policy: Policy(horizonWeeks: 8, start: start), plan: plan)

  /// Without cascades, so that the one tax mentee Ines trains cannot teach the next.
  static let options = PlanOptions(policy: organization.policy, cascades: false)

  static let identifying = [
    "R201", "R202", "R203", "R204", "R205", "R206", "R207", "R208", "R209", "R210", "Ines",
    "Moro", "Jonas", "Pike", "Kai", "Rusk", "Lena", "Strom", "Mats", "Toll", "Nora", "Ulm",
    "Otto", "Veit", "Pia", "Wend", "Quentin", "Yost", "Rhea", "Zorn",
  ]

  static func content(privacy: Privacy = Privacy()) -> PlanReportContent {
    var content = PlanReportContent.plan(organization, horizon: horizon, options: options)
    content.before.privacy = privacy
    return content
  }
}

@Suite("Workshop mode on a re-plan from a plan file")
struct WorkshopReplanTests {
  /// The fixture says what it claims: without this, the tests below would prove less.
  @Test("the re-plan has finished, running, agreed, dropped and forbidden pairs and a reason")
  func fixtureHasEveryPart() throws {
    let plan = Replan.content().plan
    #expect(plan.inputIssues.filter { $0.severity == .error }.isEmpty, "\(plan.inputIssues)")
    let changes = try #require(plan.changes)
    #expect(changes.finished.map(\.mentee) == ["R203"])
    #expect(changes.running.map(\.mentee) == ["R204"])
    #expect(changes.agreed.map(\.mentee) == ["R205"])
    #expect(changes.dropped.map(\.mentee) == ["R206"])
    #expect(changes.forbids.map(\.mentee) == ["R208"])
    #expect(!changes.withdrawn.isEmpty || !changes.proposedAgain.isEmpty)
    let unmet = try #require(plan.unmet.first { $0.role == "tax-filing" })
    #expect(unmet.reason.candidate != nil)
    guard case .mentors(let shortage) = unmet.reason.limit else {
      Issue.record("expected the mentors to bind, not \(unmet.reason)")
      return
    }
    #expect(shortage.mentors.map(\.person) == ["R201"])
  }

  @Test("the renamed re-plan is the same pairs, changes, reasons and check-ins for any salt")
  func samePlanForAnySalt() throws {
    let plain = Replan.content()
    let plainChanges = try #require(plain.plan.changes)
    for salt in ["one", "two", "x"] {
      let pseudonyms = Pseudonymization(for: Replan.organization, salt: salt)
      let back = Dictionary(
        pseudonyms.pseudonyms.map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
      func real(_ id: PersonID) -> PersonID { back[id] ?? "unknown" }
      let workshop = pseudonyms.apply(to: plain)
      #expect(WorkshopPlanTests.pairs(workshop.plan, real) == plain.plan.pairs)
      #expect(workshop.plan.pairs.map(\.status) == plain.plan.pairs.map(\.status))
      #expect(workshop.checkIns.byPair == plain.checkIns.byPair)

      let changes = try #require(workshop.plan.changes)
      func key(_ key: PairKey) -> PairKey {
        PairKey(mentor: real(key.mentor), mentee: real(key.mentee), skill: key.skill)
      }
      func pair(_ pair: RecordedPair) -> RecordedPair {
        var pair = pair
        pair.mentor = real(pair.mentor)
        pair.mentee = real(pair.mentee)
        return pair
      }
      #expect(changes.finished.map(pair) == plainChanges.finished)
      #expect(changes.running.map(key) == plainChanges.running)
      #expect(changes.agreed.map(key) == plainChanges.agreed)
      #expect(changes.added.map(key) == plainChanges.added)
      #expect(changes.proposedAgain.map(key) == plainChanges.proposedAgain)
      #expect(changes.withdrawn.map(pair) == plainChanges.withdrawn)
      #expect(changes.dropped.map(pair) == plainChanges.dropped)
      #expect(
        changes.forbids.map { PairForbid(mentor: $0.mentor.map(real), mentee: $0.mentee.map(real)) }
          == plainChanges.forbids.map { PairForbid(mentor: $0.mentor, mentee: $0.mentee) })
      #expect(
        workshop.organization.plan?.pairs.map(\.mentor).map(real) == Replan.plan.pairs.map(\.mentor)
      )

      // The reasons read the same once the pseudonyms are read back (each mentor here teaches
      // one mentee at most, so re-sorting mentees by pseudonym changes no order).
      func sentences(_ plan: MentoringPlan, _ name: @escaping (PersonID) -> String) -> [String] {
        plan.unmet.map {
          $0.reason.sentence(person: name, skill: \.rawValue, number: { "\($0)" })
        }
      }
      #expect(sentences(workshop.plan) { real($0).rawValue } == sentences(plain.plan, \.rawValue))
      #expect(workshop.plan.inputIssues.isEmpty)
    }
  }

  @Test("no id or name of the input is left in any format, plan file and reasons included")
  func nothingLeaks() throws {
    let pseudonyms = Pseudonymization(for: Replan.organization, salt: "one")
    let plan = pseudonyms.apply(to: Replan.content())
    let gap = pseudonyms.apply(
      to: GapReportContent.analyse(Replan.organization, horizon: Replan.horizon))
    let outputs = ReportFormat.allCases.flatMap { format in
      [render(gap, as: format), render(plan, as: format)]
    }
    let everything = outputs.joined(separator: "\n")
    #expect(everything.contains("Since the plan file"))
    #expect(everything.contains("the only mentor, Person "))
    let leaks = Replan.identifying.filter { everything.contains($0) }
    #expect(leaks.isEmpty, "identifying strings in the output: \(leaks)")
  }

  /// Why the tax reason withholds its mentor in workshop mode.
  ///
  /// Ines is the only one who holds tax at the mentoring level: "the only mentor, Ines" is a
  /// count of one holder, and `tax-filing`'s only requirement is tax ≥ 3, so it is also the
  /// depth of a hidden role. Workshop mode neither counts nor names her there.
  @Test("in workshop mode a reason neither counts nor names a small group of mentors")
  func mentorsWithheld() throws {
    let pseudonyms = Pseudonymization(for: Replan.organization, salt: "one")
    let content = pseudonyms.apply(to: Replan.content(privacy: Privacy(minimumGroup: 3)))
    let ines = pseudonyms.callAs("R201").rawValue
    for format in ReportFormat.allCases where format != .csv {
      let text = render(content, as: format)
      #expect(text.contains("fewer than 3 mentors at level 3"), "\(format)")
      #expect(!text.contains("the only mentor"), "\(format)")
    }
    let json = render(content, as: .json)
    #expect(json.contains("\"mentorCount\": \"fewer than 3\""))
    #expect(json.contains("\"mentors\": \"fewer than 3 people\""))
    // Ines still appears as the mentor of her pair: the plan names its pairs.
    #expect(json.contains(ines))
  }

  @Test("a withheld group of mentors leaves the change that would do for 'one of them'")
  func changeForOneOfThem() {
    let shortage = MentorShortage(
      skill: "tax", level: 3, menteeHours: 16, mentorCount: 2,
      mentors: [
        MentorLoad(
          person: "R201", maxMentees: 1, mentees: ["R207"], hoursPerWeek: 2, hoursLeft: 8,
          fromWeek: 1),
        MentorLoad(
          person: "R202", maxMentees: 1, mentees: ["R204"], hoursPerWeek: 2, hoursLeft: 4,
          fromWeek: 1),
      ],
      change: MentorChange(mentor: "R201", extraSlot: true, hoursPerWeek: nil))
    let reason = UnmetReason(candidate: "R209", menteeHours: 16, limit: .mentors(shortage))
    #expect(
      reason.plainSentence()
        == "R209 needs 16 h of 'tax'; the 2 mentors at level 3: R201 takes 1 mentee and teaches "
        + "R207; R202 takes 1 mentee and teaches R204: one more mentee slot for R201 would do")
    #expect(
      reason.plainSentence { _ in "fewer than 3" }
        == "R209 needs 16 h of 'tax'; fewer than 3 mentors at level 3, none with a mentee slot "
        + "or the hours left: one more mentee slot for one of them would do")
  }
}
