import Foundation
import HRImport
import SkillsGraph
import TestSupport
import Testing

@Suite("Merging many records of one person stays linear")
struct LinearMergeTests {
  /// A who's-out list that repeats one person 40,000 times.
  ///
  /// Each entry is a record merged into the last: a merge that
  /// scanned the absences so far for each one made 800 million comparisons; a set makes it
  /// 40,000 insertions. Duplicates (every fourth entry repeats an earlier one) appear once.
  @Test("a who's-out list of 40,000 entries for one person merges into 30,000 absences")
  func manyAbsencesForOnePerson() throws {
    var text = "<?xml version=\"1.0\"?>\n<calendar>\n"
    text.reserveCapacity(5_000_000)
    let first = try #require(Day(iso: "2027-01-04"))
    for index in 0..<40_000 {
      let day = first.adding(days: index % 4 == 3 ? index - 3 : index)
      text += "<item type=\"timeOff\"><request id=\"\(index)\"/><employee id=\"1\">Dee Nash"
      text += "</employee><start>\(day)</start><end>\(day)</end></item>\n"
    }
    text += "</calendar>\n"
    let folder = try TemporaryFolder()
    let path = folder.file("whosout.xml")
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    let result = try Importer.load(paths: [path])
    let person = try #require(result.organization.people.first)
    #expect(result.organization.people.count == 1)
    #expect(person.absences.count == 30_000)
  }
}
