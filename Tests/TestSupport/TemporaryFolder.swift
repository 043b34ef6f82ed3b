public import Foundation

/// A fresh folder named `<prefix>-<UUID>`, under a folder of the test process's own in the
/// system's temporary directory.
public struct TemporaryFolder: Sendable {
  /// The folder's location.
  public let url: URL

  /// Creates the folder.
  ///
  /// - Throws: The file manager's error when the folder cannot be created.
  /// The folder lives in one folder of this test process's own, removed when the process
  /// exits, so that a test run leaves nothing behind in the system's temporary folder (most
  /// tests hand the folder to the code under test and never remove it themselves).
  public init(prefix: String = "understudy-test") throws {
    url = Self.processFolder.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  /// This process's folder, made and set to be removed at exit on first use.
  private static let processFolder: URL = {
    atexit { try? FileManager.default.removeItem(at: TemporaryFolder.processFolderURL) }
    return processFolderURL
  }()

  private static var processFolderURL: URL {
    FileManager.default.temporaryDirectory.appendingPathComponent(
      "understudy-tests-\(getpid())")
  }

  /// The path of `name` inside the folder.
  public func file(_ name: String) -> String { url.appendingPathComponent(name).path }
}
