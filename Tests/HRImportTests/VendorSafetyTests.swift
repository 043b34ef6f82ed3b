import Foundation
import HRImport
import TestSupport
import Testing

@Suite("Vendor files get the native reader's safety and error style")
struct VendorSafetyTests {
  static let doctype =
    "DOCTYPE declarations are not accepted: HR exports never need one, and entity declarations "
    + "can read local files or expand without bound"

  @Test(
    "a DOCTYPE in a vendor file is refused at its line, in memory and streaming",
    arguments: [false, true])
  func doctype(streaming: Bool) {
    #expect(
      Vendor.errors(["workday-doctype.xml"], options: Vendor.options(streamAll: streaming)) == [
        "workday-doctype.xml:2:1: error: \(Self.doctype)"
      ])
  }

  @Test("broken XML is located by libxml2's line and column")
  func malformed() {
    #expect(
      Vendor.errors(["workday-malformed.xml"]) == [
        "workday-malformed.xml:4:108: error: Opening and ending tag mismatch: Worker line 4 and Workr"
      ])
  }

  @Test("broken XML while streaming is refused too")
  func malformedStreaming() {
    let errors = Vendor.errors(["workday-malformed.xml"], options: Vendor.options(streamAll: true))
    #expect(errors.first?.hasPrefix("workday-malformed.xml:4:") == true)
    #expect(errors.first?.contains("Opening and ending tag mismatch") == true)
  }

  @Test("XXE through a vendor profile: refused, and the secret appears nowhere")
  func xxe() throws {
    let folder = try TemporaryFolder()
    let secret = "s3cr3t-\(UInt64.random(in: 1_000_000...9_999_999))"
    let secretFile = folder.file("secret.txt")
    try secret.write(toFile: secretFile, atomically: true, encoding: .utf8)
    let attack = folder.file("xxe-workday.xml")
    try """
    <?xml version="1.0"?>
    <!DOCTYPE x [<!ENTITY xxe SYSTEM "file://\(secretFile)">]>
    <wd:Get_Workers_Response xmlns:wd="urn:com.workday/bsvc"><wd:Response_Data><wd:Worker><wd:Worker_Reference wd:Descriptor="&xxe;"><wd:ID wd:type="Employee_ID">&xxe;</wd:ID></wd:Worker_Reference></wd:Worker></wd:Response_Data></wd:Get_Workers_Response>
    """.write(toFile: attack, atomically: true, encoding: .utf8)
    for streaming in [false, true] {
      var options = Vendor.options(streamAll: streaming)
      options.profile = .workday
      let error = try #require(throws: ImportError.self, "the attack was accepted") {
        try Importer.load(paths: [attack], options: options)
      }
      #expect(error.description == "\(attack):2:1: error: \(Self.doctype)")
      #expect(!error.description.contains(secret))
    }
  }

  @Test("a file no profile recognises says how to read it")
  func unknownFormat() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("mystery.xml")
    try "<?xml version=\"1.0\"?>\n<Staff xmlns=\"urn:example:staff\"><Member/></Staff>\n"
      .write(toFile: path, atomically: true, encoding: .utf8)
    let error = try #require(throws: ImportError.self, "an unknown format was accepted") {
      try Importer.load(paths: [path], options: Vendor.options())
    }
    #expect(
      error.description
        == "\(path):2: error: cannot tell which HR system wrote this file (root element 'Staff' "
        + "in namespace 'urn:example:staff'); name its profile (native, workday, successfactors, "
        + "bamboohr, hrxml3, hrxml2, europass or spreadsheet), or give a mapping file for an "
        + "export no "
        + "profile reads")
  }

  @Test("a missing file is reported before any parsing")
  func missing() {
    #expect(Vendor.errors(["workday-page1.xml", "nope.xml"]) == ["nope.xml: error: no such file"])
  }
}
