import SkillsGraph

/// Turns the grids of a spreadsheet into the vendor-neutral records every other export gives.
///
/// Each sheet is read on its own. Its header is the first of its first 30 rows that names a
/// person or role id column (titles and blank rows above it are skipped; a header merged over
/// two rows is read from its lower row, where the skill names are). The header decides the
/// layout:
/// - **roles × skills** when it names a role id, a criticality or incumbents: a row per role,
///   then one column per skill with the required level;
/// - **long form** when it names a skill and a level column: a row per person and skill;
/// - **people × skills** otherwise: a row per person, then one column per skill with a level, a
///   named level or nothing.
/// Columns whose headers no synonym knows are skills; known columns that are not read (job
/// title, notes) are listed in the report. Every value is checked, and a problem is reported at
/// its cell, `file.xlsx:Sheet1!C7`.
struct SkillsMatrixLayout {
  static let headerSearchRows = 30

  enum Layout: String {
    case people = "people × skills"
    case roles = "roles × skills"
    case long = "long form (person, skill, level)"
  }

  private var file: VendorFile
  private var path: String { file.path }
  /// The first `VendorSkill.key` of the next sheet's skill columns.
  private var nextSkillKey = 0
  /// Whether some sheet had a header row naming an id column.
  private var foundHeader = false

  init(path: String, label: String) {
    file = VendorFile(path: path, profile: .spreadsheet)
    file.profileLabel = label
  }

  /// Reads every grid and returns what they hold; `diagnostics` are added to the file's.
  ///
  /// The grids are consumed: each row is freed once its records are made, so a large sheet's
  /// cells and its records are not held in full at once.
  mutating func read(
    _ grids: consuming [SheetGrid], diagnostics: [Diagnostic], notes: [String]
  )
    -> VendorFile
  {
    file.diagnostics = diagnostics
    file.notes = notes
    file.wellFormed = !diagnostics.contains { $0.severity == .error } || !grids.isEmpty
    var grids = grids
    for index in grids.indices {
      var grid = grids[index]
      grids[index] = SheetGrid(name: nil)
      if !grid.fillMerges() {
        file.error(
          "\(sheetLabel(grid)) merges ranges of more than \(SheetGrid.maximumCells) cells; "
            + "the cells past that were left as the file gives them",
          at: SourceLocation(file: path))
      }
      read(&grid)
    }
    // A header with nothing below it is said where the header is ("has a header but no rows
    // below it"), not as a missing header.
    if file.people.isEmpty, file.roles.isEmpty, file.wellFormed, !foundHeader {
      file.holdsNoPeople(
        "no sheet has a header row naming a person id column (such as 'Employee ID' or 'ID') "
          + "within its first \(Self.headerSearchRows) rows")
    }
    return file
  }

  private func sheetLabel(_ grid: SheetGrid) -> String {
    grid.name.map { "sheet '\($0)'" } ?? "the file"
  }

  // MARK: Header

  private struct Header {
    var row: Int
    var layout: Layout
    /// What each known column holds → its index (the first such column; later ones are
    /// listed as not read).
    var columns: [SheetColumn: Int] = [:]
    var skills: [(column: Int, name: String)] = []
    var ignored: [String] = []

    func first(_ kind: SheetColumn) -> Int? { columns[kind] }
  }

  private func findHeader(_ grid: SheetGrid) -> Header? {
    for row in 0..<min(grid.rows.count, Self.headerSearchRows) {
      let kinds = grid.rows[row].map { HeaderMatcher.match($0.text) }
      let ids = kinds.contains(.personID) || kinds.contains(.roleID)
      let known = kinds.count { $0 != nil && $0 != .ignored }
      guard ids, known >= 2 || grid.rows[row].count >= 2 else { continue }
      var headerRow = row
      // A header merged over two rows: its lower row names the skills.
      if let idColumn = kinds.firstIndex(where: { $0 == .personID || $0 == .roleID }) {
        while grid.isMergedDown(row: headerRow, column: idColumn),
          headerRow + 1 < grid.rows.count
        {
          headerRow += 1
        }
      }
      return header(grid, row: headerRow)
    }
    return nil
  }

  private func header(_ grid: SheetGrid, row: Int) -> Header {
    let cells = grid.rows[row]
    var kinds: [Int: SheetColumn] = [:]
    var texts: [Int: String] = [:]
    // The copies of a cell merged across several columns are one column. They are marked in
    // one pass over the merges (a count of ranges starting and ending per column), not by
    // asking every merge about every cell: a hostile sheet may hold thousands of each.
    var covering = [Int](repeating: 0, count: cells.count + 1)
    for range in grid.merges
    where range.top <= row && row <= range.bottom && range.left >= 0
      && range.left < cells.count - 1
      && range.left < range.right
    {
      covering[range.left + 1] += 1
      covering[min(range.right, cells.count - 1) + 1] -= 1
    }
    var copies = 0
    for (column, cell) in cells.enumerated() {
      copies += covering[column]
      let text = cell.text
      guard !text.isEmpty, copies == 0 else { continue }
      texts[column] = text
      if let kind = HeaderMatcher.match(text) { kinds[column] = kind }
    }
    let values = Set(kinds.values)
    let layout: Layout
    if values.contains(.roleID) || values.contains(.criticality) || values.contains(.incumbents) {
      layout = .roles
    } else if values.contains(.skill), values.contains(.level) {
      layout = .long
    } else {
      layout = .people
    }
    var header = Header(row: row, layout: layout)
    for column in texts.keys.sorted() {
      guard let text = texts[column] else { continue }
      var kind = kinds[column]
      if layout == .roles {
        // In a roles sheet, "ID" and "Name" are the role's.
        if kind == .personID, !values.contains(.roleID) { kind = .roleID }
        if kind == .personName, !values.contains(.roleName) { kind = .roleName }
        if kind == .ignored, HeaderMatcher.key(text) == "title", !values.contains(.roleName) {
          kind = .roleName
        }
      }
      if layout == .people, kind == .level || kind == .skill { kind = .ignored }
      switch kind {
      case nil:
        if layout == .long {
          header.ignored.append(text)
        } else {
          header.skills.append((column, Self.clean(text)))
        }
      case .ignored?:
        header.ignored.append(text)
      case let known?:
        if header.columns[known] != nil {
          header.ignored.append(text)  // a second "Name" column: the first one counts
        } else {
          header.columns[known] = column
        }
      }
    }
    return header
  }

  /// Header text as a skill name: surrounding spaces dropped, inner runs of white space one.
  static func clean(_ text: String) -> String {
    text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  // MARK: Rows

  private mutating func read(_ grid: inout SheetGrid) {
    guard let header = findHeader(grid) else {
      if !grid.rows.isEmpty {
        file.notes.append(
          "\(sheetLabel(grid)) not read: no header row naming a person or role id column")
      }
      return
    }
    let idKind: SheetColumn = header.layout == .roles ? .roleID : .personID
    guard let idColumn = header.first(idKind) else { return }
    foundHeader = true
    var note =
      "\(sheetLabel(grid)): \(header.layout.rawValue), header in row \(header.row + 1)"
    if !header.skills.isEmpty {
      note += ", \(header.skills.count) skill column\(header.skills.count == 1 ? "" : "s")"
    }
    if !header.ignored.isEmpty {
      note += "; columns not read: " + header.ignored.map { "'\($0)'" }.joined(separator: ", ")
    }
    file.notes.append(note)
    let firstSkillKey = nextSkillKey
    nextSkillKey += header.skills.count
    var seen: [String: Int] = [:]
    var longIndex: [String: Int] = [:]
    var count = 0
    for row in (header.row + 1)..<max(grid.rows.count, header.row + 1) {
      defer { grid.rows[row] = [] }  // read: its records hold what it says
      let cells = grid.rows[row]
      guard cells.contains(where: { !$0.isEmpty }) else { continue }  // a blank row
      let id = grid[row, idColumn].text
      let idLocation = grid.location(file: path, row: row, column: idColumn)
      guard !id.isEmpty else {
        let what = header.layout == .roles ? "role" : "person"
        file.error(
          "\(what) id missing: row \(row + 1) has values but nothing under "
            + "'\(grid[header.row, idColumn].text)'", at: idLocation)
        continue
      }
      if header.layout != .long {
        if let first = seen[id] {
          file.error(
            "\(header.layout == .roles ? "role" : "person") '\(id)' is listed twice in "
              + "\(sheetLabel(grid)) (first in row \(first + 1))", at: idLocation)
          continue
        }
        seen[id] = row
      }
      count += 1
      switch header.layout {
      case .people:
        var person = VendorPerson(id: id, at: idLocation)
        readDetails(grid, header: header, row: row, into: &person)
        person.skills.reserveCapacity(header.skills.count)
        for (offset, skill) in header.skills.enumerated() {
          let cell = grid[row, skill.column]
          if cell.isEmpty { continue }
          let location = grid.location(file: path, row: row, column: skill.column)
          guard let level = level(cell, skill: skill.name, at: location) else { continue }
          person.skills.append(
            VendorSkill(
              name: skill.name, level: level, key: UInt16(exactly: firstSkillKey + offset),
              location: location))
        }
        file.people.append(person)
      case .roles:
        file.roles.append(readRole(grid, header: header, row: row, id: id, at: idLocation))
      case .long:
        var person: VendorPerson
        if let index = longIndex[id] {
          person = file.people[index]
        } else {
          person = VendorPerson(id: id, at: idLocation)
          person.isReference = true
        }
        readDetails(grid, header: header, row: row, into: &person)
        if let skillColumn = header.first(.skill), let levelColumn = header.first(.level) {
          let name = Self.clean(grid[row, skillColumn].text)
          let location = grid.location(file: path, row: row, column: levelColumn)
          if name.isEmpty {
            file.error(
              "skill missing: row \(row + 1) gives a level but no skill",
              at: grid.location(file: path, row: row, column: skillColumn))
          } else if grid[row, levelColumn].isEmpty {
            person.skills.append(
              VendorSkill(
                name: name, level: .none(source: "rows of a skills matrix without a level"),
                location: location))
          } else if let level = level(grid[row, levelColumn], skill: name, at: location) {
            person.skills.append(VendorSkill(name: name, level: level, location: location))
          }
        }
        if let index = longIndex[id] {
          file.people[index] = person
        } else {
          longIndex[id] = file.people.count
          file.people.append(person)
        }
      }
    }
    if count == 0 {
      file.notes.append("\(sheetLabel(grid)) has a header but no rows below it")
    }
  }

  private mutating func readDetails(
    _ grid: SheetGrid, header: Header, row: Int, into person: inout VendorPerson
  ) {
    func text(_ kind: SheetColumn) -> String? {
      guard let column = header.first(kind) else { return nil }
      let value = grid[row, column].text
      return value.isEmpty ? nil : value
    }
    if let name = text(.personName) {
      person.name = name
    } else {
      let parts = [text(.firstName), text(.lastName)].compactMap { $0 }
      if !parts.isEmpty { person.name = parts.joined(separator: " ") }
    }
    person.department = text(.department) ?? person.department
    person.email = text(.email) ?? person.email
    if let column = header.first(.manager), let manager = text(.manager) {
      person.manager = Located(
        value: manager, location: grid.location(file: path, row: row, column: column))
    }
    person.mentorHoursPerWeek =
      number(grid, header, row, .mentorHours, "mentoring hours a week", 0...168)
      ?? person.mentorHoursPerWeek
    person.learningHoursPerWeek =
      number(grid, header, row, .learningHours, "learning hours a week", 0...168)
      ?? person.learningHoursPerWeek
    person.maxMentees =
      wholeNumber(grid, header, row, .maxMentees, "most mentees", 0...1000) ?? person.maxMentees
  }

  private mutating func readRole(
    _ grid: SheetGrid, header: Header, row: Int, id: String, at location: SourceLocation
  ) -> VendorRole {
    var role = VendorRole(id: Located(value: id, location: location))
    if let column = header.first(.roleName) {
      let name = grid[row, column].text
      role.name = name.isEmpty ? nil : name
    }
    if let column = header.first(.criticality), !grid[row, column].isEmpty {
      let text = grid[row, column].text
      if let criticality = Criticality(parsing: text.lowercased()) {
        role.criticality = criticality
      } else {
        file.error(
          "unknown criticality '\(text)' (expected 'critical', 'high', 'normal' or a positive "
            + "number)", at: grid.location(file: path, row: row, column: column))
      }
    }
    role.backups = wholeNumber(grid, header, row, .backups, "backups", 0...1000)
    role.minPresent = wholeNumber(grid, header, row, .minPresent, "people present", 1...1000)
    if let column = header.first(.incumbents) {
      let cellLocation = grid.location(file: path, row: row, column: column)
      let ids = grid[row, column].text.split(whereSeparator: { ",;\n".contains($0) })
      role.incumbents = ids.map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
        .map { Located(value: $0, location: cellLocation) }
    }
    for skill in header.skills {
      let cell = grid[row, skill.column]
      if cell.isEmpty { continue }
      let levelLocation = grid.location(file: path, row: row, column: skill.column)
      guard let level = level(cell, skill: skill.name, at: levelLocation) else { continue }
      let headerLocation = grid.location(file: path, row: header.row, column: skill.column)
      role.requirements.append(
        (Located(value: skill.name, location: headerLocation), level, levelLocation))
    }
    return role
  }

  // MARK: Values

  /// The level a cell gives: a whole number on the model's scale (also when stored as text, or
  /// as a formula's cached value), a named level, or `nil` for an empty cell or a dash.
  private mutating func level(
    _ cell: SheetCell, skill: String, at location: SourceLocation
  )
    -> RawLevel?
  {
    var value: Double
    switch cell {
    case .empty:
      return nil
    case .boolean:
      file.error("'\(skill)' holds \(cell.text) where a level belongs", at: location)
      return nil
    case .error(let code):
      file.error(
        "'\(skill)' holds the spreadsheet error '\(code)' where a level belongs", at: location)
      return nil
    case .number(let number):
      value = number
    case .text:
      let text = cell.text
      if text.isEmpty || ["-", "–", "—"].contains(text) { return nil }
      if text.hasPrefix("=") {
        file.error(
          "'\(skill)' holds the formula '\(text)' without its value (a CSV file keeps no "
            + "results); save the sheet with values, or as .xlsx or .ods", at: location)
        return nil
      }
      guard let number = Double(text.replacingOccurrences(of: ",", with: ".")) else {
        return .named(text)
      }
      value = number
    }
    guard value.isFinite, value == value.rounded(), let whole = Int(exactly: value) else {
      file.error(
        "level \(cell.text) of '\(skill)' is not a whole number (levels are 0, 1, 2, … or a "
          + "level name such as 'Expert')", at: location)
      return nil
    }
    guard whole >= 0 else {
      file.error("level \(whole) of '\(skill)' is negative", at: location)
      return nil
    }
    return .exact(whole)
  }

  private mutating func number(
    _ grid: SheetGrid, _ header: Header, _ row: Int, _ kind: SheetColumn, _ what: String,
    _ range: ClosedRange<Double>
  ) -> Double? {
    guard let column = header.first(kind) else { return nil }
    let cell = grid[row, column]
    if cell.isEmpty { return nil }
    let value: Double? =
      if case .number(let number) = cell { number } else { Double(cell.text) }
    guard let value, value.isFinite, range.contains(value) else {
      file.error(
        "\(what) '\(cell.text)' is not a number from \(SheetCell.format(range.lowerBound)) to "
          + "\(SheetCell.format(range.upperBound))",
        at: grid.location(file: path, row: row, column: column))
      return nil
    }
    return value
  }

  private mutating func wholeNumber(
    _ grid: SheetGrid, _ header: Header, _ row: Int, _ kind: SheetColumn, _ what: String,
    _ range: ClosedRange<Int>
  ) -> Int? {
    guard let column = header.first(kind) else { return nil }
    let cell = grid[row, column]
    if cell.isEmpty { return nil }
    let value: Double? =
      if case .number(let number) = cell { number } else { Double(cell.text) }
    guard let value, let whole = Int(exactly: value), range.contains(whole) else {
      file.error(
        "\(what) '\(cell.text)' is not a whole number from \(range.lowerBound) to "
          + "\(range.upperBound)", at: grid.location(file: path, row: row, column: column))
      return nil
    }
    return whole
  }
}
