import ArgumentParser
import Foundation
import HRImport
import SkillsGraph

/// The horizon and what-if options shared by `analyze` and `plan`.
struct ScenarioOptions: ParsableArguments {
  @Option(
    help:
      "First day of the horizon (YYYY-MM-DD); default: the policy's start, else asOf, else today.")
  var start: Day?

  @Option(
    parsing: .unconditional, help: "Length of the horizon in weeks; default: the policy's, else 12."
  )
  var weeks: Int?

  @Option(
    name: .customLong("absence-rate"), parsing: .unconditional,
    help: "Daily probability that a person is away unplanned.")
  var absenceRate: Double = 0.03

  @Option(
    name: .customLong("absent"),
    help: ArgumentHelp(
      "Imagine someone away (repeatable): ID for the whole horizon, or ID:FROM..TO.",
      valueName: "id[:from..to]"))
  var absent: [AbsentPerson] = []

  @Option(
    name: .customLong("exclude-person"),
    help: ArgumentHelp(
      "Treat this person as gone (repeatable), e.g. someone who resigned.", valueName: "id"))
  var excluded: [String] = []

  func validate() throws {
    if let weeks { try UsageCheck.positive(weeks, "--weeks", atMost: 520) }
    guard absenceRate >= 0 else {
      throw ValidationError(
        "--absence-rate must be positive or 0 (a daily probability from 0 to 1), not "
          + "\(absenceRate)")
    }
    guard absenceRate <= 1 else {
      throw ValidationError(
        "--absence-rate must be a daily probability from 0 to 1, not \(absenceRate)")
    }
    for entry in absent {
      guard let period = entry.period, period.to < period.from else { continue }
      throw ValidationError(
        "--absent \(entry.text): the range ends (\(period.to)) before it starts (\(period.from))")
    }
  }

  var scenario: Scenario {
    Scenario(
      away: absent.map { Scenario.Away(person: $0.person, period: $0.period) },
      excluded: Set(excluded.map { PersonID($0) }))
  }

  func horizon(for organization: Organization) -> Horizon {
    Horizon(for: organization, start: start, weeks: weeks, today: Day.today)
  }

  /// Fails as a usage error when the what-if names people the input does not have, suggesting
  /// the closest ids unless `suggest` is false (workshop mode: ids are not to be shown).
  func checkPeople(in organization: Organization, suggest: Bool = true) throws {
    let named =
      absent.map { ("--absent", $0.person) } + excluded.map { ("--exclude-person", PersonID($0)) }
    // Without a what-if there is nothing to check (the tables below cost 6 ms at 40,000 people).
    guard !named.isEmpty else { return }
    let known = Set(organization.people.map(\.id))
    let ids = suggest ? organization.people.map(\.id.rawValue) : []
    var reported: Set<PersonID> = []
    for (flag, person) in named where !known.contains(person) {
      guard reported.insert(person).inserted else { continue }
      var line = "understudy: error: \(flag) names unknown person '\(person)'"
      let close = Suggestions.closest(to: person.rawValue, among: ids)
      if !close.isEmpty {
        line += " (did you mean " + close.map { "'\($0)'" }.joined(separator: " or ") + "?)"
      }
      Console.error(line)
    }
    if !reported.isEmpty { throw ExitCode(ExitStatus.usage) }
  }
}

/// `--absent ID` or `--absent ID:FROM..TO`; a reversed range is parsed, and refused by
/// `ScenarioOptions.validate()` with a message that says so.
struct AbsentPerson: ExpressibleByArgument {
  var person: PersonID
  var period: DayRange?
  /// The argument as given, for messages.
  var text: String

  init?(argument: String) {
    text = argument
    if let colon = argument.lastIndex(of: ":"),
      let range = argument[argument.index(after: colon)...].range(of: "..")
    {
      let text = argument[argument.index(after: colon)...]
      guard let from = Day(iso: String(text[..<range.lowerBound])),
        let to = Day(iso: String(text[range.upperBound...]))
      else { return nil }
      person = PersonID(String(argument[..<colon]))
      period = DayRange(from: from, to: to)
    } else {
      guard !argument.isEmpty else { return nil }
      person = PersonID(argument)
      period = nil
    }
  }
}

extension Day: ExpressibleByArgument {
  public init?(argument: String) { self.init(iso: argument) }
}
