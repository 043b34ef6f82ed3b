/// Recognises a file's format from its first elements' namespaces and names.
enum ProfileDetector {
  /// What the first elements say about a file.
  enum Verdict: Equatable {
    case profile(ImportProfile)
    /// A file that is XML but no export (an XML Schema): why it holds no people.
    case notAnExport(String)
    case unknown
  }

  static let bambooRoots: Set<String> = [
    "directory", "report", "employees", "requests", "calendar", "table",
  ]
  static let bambooMetadata: Set<String> = ["fields", "lists", "timeOffTypes", "timeOffPolicies"]

  /// - Parameter names: the first elements in document order, the root first.
  /// - Returns: the profile that reads the file, or why none does.
  static func detect(_ names: [QualifiedName]) -> Verdict {
    guard let root = names.first else { return .unknown }
    if root.namespace == NativeFileReader.namespace { return .profile(.native) }
    if root.namespace == Namespaces.xmlSchema {
      return .notAnExport(
        "it is an XML Schema (xs:schema), which defines a format; give the exports written "
          + "in that format instead")
    }
    if names.contains(where: { $0.namespace == Namespaces.workday }) { return .profile(.workday) }
    // The flat layout integration tools write keeps the envelope's name but may drop its
    // namespace.
    if names.prefix(3).contains(where: {
      $0.namespace.isEmpty && $0.localName == "Get_Workers_Response"
    }) {
      return .profile(.workday)
    }
    // The Europass CV before 2020 (XML schema v3.x).
    if names.prefix(3).contains(where: {
      $0.namespace == Namespaces.europassV3
        && ($0.localName == "SkillsPassport" || $0.localName == "Europass")
    }) {
      return .profile(.europass)
    }
    if root.namespace == SpreadsheetML2003Reader.namespace { return .profile(.spreadsheet) }
    if root.namespace == Namespaces.atom { return .profile(.successfactors) }
    for name in names.prefix(3) {
      if name.localName == "Candidate",
        name.namespace == Namespaces.europass || name.namespace == Namespaces.hrxml3
      {
        return .profile(.europass)
      }
      if name.namespace == Namespaces.hrxml3 || name.namespace == Namespaces.oagis {
        return .profile(.hrxml3)
      }
      if name.namespace.hasPrefix("http://ns.hr-xml.org/2") { return .profile(.hrxml2) }
    }
    if root.namespace.isEmpty {
      // Résumé parsers that leave out HR-XML's namespace still write its element names.
      if root.localName == "Resume",
        names.dropFirst().contains(where: {
          $0.localName == "StructuredXMLResume" || $0.localName == "ResumeId"
        })
      {
        return .profile(.hrxml2)
      }
      if bambooRoots.contains(root.localName) || bambooMetadata.contains(root.localName) {
        return .profile(.bamboohr)
      }
      // A wrapper element around one of the above (several samples in one file).
      if names.count > 1, names[1].namespace.isEmpty,
        bambooRoots.contains(names[1].localName) || bambooMetadata.contains(names[1].localName)
      {
        return .profile(.bamboohr)
      }
    }
    return .unknown
  }
}
