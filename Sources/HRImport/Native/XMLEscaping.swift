/// The one way Understudy writes text into XML it produces (the native format, the template's
/// workbook parts): markup characters escaped, and characters XML 1.0 cannot carry (control
/// characters, U+FFFE, U+FFFF) dropped, since text read from a CSV cell or a doubly escaped
/// export may hold them and a file that holds one could never be read back.
enum XMLEscaping {
  /// `text` safe inside element content or a double-quoted attribute value.
  ///
  /// - Parameters:
  ///   - text: the text to write.
  ///   - attribute: in an attribute value, tabs and line breaks are written as character
  ///     references, since a parser turns the bare characters into spaces.
  /// - Returns: the escaped text, without the characters XML 1.0 forbids.
  /// - Complexity: O(n) in the text's scalars.
  static func escape(_ text: String, attribute: Bool = false) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "\n": out += attribute ? "&#10;" : "\n"
      case "\r": out += attribute ? "&#13;" : "\r"
      case "\t": out += attribute ? "&#9;" : "\t"
      default:
        if scalar.value >= 0x20, scalar.value != 0xFFFE, scalar.value != 0xFFFF {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out
  }
}
