import ArgumentParser
import Foundation
import Pseudonyms
import Reports
import SkillsGraph

/// Workshop mode: pseudonyms instead of names, and no counts of very small groups.
struct WorkshopOptions: ParsableArguments {
  @Flag(help: "Replace every person's name and id with a stable pseudonym (workshop mode).")
  var pseudonymize = false

  @Option(help: "Secret that makes pseudonyms stable: the same salt gives the same pseudonyms.")
  var salt: String?

  @Option(
    name: .customLong("salt-file"),
    help: "File holding the salt; created with a random salt on first use, reused afterwards.")
  var saltFile: String?

  @Option(
    name: .customLong("min-group"), parsing: .unconditional,
    help:
      "Show any count of fewer than this many people as 'fewer than K' (default 3 with --pseudonymize)."
  )
  var minGroup: Int?

  func validate() throws {
    if pseudonymize, salt == nil, saltFile == nil {
      throw ValidationError(
        "--pseudonymize needs --salt TEXT or --salt-file FILE, so that runs agree on pseudonyms")
    }
    if !pseudonymize, salt != nil || saltFile != nil {
      throw ValidationError("--salt and --salt-file only apply with --pseudonymize")
    }
    if let minGroup { try UsageCheck.positive(minGroup, "--min-group", atMost: 100) }
  }

  var privacy: Privacy {
    Privacy(minimumGroup: minGroup ?? (pseudonymize ? 3 : nil))
  }

  /// The pseudonymization to apply, or nil outside workshop mode.
  func pseudonymization(for organization: Organization) throws -> Pseudonymization? {
    guard pseudonymize else { return nil }
    return Pseudonymization(for: organization, salt: try resolvedSalt())
  }

  private func resolvedSalt() throws -> String {
    if let salt { return salt }
    guard let saltFile else { return "" }
    if let existing = try? String(contentsOfFile: saltFile, encoding: .utf8) {
      let trimmed = existing.trimmingCharacters(in: .whitespacesAndNewlines)
      if !trimmed.isEmpty { return trimmed }
    }
    var generator = SystemRandomNumberGenerator()
    let fresh = (0..<32).map { _ in
      let hex = String(UInt8.random(in: 0...255, using: &generator), radix: 16)
      return hex.count == 1 ? "0" + hex : hex
    }.joined()
    do {
      // The salt is a secret: readable by its owner only.
      try AtomicFile.write(fresh + "\n", to: saltFile, permissions: 0o600)
    } catch {
      Console.error(error.description)
      throw ExitCode(ExitStatus.cannotWrite)
    }
    return fresh
  }
}
