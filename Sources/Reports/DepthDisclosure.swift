import MentoringOptimizer
import SkillsGraph

/// The one rule that decides, in every format, whether a role's depth may be shown.
///
/// A report states a role's depth in many places: today, after a plan, in each pair's impact,
/// after a leaver goes. Hiding only the figures below `K` gives the others away: "fewer than 3
/// → 3" next to one named mentee says the role had 2, and "3 → fewer than 3" next to one leaver
/// says it keeps 2. So the rule is per role: when any depth the report states for a role is
/// below the minimum group, every count of its people (depth, absence factor, the list of who
/// is qualified) reads "fewer than K" and every figure derived from them (gap, sick-day risk)
/// reads "–". A single point of failure is a role of depth 1, so when a depth of 1 would be
/// hidden, the single points of failure are neither named nor counted.
public struct DepthDisclosure: Sendable {
  public var privacy: Privacy
  /// Roles whose depth figures are all hidden.
  public var hiddenRoles: Set<RoleID>
  /// Requirements that are the only one of a role whose depth is hidden: the people holding
  /// them are exactly the role's qualified people, so their count is hidden too.
  public var hiddenRequirements: Set<Requirement> = []

  /// The rule over every depth a report states, as (role, depth) pairs.
  ///
  /// - Complexity: O(n) for n depths.
  public init(privacy: Privacy, depths: some Sequence<(RoleID, Int)>) {
    self.privacy = privacy
    var hidden: Set<RoleID> = []
    if privacy.minimumGroup != nil {
      for (role, depth) in depths where privacy.hides(depth) { hidden.insert(role) }
    }
    hiddenRoles = hidden
  }

  /// Shows every depth: outside workshop mode.
  public static let showingAll = DepthDisclosure(privacy: Privacy(), depths: [(RoleID, Int)]())

  /// Whether every depth figure of `role` is hidden.
  public func hides(_ role: RoleID) -> Bool { hiddenRoles.contains(role) }

  /// Whether single points of failure may be named or counted: not when a role of depth 1
  /// would have its depth hidden, since the list says exactly which roles those are.
  public var showsSinglePoints: Bool { !privacy.hides(1) }

  /// A count of `role`'s people (its depth, its absence factor): the number, or "fewer than
  /// K" when the role's depth is hidden or the count is itself below `K`.
  public func count(_ value: Int, of role: RoleID) -> String {
    hides(role) ? privacy.count(0) : privacy.count(value)
  }

  /// Whether a count of `role`'s people must be hidden (see ``count(_:of:)``).
  public func hidesCount(_ value: Int, of role: RoleID) -> Bool {
    hides(role) || privacy.hides(value)
  }

  /// The number of people holding `requirement`, or "fewer than K" when that number is small or
  /// is a hidden role's depth.
  public func holders(_ count: Int, of requirement: Requirement) -> String {
    hidesHolders(count, of: requirement) ? privacy.count(0) : privacy.count(count)
  }

  /// Whether the number of people holding `requirement` must be hidden (see `holders(_:of:)`).
  public func hidesHolders(_ count: Int, of requirement: Requirement) -> Bool {
    hiddenRequirements.contains(requirement) || privacy.hides(count)
  }

  /// The rule with `hiddenRequirements` filled in from `roles`.
  func hidingRequirements(of roles: [Role]) -> DepthDisclosure {
    var copy = self
    for role in roles where role.requirements.count == 1 && hides(role.id) {
      copy.hiddenRequirements.insert(role.requirements[0])
    }
    return copy
  }

  /// What a hidden group of people reads: "fewer than K people".
  public var hiddenGroup: String { "fewer than \(privacy.minimumGroup ?? 0) people" }

  /// `text`, a figure derived from `role`'s depth (its gap, its sick-day risk), or "–".
  public func derived(_ text: String, of role: RoleID) -> String { hides(role) ? "–" : text }

  /// The people of `role` as a list, or "fewer than K people" when the role's depth is hidden
  /// or the list is that short (an empty list stays empty, as in ``Privacy/list(_:separator:)``).
  public func list(_ items: [String], of role: RoleID, separator: String) -> String {
    if hides(role), !items.isEmpty { return hiddenGroup }
    return privacy.list(items, separator: separator)
  }

  /// The words for the number of a shortage's mentors when they may be neither counted nor
  /// named ("fewer than 3"), or `nil` when they may.
  ///
  /// The eligible mentors of a skill at the mentoring level are its holders at that level, a
  /// count like the scarcest skills' holders: withheld when fewer than `K`. They are also the
  /// qualified people of a hidden role whose only requirement is that skill at that level or
  /// below (anyone holding the mentoring level holds the requirement), so counting or listing
  /// them would state, or bound, the depth the rule hides.
  public func withheldMentors(_ shortage: MentorShortage) -> String? {
    guard privacy.minimumGroup != nil else { return nil }
    let hiddenRole = hiddenRequirements.contains {
      $0.skill == shortage.skill && $0.level <= shortage.level
    }
    return hiddenRole || privacy.hides(shortage.mentorCount) ? privacy.count(0) : nil
  }

  /// As ``list(_:of:separator:)``, for a summary line or a table cell: at most
  /// ``NameList/limit`` names, then how many more.
  func shortened(_ items: [String], of role: RoleID) -> String {
    if hides(role), !items.isEmpty { return hiddenGroup }
    return NameList.shortened(items, privacy: privacy)
  }
}

extension GapReportContent {
  /// The depth rule over every depth this report states: today's, the what-if's baseline, and
  /// each role's depth once a leaver has gone.
  public var depthDisclosure: DepthDisclosure {
    var depths = coverage.roles.map { ($0.role, $0.depth) }
    if let baseline { depths += baseline.coverage.roles.map { ($0.role, $0.depth) } }
    for departure in departures {
      depths += departure.roles.flatMap { [($0.role, $0.depthBefore), ($0.role, $0.depthAfter)] }
    }
    return DepthDisclosure(privacy: privacy, depths: depths)
      .hidingRequirements(of: organization.roles)
  }
}

extension PlanReportContent {
  /// The depth rule over every depth this report states: before and after the plan, each
  /// pair's impact, and each role's depth once a leaver has gone.
  public var depthDisclosure: DepthDisclosure {
    var depths = before.coverage.roles.map { ($0.role, $0.depth) }
    depths += plan.before.roles.map { ($0.role, $0.depth) }
    depths += plan.after.roles.map { ($0.role, $0.depth) }
    for pair in plan.pairs {
      depths += pair.roles.flatMap { [($0.role, $0.depthBefore), ($0.role, $0.depthAfter)] }
    }
    for departure in before.departures {
      depths += departure.roles.flatMap { [($0.role, $0.depthBefore), ($0.role, $0.depthAfter)] }
    }
    return DepthDisclosure(privacy: before.privacy, depths: depths)
      .hidingRequirements(of: organization.roles)
  }
}
