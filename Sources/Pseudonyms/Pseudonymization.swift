internal import Crypto
import SkillsGraph

/// Replaces every person's name and id with a stable pseudonym, for workshops where real names
/// must not be shown.
///
/// A pseudonym is "Person " followed by the first hex digits of HMAC-SHA-256(salt, id), computed
/// by swift-crypto (the salt's UTF-8 bytes are the key, the id's the message): the same
/// salt always gives the same pseudonym, so two runs (or two reports) agree, while without the
/// salt nobody can recompute who is who even from a list of all ids. Four digits are used, more
/// where two people of the organization would otherwise collide. Departments, roles and skills are
/// kept; e-mail addresses and grades are dropped; managers, incumbents, interests, the plan and
/// an earlier plan given as input all refer to the pseudonyms.
public struct Pseudonymization: Sendable {
  /// Real id → pseudonym.
  public let pseudonyms: [PersonID: PersonID]

  /// Derives pseudonyms for every person of `organization` from `salt`.
  ///
  /// - Complexity: O(*n* log *n*) for *n* people: one HMAC each, a sort, and one pass over the
  ///   prefixes per length tried (at most 31).
  public init(for organization: Organization, salt: String) {
    let key = Array(salt.utf8)
    let ids = organization.people.map(\.id).sorted()
    let digests = Dictionary(
      ids.map { ($0, Self.hmacHex(key: key, message: Array($0.rawValue.utf8))) },
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
    copy.plan = organization.plan.map { apply(to: $0) }
    return copy
  }

  /// Lower-case hexadecimal of HMAC-SHA-256(`key`, `message`): the digits pseudonyms are cut from.
  static func hmacHex(key: [UInt8], message: [UInt8]) -> String {
    let code = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: key))
    let digits = Array("0123456789abcdef")
    var out = ""
    for byte in code {
      out.append(digits[Int(byte >> 4)])
      out.append(digits[Int(byte & 0x0f)])
    }
    return out
  }
}
