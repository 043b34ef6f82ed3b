import SkillsGraph

/// Who is away in each uncovered run, and who leaves within the horizon, in JSON.
enum LeaverJSON {
  /// Each run with the people away and why; in workshop mode, where the names are hidden,
  /// `away` is the string "fewer than K people" and `reasons` still lists why, each once.
  static func runs(
    _ runs: [UncoveredRun], of role: RoleID, _ disclosure: DepthDisclosure
  )
    -> JSONValue
  {
    .array(
      runs.map { run in
        let away: JSONValue =
          AwayText.people(run, of: role, disclosure: disclosure).map { people in
            .array(
              people.map {
                .object([
                  ("person", .string($0.person.rawValue)),
                  ("reasons", .array($0.reasons.map(reason))),
                ])
              })
          } ?? .string(disclosure.hiddenGroup)
        return .object([
          ("from", .string(run.days.from.description)),
          ("to", .string(run.days.to.description)),
          ("away", away),
          ("reasons", .array(AwayText.distinctReasons(of: run).map(reason))),
        ])
      })
  }

  /// A reason as `{"kind": …}` with the day it refers to, if any: `absence` (with `type`, the
  /// input's kind of absence, or null), `left` (with `lastDay`), `inTraining` (with `from`).
  static func reason(_ reason: AwayReason) -> JSONValue {
    switch reason {
    case .absence(let kind):
      .object([("kind", .string("absence")), ("type", kind.map { .string($0) } ?? .null)])
    case .left(let lastDay):
      .object([("kind", .string("left")), ("lastDay", .string(lastDay.description))])
    case .inTraining(let from):
      .object([("kind", .string("inTraining")), ("from", .string(from.description))])
    }
  }

  /// The leavers, each with their roles' depth before → after from `fromWeek`; with `backups`
  /// (a plan report), each role lists the backups the plan trains for it.
  static func leavers(
    _ departures: [Departure], _ horizon: Horizon, _ disclosure: DepthDisclosure,
    backups: [RoleID: [NewBackup]]? = nil
  ) -> JSONValue {
    .array(
      departures.map { departure in
        .object([
          ("person", .string(departure.person.rawValue)),
          ("lastDay", .string(departure.lastDay.description)),
          ("fromWeek", .number(Double(departure.fromWeek))),
          ("fromDate", .string(horizon.firstDay(ofWeek: departure.fromWeek).description)),
          ("withinHorizon", .bool(departure.fromWeek <= horizon.weeks)),
          (
            "roles",
            .array(
              departure.roles.map { loss in
                var fields: [(String, JSONValue)] = [
                  ("role", .string(loss.role.rawValue)),
                  ("depthBefore", GapReportJSON.depth(loss.depthBefore, of: loss.role, disclosure)),
                  ("depthAfter", GapReportJSON.depth(loss.depthAfter, of: loss.role, disclosure)),
                ]
                if let backups {
                  fields.append(
                    (
                      "backups",
                      .array(
                        (backups[loss.role] ?? []).map {
                          .object([
                            ("person", .string($0.person.rawValue)),
                            ("readyWeek", .number(Double($0.readyWeek))),
                          ])
                        })
                    ))
                }
                return .object(fields)
              })
          ),
        ])
      })
  }
}
