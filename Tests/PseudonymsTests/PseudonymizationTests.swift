import Crypto
import SkillsGraph
import Testing

@testable import Pseudonyms

/// A small team: three people, two roles, one manager.
private let team = Organization(
  skills: [Skill(id: "payroll"), Skill(id: "tax")],
  people: [
    Person(id: "A", manager: "C", levels: ["payroll": 4, "tax": 2]),
    Person(id: "B", levels: ["payroll": 3]),
    Person(id: "C", levels: ["tax": 4]),
  ],
  roles: [
    Role(
      id: "payroll-run", requirements: [.init(skill: "payroll", level: 3)], incumbents: ["A"],
      criticality: .critical),
    Role(id: "tax-filing", requirements: [.init(skill: "tax", level: 4)], incumbents: ["C"]),
  ])

/// RFC 4231's HMAC-SHA-256 test cases 1, 2, 3, 4, 6 and 7: key, data, HMAC-SHA-256.
///
/// Case 5 truncates its output; cases 6 and 7 take keys longer than a block, which HMAC hashes
/// first.
private let rfc4231: [([UInt8], [UInt8], String)] = [
  (
    [UInt8](repeating: 0x0b, count: 20), Array("Hi There".utf8),
    "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"
  ),
  (
    Array("Jefe".utf8), Array("what do ya want for nothing?".utf8),
    "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
  ),
  (
    [UInt8](repeating: 0xaa, count: 20), [UInt8](repeating: 0xdd, count: 50),
    "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"
  ),
  (
    Array(1...25), [UInt8](repeating: 0xcd, count: 50),
    "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"
  ),
  (
    [UInt8](repeating: 0xaa, count: 131),
    Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
    "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
  ),
  (
    [UInt8](repeating: 0xaa, count: 131),
    Array(
      ("This is a test using a larger than block-size key and a larger than block-size data. "
        + "The key needs to be hashed before being used by the HMAC algorithm.").utf8),
    "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"
  ),
]

@Suite("Pseudonyms for workshop mode")
struct PseudonymizationTests {
  @Test(
    "SHA-256, the hash the HMAC is built on, matches FIPS 180-4's examples",
    arguments: [
      ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
      ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
      (
        "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
      ),
    ])
  func sha256(message: String, digest: String) {
    let hex = SHA256.hash(data: Array(message.utf8)).map { byte in
      let digits = String(byte, radix: 16)
      return digits.count == 1 ? "0" + digits : digits
    }.joined()
    #expect(hex == digest)
  }

  @Test("the HMAC pseudonyms are cut from matches RFC 4231", arguments: rfc4231)
  func hmac(key: [UInt8], data: [UInt8], mac: String) {
    #expect(Pseudonymization.hmacHex(key: key, message: data) == mac)
  }

  @Test("a pseudonym is the first four hex digits of HMAC-SHA-256(salt, id), RFC 4231 case 2")
  func pseudonymIsHMACPrefix() {
    let id = PersonID("what do ya want for nothing?")
    let mapping = Pseudonymization(for: Organization(people: [Person(id: id)]), salt: "Jefe")
    #expect(mapping.callAs(id) == "Person 5bdc")
  }

  @Test(
    "pseudonyms are the ones the hand-written SHA-256 gave before swift-crypto",
    arguments: [
      ("A", "Person 8378"), ("B", "Person 609d"), ("C", "Person bdbe"), ("D", "Person 1953"),
      ("E", "Person 561f"), ("F", "Person ae27"), ("ada.lovelace", "Person 5313"),
    ] as [(PersonID, PersonID)])
  func unchanged(id: PersonID, pseudonym: PersonID) {
    // Recorded from the code before the move, for salt "workshop-2026" and these seven people.
    let ids: [PersonID] = ["A", "B", "C", "D", "E", "F", "ada.lovelace"]
    let organization = Organization(people: ids.map { Person(id: $0) })
    let mapping = Pseudonymization(for: organization, salt: "workshop-2026")
    #expect(mapping.callAs(id) == pseudonym)
  }

  @Test("pseudonyms are stable for a salt, differ between salts, and hide every name and id")
  func stable() {
    let first = Pseudonymization(for: team, salt: "workshop-2026")
    let again = Pseudonymization(for: team, salt: "workshop-2026")
    let other = Pseudonymization(for: team, salt: "another salt")
    #expect(first.pseudonyms == again.pseudonyms)
    #expect(first.pseudonyms != other.pseudonyms)
    let renamed = first.apply(to: team)
    #expect(Set(renamed.people.map(\.id)).count == team.people.count)
    for person in renamed.people {
      #expect(person.id.rawValue.hasPrefix("Person "))
      #expect(person.name == person.id.rawValue)
    }
    #expect(renamed.people[0].manager == first.callAs("C"))
    #expect(renamed.roles[0].incumbents == [first.callAs("A")])
    // The analysis is unchanged apart from the names.
    #expect(CoverageAnalysis(renamed).coverageScore == CoverageAnalysis(team).coverageScore)
  }

  @Test("colliding prefixes get longer pseudonyms instead of merging two people")
  func collisions() {
    let people = (0..<3000).map { Person(id: PersonID("E\($0)"), levels: [:]) }
    let mapping = Pseudonymization(for: Organization(people: people), salt: "s")
    #expect(Set(mapping.pseudonyms.values).count == 3000)
    // Recorded from the code before swift-crypto: eight digits are needed here.
    #expect(mapping.callAs("E0") == "Person 862fbf68")
    #expect(mapping.callAs("E2999") == "Person a49aeede")
  }

  @Test("a scenario renamed by the pseudonyms names every person by their pseudonym")
  func renamedScenario() {
    let mapping = Pseudonymization(for: team, salt: "workshop-2026")
    let period = DayRange(from: Day(ordinal: 100), to: Day(ordinal: 130))
    let scenario = Scenario(
      away: [Scenario.Away(person: "A"), Scenario.Away(person: "B", period: period)],
      excluded: ["C"])
    let renamed = scenario.renamed(by: mapping)
    #expect(
      renamed.away == [
        Scenario.Away(person: mapping.callAs("A")),
        Scenario.Away(person: mapping.callAs("B"), period: period),
      ])
    #expect(renamed.excluded == [mapping.callAs("C")])
    let real: Set<PersonID> = ["A", "B", "C"]
    #expect(real.isDisjoint(with: renamed.away.map(\.person)))
    #expect(real.isDisjoint(with: renamed.excluded))
  }
}
