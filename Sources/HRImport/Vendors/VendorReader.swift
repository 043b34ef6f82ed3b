internal import CLibXML2

/// A profile's reader: which elements are its records, and what each record says.
///
/// Readers see one record at a time (a Workday `Worker`, an Atom `entry`, a BambooHR
/// `employee`), whether the file was parsed into memory or streamed, so the same code serves a
/// three-person sample and a 40,000-worker export.
protocol VendorReader {
  /// True for the elements this profile reads as records; the walk does not look inside them.
  func isRecord(_ node: Node) -> Bool
  /// Reads one record into the file's values.
  mutating func read(_ record: Node, locator: Locator)
  /// Everything read, once the last record is done.
  mutating func finish() -> VendorFile
  /// Looks up in the parser's dictionary, before a streamed parse begins, the names the reader
  /// will match by pointer: records are then read on another thread (`RecordHandoff`), where
  /// the dictionary may not be read while the parser adds to it.
  mutating func intern(dictionary: xmlDictPtr)
}

extension VendorReader {
  /// Readers that match names as strings intern nothing.
  mutating func intern(dictionary: xmlDictPtr) {}
}

extension VendorReader {
  /// Runs the reader over the file at `path`.
  ///
  /// `chunkSize` is the bytes a streamed file is read in at a time (tests vary it; the records
  /// and diagnostics never depend on it); `oneThread` streams the file on this thread alone
  /// (`ImportOptions.streamsOnOneThread`).
  /// - Throws: `ImportError.missingInput` when the file cannot be read.
  mutating func run(
    path: String, displayPath: String, streamAbove threshold: Int,
    chunkSize: Int = RecordSource.defaultChunkSize, oneThread: Bool = false
  )
    throws(ImportError) -> VendorFile
  {
    var copy = self
    // `isRecord` runs on the parsing thread while `read` may run on another: it asks a copy of
    // its own (what a record is does not change as records are read).
    let tester = self
    let (diagnostics, wellFormed, discard) = try RecordSource.read(
      path: path, displayPath: displayPath, streamAbove: threshold, chunkSize: chunkSize,
      oneThread: oneThread, isRecord: { tester.isRecord($0) },
      intern: { copy.intern(dictionary: $0) },
      body: { record, locator in copy.read(record, locator: locator) })
    // A file refused as a whole after some records were read: as if none had been.
    if discard { copy = self }
    var file = copy.finish()
    file.diagnostics = diagnostics + file.diagnostics
    file.wellFormed = wellFormed
    self = copy
    return file
  }
}

/// Namespaces the profiles match elements in.
enum Namespaces {
  static let workday = "urn:com.workday/bsvc"
  static let soap = "http://schemas.xmlsoap.org/soap/envelope/"
  static let soap12 = "http://www.w3.org/2003/05/soap-envelope"
  static let atom = "http://www.w3.org/2005/Atom"
  static let odataMetadata = "http://schemas.microsoft.com/ado/2007/08/dataservices/metadata"
  static let odataData = "http://schemas.microsoft.com/ado/2007/08/dataservices"
  static let hrxml3 = "http://www.hr-xml.org/3"
  static let oagis = "http://www.openapplications.org/oagis/9"
  static let hrxml2 = "http://ns.hr-xml.org/2007-04-15"
  static let europass = "http://www.europass.eu/1.0"
  /// The Europass CV before 2020, XML schema v3.x (`SkillsPassport`).
  static let europassV3 = "http://europass.cedefop.europa.eu/Europass"
  static let eures = "http://www.europass_eures.eu/1.0"
  static let xmlSchema = "http://www.w3.org/2001/XMLSchema"
}
