/// Skill ids by name and by id, shared by every file so that the same name is one skill.
///
/// A skill an export names gets the export's own id when it has one, else the id of a skill
/// with the same name, else a new id made from the name. What a name resolves to depends on
/// what was registered before it, so the registry keeps the calls that could change it
/// (`calls`): a file converted while it is read, with a registry of its own, replays them
/// against the shared registry in its turn and keeps its ids only when each resolves the same
/// (`VendorConversion`, "converted while read").
struct SkillRegistry: Sendable {
  /// Skill ids by name key (and id key); the first skill to claim a key keeps it.
  private var skillIDs: [String: String] = [:]
  /// Each skill's name, by id: the first name registered for it.
  private(set) var skillNames: [String: String] = [:]
  /// Caches for the hot path: 40,000 workers name the same few hundred skills over and over.
  private var idByExactName: [String: String] = [:]
  private var seenPairs: [String: String] = [:]

  /// One call of `id(id:name:)` that was not answered from a cache, with what it returned.
  struct Call: Sendable {
    var id: String?
    var name: String
    var result: String
  }

  /// The calls not answered from a cache, in order, when recording (`nil` otherwise).
  ///
  /// A call answered from a cache changes nothing and returns what an earlier call did, so
  /// replaying these alone, in order, leaves another registry as all the calls would.
  private(set) var calls: [Call]?

  /// An empty registry; `recording` keeps `calls`.
  init(recording: Bool = false) {
    calls = recording ? [] : nil
  }

  /// Registers a skill a file defines (a native file's, or one an export names).
  mutating func register(skill id: String, name: String?) {
    skillNames[id] = skillNames[id] ?? name ?? id
    let idKey = VendorValues.nameKey(id)
    skillIDs[idKey] = skillIDs[idKey] ?? id
    if let name {
      let key = VendorValues.nameKey(name)
      skillIDs[key] = skillIDs[key] ?? id
    }
  }

  /// The id of a skill an export names: the export's own id when it has one, else the id of a
  /// skill with the same name, else a new id made from the name.
  mutating func id(id: String?, name: String) -> String {
    if let id, !id.isEmpty {
      if skillNames[id] == nil || seenPairs[id] != name {
        register(skill: id, name: name)
        seenPairs[id] = name
        calls?.append(Call(id: id, name: name, result: id))
      }
      return id
    }
    if let known = idByExactName[name] { return known }
    let result = resolve(name: name)
    idByExactName[name] = skillIDs[VendorValues.nameKey(name)]
    calls?.append(Call(id: nil, name: name, result: result))
    return result
  }

  /// The id of a skill named without an id, met for the first time.
  private mutating func resolve(name: String) -> String {
    if let known = skillIDs[VendorValues.nameKey(name)] { return known }
    var candidate = VendorValues.slug(name)
    var suffix = 2
    while skillNames[candidate] != nil {
      candidate = VendorValues.slug(name) + "-\(suffix)"
      suffix += 1
    }
    register(skill: candidate, name: name)
    return candidate
  }

  /// Replays another registry's recorded calls, in order.
  ///
  /// - Returns: true when every call resolved here as it did there; the registry is changed
  ///   either way, so replay on a copy to keep the original when it fails.
  mutating func replay(_ recorded: [Call]) -> Bool {
    for call in recorded where id(id: call.id, name: call.name) != call.result {
      return false
    }
    return true
  }
}
