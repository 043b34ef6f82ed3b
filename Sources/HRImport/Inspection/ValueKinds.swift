/// What one value from an unknown export looks like: an id, a personal name, an e-mail address,
/// a date, a number or a boolean (or several of these at once).
struct ValueKinds {
  var isID = false
  var isName = false
  var isEmail = false
  var isDate = false
  var isBoolean = false
  var number: Double?

  /// Classifies a trimmed, non-empty value.
  init(_ text: String) {
    let scalars = text.unicodeScalars
    isID =
      scalars.count <= 40
      && scalars.allSatisfy {
        $0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)
      }
    isEmail = Self.looksLikeEmail(text)
    isName = !isEmail && Self.looksLikeName(text)
    if let value = Double(text), value.isFinite, !text.hasPrefix("+") {
      number = value
    }
    let first = text.unicodeScalars.first.map { ("0"..."9").contains($0) } ?? false
    isDate =
      number == nil && text.count >= 8
      && ((first && (text.contains("-") || text.contains("/"))) || text.hasPrefix("/Date("))
      && VendorValues.day(text) != nil
    isBoolean = ["true", "false", "yes", "no"].contains(text.lowercased())
  }

  /// `local@domain.tld` without spaces.
  static func looksLikeEmail(_ text: String) -> Bool {
    let parts = text.split(separator: "@", omittingEmptySubsequences: false)
    guard parts.count == 2, !parts[0].isEmpty, !text.contains(" ") else { return false }
    let domain = parts[1]
    return domain.contains(".") && !domain.hasPrefix(".") && !domain.hasSuffix(".")
  }

  /// Two to four capitalised words ("Ada Moreau", "Jean-Luc de Vries"), or "Moreau, Ada".
  static func looksLikeName(_ text: String) -> Bool {
    let words = text.replacingOccurrences(of: ",", with: " ").split(separator: " ")
    guard (2...4).contains(words.count) else { return false }
    var capitalised = 0
    for word in words {
      guard
        word.unicodeScalars.allSatisfy({
          $0.properties.isAlphabetic || $0 == "-" || $0 == "'" || $0 == "." || $0 == "’"
        })
      else { return false }
      if word.first?.isUppercase == true { capitalised += 1 }
    }
    return capitalised >= 2
  }
}
