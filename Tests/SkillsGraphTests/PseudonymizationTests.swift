import Testing

@testable import SkillsGraph

@Suite("Pseudonyms for workshop mode")
struct PseudonymizationTests {
  @Test(
    "SHA-256 and HMAC-SHA-256 match published test vectors",
    arguments: [
      ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
      ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
      (
        "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
      ),
    ])
  func sha256(message: String, digest: String) {
    #expect(hex(SHA256.hash(Array(message.utf8))) == digest)
  }

  @Test("HMAC-SHA-256, RFC 4231 test case 2")
  func hmac() {
    let mac = SHA256.hmac(
      key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8))
    #expect(hex(mac) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
  }

  @Test("pseudonyms are stable for a salt, differ between salts, and hide every name and id")
  func stable() {
    let organization = SixPeople.organization
    let first = Pseudonymization(for: organization, salt: "workshop-2026")
    let again = Pseudonymization(for: organization, salt: "workshop-2026")
    let other = Pseudonymization(for: organization, salt: "another salt")
    #expect(first.pseudonyms == again.pseudonyms)
    #expect(first.pseudonyms != other.pseudonyms)
    let renamed = first.apply(to: organization)
    #expect(Set(renamed.people.map(\.id)).count == organization.people.count)
    for person in renamed.people {
      #expect(person.id.rawValue.hasPrefix("Person "))
      #expect(person.name == person.id.rawValue)
    }
    #expect(renamed.roles[0].incumbents == [first.callAs("A")])
    // The analysis is unchanged apart from the names.
    #expect(CoverageAnalysis(renamed).coverageScore == CoverageAnalysis(organization).coverageScore)
  }

  @Test("colliding prefixes get longer pseudonyms instead of merging two people")
  func collisions() {
    let people = (0..<3000).map { Person(id: PersonID("E\($0)"), levels: [:]) }
    let mapping = Pseudonymization(for: Organization(people: people), salt: "s")
    #expect(Set(mapping.pseudonyms.values).count == 3000)
  }
}
