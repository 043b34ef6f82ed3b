/// "Did you mean" candidates for a mistyped id, as the argument parser suggests flags.
package enum Suggestions {
  /// Up to two defined ids closest to `text`, by edit distance, case-insensitively; only ids
  /// within a third of the length of `text` (at least 1, at most 3 edits) are offered.
  package static func closest(to text: String, among candidates: [String]) -> [String] {
    let target = Array(text.lowercased().utf8)
    let limit = min(3, max(1, target.count / 3))
    var scored: [(distance: Int, id: String)] = []
    for candidate in candidates {
      let distance = editDistance(target, Array(candidate.lowercased().utf8), limit: limit)
      if distance <= limit { scored.append((distance, candidate)) }
    }
    scored.sort { ($0.distance, $0.id) < ($1.distance, $1.id) }
    return scored.prefix(2).map(\.id)
  }

  /// Levenshtein distance, giving up (returning `limit + 1`) once it must exceed `limit`.
  static func editDistance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
    if abs(a.count - b.count) > limit { return limit + 1 }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...max(a.count, 1) where !a.isEmpty {
      current[0] = i
      var rowMinimum = current[0]
      for j in 1...max(b.count, 1) where !b.isEmpty {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        rowMinimum = min(rowMinimum, current[j])
      }
      if rowMinimum > limit { return limit + 1 }
      swap(&previous, &current)
    }
    return a.isEmpty ? b.count : previous[b.count]
  }
}
