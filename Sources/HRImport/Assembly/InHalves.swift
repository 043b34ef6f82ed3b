import Foundation
import SkillsGraph

/// Makes a large list of values in two halves at once, each value from its own records, with
/// the errors of the first half before those of the second, as one pass would give them.
///
/// The import's people and roles are made this way once every file is merged: each depends on
/// its own record and read-only tables alone, and making 40,000 of either took tens of
/// milliseconds on the one thread every import waits for.
enum InHalves {
  /// A record's skill and level pairs (a person's levels, a role's requirements).
  typealias Levels = [(skill: Located<String>, level: Located<Int>)]

  /// The most pairs in all the lists for which the two halves are made at once.
  static let maximumEntriesToSplit = 1 << 21

  /// The values `make` puts at every index of `lists`, in order, and the errors it reports.
  ///
  /// `make` is called with a range of indices, the lists and the buffer to initialize at those
  /// indices, and empties the lists it reads so that their records are freed as it goes (a
  /// 10,000 × 500 skills matrix holds five million). From `splitFrom` values up, on a machine
  /// with more than one core, the two halves are made at once, unless the lists hold more than
  /// `maximumEntriesToSplit` pairs in all.
  /// - Returns: the values and the errors, in order.
  static func make<Value>(
    _ lists: inout [Levels], splitFrom: Int,
    _ make: (Range<Int>, UnsafeMutableBufferPointer<Levels>, UnsafeMutableBufferPointer<Value>)
      -> [Diagnostic]
  ) -> (values: [Value], diagnostics: [Diagnostic]) {
    let count = lists.count
    var split = count >= max(splitFrom, 2) && ProcessInfo.processInfo.activeProcessorCount > 1
    if split {
      // The second thread allocates from a malloc arena of its own, where the records freed
      // on the way (allocated by the reader) are not reused: a 10,000 × 500 skills matrix
      // peaked 116 MB higher made in halves. Lists that large are made in one pass.
      var entries = 0
      for list in lists { entries &+= list.count }
      split = entries <= maximumEntriesToSplit
    }
    var diagnostics: [Diagnostic] = []
    let values = [Value](unsafeUninitializedCapacity: count) { made, initialized in
      lists.withUnsafeMutableBufferPointer { lists in
        guard split else {
          diagnostics = make(0..<count, lists, made)
          return
        }
        let middle = count / 2
        let (first, second) = Alongside.both(
          { make(0..<middle, lists, made) }, { make(middle..<count, lists, made) })
        diagnostics = first + second
      }
      initialized = count
    }
    return (values, diagnostics)
  }
}
