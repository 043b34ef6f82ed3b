/// A field's name as the guesses read it: the local names from the record down to the field,
/// lower case, letters and digits only (`ASSIGNMENT/DEPARTMENT_NAME` → `assignmentdepartmentname`),
/// without OData's `content` and `properties` wrappers.
struct FieldName {
  /// Every step below the record, joined.
  let key: String
  /// The last step alone.
  let leaf: String

  init(_ structure: XMLStructure, _ index: Int, from ancestor: Int) {
    var steps: [String] = []
    var current: Int? = index
    while let here = current, here != ancestor {
      let name = Self.simplify(structure.paths[here].localName)
      if !(["content", "properties"].contains(name) && here != index) { steps.append(name) }
      current = structure.paths[here].parent
    }
    key = steps.reversed().joined()
    leaf = steps.first ?? ""
  }

  static func simplify(_ name: String) -> String {
    String(
      name.lowercased().unicodeScalars.filter {
        $0.properties.isAlphabetic || ("0"..."9").contains($0)
      }.map(Character.init))
  }

  /// True when the key contains any of `words`.
  func has(_ words: [String]) -> Bool { words.contains { key.contains($0) } }

  /// True when the leaf reads as an identifier: `id`, `…Id`, `…Number`, `…No`, `…Code`.
  var endsLikeID: Bool {
    leaf == "id"
      || ["id", "number", "no", "num", "nr", "code", "key"].contains { leaf.hasSuffix($0) }
  }

  static let personWords = ["person", "employee", "emp", "worker", "user", "staff", "member"]
  static let managerWords = ["manager", "supervisor", "reportsto", "boss", "linemanager"]
  static let departmentWords = [
    "department", "dept", "orgunit", "organization", "organisation", "division", "team",
    "businessunit", "costcenter", "costcentre",
  ]
  /// Words that make a field something other than the person's own id or name.
  static let otherThings =
    managerWords + departmentWords + [
      "company", "position", "job", "location", "skill", "competenc", "phone", "mobile", "fax",
      "tax", "ssn", "social", "bank", "national", "passport", "zip", "postal", "mail", "etag",
      "version", "seq", "title", "level", "rating", "type", "status", "absence", "leave",
      "address", "city", "country", "grade", "cert", "licen", "org",
    ]

  /// A field whose name says it is a person's id: `EmpNo`, `PERSON_NUMBER`, `d:UserId`.
  var looksLikePersonID: Bool { endsLikeID && has(Self.personWords) && !has(Self.otherThings) }
}
