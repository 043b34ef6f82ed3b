import MentoringOptimizer
import Reports
import SkillsGraph
import Testing

@Suite("Check-in calendar (RFC 5545)")
struct CheckInCalendarTests {
  let text = CheckInCalendar.render(PlanFixture.content)

  @Test("one event per check-in of every pair")
  func events() {
    let expected = PlanFixture.content.checkIns.all.count
    #expect(PlanFixture.content.checkIns.byPair.map { $0.map(\.week) } == [[1, 3, 5, 7, 9]])
    #expect(text.components(separatedBy: "BEGIN:VEVENT\r\n").count - 1 == expected)
  }

  @Test("CRLF everywhere, no line over 75 octets, folded lines start with a space")
  func lineRules() {
    let lines = text.components(separatedBy: "\r\n")
    #expect(lines.last == "")
    #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    for line in lines { #expect(line.utf8.count <= 75) }
  }

  @Test("folding never splits a UTF-8 character, and unfolding restores the line")
  func folding() throws {
    var content = PlanFixture.content
    let longName = String(repeating: "Ødegaard-Ærø ", count: 12)
    content.organization.skills = content.organization.skills.map {
      var skill = $0
      skill.name = longName
      return skill
    }
    let rendered = CheckInCalendar.render(content)
    let bytes = Array(rendered.utf8)
    var lineStart = 0
    for index in bytes.indices where bytes[index] == 0x0A {
      let line = Array(bytes[lineStart..<(index - 1)])
      #expect(line.count <= 75)
      // Each physical line on its own must still be valid UTF-8.
      #expect(String(validating: line, as: UTF8.self) != nil)
      lineStart = index + 1
    }
    let unfolded = rendered.replacingOccurrences(of: "\r\n ", with: "")
    let summary = try #require(
      unfolded.components(separatedBy: "\r\n").first { $0.hasPrefix("SUMMARY:") })
    #expect(summary.contains("learns \(longName) with"))
  }

  @Test("line breaks in names and odd e-mail addresses cannot add calendar properties")
  func injection() {
    var content = PlanFixture.content
    for index in content.organization.people.indices {
      content.organization.people[index].name += "\r\nORGANIZER:mailto:evil@example.com"
      content.organization.people[index].email = "x@example.com\r\nATTENDEE:mailto:evil@example.com"
    }
    let rendered = CheckInCalendar.render(content)
    let lines = rendered.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n")
    #expect(!lines.contains { $0.hasPrefix("ORGANIZER") })
    #expect(
      lines.filter { $0.hasPrefix("ATTENDEE") }.count == 2
        * content.checkIns.all.count)
    #expect(!rendered.contains("mailto:x@example.com"))
  }

  @Test("the same input gives the same bytes, with DTSTAMP from the export's date")
  func deterministic() {
    #expect(text == CheckInCalendar.render(PlanFixture.content))
    #expect(text.contains("DTSTAMP:20261124T000000Z\r\n"))
  }

  @Test("text values are escaped and attendees carry names")
  func escaping() {
    #expect(text.contains("ATTENDEE;CN=\"Bea Diallo\";ROLE=CHAIR:urn:understudy:person:P10"))
    // "Tax \"VAT\" law" has no special characters; the agenda's line breaks and ';' do.
    let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
    #expect(
      unfolded.contains("\\nTarget level: 3 (from 2).\\nLearning hours so far: 0 of 40\\; to go"))
  }

  @Test("an active pair's hours so far include those spent before this plan")
  func activePair() {
    var content = PlanFixture.content
    content.plan.pairs[0].status = .active
    content.plan.pairs[0].hoursDone = 12
    let unfolded = CheckInCalendar.render(content).replacingOccurrences(of: "\r\n ", with: "")
    // 40 hours left at 4 a week: the week-3 check-in comes after 8 of them.
    #expect(unfolded.contains("Learning hours so far: 12 of 52\\; to go: 40."))
    #expect(unfolded.contains("Learning hours so far: 20 of 52\\; to go: 32."))
  }
}
