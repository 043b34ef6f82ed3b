import SkillsGraph
import Testing

@testable import HRImport

@Suite("Values as real exports write them")
struct VendorValuesTests {
  @Test(
    "dates: zone suffix, time, partial, OData ticks, US order",
    arguments: [
      ("2025-02-03-08:00", "2025-02-03"), ("2025-02-03+01:00", "2025-02-03"),
      ("2025-02-03Z", "2025-02-03"), ("2024-01-01T00:00:00", "2024-01-01"),
      ("2025-02", "2025-02-01"), ("2025", "2025-01-01"), ("/Date(1444003200000)/", "2015-10-05"),
      ("4/1/1997", "1997-04-01"),
    ])
  func dates(text: String, day: String) {
    #expect(VendorValues.day(text) == Day(iso: day))
  }

  @Test("a partial date at the end of a range is its last day; junk is no date")
  func partialEnd() {
    #expect(VendorValues.day("2025-02", end: .end) == Day(iso: "2025-02-28"))
    #expect(VendorValues.day("2024", end: .end) == Day(iso: "2024-12-31"))
    #expect(VendorValues.day("not a date") == nil)
    #expect(VendorValues.day("") == nil)
  }

  @Test(
    "booleans as 0/1/true/false",
    arguments: [("1", true), ("true", true), ("TRUE", true), ("0", false), ("false", false)])
  func booleans(text: String, value: Bool) {
    #expect(VendorValues.bool(text) == value)
  }

  @Test("double-escaped text is decoded once and its white space collapsed")
  func doubleEscaped() {
    #expect(
      VendorValues.clean("3510 Capital City Blvd.&#xa;Lansing, MI&#xa;USA")
        == "3510 Capital City Blvd. Lansing, MI USA")
    #expect(VendorValues.clean("R&amp;D &lt;core&gt;") == "R&D <core>")
    #expect(VendorValues.clean("AT&T") == "AT&T")
    #expect(VendorValues.clean("   ") == nil)
  }

  @Test("ids made from names keep what distinguishes them")
  func slugs() {
    #expect(VendorValues.slug("Payroll Close") == "payroll-close")
    #expect(VendorValues.slug("C++") == "c++")
    #expect(VendorValues.slug("C#") == "c#")
  }

  @Test(
    "numeric scales map linearly, halves down",
    arguments: [
      (1.0, 1.0, 5.0, 1), (3.0, 1.0, 5.0, 2), (5.0, 1.0, 5.0, 4), (0.0, 0.0, 100.0, 0),
      (50.0, 0.0, 100.0, 2), (75.0, 0.0, 100.0, 3), (5.0, 3.0, 5.0, 4), (3.0, 3.0, 5.0, 1),
    ])
  func numeric(value: Double, low: Double, high: Double, level: Int) {
    let scale = LevelScale(scaleMax: 4, levelLessDefault: 2, userNames: [:])
    #expect(scale.level(value, min: low, max: high) == level)
  }

  @Test("named levels: built-in table, scaled, words inside a label")
  func named() {
    let four = LevelScale(scaleMax: 4, levelLessDefault: 2, userNames: [:])
    #expect(four.level(named: "Developing")?.level == 2)
    #expect(four.level(named: "  fully   PROFICIENT ")?.level == 3)
    #expect(four.level(named: "3 - Expert")?.level == 4)
    #expect(four.level(named: "C2")?.level == 4)
    #expect(four.level(named: "A1")?.level == 1)
    #expect(four.level(named: "Wizard") == nil)
    let ten = LevelScale(scaleMax: 10, levelLessDefault: 2, userNames: [:])
    #expect(ten.level(named: "Proficient")?.level == 7)
  }
}
