/// The formats every report comes in: two for people, two for machines.
public enum ReportFormat: String, CaseIterable, Sendable {
  case markdown
  case json
  case csv
  case html
}

/// The gap report in `format`; the same content always gives the same bytes.
public func render(_ content: GapReportContent, as format: ReportFormat) -> String {
  switch format {
  case .markdown: GapReportMarkdown.render(content)
  case .json: GapReportJSON.render(content)
  case .csv: GapReportCSV.render(content)
  case .html: HTMLReport.render(content)
  }
}

/// ``render(_:as:)`` as the UTF-8 bytes of a file, in parts to be written one after another;
/// JSON is written as bytes from the start, so a report of tens of megabytes is not copied
/// through a `String` nor joined into one buffer.
public func renderParts(_ content: GapReportContent, as format: ReportFormat) -> [[UInt8]] {
  switch format {
  case .json: GapReportJSON.renderParts(content)
  case .markdown, .csv, .html: [Array(render(content, as: format).utf8)]
  }
}

/// The plan report in `format`; the same content always gives the same bytes.
public func render(_ content: PlanReportContent, as format: ReportFormat) -> String {
  switch format {
  case .markdown: PlanReportMarkdown.render(content)
  case .json: PlanReportJSON.render(content)
  case .csv: PlanReportCSV.render(content)
  case .html: HTMLReport.render(content)
  }
}
