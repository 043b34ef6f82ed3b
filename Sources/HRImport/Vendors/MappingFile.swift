internal import CLibXML2
import Foundation

/// A user's description of an export no built-in profile reads: which element is one person,
/// and where in it the id, name, department, manager, skills and absences are.
///
/// ```xml
/// <mapping xmlns="urn:understudy:mapping:1" name="Oracle HCM Extract">
///   <namespace prefix="x" uri="urn:example:extract"/>        <!-- for prefixed XPaths -->
///   <match root="DATA_DS"/>                                  <!-- files this mapping claims -->
///   <person select="/DATA_DS/G_WORKER" id="PERSON_NUMBER" name="FULL_NAME"
///           department="DEPARTMENT" manager="MANAGER_NUMBER" email="EMAIL"
///           position="JOB_NAME" critical="CRITICAL_JOB"
///           active="STATUS" activeValues="ACTIVE"/>
///   <skill select="G_COMPETENCY" name="NAME" id="CODE" level="RATING" min="1" max="5"/>
///   <certification select="G_CERT" name="NAME" expires="EXPIRY_DATE"/>
///   <absence select="G_ABSENCE" from="START_DATE" to="END_DATE" kind="TYPE"
///            status="STATUS" approvedValues="APPROVED"/>
/// </mapping>
/// ```
/// `person@select` is an absolute XPath; every other XPath is relative to the person (or to the
/// skill, certification or absence element). XPaths come from this trusted file, never from the
/// data, and prefixes resolve only through its `<namespace>` declarations.
struct MappingFile: Sendable {
  static let namespace = "urn:understudy:mapping:1"

  /// One XPath and where the mapping file wrote it.
  struct Path: Sendable {
    var expression: String
    var location: SourceLocation
  }

  struct Section: Sendable {
    var select: Path
    var fields: [String: Path]
    var values: [String: String]
  }

  var path: String
  var name: String
  var namespaces: [(prefix: String, uri: String)]
  var matchRoot: (localName: String, namespace: String?)?
  var person: Section
  var skills: [Section]
  var certifications: [Section]
  var absences: [Section]

  /// True when the mapping says it is for files with this root.
  func claims(_ names: [QualifiedName]) -> Bool {
    guard let match = matchRoot, let root = names.first else { return false }
    return root.localName == match.localName
      && (match.namespace.map { $0 == root.namespace } ?? true)
  }

  /// Reads and checks a mapping file: its shape, and that every XPath compiles.
  ///
  /// - Throws: `ImportError.missingInput` when it cannot be read.
  static func load(
    path: String
  ) throws(ImportError) -> (mapping: MappingFile?, diagnostics: [Diagnostic]) {
    let parsed = try SafeXMLParser.parse(path: path, displayPath: path)
    guard let root = parsed.root else { return (nil, parsed.diagnostics) }
    var reader = Reader(source: parsed.source)
    let mapping = reader.read(root, path: path)
    let diagnostics = parsed.diagnostics + reader.diagnostics
    return (diagnostics.contains { $0.severity == .error } ? nil : mapping, diagnostics)
  }

  private struct Reader {
    let source: SourceText
    var diagnostics: [Diagnostic] = []

    init(source: SourceText) { self.source = source }

    func location(_ element: ParsedElement, _ attribute: String? = nil) -> SourceLocation {
      let offset = attribute.flatMap { source.attributeOffset(named: $0, inTagAt: element.offset) }
      return source.location(ofOffset: offset ?? element.offset)
    }

    mutating func error(_ message: String, at location: SourceLocation) {
      diagnostics.append(Diagnostic(.error, message, at: location))
    }

    mutating func read(_ root: ParsedElement, path: String) -> MappingFile? {
      let ns = MappingFile.namespace
      guard root.localName == "mapping", root.namespace == ns else {
        error(
          "a mapping file's root is <mapping xmlns=\"\(ns)\">, not '\(root.localName)'",
          at: location(root))
        return nil
      }
      var namespaces: [(String, String)] = []
      for declaration in root.children(named: "namespace", in: ns) {
        guard let prefix = declaration[attribute: "prefix"], let uri = declaration[attribute: "uri"]
        else {
          error("<namespace> needs both prefix and uri", at: location(declaration))
          continue
        }
        namespaces.append((prefix, uri))
      }
      let match = root.children(named: "match", in: ns).first.flatMap { element in
        element[attribute: "root"].map { ($0, element[attribute: "namespace"]) }
      }
      guard let personElement = root.children(named: "person", in: ns).first else {
        error("the mapping has no <person select=\"…\" id=\"…\"/>", at: location(root))
        return nil
      }
      let personFields = [
        "id", "name", "department", "manager", "email", "position", "critical", "active",
      ]
      guard
        let person = section(
          personElement, fields: personFields, required: ["id"], namespaces: namespaces)
      else { return nil }
      let skills = root.children(named: "skill", in: ns).compactMap {
        section($0, fields: ["name", "id", "level"], required: ["name"], namespaces: namespaces)
      }
      let certifications = root.children(named: "certification", in: ns).compactMap {
        section(
          $0, fields: ["name", "issued", "expires"], required: ["name"], namespaces: namespaces)
      }
      let absences = root.children(named: "absence", in: ns).compactMap {
        section(
          $0, fields: ["from", "to", "kind", "status"], required: ["from"], namespaces: namespaces)
      }
      return MappingFile(
        path: path, name: root[attribute: "name"] ?? path, namespaces: namespaces,
        matchRoot: match, person: person, skills: skills, certifications: certifications,
        absences: absences)
    }

    mutating func section(
      _ element: ParsedElement, fields: [String], required: [String],
      namespaces: [(String, String)]
    ) -> Section? {
      guard let select = element[attribute: "select"] else {
        error("<\(element.localName)> needs a select XPath", at: location(element))
        return nil
      }
      var paths: [String: Path] = [:]
      for field in fields {
        guard let expression = element[attribute: field] else { continue }
        paths[field] = Path(expression: expression, location: location(element, field))
      }
      for field in required where paths[field] == nil {
        error("<\(element.localName)> needs a '\(field)' XPath", at: location(element))
      }
      var values: [String: String] = [:]
      for attribute in element.attributes
      where !fields.contains(attribute.localName) && attribute.localName != "select" {
        values[attribute.localName] = attribute.value
      }
      let all = [Path(expression: select, location: location(element, "select"))] + paths.values
      for path in all {
        if let problem = MappingXPath.check(path.expression, namespaces: namespaces) {
          error("XPath '\(path.expression)' \(problem)", at: path.location)
        }
      }
      guard required.allSatisfy({ paths[$0] != nil }) else { return nil }
      return Section(
        select: Path(expression: select, location: location(element, "select")), fields: paths,
        values: values)
    }
  }
}

/// libxml2's XPath, used only with expressions from a mapping file and its declared prefixes.
enum MappingXPath {
  /// Why the expression cannot be used, or `nil` when it compiles and its prefixes are declared.
  static func check(_ expression: String, namespaces: [(String, String)]) -> String? {
    LibXML.initialize()
    // The compiler reports through this thread's structured handler: silence it for the call,
    // then give back whatever handler the thread had.
    let savedHandler = __xmlStructuredError().pointee
    let savedContext = __xmlStructuredErrorContext().pointee
    xmlSetStructuredErrorFunc(nil, silence)
    defer { xmlSetStructuredErrorFunc(savedContext, savedHandler) }
    guard let compiled = xmlXPathCompile(expression) else { return "does not compile" }
    xmlXPathFreeCompExpr(compiled)
    let declared = Set(namespaces.map(\.0))
    for prefix in prefixes(in: expression) where !declared.contains(prefix) {
      return "uses the prefix '\(prefix)', which no <namespace prefix=\"\(prefix)\" …/> declares"
    }
    return nil
  }

  /// Whether this thread has a structured error handler installed: what `check` must leave as
  /// it found it (another parser on the thread may rely on its own).
  static var threadHasStructuredHandler: Bool { __xmlStructuredError().pointee != nil }

  /// Name prefixes in an expression (`wd:Worker` → `wd`), outside string literals and axes.
  static func prefixes(in expression: String) -> [String] {
    var found: [String] = []
    let characters = Array(expression)
    var index = 0
    var quote: Character?
    while index < characters.count {
      let character = characters[index]
      if let open = quote {
        if character == open { quote = nil }
      } else if character == "'" || character == "\"" {
        quote = character
      } else if character == ":", index + 1 < characters.count, characters[index + 1] != ":",
        index > 0, characters[index - 1] != ":"
      {
        var start = index
        while start > 0,
          characters[start - 1].isLetter || characters[start - 1].isNumber
            || characters[start - 1] == "_" || characters[start - 1] == "-"
            || characters[start - 1] == "."
        {
          start -= 1
        }
        if start < index { found.append(String(characters[start..<index])) }
      }
      index += 1
    }
    return found
  }
}

private let silence: xmlStructuredErrorFunc = { _, _ in }
