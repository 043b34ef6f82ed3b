import SkillsGraph

/// Makes roles from an export's positions when nobody has written a roles file yet.
///
/// One role per job profile (or position title when there is no profile): the critical ones
/// (Workday `Critical_Job`) or, with `all`, every one. A role requires, at level 3, each skill
/// that every incumbent holds at 3 or more: what the people doing the work today demonstrably
/// share. The roles are marked derived, so reports never pass them off as a reviewed list.
struct RoleDeriver {
  let scale: LevelScale
  private var groups: [String: Group] = [:]
  private var order: [String] = []

  private struct Group {
    var id: String
    var name: String
    var isCritical = false
    var incumbents: [(person: Located<String>, levels: [String: Int], fileIndex: Int)] = []
  }

  struct Derived {
    var roles: [RoleRecord]
    var rolesPerFile: [(fileIndex: Int, count: Int)]
    var notes: [(fileIndex: Int, note: String)]
  }

  init(scale: LevelScale) { self.scale = scale }

  mutating func add(
    person: consuming Located<String>, position: VendorPosition,
    levels: consuming [String: Int], fileIndex: Int
  ) {
    guard let name = position.jobProfile ?? position.title else { return }
    let key = position.jobProfileID ?? VendorValues.nameKey(name)
    if groups[key] == nil {
      order.append(key)
      groups[key] = Group(id: position.jobProfileID ?? VendorValues.slug(name), name: name)
    }
    if position.isCritical { groups[key]?.isCritical = true }
    groups[key]?.incumbents.append((person, levels, fileIndex))
  }

  func derive(mode: ImportOptions.RoleDerivation) -> Derived {
    var derived = Derived(roles: [], rolesPerFile: [], notes: [])
    var perFile: [Int: Int] = [:]
    let level = scale.certificationLevel
    var usedIDs = Set<String>()
    for key in order {
      guard let group = groups[key], mode == .all || group.isCritical,
        let first = group.incumbents.first
      else { continue }
      var shared = first.levels.filter { $0.value >= level }.map(\.key)
      // By index, reading each incumbent's levels alone: the loop copied every entry whole.
      for place in group.incumbents.indices.dropFirst() where !shared.isEmpty {
        let levels = group.incumbents[place].levels
        shared.removeAll { (levels[$0] ?? 0) < level }
      }
      shared.sort()
      guard !shared.isEmpty else {
        derived.notes.append(
          (
            first.fileIndex,
            "no role derived for '\(group.name)': its incumbents share no skill at level "
              + "\(level) or more"
          ))
        continue
      }
      var id = "derived-" + group.id
      var suffix = 2
      while usedIDs.contains(id) {
        id = "derived-\(group.id)-\(suffix)"
        suffix += 1
      }
      usedIDs.insert(id)
      let location = first.person.location
      var record = RoleRecord(id: Located(value: id, location: location))
      record.name = group.name
      record.criticality = group.isCritical ? .critical : .normal
      record.isDerived = true
      record.requirements = shared.map {
        (Located(value: $0, location: location), Located(value: level, location: location))
      }
      record.incumbents = group.incumbents.map { $0.person }
      derived.roles.append(record)
      perFile[first.fileIndex, default: 0] += 1
    }
    derived.rolesPerFile = perFile.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    return derived
  }
}
