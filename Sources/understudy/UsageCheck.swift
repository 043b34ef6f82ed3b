import ArgumentParser

/// The checks of numeric options, worded the same way by every command.
///
/// Numeric options parse `.unconditional`ly, so that `--weeks -3` reaches these checks instead
/// of being read as a flag (which the argument parser reports as a missing value).
enum UsageCheck {
  /// Fails unless `value` is more than 0.
  static func positive<Number: Comparable & Numeric>(_ value: Number, _ flag: String) throws {
    guard value > 0 else { throw ValidationError("\(flag) must be positive, not \(value)") }
  }

  /// Fails unless `value` is 0 or more.
  static func notNegative<Number: Comparable & Numeric>(_ value: Number, _ flag: String) throws {
    guard value >= 0 else { throw ValidationError("\(flag) must be positive or 0, not \(value)") }
  }

  /// Fails unless `value` is positive and in `range`, naming the range.
  static func positive(_ value: Int, _ flag: String, atMost maximum: Int) throws {
    try positive(value, flag)
    guard value <= maximum else {
      throw ValidationError("\(flag) must be at most \(maximum), not \(value)")
    }
  }
}
