/// Where a planning run is, for a caller that shows progress (``planMentoring(_:options:progress:)``).
public struct PlanProgress: Hashable, Sendable {
  /// The stages of a run, in order.
  public enum Phase: Hashable, Sendable {
    /// The greedy constructions.
    case constructing
    /// Local search on the best construction.
    case improving
    /// The Lagrangian bound that certifies the plan.
    case bounding
  }

  public var phase: Phase
  /// The coverage score `C'` of the best plan found so far.
  public var bestScore: Double
  /// The best certified upper bound on `C'` so far; `nil` until the bounding phase has one.
  public var upperBound: Double?
  /// Time since the run started.
  public var elapsed: Duration

  public init(phase: Phase, bestScore: Double, upperBound: Double?, elapsed: Duration) {
    self.phase = phase
    self.bestScore = bestScore
    self.upperBound = upperBound
    self.elapsed = elapsed
  }
}

/// Calls the caller's progress closure: at the start, every ``interval`` at most, and at the end.
///
/// It only reads the search's figures, so a run gives the same plan with or without it.
final class ProgressReporter {
  static let interval = Duration.milliseconds(100)
  private let callback: @Sendable (PlanProgress) -> Void
  private let start: ContinuousClock.Instant
  private var last: ContinuousClock.Instant?
  private var best = -Double.infinity
  private var ticks = 0

  init(_ callback: @escaping @Sendable (PlanProgress) -> Void, start: ContinuousClock.Instant) {
    self.callback = callback
    self.start = start
  }

  /// Reports when the interval has passed since the last report (the clock is read every 16th
  /// tick, so hot loops may call this freely), or always with `force`.
  func tick(
    _ phase: PlanProgress.Phase, score: Double, upperBound: Double? = nil, force: Bool = false
  ) {
    best = max(best, score)
    ticks &+= 1
    if !force, last != nil, ticks & 15 != 0 { return }
    let now = ContinuousClock.now
    if !force, let last, now - last < Self.interval { return }
    last = now
    callback(
      PlanProgress(phase: phase, bestScore: best, upperBound: upperBound, elapsed: now - start))
  }
}
