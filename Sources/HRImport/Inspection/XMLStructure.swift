internal import CLibXML2
import Foundation
import SkillsGraph

/// The shape of an XML file nobody has described yet: every element and attribute path with how
/// often it occurs, and for each value-bearing path what its values look like.
///
/// Built in one streaming pass with libxml2's `xmlTextReader` and the import's safety rules (no
/// DOCTYPE, no network, no external entities, libxml2's limits on). Work is linear in the file
/// and memory is bounded: at most ``maximumPaths`` distinct paths are tracked (elements below an
/// untracked path are only counted), each keeps three sample values and the hashes of at most
/// ``maximumDistinct`` distinct values.
public struct XMLStructure: Sendable {
  /// Distinct paths tracked; past that, elements are counted in ``untrackedElements`` only.
  public static let maximumPaths = 1_000
  /// Distinct values remembered per path, to tell ids (all different) from categories.
  public static let maximumDistinct = 4_096

  /// One element or attribute path, such as `/Employees/Employee/@id`.
  public struct Path: Sendable {
    public var namespace: String
    public var localName: String
    public var isAttribute: Bool
    /// The index of the parent element's path; `nil` for the root element.
    public var parent: Int?
    public var depth: Int
    /// Occurrences in the file.
    public var count: Int
    /// The most occurrences under one parent element: above 1, the element repeats.
    public var maxPerParent: Int
    /// Child element and attribute paths, in order of first appearance.
    public var children: [Int]
    /// The values of occurrences without child elements (text, or the attribute's value).
    public var values: ValueSummary
  }

  /// What the values at one path look like.
  public struct ValueSummary: Sendable {
    /// Occurrences that carried a value or were empty or null.
    public var occurrences = 0
    /// Empty values and values marked null (`m:null="true"`, `xsi:nil="true"`).
    public var empty = 0
    /// Up to three distinct non-empty values, in order of appearance.
    public var samples: [String] = []
    /// Non-empty values of each kind (a value can be of several: `42` is an id and a number).
    public var ids = 0
    public var names = 0
    public var emails = 0
    public var dates = 0
    public var numbers = 0
    public var integers = 0
    public var booleans = 0
    public var lowest: Double?
    public var highest: Double?
    /// False once the same value was seen twice among the first ``maximumDistinct``.
    public var unique = true
    /// Hashes of the distinct values seen, up to ``maximumDistinct``.
    var distinct: Set<Int> = []
    /// Distinct non-empty values kept in full while there are few of them (status words,
    /// level names), up to 16; `nil` once there were more.
    public var vocabulary: [String]? = []

    /// Non-empty values.
    public var present: Int { occurrences - empty }

    /// What the values look like, in a few words: "e-mails, all different, 1 empty or null".
    public var kind: String {
      guard present > 0 else { return "always empty" }
      var kind = "text"
      if mostly(emails) {
        kind = "e-mails"
      } else if mostly(dates) {
        kind = "dates"
      } else if mostly(booleans) {
        kind = "true/false"
      } else if mostly(names) {
        kind = "personal names"
      } else if mostly(numbers), let low = lowest, let high = highest {
        kind =
          low == high
          ? "number \(formatNumber(low))" : "numbers \(formatNumber(low))–\(formatNumber(high))"
      } else if mostly(ids) {
        kind = "words or codes"
      }
      if unique, present > 1 { kind += ", all different" }
      if empty > 0 { kind += ", \(empty) empty or null" }
      return kind
    }

    /// True when at least `share` of the non-empty values are of a kind counted by `kind`.
    public func mostly(_ kind: Int, _ share: Double = 0.8) -> Bool {
      present > 0 && Double(kind) >= share * Double(present)
    }

    /// How many of `other`'s distinct values are also values here (both as far as remembered).
    func overlap(with other: ValueSummary) -> Int { distinct.intersection(other.distinct).count }

    var distinctCount: Int { distinct.count }

    mutating func add(_ raw: String, isNull: Bool) {
      occurrences += 1
      let text = raw.trimmingSpaces
      if isNull || text.isEmpty {
        empty += 1
        return
      }
      let hash = text.hashValue
      if distinct.count < XMLStructure.maximumDistinct {
        if !distinct.insert(hash).inserted { unique = false }
      } else if distinct.contains(hash) {
        unique = false
      }
      if samples.count < 3, !samples.contains(text) {
        samples.append(text.count > 60 ? String(text.prefix(57)) + "…" : text)
      }
      if var known = vocabulary, !known.contains(text) {
        known.append(text)
        vocabulary = known.count > 16 || text.count > 40 ? nil : known
      }
      let kinds = ValueKinds(text)
      if kinds.isID { ids += 1 }
      if kinds.isName { names += 1 }
      if kinds.isEmail { emails += 1 }
      if kinds.isDate { dates += 1 }
      if kinds.isBoolean { booleans += 1 }
      if let number = kinds.number {
        numbers += 1
        if number == number.rounded() { integers += 1 }
        lowest = min(lowest ?? number, number)
        highest = max(highest ?? number, number)
      }
    }
  }

  /// The file as given on the command line.
  public var path: String
  /// Every path, parents before children; index 0 is the root element.
  public private(set) var paths: [Path] = []
  /// Elements and attributes seen in all.
  public private(set) var elements = 0
  /// Elements below paths not tracked because ``maximumPaths`` was reached.
  public private(set) var untrackedElements = 0
  /// A prefix for every namespace the paths use: the file's own where it had one, else a
  /// well-known or numbered one (XPath has no default namespace).
  public private(set) var prefixes: [String: String] = [:]
  /// Namespaces in order of first appearance.
  public private(set) var namespaces: [String] = []
  /// Why the file could not be read completely (not well-formed, a DOCTYPE).
  public private(set) var diagnostics: [Diagnostic] = []

  /// True when the whole file was read.
  public var isComplete: Bool { !diagnostics.contains { $0.severity == .error } }

  /// Reads the file at `path` and summarises its structure.
  ///
  /// - Throws: `ImportError.missingInput` when the file does not exist or cannot be read; a
  ///   file that is not well-formed or has a DOCTYPE gives a structure with ``diagnostics``.
  /// - Complexity: O(size of the file); memory bounded by the caps above.
  public static func read(path: String) throws(ImportError) -> XMLStructure {
    try InputFiles.checkReadable(path, displayPath: path)
    var structure = XMLStructure(path: path)
    structure.scan()
    structure.assignPrefixes()
    return structure
  }

  private init(path: String) { self.path = path }

  private struct Key: Hashable {
    var parent: Int
    var namespace: String
    var localName: String
    var isAttribute: Bool
  }

  /// One open element while scanning.
  private struct Frame {
    var path: Int?
    var serial: Int
    var hasChildElements = false
    var isNull = false
    var text = ""
  }

  private mutating func scan() {
    LibXML.initialize()
    if RecordSource.doctypeInProlog(path: path, displayPath: path) != nil {
      diagnostics = [RecordSource.doctypeDiagnostic(path: path, displayPath: path)]
      return
    }
    // The same byte scan as every import, before libxml2 reads a tag.
    if let violation = RecordSource.limitDiagnostic(path: path, displayPath: path) {
      diagnostics = [violation]
      return
    }
    let collector = StreamErrors(path: path)
    guard let reader = xmlReaderForFile(path, nil, LibXML.streamOptions) else {
      diagnostics = [
        Diagnostic(.error, "cannot open the file for reading", at: collector.wholeFile)
      ]
      return
    }
    defer { xmlFreeTextReader(reader) }
    let unmanaged = Unmanaged.passRetained(collector)
    defer { unmanaged.release() }
    xmlTextReaderSetStructuredErrorHandler(reader, collectInspectionError, unmanaged.toOpaque())
    var index: [Key: Int] = [:]
    var lastParent: [Int] = []  // per path: serial of the parent it last occurred under
    var run: [Int] = []  // per path: occurrences under that parent so far
    var stack: [Frame] = []
    var serial = 0
    var preferred: [String: String] = [:]

    func track(
      _ key: Key, depth: Int, parentSerial: Int, paths: inout [Path]
    ) -> Int? {
      var found = index[key]
      if found == nil, paths.count < Self.maximumPaths {
        found = paths.count
        index[key] = paths.count
        paths.append(
          Path(
            namespace: key.namespace, localName: key.localName, isAttribute: key.isAttribute,
            parent: key.parent < 0 ? nil : key.parent, depth: depth, count: 0, maxPerParent: 0,
            children: [], values: ValueSummary()))
        lastParent.append(-1)
        run.append(0)
        if key.parent >= 0 { paths[key.parent].children.append(found ?? 0) }
      }
      guard let path = found else { return nil }
      paths[path].count += 1
      if lastParent[path] == parentSerial {
        run[path] += 1
      } else {
        lastParent[path] = parentSerial
        run[path] = 1
      }
      paths[path].maxPerParent = max(paths[path].maxPerParent, run[path])
      return path
    }

    func close(_ frame: Frame, paths: inout [Path]) {
      guard let path = frame.path, !frame.hasChildElements else { return }
      paths[path].values.add(frame.text, isNull: frame.isNull)
    }

    var status = xmlTextReaderRead(reader)
    while status == 1 {
      switch xmlTextReaderNodeType(reader) {
      case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue):
        diagnostics = [RecordSource.doctypeDiagnostic(path: path, displayPath: path)]
        return
      case Int32(XML_READER_TYPE_ELEMENT.rawValue):
        elements += 1
        serial += 1
        let parentSerial = stack.last?.serial ?? 0
        if !stack.isEmpty { stack[stack.count - 1].hasChildElements = true }
        let namespace = string(xmlTextReaderConstNamespaceUri(reader))
        let prefix = string(xmlTextReaderConstPrefix(reader))
        if !namespace.isEmpty, preferred[namespace] == nil {
          preferred[namespace] = prefix
          namespaces.append(namespace)
        }
        var frame = Frame(path: nil, serial: serial)
        if stack.isEmpty || stack.last?.path != nil {
          let key = Key(
            parent: stack.last?.path ?? -1, namespace: namespace,
            localName: string(xmlTextReaderConstLocalName(reader)), isAttribute: false)
          frame.path = track(key, depth: stack.count, parentSerial: parentSerial, paths: &paths)
        }
        if frame.path == nil { untrackedElements += 1 }
        let isEmpty = xmlTextReaderIsEmptyElement(reader) == 1
        while xmlTextReaderMoveToNextAttribute(reader) == 1 {
          if xmlTextReaderIsNamespaceDecl(reader) == 1 { continue }
          let attributeNamespace = string(xmlTextReaderConstNamespaceUri(reader))
          let name = string(xmlTextReaderConstLocalName(reader))
          let value = string(xmlTextReaderConstValue(reader))
          if Self.isNullMarker(namespace: attributeNamespace, name: name, value: value) {
            frame.isNull = true
          }
          // OData's m:type and m:null, xsi:type and xml:lang describe values, they are none.
          if Self.ignoredAttributeNamespaces.contains(attributeNamespace) { continue }
          guard let owner = frame.path else { continue }
          if !attributeNamespace.isEmpty, preferred[attributeNamespace] == nil {
            preferred[attributeNamespace] = string(xmlTextReaderConstPrefix(reader))
            namespaces.append(attributeNamespace)
          }
          let key = Key(
            parent: owner, namespace: attributeNamespace, localName: name, isAttribute: true)
          if let attribute = track(
            key, depth: stack.count + 1, parentSerial: frame.serial, paths: &paths)
          {
            paths[attribute].values.add(value, isNull: false)
          }
        }
        _ = xmlTextReaderMoveToElement(reader)
        if isEmpty {
          close(frame, paths: &paths)
        } else {
          stack.append(frame)
        }
      case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
        Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
        if !stack.isEmpty, stack[stack.count - 1].text.utf8.count < 1_024 {
          stack[stack.count - 1].text += string(xmlTextReaderConstValue(reader))
        }
      case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
        if let frame = stack.popLast() { close(frame, paths: &paths) }
      default:
        break
      }
      status = xmlTextReaderRead(reader)
    }
    diagnostics = collector.diagnostics
    if status == -1, !diagnostics.contains(where: { $0.severity == .error }) {
      diagnostics.append(Diagnostic(.error, "file is not well-formed XML", at: collector.wholeFile))
    }
    if paths.isEmpty, diagnostics.isEmpty {
      diagnostics.append(Diagnostic(.error, "file holds no XML element", at: collector.wholeFile))
    }
    documentPrefixes = preferred
  }

  private var documentPrefixes: [String: String] = [:]

  static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"
  static let schemaInstance = "http://www.w3.org/2001/XMLSchema-instance"
  static let ignoredAttributeNamespaces: Set<String> = [
    Namespaces.odataMetadata, xmlNamespace, schemaInstance,
  ]

  /// `m:null="true"` (OData) and `xsi:nil="true"`: the element stands for no value.
  static func isNullMarker(namespace: String, name: String, value: String) -> Bool {
    let isTrue = value.trimmingSpaces == "true" || value.trimmingSpaces == "1"
    return isTrue
      && ((namespace == Namespaces.odataMetadata && name == "null")
        || (namespace == schemaInstance && name == "nil"))
  }

  /// Prefixes that read well for namespaces exports often use.
  private static let wellKnownPrefixes: [String: String] = [
    Namespaces.atom: "atom", Namespaces.odataData: "d", Namespaces.odataMetadata: "m",
    Namespaces.workday: "wd", Namespaces.soap: "soap", Namespaces.soap12: "soap",
  ]

  private mutating func assignPrefixes() {
    var taken: Set<String> = []
    var numbered = 0
    for namespace in namespaces {
      var candidates: [String] = []
      if let own = documentPrefixes[namespace], !own.isEmpty { candidates.append(own) }
      if let known = Self.wellKnownPrefixes[namespace] { candidates.append(known) }
      var chosen = candidates.first { !taken.contains($0) && $0.lowercased() != "xml" }
      while chosen == nil {
        numbered += 1
        let fresh = "ns\(numbered)"
        if !taken.contains(fresh) { chosen = fresh }
      }
      let prefix = chosen ?? ""
      taken.insert(prefix)
      prefixes[namespace] = prefix
    }
  }

  // MARK: Reading the result

  /// One step of an XPath for the path at `index`: `d:UserId`, `@id`, `@wd:type`.
  public func step(_ index: Int) -> String {
    let path = paths[index]
    let prefix = path.namespace.isEmpty ? "" : (prefixes[path.namespace] ?? "") + ":"
    return (path.isAttribute ? "@" : "") + prefix + path.localName
  }

  /// The absolute XPath of the path at `index`: `/Employees/Employee`.
  public func absolutePath(_ index: Int) -> String { "/" + relativePath(to: index, from: nil) }

  /// The XPath from the element at `ancestor` to the path at `index` (`.` when they are one).
  public func relativePath(to index: Int, from ancestor: Int?) -> String {
    var steps: [String] = []
    var current: Int? = index
    while let here = current, here != ancestor {
      steps.append(step(here))
      current = paths[here].parent
    }
    return steps.isEmpty ? "." : steps.reversed().joined(separator: "/")
  }

  /// Whether the path from `ancestor` to `index` runs through Atom's own elements (`id`,
  /// `title`, `updated`, `author`, `link`, `category`) rather than an entry's `content`: feed
  /// bookkeeping, never a person's data.
  public func isFeedMetadata(_ index: Int, from ancestor: Int) -> Bool {
    var current: Int? = index
    while let here = current, here != ancestor {
      let path = paths[here]
      if !path.isAttribute, path.namespace == Namespaces.atom,
        !["content", "feed", "entry"].contains(path.localName)
      {
        return true
      }
      current = path.parent
    }
    return false
  }

  /// Whether the path at `index` lies at or below the element at `ancestor`.
  public func isWithin(_ index: Int, _ ancestor: Int) -> Bool {
    var current: Int? = index
    while let here = current {
      if here == ancestor { return true }
      current = paths[here].parent
    }
    return false
  }

  /// Paths that carry values (attributes, and elements without child elements), at or below
  /// the element at `ancestor`, not inside elements that repeat below it.
  public func fields(of ancestor: Int) -> [Int] {
    var found: [Int] = []
    func visit(_ index: Int) {
      let path = paths[index]
      if index != ancestor, !path.isAttribute, isGroup(index, under: ancestor) { return }
      if path.values.occurrences > 0, path.children.allSatisfy({ paths[$0].isAttribute }) {
        found.append(index)
      }
      for child in path.children { visit(child) }
    }
    visit(ancestor)
    return found
  }

  /// Elements below `record` that repeat within one record (a person's skills, absences):
  /// the outermost such elements only.
  public func groups(of record: Int) -> [Int] {
    var found: [Int] = []
    func visit(_ index: Int) {
      if index != record, isGroup(index, under: record) {
        found.append(index)
        return
      }
      for child in paths[index].children where !paths[child].isAttribute { visit(child) }
    }
    visit(record)
    return found
  }

  private func isGroup(_ index: Int, under record: Int) -> Bool {
    paths[index].maxPerParent > 1 || paths[index].count > paths[record].count
  }

  /// Elements that occur more than once under one parent: the candidates for records.
  public var repeatedElements: [Int] {
    paths.indices.filter { !paths[$0].isAttribute && paths[$0].maxPerParent > 1 }
  }

  /// The element most likely to be one person: the repeated element with the most distinct
  /// fields below it (people records carry the most), past wrappers that hold one element each.
  ///
  /// For a file with a single record, the element with the most fields of its own.
  public var recordElement: Int? {
    func score(_ index: Int) -> Int {
      let own = self.fields(of: index)
      let parts = groups(of: index).flatMap { self.fields(of: $0) }
      let personLike = own.contains { FieldName(self, $0, from: index).looksLikePersonID }
      return own.count + parts.count + (personLike ? 3 : 0)
    }
    var candidates = paths.indices.filter {
      !paths[$0].isAttribute && paths[$0].count > 1 && paths[$0].parent != nil
        && fields(of: $0).count >= 2
    }
    // A repeated element inside another candidate is its part (a skill), not a record.
    candidates = candidates.filter { candidate in
      !candidates.contains { $0 != candidate && isWithin(candidate, $0) }
    }
    if candidates.isEmpty {
      candidates = paths.indices.filter { !paths[$0].isAttribute && fields(of: $0).count >= 2 }
    }
    guard var best = candidates.max(by: { score($0) < score($1) }) else { return nil }
    while true {
      let elements = paths[best].children.filter { !paths[$0].isAttribute }
      let attributes = paths[best].children.filter { paths[$0].isAttribute }
      guard elements.count == 1, attributes.isEmpty, let only = elements.first,
        paths[only].count == paths[best].count, !paths[only].children.isEmpty
      else { break }
      best = only
    }
    return best
  }

  /// The first elements' names, for recognising a format a profile reads.
  var firstNames: [QualifiedName] {
    Array(paths.filter { !$0.isAttribute }.prefix(8)).map {
      QualifiedName(namespace: $0.namespace, localName: $0.localName)
    }
  }

  /// The built-in profile that recognises this file, if any (then no mapping is needed).
  public var detectedProfile: ImportProfile? {
    if case .profile(let profile) = ProfileDetector.detect(firstNames) { return profile }
    return nil
  }
}

private let collectInspectionError: xmlStructuredErrorFunc = { context, error in
  guard let context, let error else { return }
  Unmanaged<StreamErrors>.fromOpaque(context).takeUnretainedValue().report(error)
}
