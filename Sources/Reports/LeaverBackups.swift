import MentoringOptimizer
import SkillsGraph

/// A backup the plan trains for a role, and the week from which they count for it.
public struct NewBackup: Hashable, Sendable {
  public var person: PersonID
  /// The week the last pair the person needs for the role ends (the pair's ready week).
  public var readyWeek: Int

  public init(person: PersonID, readyWeek: Int) {
    self.person = person
    self.readyWeek = readyWeek
  }
}

extension PlanReportContent {
  /// For each role, the people the plan qualifies for it, by ready week and then id: the
  /// backups that replace someone leaving, for the leavers section.
  ///
  /// - Complexity: O(pairs × roles per pair), then a sort per role.
  public var newBackups: [RoleID: [NewBackup]] {
    PlanTimeline.readyWeeks(of: plan).mapValues { mentees in
      mentees.map { NewBackup(person: $0.key, readyWeek: $0.value) }.sorted {
        $0.readyWeek != $1.readyWeek ? $0.readyWeek < $1.readyWeek : $0.person < $1.person
      }
    }
  }
}
