internal import CLibXML2
import Foundation

/// A compiled XML Schema; compiled once, then shared read-only by every validation.
final class XMLSchema: @unchecked Sendable {
  private let schema: xmlSchemaPtr

  /// The schema of Understudy's own format, shipped as a package resource.
  static let native: XMLSchema = {
    guard let url = Bundle.module.url(forResource: "understudy-org-1", withExtension: "xsd"),
      let data = try? Data(contentsOf: url), let schema = XMLSchema(bytes: [UInt8](data))
    else { fatalError("the bundled understudy-org-1.xsd is missing or invalid: reinstall") }
    return schema
  }()

  /// The XSD text of the native format, for `understudy schema`.
  static var nativeText: String {
    guard let url = Bundle.module.url(forResource: "understudy-org-1", withExtension: "xsd"),
      let text = try? String(contentsOf: url, encoding: .utf8)
    else { return "" }
    return text
  }

  init?(bytes: [UInt8]) {
    LibXML.initialize()
    let parsed: xmlSchemaPtr? = bytes.withUnsafeBufferPointer { buffer in
      buffer.baseAddress.flatMap { base in
        base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
          guard let context = xmlSchemaNewMemParserCtxt(chars, Int32(buffer.count)) else {
            return nil
          }
          defer { xmlSchemaFreeParserCtxt(context) }
          xmlSchemaSetParserStructuredErrors(context, { _, _ in }, nil)
          return xmlSchemaParse(context)
        }
      }
    }
    guard let parsed else { return nil }
    schema = parsed
  }

  deinit { xmlSchemaFree(schema) }

  /// A new validation context, for a stream of SAX events (`xmlSchemaSAXPlug`); the caller
  /// frees it with `xmlSchemaFreeValidCtxt`.
  func newValidationContext() -> xmlSchemaValidCtxtPtr? {
    xmlSchemaNewValidCtxt(schema)
  }

  /// Validates `document`, reporting every violation through `state`; true when it is valid.
  func validate(_ document: UnsafeMutablePointer<xmlDoc>, state: ParseState) -> Bool {
    guard let context = xmlSchemaNewValidCtxt(schema) else { return false }
    defer { xmlSchemaFreeValidCtxt(context) }
    let unmanaged = Unmanaged.passRetained(state)
    defer { unmanaged.release() }
    xmlSchemaSetValidStructuredErrors(
      context,
      { context, error in
        guard let context, let error else { return }
        Unmanaged<ParseState>.fromOpaque(context).takeUnretainedValue().report(error)
      }, unmanaged.toOpaque())
    return xmlSchemaValidateDoc(context, document) == 0
  }
}
