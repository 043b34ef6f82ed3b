/// How much a report may say about small groups of people (workshop mode).
///
/// With a minimum group size `K`, any count of fewer than `K` people reads "fewer than K", and a
/// list of fewer than `K` people is not spelled out, so a room cannot single out a colleague
/// from a small number. Without one, counts and lists print as they are.
public struct Privacy: Hashable, Sendable {
  /// Smallest group a report may count or list exactly; nil shows everything.
  public var minimumGroup: Int?

  public init(minimumGroup: Int? = nil) { self.minimumGroup = minimumGroup }

  /// A count of people, or "fewer than K".
  public func count(_ value: Int) -> String {
    if let minimumGroup, value < minimumGroup { return "fewer than \(minimumGroup)" }
    return "\(value)"
  }

  /// `text`, or "–" when `depth` is under the minimum group.
  ///
  /// Judging one depth alone lets the role's other depths give it away; the reports use the
  /// per-role rule of `DepthDisclosure` instead.
  @available(*, deprecated, message: "use DepthDisclosure.derived(_:of:), the one depth rule")
  public func derived(_ text: String, depth: Int) -> String { hides(depth) ? "–" : text }

  /// Whether a count of people must be hidden.
  public func hides(_ value: Int) -> Bool { minimumGroup.map { value < $0 } ?? false }

  /// A list of people, or "fewer than K people" when the list is that small (an empty list
  /// stays empty: "nobody" gives away no one).
  public func list(_ items: [String], separator: String) -> String {
    if !items.isEmpty, hides(items.count) { return "fewer than \(minimumGroup ?? 0) people" }
    return items.joined(separator: separator)
  }
}
