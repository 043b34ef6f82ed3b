/// Replaces every person's name and id with a stable pseudonym, for workshops where real names
/// must not be shown.
///
/// A pseudonym is "Person " followed by the first hex digits of HMAC-SHA-256(salt, id): the same
/// salt always gives the same pseudonym, so two runs (or two reports) agree, while without the
/// salt nobody can recompute who is who even from a list of all ids. Four digits are used, more
/// where two people of the organization would otherwise collide. Departments, roles and skills are
/// kept; e-mail addresses and grades are dropped; managers, incumbents, interests and the plan
/// all refer to the pseudonyms.
public struct Pseudonymization: Sendable {
  /// Real id → pseudonym.
  public let pseudonyms: [PersonID: PersonID]

  /// Derives pseudonyms for every person of `organization` from `salt`.
  public init(for organization: Organization, salt: String) {
    let ids = organization.people.map(\.id).sorted()
    let digests = Dictionary(
      ids.map { ($0, hex(SHA256.hmac(key: Array(salt.utf8), message: Array($0.rawValue.utf8)))) },
      uniquingKeysWith: { a, _ in a })
    var length = 4
    while length < 64 {
      let prefixes = ids.compactMap { digests[$0].map { String($0.prefix(length)) } }
      if Set(prefixes).count == prefixes.count { break }
      length += 2
    }
    pseudonyms = Dictionary(
      ids.compactMap { id in digests[id].map { (id, PersonID("Person \($0.prefix(length))")) } },
      uniquingKeysWith: { a, _ in a })
  }

  /// The pseudonym of `id` (an id nobody has is returned unchanged: it names nobody).
  public func callAs(_ id: PersonID) -> PersonID { pseudonyms[id] ?? id }

  /// The organization with every person replaced by their pseudonym.
  public func apply(to organization: Organization) -> Organization {
    var copy = organization
    copy.people = organization.people.map { person in
      var renamed = person
      renamed.id = callAs(person.id)
      renamed.name = renamed.id.rawValue
      renamed.manager = person.manager.map(callAs)
      renamed.email = nil
      renamed.grade = nil
      return renamed
    }
    copy.roles = organization.roles.map { role in
      var renamed = role
      renamed.incumbents = role.incumbents.map(callAs)
      return renamed
    }
    return copy
  }
}
