import Foundation
import TestSupport

/// Writes an XXE attack file whose entity points at a secret in a fresh temporary folder, so the
/// test can prove the secret never reaches any output.
struct XXEFile {
  let folder: URL
  let secret = "s3cr3t-\(UInt64.random(in: 1_000_000...9_999_999))"
  var attack: URL { folder.appendingPathComponent("xxe.xml") }
  var parameterAttack: URL { folder.appendingPathComponent("xxe-parameter.xml") }

  init() throws {
    folder = try TemporaryFolder(prefix: "understudy-xxe").url
    let secretFile = folder.appendingPathComponent("secret.txt")
    try secret.write(to: secretFile, atomically: true, encoding: .utf8)
    let evilDTD = folder.appendingPathComponent("evil.dtd")
    try "<!ENTITY leak SYSTEM \"file://\(secretFile.path)\">".write(
      to: evilDTD, atomically: true, encoding: .utf8)
    try """
    <?xml version="1.0"?>
    <!DOCTYPE organization [<!ENTITY xxe SYSTEM "file://\(secretFile.path)">]>
    <organization xmlns="urn:understudy:org:1">
      <people><person id="&xxe;" name="&xxe;"/></people>
    </organization>
    """.write(to: attack, atomically: true, encoding: .utf8)
    try """
    <?xml version="1.0"?>
    <!DOCTYPE organization [<!ENTITY % ext SYSTEM "file://\(evilDTD.path)"> %ext;]>
    <organization xmlns="urn:understudy:org:1">
      <people><person id="E1" name="&leak;"/></people>
    </organization>
    """.write(to: parameterAttack, atomically: true, encoding: .utf8)
  }
}
