import Foundation
import SkillsGraph

/// How `Importer` reads a set of files.
public struct ImportOptions: Sendable {
  /// Read every file that is not in the native format with this profile instead of detecting it.
  public var profile: ImportProfile?
  /// Per-file profiles, by the path as given; these win over `profile` and detection.
  public var profileByPath: [String: ImportProfile]
  /// The mapping file for exports no built-in profile reads.
  public var mappingPath: String?
  /// Which roles to derive from the export's positions, in addition to any roles file.
  public var deriveRoles: RoleDerivation?
  /// The level at which a skill the export gives without a level counts (default 2).
  public var levelLessSkillLevel: Int
  /// The scale of numeric ratings that carry no scale of their own (SuccessFactors
  /// `CompetencyRating.rating`, mapping files without `min`/`max`); default 1–5.
  public var ratingScale: ClosedRange<Double>
  /// The day to use when neither the policy nor the data says when the horizon starts
  /// (certifications count while valid on that day); `nil` means today.
  public var today: Day?
  /// Files larger than this (default 16 MiB) stream record by record; smaller ones are parsed
  /// in memory, which places diagnostics to the column.
  ///
  /// Native files always stream: their streamed reader places diagnostics to the column too.
  public var streamingThreshold: Int
  /// How an import that ends with people but no role is reported: `.error` for a caller that
  /// measures coverage (there is nothing to measure against), `.warning` for a check, `nil`
  /// (the default) not at all.
  public var missingRoles: Diagnostic.Severity?
  /// Called as records are read (at most about ten times a second per file), for a progress
  /// display; it never changes what is imported.
  ///
  /// When files are read at once, it is called from their threads, one call at a time; each
  /// file's last report (every record, 100 %) comes after all the files are read, in the order
  /// given, so the last report is the last file's, as when they are read one by one.
  public var progress: (@Sendable (ImportProgress) -> Void)?
  /// How many input files are read at once, each on its own thread (default: one per active
  /// processor).
  ///
  /// Reading a file is parsing it and reading its records; 1 reads the files one after another
  /// on the caller's thread. The result is the same either way: everything that depends on the
  /// order of the files (diagnostics, merging by id) follows the order given.
  public var maximumConcurrentFiles: Int
  /// Whether a Workday export's people are converted as they are read (the default), or once
  /// every file is read.
  ///
  /// Converting while reading uses the time the parse leaves the reading thread; the result is
  /// the same either way (a file whose conversion would differ is converted again in its
  /// turn), which tests compare by turning it off.
  public var convertsWhileReading = true
  /// Whether a streamed file is scanned, parsed and read on its reading thread alone.
  ///
  /// Set for files read at once: they already keep every core busy, and the scan's and the
  /// parse's threads of their own then only move every byte and record between cores
  /// (BENCHMARKS.md, "Pages in parallel"). A file read alone keeps the three threads.
  var streamsOnOneThread = false

  /// Which positions `deriveRoles` turns into roles.
  public enum RoleDerivation: String, Sendable, CaseIterable {
    /// Positions or job profiles the export marks critical (Workday `Critical_Job`).
    case critical
    /// Every position or job profile.
    case all
  }

  public init(
    profile: ImportProfile? = nil, profileByPath: [String: ImportProfile] = [:],
    mappingPath: String? = nil, deriveRoles: RoleDerivation? = nil, levelLessSkillLevel: Int = 2,
    ratingScale: ClosedRange<Double> = 1...5, today: Day? = nil,
    streamingThreshold: Int = 16 << 20,
    maximumConcurrentFiles: Int = ProcessInfo.processInfo.activeProcessorCount
  ) {
    self.profile = profile
    self.profileByPath = profileByPath
    self.mappingPath = mappingPath
    self.deriveRoles = deriveRoles
    self.levelLessSkillLevel = levelLessSkillLevel
    self.ratingScale = ratingScale
    self.today = today
    self.streamingThreshold = streamingThreshold
    self.maximumConcurrentFiles = maximumConcurrentFiles
  }

  /// The day the horizon starts when nothing else says: `today`, or the current UTC date.
  var resolvedToday: Day {
    today ?? .today
  }
}
