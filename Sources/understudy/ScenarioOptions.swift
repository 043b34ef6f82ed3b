import ArgumentParser
import Foundation
import SkillsGraph

/// The horizon and what-if options shared by `analyze` and `plan`.
struct ScenarioOptions: ParsableArguments {
  @Option(
    help:
      "First day of the horizon (YYYY-MM-DD); default: the policy's start, else asOf, else today.")
  var start: Day?

  @Option(help: "Length of the horizon in weeks; default: the policy's, else 12.")
  var weeks: Int?

  @Option(
    name: .customLong("absence-rate"), help: "Daily probability that a person is away unplanned.")
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
    if let weeks, !(1...520).contains(weeks) {
      throw ValidationError("--weeks must be between 1 and 520")
    }
    guard (0...1).contains(absenceRate) else {
      throw ValidationError("--absence-rate must be a probability between 0 and 1")
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

  /// Fails as a usage error when the what-if names people the input does not have.
  func checkPeople(in organization: Organization) throws {
    let unknown = scenario.unknownPeople(in: organization)
    guard !unknown.isEmpty else { return }
    let list = unknown.map { "'\($0)'" }.joined(separator: ", ")
    Console.error("understudy: error: --absent or --exclude-person names unknown people: \(list)")
    throw ExitCode(ExitStatus.usage)
  }
}

/// `--absent ID` or `--absent ID:FROM..TO`.
struct AbsentPerson: ExpressibleByArgument {
  var person: PersonID
  var period: DayRange?

  init?(argument: String) {
    if let colon = argument.lastIndex(of: ":"),
      let range = argument[argument.index(after: colon)...].range(of: "..")
    {
      let text = argument[argument.index(after: colon)...]
      guard let from = Day(iso: String(text[..<range.lowerBound])),
        let to = Day(iso: String(text[range.upperBound...])), from <= to
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
