import Foundation
import HRImport
import SkillsGraph

/// Shared helpers for the vendor profile tests.
enum Vendor {
  /// A fixed "today", so certification validity and effective dating never depend on the clock.
  static let today = Day(iso: "2026-11-24")

  static func options(
    streamAll: Bool = false, derive: ImportOptions.RoleDerivation? = nil, mapping: String? = nil
  ) -> ImportOptions {
    var options = ImportOptions(
      mappingPath: mapping, deriveRoles: derive, today: today)
    if streamAll { options.streamingThreshold = 0 }
    return options
  }

  static func load(_ names: [String], options: ImportOptions = options()) throws -> ImportResult {
    try Importer.load(paths: names.map(Fixtures.path), options: options)
  }

  /// The diagnostics of a failed import, with the fixture folder stripped; empty on success.
  static func errors(_ names: [String], options: ImportOptions = options()) -> [String] {
    do {
      _ = try Importer.load(paths: names.map(Fixtures.path), options: options)
      return []
    } catch {
      switch error {
      case .invalidData(let list): return list.map { strip($0.description) }
      case .missingInput: return [strip(error.description)]
      }
    }
  }

  static func strip(_ line: String) -> String {
    line.replacingOccurrences(of: Fixtures.folder.path + "/", with: "")
  }

  /// The package root, for the samples the README runs.
  static let packageRoot = Fixtures.folder.deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The vendor samples shared beside the repository; absent in a user's clone.
  static let sharedSamples = packageRoot.deletingLastPathComponent()
    .appendingPathComponent("shared/samples/vendor")

  static var hasSharedSamples: Bool {
    FileManager.default.fileExists(atPath: sharedSamples.path)
  }
}

extension ImportResult {
  func person(_ id: String) -> Person? { organization.people.first { $0.id.rawValue == id } }

  /// The id of the skill with this name (as the export named it).
  func skill(named name: String) -> SkillID? {
    organization.skills.first { $0.name == name }?.id
  }

  /// Every remark the data sources section prints for the file at `index`, in order.
  func remarks(_ index: Int = 0) -> [String] {
    sources.indices.contains(index) ? sources[index].remarks : []
  }

  func level(_ person: String, _ skillName: String) -> Int? {
    guard let person = self.person(person), let skill = skill(named: skillName) else { return nil }
    return person.level(skill)
  }
}
