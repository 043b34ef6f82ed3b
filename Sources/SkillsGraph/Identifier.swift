/// A typed identifier, so a person id can never be passed where a skill id is expected.
///
/// Identifiers order "naturally": runs of digits compare by value, so `E2` sorts before `E10`,
/// which is the order a person reading a report expects. Ties fall back to the raw bytes, so the
/// order is total and never depends on hashing.
public struct Identifier<Entity>: Hashable, Comparable, Sendable, CustomStringConvertible,
  ExpressibleByStringLiteral
{
  /// The id exactly as the input spelled it.
  public var rawValue: String

  public init(_ rawValue: String) { self.rawValue = rawValue }
  public init(stringLiteral value: String) { self.rawValue = value }

  public var description: String { rawValue }

  public static func < (lhs: Self, rhs: Self) -> Bool {
    naturalOrder(lhs.rawValue, rhs.rawValue)
  }
}

/// Marker for skill identifiers.
public enum SkillTag {}
/// Marker for person identifiers.
public enum PersonTag {}
/// Marker for role identifiers.
public enum RoleTag {}

public typealias SkillID = Identifier<SkillTag>
public typealias PersonID = Identifier<PersonTag>
public typealias RoleID = Identifier<RoleTag>

/// Compares two strings with digit runs taken as numbers; equal-looking strings fall back to bytes.
///
/// Ids of one export usually share a shape (`P00012`, `P00107`: the same length, digits at the
/// same positions). Such ids split into the same runs, and digit runs of equal length compare by
/// value exactly as they compare byte by byte, so their natural order is their byte order: one
/// pass over the bytes, no copy. Other pairs take the general comparison.
///
/// - Complexity: O(n) in the length of the shorter id, without allocating.
func naturalOrder(_ lhs: String, _ rhs: String) -> Bool {
  var lhs = lhs
  var rhs = rhs
  return lhs.withUTF8 { a in rhs.withUTF8 { b in naturalOrder(a, b) } }
}

private func naturalOrder(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool
{
  if a.count == b.count {
    var first: Bool?
    var sameShape = true
    for k in 0..<a.count {
      if isDigit(a[k]) != isDigit(b[k]) {
        sameShape = false
        break
      }
      if first == nil, a[k] != b[k] { first = a[k] < b[k] }
    }
    if sameShape { return first ?? false }
  }
  var i = 0
  var j = 0
  while i < a.count, j < b.count {
    if isDigit(a[i]), isDigit(b[j]) {
      var i2 = i
      while i2 < a.count, a[i2] == UInt8(ascii: "0") { i2 += 1 }
      var j2 = j
      while j2 < b.count, b[j2] == UInt8(ascii: "0") { j2 += 1 }
      var iEnd = i2
      while iEnd < a.count, isDigit(a[iEnd]) { iEnd += 1 }
      var jEnd = j2
      while jEnd < b.count, isDigit(b[jEnd]) { jEnd += 1 }
      let lengthA = iEnd - i2
      let lengthB = jEnd - j2
      if lengthA != lengthB { return lengthA < lengthB }
      for k in 0..<lengthA where a[i2 + k] != b[j2 + k] { return a[i2 + k] < b[j2 + k] }
      i = iEnd
      j = jEnd
    } else {
      if a[i] != b[j] { return a[i] < b[j] }
      i += 1
      j += 1
    }
  }
  if (a.count - i) != (b.count - j) { return (a.count - i) < (b.count - j) }
  return a.lexicographicallyPrecedes(b)
}

@inline(__always)
private func isDigit(_ byte: UInt8) -> Bool { byte &- 48 < 10 }
