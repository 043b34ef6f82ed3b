/// Places a vendor node in its file for diagnostics.
///
/// Files read into memory are located exactly (line and column, from the offsets the DOM parse
/// recorded); streamed files by the line of each element's start tag, as libxml2's tree builder
/// records it (`RecordTreeBuilder` keeps the same), which has no column.
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
