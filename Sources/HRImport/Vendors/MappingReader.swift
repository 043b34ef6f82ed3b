internal import CLibXML2
import SkillsGraph

/// Reads an export through a `MappingFile`: the person XPath picks the records, the relative
/// XPaths pick each value.
///
/// The file is parsed into memory (up to 256 MiB) because XPath needs the whole tree; every value
/// is located to the line and column of the node it came from.
enum MappingReader {
  /// - Throws: `ImportError.missingInput` when the file cannot be read.
  static func read(
    path: String, mapping: MappingFile, options: ImportOptions
  ) throws(ImportError)
    -> VendorFile
  {
    var file = VendorFile(path: path, profile: .mapping)
    let bytes = try SafeXMLParser.readFile(path: path, displayPath: path)
    let (done, _, diagnostics): (Void?, _, _) = SafeXMLParser.withTree(
      bytes: bytes, displayPath: path
    ) {
      _, document, state in
      var session = Session(
        mapping: mapping, document: document, locator: Locator(path: path, state: state),
        options: options)
      session.run(into: &file)
      session.close()
    }
    file.diagnostics = diagnostics + file.diagnostics
    file.wellFormed = done != nil
    if file.wellFormed, file.people.isEmpty {
      file.holdsNoPeople(
        "the mapping's person XPath '\(mapping.person.select.expression)' selects nothing")
    }
    file.notes.insert("read with the mapping '\(mapping.name)' (\(mapping.path))", at: 0)
    return file
  }

  private struct Session {
    let mapping: MappingFile
    let locator: Locator
    let options: ImportOptions
    let context: UnsafeMutablePointer<xmlXPathContext>?

    init(
      mapping: MappingFile, document: UnsafeMutablePointer<xmlDoc>, locator: Locator,
      options: ImportOptions
    ) {
      self.mapping = mapping
      self.locator = locator
      self.options = options
      context = xmlXPathNewContext(document)
      if let context {
        for (prefix, uri) in mapping.namespaces { xmlXPathRegisterNs(context, prefix, uri) }
      }
    }

    func close() { if let context { xmlXPathFreeContext(context) } }

    /// Nodes an expression selects from `node` (the document when `nil`).
    func nodes(
      _ expression: String, from node: UnsafeMutablePointer<xmlNode>?
    ) -> [UnsafeMutablePointer<xmlNode>] {
      guard let context else { return [] }
      context.pointee.node = node
      guard let result = xmlXPathEvalExpression(expression, context) else { return [] }
      defer { xmlXPathFreeObject(result) }
      guard result.pointee.type == XPATH_NODESET, let set = result.pointee.nodesetval else {
        return []
      }
      var found: [UnsafeMutablePointer<xmlNode>] = []
      for index in 0..<Int(set.pointee.nodeNr) {
        if let node = set.pointee.nodeTab[index] { found.append(node) }
      }
      return found
    }

    /// The string value of an expression from `node`, with the place it came from.
    func value(
      _ path: MappingFile.Path?, from node: UnsafeMutablePointer<xmlNode>
    )
      -> (text: String, location: SourceLocation)?
    {
      guard let path, let context else { return nil }
      context.pointee.node = node
      guard let result = xmlXPathEvalExpression(path.expression, context) else { return nil }
      defer { xmlXPathFreeObject(result) }
      var text: String?
      var location = locator.location(Node(node))
      switch result.pointee.type {
      case XPATH_NODESET:
        guard let set = result.pointee.nodesetval, set.pointee.nodeNr > 0,
          let first = set.pointee.nodeTab[0]
        else { return nil }
        if Self.isNull(first) { return nil }
        let content = xmlNodeGetContent(first)
        text = string(content)
        if let content { clibxml2_free(content) }
        var element = first
        if first.pointee.type != XML_ELEMENT_NODE, let parent = first.pointee.parent {
          element = parent
        }
        let attribute = first.pointee.type == XML_ATTRIBUTE_NODE ? string(first.pointee.name) : nil
        location = locator.location(Node(element), attribute: attribute)
      case XPATH_STRING:
        text = string(result.pointee.stringval)
      case XPATH_NUMBER:
        text = result.pointee.floatval.isNaN ? nil : formatNumber(result.pointee.floatval)
      case XPATH_BOOLEAN:
        text = result.pointee.boolval != 0 ? "true" : "false"
      default:
        text = nil
      }
      guard let trimmed = text?.trimmingSpaces, !trimmed.isEmpty else { return nil }
      return (trimmed, location)
    }

    /// Whether an element is marked as holding no value (OData's null, XML Schema's nil).
    ///
    /// `m:null="true"` or `xsi:nil="true"`: the element's text, if any, is not the value.
    static func isNull(_ node: UnsafeMutablePointer<xmlNode>) -> Bool {
      guard node.pointee.type == XML_ELEMENT_NODE else { return false }
      for (name, namespace) in [
        ("null", Namespaces.odataMetadata), ("nil", XMLStructure.schemaInstance),
      ] {
        guard let value = xmlGetNsProp(node, name, namespace) else { continue }
        let text = string(value).trimmingSpaces
        clibxml2_free(value)
        if text == "true" || text == "1" { return true }
      }
      return false
    }

    mutating func run(into file: inout VendorFile) {
      let person = mapping.person
      let activeValues = Set(
        (person.values["activeValues"] ?? "").split(separator: ",").map {
          VendorValues.nameKey(String($0))
        })
      for node in nodes(person.select.expression, from: nil) {
        guard let id = value(person.fields["id"], from: node) else {
          file.skip("person records without an id")
          continue
        }
        if let active = value(person.fields["active"], from: node) {
          let key = VendorValues.nameKey(active.text)
          let isActive =
            activeValues.isEmpty
            ? (VendorValues.bool(active.text) ?? true) : activeValues.contains(key)
          if !isActive {
            file.skip("inactive people ('\(active.text)')")
            continue
          }
        }
        var record = VendorPerson(id: id.text, at: id.location)
        record.name = VendorValues.clean(value(person.fields["name"], from: node)?.text)
        record.email = value(person.fields["email"], from: node)?.text
        record.department = VendorValues.clean(value(person.fields["department"], from: node)?.text)
        if let manager = value(person.fields["manager"], from: node), manager.text != id.text {
          record.manager = Located(value: manager.text, location: manager.location)
        }
        if let title = VendorValues.clean(value(person.fields["position"], from: node)?.text) {
          record.position = VendorPosition(
            jobProfile: title, title: title,
            isCritical: VendorValues.bool(value(person.fields["critical"], from: node)?.text)
              ?? false)
        }
        readSkills(node, into: &record, file: &file)
        readCertifications(node, into: &record, file: &file)
        readAbsences(node, into: &record, file: &file)
        file.people.append(record)
      }
    }

    private func readSkills(
      _ person: UnsafeMutablePointer<xmlNode>, into record: inout VendorPerson,
      file: inout VendorFile
    ) {
      for section in mapping.skills {
        for node in nodes(section.select.expression, from: person) {
          guard let name = value(section.fields["name"], from: node) else {
            file.skip("skills without a name")
            continue
          }
          var level = RawLevel.none(source: "mapping '\(section.select.expression)' gives no level")
          var location = name.location
          if let raw = value(section.fields["level"], from: node) {
            location = raw.location
            if let numeric = VendorValues.rating(
              raw.text, min: section.values["min"], max: section.values["max"],
              scale: options.ratingScale,
              label: { _ in "'\(section.fields["level"]?.expression ?? "")'" })
            {
              level = numeric
            } else {
              level = .named(raw.text)
            }
          }
          record.skills.append(
            VendorSkill(
              id: value(section.fields["id"], from: node)?.text,
              name: VendorValues.clean(name.text) ?? name.text, level: level, location: location))
        }
      }
    }

    private func readCertifications(
      _ person: UnsafeMutablePointer<xmlNode>, into record: inout VendorPerson,
      file: inout VendorFile
    ) {
      for section in mapping.certifications {
        for node in nodes(section.select.expression, from: person) {
          guard let name = value(section.fields["name"], from: node) else { continue }
          let issued = value(section.fields["issued"], from: node)
          let expires = value(section.fields["expires"], from: node)
          record.certifications.append(
            VendorCertification(
              name: VendorValues.clean(name.text) ?? name.text,
              issued: issued.flatMap { file.day($0.text, at: $0.location) },
              expires: expires.flatMap { file.day($0.text, end: .end, at: $0.location) },
              location: name.location))
        }
      }
    }

    private func readAbsences(
      _ person: UnsafeMutablePointer<xmlNode>, into record: inout VendorPerson,
      file: inout VendorFile
    ) {
      for section in mapping.absences {
        let approved = Set(
          (section.values["approvedValues"] ?? "").split(separator: ",").map {
            VendorValues.nameKey(String($0))
          })
        for node in nodes(section.select.expression, from: person) {
          if let status = value(section.fields["status"], from: node), !approved.isEmpty,
            !approved.contains(VendorValues.nameKey(status.text))
          {
            file.skip("absences not approved ('\(status.text)')")
            continue
          }
          let fromValue = value(section.fields["from"], from: node)
          guard let from = fromValue.flatMap({ file.day($0.text, at: $0.location) }) else {
            file.skip("absences without a start date")
            continue
          }
          let to =
            value(section.fields["to"], from: node).flatMap {
              file.day($0.text, end: .end, at: $0.location)
            } ?? from
          record.absences.append(
            Absence(
              from: from, to: max(to, from),
              kind: VendorValues.clean(value(section.fields["kind"], from: node)?.text)))
        }
      }
    }
  }
}
