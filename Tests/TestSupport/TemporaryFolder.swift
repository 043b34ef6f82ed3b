public import Foundation

/// A fresh folder under the system's temporary directory, named `<prefix>-<UUID>`.
public struct TemporaryFolder: Sendable {
  /// The folder's location.
  public let url: URL

  /// Creates the folder.
  ///
  /// - Throws: The file manager's error when the folder cannot be created.
  public init(prefix: String = "understudy-test") throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  /// The path of `name` inside the folder.
  public func file(_ name: String) -> String { url.appendingPathComponent(name).path }
}
