/// Puts a vendor's proficiency on the model's `0...L` scale.
///
/// Numbers map linearly from their own `min...max`; names go through a table of the names HR
/// systems commonly use (Workday tenants define their own descriptors, so the user can add or
/// override names with `<levelName>` in a native file's `<policy>`). Halves round down, so
/// nobody is credited with more than the export says.
struct LevelScale {
  /// Highest level `L`.
  let scaleMax: Int
  /// The level at which a skill without any level counts (Workday `Skill_Data`).
  let levelLessDefault: Int
  /// The user's names, by `VendorValues.nameKey`, with the level on `0...L`.
  let userNames: [String: Int]

  /// Common level names, as a fraction of the top of the scale (0 none … 1 expert).
  ///
  /// The four-step names follow the model's own scale (1 aware, 2 working, 3 proficient,
  /// 4 expert); CEFR levels A1…C2 are six even steps.
  static let builtInNames: [(names: [String], fraction: Double)] = [
    (["none", "not applicable", "n/a", "no knowledge", "not assessed"], 0),
    (
      [
        "aware", "awareness", "fundamental awareness", "beginner", "novice", "basic",
        "foundational",
        "limited", "entry", "elementary", "learning", "trainee",
      ], 0.25
    ),
    (
      [
        "developing", "working", "working knowledge", "intermediate", "competent", "practitioner",
        "applying", "capable", "moderate", "some experience",
      ], 0.5
    ),
    (
      [
        "proficient", "advanced", "skilled", "fully proficient", "strong", "experienced",
        "accomplished", "full performance", "highly proficient",
      ], 0.75
    ),
    (
      ["expert", "master", "mastery", "exceptional", "authority", "role model", "leading", "guru"],
      1
    ),
    (["a1"], 1.0 / 6), (["a2"], 2.0 / 6), (["b1"], 3.0 / 6), (["b2"], 4.0 / 6),
    (["c1"], 5.0 / 6), (["c2"], 1),
  ]

  private static let builtInTable: [String: Double] = {
    var table: [String: Double] = [:]
    for entry in builtInNames {
      for name in entry.names { table[name] = entry.fraction }
    }
    return table
  }()

  /// Where a named level's value came from.
  enum Origin: String {
    case builtIn = "built-in"
    case policy = "policy"
  }

  /// The level for `name`, and where it came from; `nil` for a name nobody defined.
  func level(named name: String) -> (level: Int, origin: Origin)? {
    let key = VendorValues.nameKey(name)
    if let level = userNames[key] { return (min(level, scaleMax), .policy) }
    if let fraction = Self.builtInTable[key],
      let level = Self.roundHalfDown(fraction * Double(scaleMax))
    {
      return (Swift.min(level, scaleMax), .builtIn)
    }
    // Scales written as "3 - Proficient" or "Proficient (3)": try the words alone.
    let words = key.split(whereSeparator: { !$0.isLetter && $0 != "/" }).joined(separator: " ")
    if words != key, !words.isEmpty, let found = level(named: words) { return found }
    return nil
  }

  /// The level of `value` on its own scale `min...max`; `nil` when it lies outside, or when the
  /// value or a bound is not finite or the scale is empty.
  ///
  /// The bottom of a scale that starts at 0 is level 0; the bottom of one that starts above 0
  /// (1–5, 3–5) is level 1, since being rated at all means some knowledge.
  func level(_ value: Double, min low: Double, max high: Double) -> Int? {
    guard value.isFinite, low.isFinite, high.isFinite, high > low,
      value >= low - 1e-9, value <= high + 1e-9
    else { return nil }
    // Halved first, so that a scale as wide as -1e308...1e308 cannot overflow to infinity; the
    // fraction is clamped, since the tolerance above lets a value sit a hair outside its scale.
    let span = high / 2 - low / 2
    guard span > 0 else { return nil }
    let fraction = Swift.min(Swift.max((value / 2 - low / 2) / span, 0), 1)
    let bottom = low > 0 ? Double(Swift.min(1, scaleMax)) : 0
    let position = bottom + fraction * (Double(scaleMax) - bottom)
    return Self.roundHalfDown(position).map { Swift.min(Swift.max($0, 0), scaleMax) }
  }

  /// Rounds to the nearest integer, halves down; `nil` when `value` is not finite or the result
  /// does not fit in `Int`.
  static func roundHalfDown(_ value: Double) -> Int? {
    guard value.isFinite else { return nil }
    return Int(exactly: (value - 0.5 - 1e-9).rounded(.up))
  }

  /// A level a certification counts for: 3, or the top of a smaller scale.
  var certificationLevel: Int { Swift.min(3, scaleMax) }
}
