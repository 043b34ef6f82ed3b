/// A small, fast, seedable random number generator (Steele, Lea & Flood's SplitMix64).
///
/// The standard library's `SystemRandomNumberGenerator` cannot be seeded, and Foundation's
/// generators differ between platforms; a generated organization must be the same everywhere for
/// a given seed, so the generator is spelled out here.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  private var state: UInt64

  /// Creates a generator whose whole output is determined by `seed`.
  public init(seed: UInt64) { state = seed }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform integer in `0..<bound`; `bound` must be positive.
  ///
  /// Written out (Lemire's multiply-shift without the rejection step) rather than taken from
  /// `Int.random(in:using:)`, whose algorithm the standard library does not promise to keep.
  mutating func below(_ bound: Int) -> Int {
    precondition(bound > 0)
    return Int(next().multipliedFullWidth(by: UInt64(bound)).high)
  }

  /// A uniform number in `[0, 1)`.
  mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

  /// True with probability `p`.
  mutating func chance(_ p: Double) -> Bool { unit() < p }

  /// One element of a non-empty array.
  mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}
