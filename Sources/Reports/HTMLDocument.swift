/// The building blocks of the HTML report: escaping, sections and the page around them.
///
/// The report is one self-contained file that people e-mail, project and print, so everything
/// it needs (style, charts, script) is inline and nothing it shows comes from the network.
/// Every piece of input text passes through ``HTML/escape(_:)`` exactly once, where a
/// fragment is built: names come from untrusted HR exports.
enum HTML {
  /// Escapes text for element content and for attribute values in double or single quotes.
  static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// One titled part of the report, linked from the page's table of contents.
  struct Section {
    /// The fragment id; fixed by the renderer, never taken from input, so links stay valid.
    var id: String
    var title: String
    /// Ready HTML: input text in it is already escaped.
    var body: String
  }

  /// The whole page: head with the inline style, a header, the contents, the sections.
  ///
  /// - Parameters:
  ///   - title: plain text, escaped here.
  ///   - facts: plain-text lines under the title (data date, horizon), escaped here.
  ///   - sections: the parts in reading order; the table of contents follows it.
  /// - Returns: the complete HTML5 document, ending in a newline.
  static func page(title: String, facts: [String], sections: [Section]) -> String {
    var out = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta name="generator" content="Understudy">
      <title>\(escape(title))</title>
      <style>
      \(HTMLStyles.css)</style>
      </head>
      <body>
      <header class="page-header">
      <p class="eyebrow">Understudy workshop report</p>
      <h1>\(escape(title))</h1>
      <p class="facts">\(facts.map(escape).joined(separator: " · "))</p>
      <nav aria-label="Sections"><ol>

      """
    for section in sections {
      out += "<li><a href=\"#\(section.id)\">\(escape(section.title))</a></li>\n"
    }
    out += "</ol></nav>\n</header>\n<main>\n"
    for section in sections {
      out += "<section id=\"\(section.id)\" aria-labelledby=\"\(section.id)-title\">\n"
      out += "<h2 id=\"\(section.id)-title\">\(escape(section.title))</h2>\n"
      out += section.body
      out += "</section>\n"
    }
    out += "</main>\n<script>\n\(HTMLScript.source)</script>\n</body>\n</html>\n"
    return out
  }

  /// A paragraph of plain text, escaped.
  static func paragraph(_ text: String, class name: String? = nil) -> String {
    let attribute = name.map { " class=\"\($0)\"" } ?? ""
    return "<p\(attribute)>\(escape(text))</p>\n"
  }

  /// `a → b` when the figures differ, else just `a`; both already formatted, escaped here.
  static func change(_ before: String, _ after: String?) -> String {
    guard let after, after != before else { return escape(before) }
    return "\(escape(before))<span class=\"arrow\" aria-label=\"becomes\"> → </span>"
      + "<strong>\(escape(after))</strong>"
  }
}
