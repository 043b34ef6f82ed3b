import Testing

@testable import HRImport

@Suite("Mapping XPath checks")
struct MappingXPathTests {
  @Test("a bad expression is reported, and the thread's error handler is given back")
  func handlerRestored() {
    let before = MappingXPath.threadHasStructuredHandler
    #expect(MappingXPath.check("//wd:Worker[", namespaces: [("wd", "urn:x")]) == "does not compile")
    #expect(
      MappingXPath.check("//hr:Person", namespaces: [])
        == "uses the prefix 'hr', which no <namespace prefix=\"hr\" …/> declares")
    #expect(MappingXPath.check("//wd:Worker", namespaces: [("wd", "urn:x")]) == nil)
    #expect(MappingXPath.threadHasStructuredHandler == before)
  }
}
