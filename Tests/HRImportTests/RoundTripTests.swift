import Foundation
import HRImport
import OrgGenerator
import Reports
import SkillsGraph
import TestSupport
import Testing

/// Generated organizations, written in the native format and read back, are the organizations
/// they were, and give the same gap report byte for byte.
///
/// The generator makes people, skills, roles, interests and related skills; the calendar side
/// (absences, leavers, e-mails, a policy with holidays, explicit weights, fractional hours) is
/// added here from the same seed, so every part of the format goes through the round trip.
///
/// Reading normalizes two things, both documented in `OrganizationAssembler`, and the
/// comparison applies the same to the original: a person's absences are sorted by first and
/// last day, and the policy's holidays are sorted with duplicates removed. Nothing else changes.
@Suite("Round trips through the native format")
struct RoundTripTests {
  static let cases: [(people: Int, seed: UInt64, tight: Bool)] = [
    (1, 1, false), (7, 2, false), (40, 3, true), (150, 4, false), (150, 5, true),
    (600, 6, false),
  ]

  @Test("a generated organization reads back equal", arguments: cases)
  func readsBackEqual(people: Int, seed: UInt64, tight: Bool) throws {
    let original = Self.organization(people: people, seed: seed, tight: tight)
    let reread = try Self.roundTrip(original)
    #expect(reread.people.count == original.people.count)
    #expect(reread == Self.normalized(original))
  }

  @Test("the gap report of the read-back organization is the same bytes", arguments: cases)
  func sameReport(people: Int, seed: UInt64, tight: Bool) throws {
    let original = Self.organization(people: people, seed: seed, tight: tight)
    let reread = try Self.roundTrip(original)
    let before = Self.analysis(original)
    // The organization's absence factor is searched within a count of steps, not a time, so
    // even a search cut short gives the same figures on the read-back organization.
    let after = Self.analysis(reread)
    for format in [ReportFormat.json, .markdown] {
      #expect(
        render(before, as: format) == render(after, as: format),
        "\(format) report differs after the round trip")
    }
  }

  @Test("writing the read-back organization gives the same file")
  func writerIsStable() throws {
    let original = Self.organization(people: 150, seed: 9, tight: false)
    let second = NativeWriter.render(try Self.roundTrip(original))
    #expect(second == NativeWriter.render(Self.normalized(original)))
  }

  // MARK: - Helpers

  /// The report's horizon is the policy's (a fixed start), never today's date.
  static func analysis(_ organization: Organization) -> GapReportContent {
    let horizon = Horizon(for: organization, today: .fixture("2025-01-06"))
    return GapReportContent.analyse(organization, horizon: horizon)
  }

  /// Writes `organization` to a file and reads it back through `Importer.load`, as the CLI does.
  static func roundTrip(_ organization: Organization) throws -> Organization {
    let folder = try TemporaryFolder(prefix: "understudy-roundtrip")
    defer { try? FileManager.default.removeItem(at: folder.url) }
    let path = folder.file("organization.xml")
    try NativeWriter.render(organization).write(toFile: path, atomically: false, encoding: .utf8)
    return try Importer.load(paths: [path]).organization
  }

  /// What reading does to an organization: absences in date order, holidays sorted and unique.
  static func normalized(_ organization: Organization) -> Organization {
    var copy = organization
    for index in copy.people.indices {
      copy.people[index].absences.sort { ($0.from, $0.to) < ($1.from, $1.to) }
    }
    copy.policy.holidays = Array(Set(copy.policy.holidays)).sorted()
    return copy
  }

  /// A generated organization with the calendar added: absences (some unsorted, some with a
  /// kind that needs escaping), leavers before and inside the horizon, e-mails, fractional
  /// hours, explicit weights and `minPresent`, and a policy with holidays listed out of order
  /// and once twice.
  static func organization(people: Int, seed: UInt64, tight: Bool) -> Organization {
    var organization = OrganizationGenerator(
      people: people, seed: seed, scarcity: tight ? .tight : .typical
    ).generate()
    var random = SeededRandom(seed: seed &* 7919 &+ 17)
    let start = Day.fixture("2025-01-06")
    let kinds: [String?] = [nil, "vacation", "parental-leave", "training \"R&D\" <offsite>"]
    for index in organization.people.indices {
      var person = organization.people[index]
      if random.chance(85) {
        person.email = "\(person.id.rawValue.lowercased())@example.com"
      }
      for _ in 0..<random.below(4) {
        let from = start.adding(days: random.below(120) - 10)
        let absence = Absence(
          from: from, to: from.adding(days: random.below(15)), kind: kinds[random.below(4)])
        if !person.absences.contains(absence) { person.absences.append(absence) }
      }
      if random.chance(6) { person.leaves = start.adding(days: random.below(100) - 20) }
      if random.chance(10) { person.mentorHoursPerWeek = [0.5, 1.25, 2.75][random.below(3)] }
      if random.chance(10) { person.learningHoursPerWeek = 1.0 / 3.0 }
      if random.chance(3) { person.name = "Zoë \"Z\" <Ng> & co\tteam" }
      organization.people[index] = person
    }
    for index in organization.roles.indices {
      if random.chance(20) { organization.roles[index].criticality = .weight(1.5) }
      if random.chance(20) { organization.roles[index].minPresent = 2 }
    }
    organization.plan = plan(for: &organization, random: &random, start: start)
    organization.policy = Policy(
      horizonWeeks: 10, mentorMinLevel: 2, start: start,
      holidays: [
        .fixture("2025-04-18"), .fixture("2025-01-06"), .fixture("2025-04-21"),
        .fixture("2025-01-06"),
      ])
    return organization
  }

  /// A plan section with every status, hours done, fractional schedules and forbids.
  ///
  /// Consistent as the importer requires (one kept pair per mentee and skill, no forbid or
  /// dropped pair ruling out a kept one). Done pairs are given their level in the
  /// organization already, since reading applies them.
  static func plan(
    for organization: inout Organization, random: inout SeededRandom, start: Day
  ) -> RecordedPlan? {
    let people = organization.people
    let skills = organization.skills
    guard people.count >= 2, !skills.isEmpty, random.chance(80) else { return nil }
    var plan = RecordedPlan(start: start.adding(days: -28), weeks: 8 + random.below(45))
    var kept = Set<String>()
    var triples = Set<String>()
    let statuses: [PairStatus] = [.proposed, .agreed, .active, .done, .dropped]
    for _ in 0..<min(40, people.count) {
      let mentee = random.below(people.count)
      var mentor = random.below(people.count)
      if mentor == mentee { mentor = (mentor + 1) % people.count }
      let skill = skills[random.below(skills.count)].id
      let status = statuses[random.below(statuses.count)]
      let menteeID = people[mentee].id
      let mentorID = people[mentor].id
      let triple = "\(mentorID)|\(menteeID)|\(skill)"
      if status == .agreed || status == .active {
        guard kept.insert("\(menteeID)|\(skill)").inserted, !triples.contains(triple) else {
          continue
        }
      }
      triples.insert(triple)
      var pair = RecordedPair(
        mentor: mentorID, mentee: menteeID, skill: skill,
        toLevel: 1 + random.below(organization.scaleMax), status: status)
      if status == .active { pair.hoursDone = [0, 7.25, 1.0 / 3.0, 12][random.below(4)] }
      if status != .done, status != .dropped, random.chance(60) {
        pair.schedule = (1...(1 + random.below(9))).map {
          WeekHours(week: $0, hours: [4, 2.5, 1.0 / 3.0][random.below(3)])
        }
      }
      if status == .done {
        let level = organization.people[mentee].level(skill)
        organization.people[mentee].levels[skill] = max(level, pair.toLevel)
      }
      plan.pairs.append(pair)
    }
    // Dropped pairs must not match a kept one either: the importer would refuse the file.
    let keptPairs = plan.pairs.filter { $0.status == .agreed || $0.status == .active }
    plan.pairs.removeAll { pair in
      pair.status == .dropped
        && keptPairs.contains {
          $0.mentor == pair.mentor && $0.mentee == pair.mentee && $0.skill == pair.skill
        }
    }
    for _ in 0..<random.below(4) {
      var forbid = PairForbid()
      if random.chance(50) { forbid.mentor = people[random.below(people.count)].id }
      if random.chance(50) { forbid.mentee = people[random.below(people.count)].id }
      if forbid.mentor == nil, forbid.mentee == nil || random.chance(50) {
        forbid.skill = skills[random.below(skills.count)].id
      }
      let rulesOutKept = keptPairs.contains {
        forbid.matches(mentor: $0.mentor, mentee: $0.mentee, skill: $0.skill)
      }
      if !rulesOutKept { plan.forbids.append(forbid) }
    }
    return plan
  }
}
