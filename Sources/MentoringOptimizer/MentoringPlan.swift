import SkillsGraph

/// A proposed mentoring plan with its score, its certificate and its explanations.
public struct MentoringPlan: Hashable, Sendable {
  /// The pairs, ordered by mentee id, then start week, then skill id.
  public var pairs: [PlannedPair]
  /// Coverage today.
  public var before: CoverageAnalysis
  /// Coverage once every pair has finished.
  public var after: CoverageAnalysis
  /// A certified upper bound on `C'` over every feasible plan: no plan can do better.
  public var upperBound: Double
  /// Roles still below target after the plan, each with the reason, in role id order.
  public var unmet: [UnmetRole]
  public var horizonWeeks: Int
  public var stats: PlanStats

  public init(
    pairs: [PlannedPair], before: CoverageAnalysis, after: CoverageAnalysis, upperBound: Double,
    unmet: [UnmetRole], horizonWeeks: Int, stats: PlanStats
  ) {
    self.pairs = pairs
    self.before = before
    self.after = after
    self.upperBound = upperBound
    self.unmet = unmet
    self.horizonWeeks = horizonWeeks
    self.stats = stats
  }

  /// `C`, the coverage score today.
  public var coverageBefore: Double { before.coverageScore }
  /// `C'`, the coverage score after the plan.
  public var coverageAfter: Double { after.coverageScore }
  /// `C* = Σ w · T`, the most any organization could score.
  public var coverageCeiling: Double { before.coverageCeiling }
  /// `100 · (upperBound − C') / upperBound`: how far, at most, this plan is from the best one.
  public var gapPercent: Double {
    upperBound > 0 ? max(0, 100 * (upperBound - coverageAfter) / upperBound) : 0
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
  /// Check-ins every two weeks from the start: `startWeek, startWeek + 2, …` up to `endWeek`.
  public var checkInWeeks: [Int]
  /// The roles this pair helps the mentee qualify for (the pair is needed for each), id order.
  public var roles: [RoleImpact]
  /// Mentor and mentee work in different departments.
  public var crossDepartment: Bool
  /// The mentee listed this skill among their interests.
  public var matchesInterest: Bool

  public init(
    mentor: PersonID, mentee: PersonID, skill: SkillID, fromLevel: Int, toLevel: Int,
    menteeHours: Double, mentorHours: Double, startWeek: Int, endWeek: Int,
    hoursByWeek: [Double], checkInWeeks: [Int], roles: [RoleImpact], crossDepartment: Bool,
    matchesInterest: Bool
  ) {
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
    self.checkInWeeks = checkInWeeks
    self.roles = roles
    self.crossDepartment = crossDepartment
    self.matchesInterest = matchesInterest
  }
}

/// A role a pair helps with, and how deep the role is before and after the whole plan.
public struct RoleImpact: Hashable, Sendable {
  public var role: RoleID
  public var depthBefore: Int
  public var depthAfter: Int

  public init(role: RoleID, depthBefore: Int, depthAfter: Int) {
    self.role = role
    self.depthBefore = depthBefore
    self.depthAfter = depthAfter
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

/// Why a role stays below target, checked in this order for the people who could still learn it.
public enum UnmetReason: Hashable, Sendable, CustomStringConvertible {
  /// Nobody who is willing to learn has any learning time.
  case noLearnerWithTime
  /// Every willing learner would need more hours than the horizon gives them.
  case cannotQualifyWithinHorizon
  /// The learners who could fit it lack a skill that nobody eligible can teach at this level
  /// (the skill blocking the most of them is named).
  case noEligibleMentor(skill: SkillID, level: Int)
  /// Someone holds the skill at this level, but no such mentor has the hours (or weeks at work
  /// in common with the learner) for the pair, even with nothing else to do.
  case mentorsLackTime(skill: SkillID, level: Int)
  /// The learners who could do it have already spent their learning hours on other pairs.
  case learnersBusy
  /// Eligible mentors exist, but their hours or mentee slots are taken by more valuable pairs.
  case mentorCapacityUsedUp
  /// A further pair would still fit: the search stopped on its time limit before adding it.
  case searchStopped

  public var description: String {
    switch self {
    case .noLearnerWithTime: "no willing learner has learning time"
    case .cannotQualifyWithinHorizon: "nobody could qualify within the horizon"
    case .noEligibleMentor(let skill, let level):
      "no eligible mentor holds '\(skill)' at level \(level) or above"
    case .mentorsLackTime(let skill, let level):
      "the mentors who hold '\(skill)' at level \(level) or above have too few hours for it"
    case .learnersBusy: "the learners who could qualify have no learning time left"
    case .mentorCapacityUsedUp: "the eligible mentors' hours or mentee slots are used up"
    case .searchStopped: "the search stopped on its time limit before reaching this role"
    }
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
  /// The greedy's coverage score before local search.
  public var greedyScore: Double
  /// True when the search was cut by the time limit (the plan is then not guaranteed to be
  /// the same on another run).
  public var stoppedOnTimeLimit: Bool
  /// Pairs scheduled at an even pace over the whole horizon instead of one after another,
  /// because a mentor's weekly hours would otherwise run past the horizon.
  public var evenlyPacedPairs: Int
  public var elapsed: Duration

  public init(
    candidateBundles: Int, iterations: Int, improvements: Int, greedyScore: Double,
    stoppedOnTimeLimit: Bool, evenlyPacedPairs: Int, elapsed: Duration
  ) {
    self.candidateBundles = candidateBundles
    self.iterations = iterations
    self.improvements = improvements
    self.greedyScore = greedyScore
    self.stoppedOnTimeLimit = stoppedOnTimeLimit
    self.evenlyPacedPairs = evenlyPacedPairs
    self.elapsed = elapsed
  }
}
