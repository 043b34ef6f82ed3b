/// A GitHub-flavoured Markdown table, with cell text escaped so input cannot break the layout.
struct MarkdownTable {
  var header: [String]
  /// Alignment per column: true for right-aligned (numbers).
  var rightAligned: [Bool]
  var rows: [[String]] = []

  init(_ header: [String], rightAligned: [Bool]? = nil) {
    self.header = header
    self.rightAligned = rightAligned ?? header.map { _ in false }
  }

  mutating func append(_ row: [String]) { rows.append(row) }

  func rendered() -> String {
    var lines = ["| " + header.map(Self.escape).joined(separator: " | ") + " |"]
    lines.append("|" + rightAligned.map { $0 ? " ---: |" : " --- |" }.joined())
    for row in rows {
      lines.append("| " + row.map(Self.escape).joined(separator: " | ") + " |")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func escape(_ text: String) -> String {
    var out = ""
    for character in text {
      if character == "|" {
        out += "\\|"
      } else if character.isNewline {
        out += " "
      } else {
        out.append(character)
      }
    }
    return out
  }
}

extension String {
  /// Replaces every occurrence of `target` (Foundation-free, for the report module).
  func replacingAll(_ target: Character, with replacement: String) -> String {
    var result = ""
    for character in self {
      if character == target { result += replacement } else { result.append(character) }
    }
    return result
  }
}
