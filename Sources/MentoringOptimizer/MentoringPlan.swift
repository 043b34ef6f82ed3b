import SkillsGraph

/// A proposed mentoring plan with its score, its certificate and its explanations.
public struct MentoringPlan: Hashable, Sendable {
  /// The pairs, ordered by mentee id, then start week, then skill id.
  public var pairs: [PlannedPair]
  /// Coverage today.
  public var before: CoverageAnalysis
  /// Coverage in the horizon's last week: every pair has finished, and people who leave within
  /// the horizon no longer count.
  public var after: CoverageAnalysis
  /// `CW = Σ_w Σ_r w(r) · min(d_w(r), T(r))`, the objective (docs/model.md, "The objective").
  public var coverageWeeks: Double
  /// A certified upper bound on `CW` over every feasible plan: no plan can do better.
  public var coverageWeeksBound: Double
  /// `Σ_r w(r) · min(d_w(r), T(r))` for each week `w = 1…H`: the curve of coverage.
  public var coverageByWeek: [Double]
  /// The same curve without any plan: leavers still leave.
  public var coverageByWeekBefore: [Double]
  /// `CW` without any plan: what the organization earns if nobody is trained.
  public var coverageWeeksBefore: Double { coverageByWeekBefore.reduce(0, +) }
  /// Roles still below target after the plan, each with the reason, in role id order.
  public var unmet: [UnmetRole]
  public var horizonWeeks: Int
  /// Whether people trained in the plan were allowed to mentor (teaching cascades).
  public var cascades: Bool
  public var stats: PlanStats
  /// Problems with an earlier plan given as input; any error means the plan was not made.
  public var inputIssues: [PlanInputIssue] = []
  /// What became of an earlier plan given as input; `nil` without one.
  public var changes: PlanChanges?

  public init(
    pairs: [PlannedPair], before: CoverageAnalysis, after: CoverageAnalysis,
    coverageWeeks: Double, coverageWeeksBound: Double, coverageByWeek: [Double],
    coverageByWeekBefore: [Double], unmet: [UnmetRole], horizonWeeks: Int, cascades: Bool,
    stats: PlanStats
  ) {
    self.pairs = pairs
    self.before = before
    self.after = after
    self.coverageWeeks = coverageWeeks
    self.coverageWeeksBound = coverageWeeksBound
    self.coverageByWeek = coverageByWeek
    self.coverageByWeekBefore = coverageByWeekBefore
    self.unmet = unmet
    self.horizonWeeks = horizonWeeks
    self.cascades = cascades
    self.stats = stats
  }

  /// `C`, the coverage score today.
  public var coverageBefore: Double { before.coverageScore }
  /// `C'`, the coverage score after the plan.
  public var coverageAfter: Double { after.coverageScore }
  /// `C* = Σ w · T`, the most any organization could score.
  public var coverageCeiling: Double { before.coverageCeiling }
  /// `100 · (bound − CW) / bound`: how far, at most, this plan is from the best one.
  public var gapPercent: Double {
    coverageWeeksBound > 0
      ? max(0, 100 * (coverageWeeksBound - coverageWeeks) / coverageWeeksBound) : 0
  }

  /// `CW / (H · C*)` in percent: the coverage over the horizon; `nil` with nothing to cover.
  public var horizonPercent: Double? {
    let most = Double(horizonWeeks) * coverageCeiling
    return most > 0 ? 100 * coverageWeeks / most : nil
  }

  /// Total mentee hours of the plan, the first tie-break after coverage.
  public var totalMenteeHours: Double { pairs.reduce(0) { $0 + $1.menteeHours } }
}

/// One mentor teaching one mentee one skill, scheduled within the horizon.
public struct PlannedPair: Hashable, Sendable {
  public var mentor: PersonID
  public var mentee: PersonID
  public var skill: SkillID
  /// The mentee's level today.
  public var fromLevel: Int
  /// The level the pair reaches: the highest any role of the mentee's training needs.
  public var toLevel: Int
  /// `(to − from) · hoursPerLevel`, × 0.75 when the mentee holds a related skill at 2 or more.
  public var menteeHours: Double
  /// A quarter of the mentee hours.
  public var mentorHours: Double
  /// First and last week (1-based, inclusive) in which the mentee works on this pair.
  public var startWeek: Int
  public var endWeek: Int
  /// Mentee hours in each week from `startWeek` through `endWeek`; the mentor's are a quarter.
  public var hoursByWeek: [Double]
  /// When the mentor was trained to teach this in the same plan: that training.
  public var mentorTraining: PairReference?
  /// The roles this pair helps the mentee qualify for (the pair is needed for each), id order.
  public var roles: [RoleImpact]
  /// `proposed` for a pair this run chose; `agreed` or `active` for one an earlier plan keeps.
  public var status: PairStatus = .proposed
  /// For an active pair: mentee hours spent before this plan's start (`menteeHours` are the ones
  /// left).
  public var hoursDone: Double = 0
  /// Mentor and mentee work in different departments.
  public var crossDepartment: Bool
  /// The mentee listed this skill among their interests.
  public var matchesInterest: Bool

  public init(
    mentor: PersonID, mentee: PersonID, skill: SkillID, fromLevel: Int, toLevel: Int,
    menteeHours: Double, mentorHours: Double, startWeek: Int, endWeek: Int,
    hoursByWeek: [Double], roles: [RoleImpact], crossDepartment: Bool,
    matchesInterest: Bool, mentorTraining: PairReference? = nil
  ) {
    self.mentorTraining = mentorTraining
    self.mentor = mentor
    self.mentee = mentee
    self.skill = skill
    self.fromLevel = fromLevel
    self.toLevel = toLevel
    self.menteeHours = menteeHours
    self.mentorHours = mentorHours
    self.startWeek = startWeek
    self.endWeek = endWeek
    self.hoursByWeek = hoursByWeek
    self.roles = roles
    self.crossDepartment = crossDepartment
    self.matchesInterest = matchesInterest
  }

  /// The weeks with hours and the mentee hours in each (the mentor's are a quarter).
  public var schedule: [(week: Int, menteeHours: Double)] {
    hoursByWeek.enumerated().compactMap { offset, hours in
      hours > 0 ? (startWeek + offset, hours) : nil
    }
  }
}

/// A pair named by its people and skill, to point at another pair of the same plan.
public struct PairReference: Hashable, Sendable {
  public var mentor: PersonID
  public var mentee: PersonID
  public var skill: SkillID
  public var endWeek: Int

  public init(mentor: PersonID, mentee: PersonID, skill: SkillID, endWeek: Int) {
    self.mentor = mentor
    self.mentee = mentee
    self.skill = skill
    self.endWeek = endWeek
  }
}

/// A role a pair helps with: how deep the role is before and after the whole plan, and the week
/// from which the mentee counts in it.
public struct RoleImpact: Hashable, Sendable {
  public var role: RoleID
  public var depthBefore: Int
  public var depthAfter: Int
  /// The week the mentee's last pair for this role ends: they count for it from then on.
  public var readyWeek: Int

  public init(role: RoleID, depthBefore: Int, depthAfter: Int, readyWeek: Int = 0) {
    self.role = role
    self.depthBefore = depthBefore
    self.depthAfter = depthAfter
    self.readyWeek = readyWeek
  }
}

/// A role the plan leaves below its target, and why.
public struct UnmetRole: Hashable, Sendable {
  public var role: RoleID
  /// `T − d'`: qualified people still missing after the plan.
  public var gap: Int
  public var reason: UnmetReason

  public init(role: RoleID, gap: Int, reason: UnmetReason) {
    self.role = role
    self.gap = gap
    self.reason = reason
  }
}

/// How the search went.
public struct PlanStats: Hashable, Sendable {
  /// Candidate bundles: (mentee, role) pairs that could work at all.
  public var candidateBundles: Int
  /// Bundle evaluations in the greedy and the improvement moves tried.
  public var iterations: Int
  /// Improving moves the local search accepted.
  public var improvements: Int
  /// The greedy's coverage-weeks before local search.
  public var greedyScore: Double
  /// True when the search was cut by the time limit (the plan is then not guaranteed to be
  /// the same on another run).
  public var stoppedOnTimeLimit: Bool
  public var elapsed: Duration

  public init(
    candidateBundles: Int, iterations: Int, improvements: Int, greedyScore: Double,
    stoppedOnTimeLimit: Bool, elapsed: Duration
  ) {
    self.candidateBundles = candidateBundles
    self.iterations = iterations
    self.improvements = improvements
    self.greedyScore = greedyScore
    self.stoppedOnTimeLimit = stoppedOnTimeLimit
    self.elapsed = elapsed
  }
}
