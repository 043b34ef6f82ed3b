internal import OrgGenerator

/// A seeded random number generator for generated test instances: the same seed gives the same
/// instances on every platform and every run.
///
/// The bits come from the product's ``SplitMix64`` (the generator behind synthetic
/// organizations), so the algorithm is written once. The helpers below are the tests' own: they
/// reduce with a modulo, as the test generators did before they moved here, so every seed still
/// yields the instances the property tests were checked on.
public struct SeededRandom: RandomNumberGenerator, Sendable {
  private var base: SplitMix64

  /// Creates a generator whose whole output is determined by `seed`.
  public init(seed: UInt64) { base = SplitMix64(seed: seed) }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 { base.next() }

  /// An integer in `0..<bound` (`next() % bound`, slightly biased; fine for test instances).
  public mutating func below(_ bound: Int) -> Int {
    precondition(bound > 0, "bound must be positive")
    return Int(next() % UInt64(bound))
  }

  /// True with probability `percent` in 100.
  public mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
}
