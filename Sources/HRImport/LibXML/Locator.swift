/// Places a vendor node in its file for diagnostics.
///
/// Files read into memory are located exactly (line and column, from the offsets the DOM parse
/// recorded); streamed files by the line libxml2 keeps on each node, since the streaming parser
/// runs ahead of the node it returns and so cannot give a column.
final class Locator {
  let path: String
  private let state: ParseState?

  init(path: String, state: ParseState? = nil) {
    self.path = path
    self.state = state
  }

  func location(_ node: Node, attribute: String? = nil) -> SourceLocation {
    if let state, let exact = state.location(of: node.pointer, attribute: attribute) {
      return exact
    }
    return SourceLocation(file: path, line: node.line)
  }

  var wholeFile: SourceLocation { SourceLocation(file: path) }
}
