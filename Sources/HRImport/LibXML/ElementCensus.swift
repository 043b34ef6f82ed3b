internal import CLibXML2
import Foundation

/// What an XML file holds, counted without reading it as any format: its root element and its
/// repeated elements, for the error that says what a file held when it yielded no people.
struct ElementCensus {
  /// One element name and how often it occurs at its depth.
  struct Entry: Equatable {
    var name: String
    var count: Int
  }

  var root: QualifiedName?
  /// Depth (1 = the root's children) of `records`.
  var depth = 1
  /// The element names at the shallowest depth where some name repeats (the record level of
  /// most exports), else the root's children; most frequent first, then in document order.
  var records: [Entry] = []

  /// Counts element names by depth down to `maximumDepth`, streaming.
  ///
  /// Applies the same safety rules as every other read (no DOCTYPE, no network); a file that
  /// breaks off is counted up to the break.
  /// - Complexity: O(size of the file), memory O(distinct names).
  static func take(path: String, maximumDepth: Int = 4) -> ElementCensus {
    LibXML.initialize()
    var census = ElementCensus()
    guard RecordSource.doctypeInProlog(path: path, displayPath: path) == nil,
      RecordSource.limitDiagnostic(path: path, displayPath: path) == nil,
      let reader = xmlReaderForFile(path, nil, LibXML.streamOptions)
    else { return census }
    defer { xmlFreeTextReader(reader) }
    let collector = StreamErrors(path: path)
    let unmanaged = Unmanaged.passRetained(collector)
    defer { unmanaged.release() }
    xmlTextReaderSetStructuredErrorHandler(reader, collectStreamError, unmanaged.toOpaque())
    // Per depth: counts by name, and names in first-seen order.
    var counts = [[String: Int]](repeating: [:], count: maximumDepth + 1)
    var order = [[String]](repeating: [], count: maximumDepth + 1)
    while xmlTextReaderRead(reader) == 1 {
      guard xmlTextReaderNodeType(reader) == Int32(XML_READER_TYPE_ELEMENT.rawValue) else {
        continue
      }
      let depth = Int(xmlTextReaderDepth(reader))
      if depth == 0, census.root == nil {
        census.root = QualifiedName(
          namespace: string(xmlTextReaderConstNamespaceUri(reader)),
          localName: string(xmlTextReaderConstLocalName(reader)),
          line: xmlTextReaderCurrentNode(reader).map { Int(xmlGetLineNo($0)) } ?? 0)
      }
      guard depth >= 1, depth <= maximumDepth else { continue }
      let name = string(xmlTextReaderConstLocalName(reader))
      if counts[depth][name] == nil { order[depth].append(name) }
      counts[depth][name, default: 0] += 1
    }
    let depth =
      (1...maximumDepth).first { level in counts[level].values.contains { $0 > 1 } } ?? 1
    census.depth = depth
    census.records = order[depth].enumerated().map { index, name in
      (index, Entry(name: name, count: counts[depth][name] ?? 0))
    }.sorted { ($1.1.count, $0.0) < ($0.1.count, $1.0) }.map(\.1)
    return census
  }

  /// "root element 'Get_Workers_Response' in namespace 'urn:com.workday/bsvc'".
  var rootDescription: String {
    guard let root else { return "no root element" }
    let namespace = root.namespace.isEmpty ? "no namespace" : "namespace '\(root.namespace)'"
    return "root element '\(root.localName)' in \(namespace)"
  }

  /// "'Worker' ×12, 'Response_Filter' ×1 under the root", at most `limit` names.
  func recordsDescription(limit: Int = 5) -> String? {
    guard !records.isEmpty else { return nil }
    var names = records.prefix(limit).map { "'\($0.name)' ×\($0.count)" }
    if records.count > limit { names.append("\(records.count - limit) more") }
    let place =
      depth == 1 ? "under the root" : "at depth \(depth) below the root"
    return names.joined(separator: ", ") + " " + place
  }
}
