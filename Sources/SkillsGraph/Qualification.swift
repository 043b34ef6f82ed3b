/// The model's rule for who is qualified for a role, in one place for every caller: the analysis,
/// the skill index and the optimizer's dense search all ask it (docs/model.md, "Who is
/// qualified").
///
/// A person is qualified when they hold every required skill at the required level or above. A
/// requirement at level 0 or below is met by everyone, and a role with no requirement qualifies
/// everyone (the import warns about such roles).
///
/// `Skill` is whatever names a skill where the caller stands: a ``SkillID`` at the edges, a dense
/// index inside the optimizer. `level` is the level the person holds (0 when they do not hold the
/// skill) after whatever raises the caller is considering.
///
/// - Complexity: O(r) calls of `level` for r requirements; stops at the first unmet one.
@inlinable
package func meetsEveryRequirement<Requirements: Sequence, Skill>(
  _ requirements: Requirements, level: (Skill) -> Int
) -> Bool where Requirements.Element == (skill: Skill, level: Int) {
  for requirement in requirements where level(requirement.skill) < requirement.level {
    return false
  }
  return true
}

extension Role {
  /// Whether someone holding `levels` is qualified for the role (see ``meetsEveryRequirement``).
  public func isQualified(_ levels: [SkillID: Int]) -> Bool {
    meetsEveryRequirement(requirements.lazy.map { (skill: $0.skill, level: $0.level) }) {
      levels[$0] ?? 0
    }
  }

  /// Whether losing the role's only qualified person makes them a single point of failure, and
  /// whether the role gets a succession bench: roles of weight 2 or more, the model's key roles.
  public var isKey: Bool { weight >= 2 }
}
