import Foundation
import MentoringOptimizer
import Reports
import Testing

/// The succession bench defines its readiness words where it is shown, one sentence each.
@Suite("Succession readiness words are defined") struct SuccessionDefinitionsTests {
  @Test("Markdown: one line per word, between the introduction and the first incumbent")
  func markdown() throws {
    let text = GapReportMarkdown.render(TeamFixture.content)
    let bench = try #require(markdownSection("Succession bench", in: text))
    let words = ["ready now", "ready within the horizon", "later", "blocked"]
    for word in words {
      let line = try #require(
        bench.split(separator: "\n").first { $0.hasPrefix("- **\(word)**: ") })
      #expect(line.hasSuffix(".") && line.filter { $0 == "." }.count == 1)
    }
    let firstIncumbent = try #require(bench.range(of: "\n### "))
    let lastWord = try #require(bench.range(of: "- **blocked**"))
    #expect(lastWord.upperBound < firstIncumbent.lowerBound)
  }

  @Test("HTML: each word under the badge the table shows for it")
  func html() throws {
    let html = HTMLReport.render(TeamFixture.content)
    let bench = try #require(HTMLScan.section("succession", in: html))
    #expect(
      bench.contains(
        "<dt><span class=\"ready soon\">◐ within the horizon</span></dt><dd>the hours still to "))
    #expect(bench.components(separatedBy: "<dt>").count == 5)
  }

  @Test("JSON: the keys the readiness fields use, each with its sentence")
  func json() throws {
    let data = Data(GapReportJSON.render(TeamFixture.content).utf8)
    let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let definitions = try #require(document["readinessDefinitions"] as? [String: String])
    #expect(Set(definitions.keys) == ["readyNow", "withinHorizon", "later", "blocked"])
    #expect(
      definitions["later"]?.hasPrefix("later: someone could teach every missing skill") == true)
  }
}
