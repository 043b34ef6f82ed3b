/// Lists of names that stay readable at any size: at most ten, then how many more.
///
/// At 2,000 people the organization's absence factor alone names dozens of people; one bullet
/// or one table cell holding all of them is a wall nobody reads. The full lists stay in the
/// JSON and CSV reports, which are for machines.
enum NameList {
  /// The most names a summary line or a table cell spells out.
  static let limit = 10

  /// `names` joined, or the first `limit` and "and N more" when there are more.
  static func shortened(_ names: [String], limit: Int = limit, separator: String = ", ") -> String {
    guard names.count > limit else { return names.joined(separator: separator) }
    return names.prefix(limit).joined(separator: separator) + " and \(names.count - limit) more"
  }

  /// As ``shortened(_:limit:separator:)``, unless workshop mode withholds so short a list.
  static func shortened(
    _ names: [String], privacy: Privacy, limit: Int = limit, separator: String = ", "
  ) -> String {
    privacy.hides(names.count)
      ? privacy.list(names, separator: separator)
      : shortened(names, limit: limit, separator: separator)
  }
}
