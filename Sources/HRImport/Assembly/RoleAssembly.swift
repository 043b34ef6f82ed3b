internal import OrderedCollections
import SkillsGraph

/// Makes the roles from the merged records, in order, with the errors their references give
/// (two halves at once from 4,096 roles up, `InHalves`).
enum RoleAssembly {
  /// The roles, in the order of `roles`.
  ///
  /// `requirementLists[i]` holds role `i`'s requirement records, taken out of the table, and
  /// is emptied as the role is made (174,643 of them for 50,000 roles). Tests move
  /// `splitFrom`, the count from which the halves are made at once.
  /// - Returns: the roles and the errors, in order.
  static func make(
    _ roles: OrderedDictionary<String, RoleRecord>, records: MergedRecords,
    requirementLists: inout [InHalves.Levels], scale: Int, splitFrom: Int = 4096
  ) -> (roles: [Role], diagnostics: [Diagnostic]) {
    let made = InHalves.make(&requirementLists, splitFrom: splitFrom) { range, lists, made in
      var diagnostics: [Diagnostic] = []
      for index in range {
        var held: InHalves.Levels = []
        swap(&held, &lists[index])
        let role = role(
          at: index, of: roles, requirements: held, records: records, scale: scale,
          diagnostics: &diagnostics)
        made.initializeElement(at: index, to: role)
      }
      return diagnostics
    }
    return (made.values, made.diagnostics)
  }

  /// The role at `index` of `roles`, with the requirements `held`.
  private static func role(
    at index: Int, of roles: OrderedDictionary<String, RoleRecord>,
    requirements held: InHalves.Levels,
    records: MergedRecords, scale: Int, diagnostics: inout [Diagnostic]
  ) -> Role {
    var requirements: [Requirement] = []
    requirements.reserveCapacity(held.count)
    // Each entry is read in place instead of being copied with its two locations.
    held.forEachSkillLevel { place, reference, level in
      guard
        let skill = records.skills.index(forKey: reference) != nil
          ? reference : records.check(held[place].skill, kind: "skill", diagnostics: &diagnostics)
      else { return }
      if level > scale {
        MergedRecords.checkScale(held[place].level, scale: scale, diagnostics: &diagnostics)
      }
      requirements.append(Requirement(skill: SkillID(skill), level: level))
    }
    let record = roles.values[index]
    let incumbents = record.incumbents.compactMap {
      records.check($0, kind: "person", diagnostics: &diagnostics)
    }
    return Role(
      id: RoleID(roles.keys[index]), name: record.name, requirements: requirements,
      incumbents: incumbents.map { PersonID($0) },
      criticality: record.criticality ?? .normal, backups: record.backups,
      minPresent: record.minPresent ?? 1, isDerived: record.isDerived ?? false)
  }
}
