import Foundation
import TestSupport
import Testing

@Suite("No run passes while reading nothing, end to end", .serialized)
struct NothingSilentCommandTests {
  let export = "samples/harborline-hr-export.xml"
  let warning =
    "samples/harborline-hr-export.xml:440:13: warning: person 'HL060' has no skills; they count "
    + "only for roles that require none"
  let rolesNote =
    "understudy: note: give a roles file (native XML with a <roles> section; 'understudy schema' "
    + "prints the format) after the export, or add --derive-roles to make a role per critical "
    + "position (--derive-roles all: per position)"

  @Test(
    "analyze and plan without roles: exit 65, and how to give roles",
    arguments: ["analyze", "plan"])
  func noRoles(command: String) throws {
    let outcome = try CLIRunner.run([command, export])
    #expect(outcome.status == 65)
    #expect(outcome.stdout.isEmpty)
    #expect(
      outcome.stderr == """
        samples/harborline-hr-export.xml: error: no roles: no input file defines a role; coverage \
        needs roles to measure against
        \(warning)
        \(rolesNote)
        understudy: 1 error; nothing was written

        """)
  }

  @Test("validate without roles: a warning, and what each file gave")
  func validateNoRoles() throws {
    let outcome = try CLIRunner.run(["validate", export])
    #expect(outcome.status == 0)
    #expect(
      outcome.stdout == """
        samples/harborline-hr-export.xml (native): 60 people, 36 skills, 0 roles, 11 absences
        ok: 60 people, 36 skills, 0 roles from 1 file; 2 warnings

        """)
    #expect(
      outcome.stderr == """
        samples/harborline-hr-export.xml: warning: no roles: no input file defines a role; \
        coverage needs roles to measure against
        \(warning)
        \(rolesNote)

        """)
  }

  @Test("an export that yields nobody: exit 65, what it held, and what to try")
  func noPeople() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("feed.xml")
    try """
    <?xml version="1.0"?>
    <feed xmlns="http://www.w3.org/2005/Atom">
      <title>Export</title>
      <entry><id>1</id><title>Ann</title></entry>
      <entry><id>2</id><title>Bo</title></entry>
    </feed>
    """.write(toFile: path, atomically: true, encoding: .utf8)
    for command in ["validate", "analyze"] {
      let outcome = try CLIRunner.run([command, path, "samples/harborline-roles.xml"])
      #expect(outcome.status == 65)
      #expect(outcome.stdout.isEmpty)
      let lines = outcome.stderr.split(separator: "\n").map(String.init)
      #expect(
        lines.first
          == "\(path):2: error: no people read from this file: root element 'feed' in namespace "
          + "'http://www.w3.org/2005/Atom', read as successfactors; it holds 'entry' ×2, "
          + "'title' ×1 under the root; skipped 2: entries without an entity type")
      #expect(
        lines.contains(
          "samples/harborline-roles.xml:3: error: no people read from this file: root element "
            + "'organization' in namespace 'urn:understudy:org:1', read as native; it holds "
            + "'role' ×15, 'holiday' ×3 at depth 2 below the root"))
      #expect(
        lines.dropLast().last
          == "understudy: note: name the format with --profile NAME (or FILE=NAME), or give "
          + "--mapping FILE for an export no profile reads; 'understudy formats' lists the "
          + "profiles, and 'understudy inspect FILE' shows a file's structure and drafts a mapping")
    }
  }

  @Test("--mapping that reads none of the inputs is an error, not ignored")
  func unusedMapping() throws {
    let mapping = "samples/mappings/oracle-hcm-extract.xml"
    let outcome = try CLIRunner.run(
      ["validate", "Tests/HRImportTests/Fixtures/team-workday.xml", "--mapping", mapping])
    #expect(outcome.status == 65)
    #expect(
      outcome.stderr == """
        \(mapping): error: the mapping file reads none of the inputs: it is for files whose root \
        element is 'DATA_DS'; 'Tests/HRImportTests/Fixtures/team-workday.xml' has the root \
        'Envelope' and was detected as workday; correct the mapping's <match root="…"/>, or name \
        the mapping profile for the files it describes
        understudy: 1 error; nothing was written

        """)
  }
}
