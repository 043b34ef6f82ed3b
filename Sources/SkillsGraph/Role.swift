/// A piece of work that must keep running, and who can do it.
public struct Role: Hashable, Sendable {
  public var id: RoleID
  public var name: String
  /// Every skill the role needs, each at a minimum level.
  public var requirements: [Requirement]
  /// The people who do the work today.
  public var incumbents: [PersonID]
  public var criticality: Criticality
  /// Trained people wanted beyond the incumbents.
  public var backups: Int
  /// Qualified people who must be at work at once for the role to run.
  public var minPresent: Int
  /// True when the role was derived from positions in an export rather than written by a
  /// manager; reports mark such roles so nobody mistakes them for a reviewed list.
  public var isDerived: Bool

  /// Creates a role; `backups` defaults to the criticality's own default (2 for critical, else 1).
  public init(
    id: RoleID, name: String? = nil, requirements: [Requirement], incumbents: [PersonID] = [],
    criticality: Criticality = .normal, backups: Int? = nil, minPresent: Int = 1,
    isDerived: Bool = false
  ) {
    self.id = id
    self.name = name ?? id.rawValue
    self.requirements = requirements
    self.incumbents = incumbents
    self.criticality = criticality
    self.backups = backups ?? criticality.defaultBackups
    self.minPresent = minPresent
    self.isDerived = isDerived
  }

  /// The criticality weight `w(r)`.
  public var weight: Double { criticality.weight }

  /// The target depth `T(r) = |incumbents| + backups`.
  public var target: Int { incumbents.count + backups }
}

/// One skill a role needs, at a minimum level.
public struct Requirement: Hashable, Sendable {
  public var skill: SkillID
  public var level: Int

  public init(skill: SkillID, level: Int) {
    self.skill = skill
    self.level = level
  }
}

/// How much it hurts when a role stops: a named tier or an explicit weight.
public enum Criticality: Hashable, Sendable, CustomStringConvertible {
  case critical
  case high
  case normal
  /// An explicit positive weight.
  case weight(Double)

  /// The largest explicit weight: far above any real ratio between roles, and small enough that
  /// summing the weights of millions of roles stays finite.
  public static let maximumWeight = 1_000_000.0

  /// Parses `critical`, `high`, `normal` or a positive number up to `maximumWeight`; anything
  /// else is `nil`.
  public init?(parsing text: String) {
    switch text {
    case "critical": self = .critical
    case "high": self = .high
    case "normal": self = .normal
    default:
      guard let value = Double(text), value > 0, value <= Criticality.maximumWeight else {
        return nil
      }
      self = .weight(value)
    }
  }

  /// The weight in the coverage score: 3, 2, 1 or the explicit number.
  public var weight: Double {
    switch self {
    case .critical: 3
    case .high: 2
    case .normal: 1
    case .weight(let value): value
    }
  }

  /// Critical roles want two backups by default, every other role one.
  public var defaultBackups: Int { self == .critical ? 2 : 1 }

  public var description: String {
    switch self {
    case .critical: "critical"
    case .high: "high"
    case .normal: "normal"
    case .weight(let value): formatNumber(value)
    }
  }
}

/// Formats a number the way reports print it: integers without a fraction, others as Swift does.
package func formatNumber(_ value: Double) -> String {
  if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
  return String(value)
}
