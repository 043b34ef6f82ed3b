import Foundation
import HRImport
import Testing

@Suite("Untrusted input is refused before it can do harm")
struct UntrustedInputTests {
  static let doctypeMessage =
    "DOCTYPE declarations are not accepted: HR exports never need one, and entity declarations "
    + "can read local files or expand without bound"

  func errors(_ path: String) -> [Diagnostic] {
    do {
      _ = try NativeImporter.load(paths: [path])
      return []
    } catch {
      guard case .invalidData(let list) = error else { return [] }
      return list
    }
  }

  @Test("billion laughs stops at the DOCTYPE, before any entity is declared")
  func billionLaughs() {
    let found = errors(Fixtures.path("billion-laughs.xml"))
    #expect(found.map(\.message) == [Self.doctypeMessage])
    #expect(found.first?.location.line == 2)
  }

  @Test("an external DTD is never fetched")
  func externalDTD() {
    #expect(errors(Fixtures.path("external-dtd.xml")).map(\.message) == [Self.doctypeMessage])
  }

  @Test("XXE against a local file: refused, and the secret appears nowhere")
  func xxe() throws {
    let files = try XXEFile()
    for path in [files.attack.path, files.parameterAttack.path] {
      let found = errors(path)
      #expect(found.map(\.message) == [Self.doctypeMessage])
      #expect(!found.map(\.description).joined().contains(files.secret))
    }
  }

  @Test("10,000-deep nesting is refused at libxml2's depth limit")
  func deepNesting() throws {
    let xml =
      "<organization xmlns=\"urn:understudy:org:1\">"
      + String(repeating: "<a>", count: 10_000) + String(repeating: "</a>", count: 10_000)
      + "</organization>"
    let error = try #require(throws: ImportError.self, "deep nesting was accepted") {
      try NativeImporter.load(xml: xml, name: "deep.xml")
    }
    guard case .invalidData(let list) = error else {
      Issue.record("expected invalid data, got \(error)")
      return
    }
    #expect(
      list.map(\.description) == [
        "deep.xml:1:812: error: elements nest deeper than 256 levels; no HR export needs that, "
          + "so the file is refused"
      ])
  }

  @Test("the bundled schema is well-formed and ships with the package")
  func schemaShips() {
    #expect(NativeImporter.schemaText.contains("targetNamespace=\"urn:understudy:org:1\""))
  }
}
