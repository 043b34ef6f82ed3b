import SkillsGraph
import Testing

@testable import HRImport

/// Edge values of the readers' number and date parsing: every one once trapped or could have.
@Suite("Numbers and dates from input are checked before arithmetic")
struct HostileValuesTests {
  static let outsideYears = "lies outside the years 1...9999 a date can have"

  @Test(
    "OData milliseconds beyond the calendar or Int are invalid, never a trap",
    arguments: [
      "/Date(-9223372036854775808)/", "/Date(9223372036854775807)/",
      "/Date(-9223372036854775809)/", "/Date(99999999999999999999999999)/",
      "/Date(253402300800000)/", "/Date(-62135596800001)/",
    ])
  func odataOutOfRange(text: String) {
    #expect(VendorValues.readDay(text) == .invalid("date '\(text)' \(Self.outsideYears)"))
    #expect(VendorValues.day(text) == nil)
  }

  @Test("OData milliseconds at the calendar's ends, negative ones, and the zone form")
  func odataEnds() {
    #expect(VendorValues.day("/Date(253402300799999)/") == Day.latest)
    #expect(VendorValues.day("/Date(-62135596800000)/") == Day.earliest)
    #expect(VendorValues.day("/Date(-1)/") == Day(iso: "1969-12-31"))
    #expect(VendorValues.day("/Date(0)/") == Day(iso: "1970-01-01"))
    #expect(VendorValues.day("/Date(00000000000000000001444003200000)/") == Day(iso: "2015-10-05"))
    #expect(VendorValues.day("/Date(-86400000)/") == Day(iso: "1969-12-31"))
    #expect(VendorValues.day("/Date(1444003200000+0100)/") == Day(iso: "2015-10-05"))
    #expect(VendorValues.day("/Date(1444003200000-0530)/") == Day(iso: "2015-10-05"))
    #expect(
      VendorValues.readDay("/Date(0+2500)/")
        == .invalid(
          "date '/Date(0+2500)/' has an unreadable zone offset (expected /Date(milliseconds+hhmm)/)"
        ))
    #expect(
      VendorValues.readDay("/Date()/")
        == .invalid(
          "date '/Date()/' is not an OData date /Date(milliseconds)/ or "
            + "/Date(milliseconds+hhmm)/"))
  }

  @Test("US dates: a huge year is invalid; a year too big for Int too")
  func usDates() {
    #expect(
      VendorValues.readDay("4/1/99999999999")
        == .invalid(
          "date '4/1/99999999999' has the year 99999999999, outside the years 1...9999 a date "
            + "can have"))
    #expect(
      VendorValues.readDay("4/1/99999999999999999999")
        == .invalid(
          "date '4/1/99999999999999999999' holds a number too large for a date (US order, "
            + "month/day/year)"))
    #expect(
      VendorValues.readDay("2/30/2025")
        == .invalid("date '2/30/2025' names no calendar day (month 2, day 30)"))
    #expect(VendorValues.readDay("4/1/97") == .none)
  }

  @Test("ISO dates: impossible fields are invalid, the all-zero placeholder is no date")
  func isoDates() {
    #expect(VendorValues.readDay("0000-00-00") == .none)
    #expect(VendorValues.readDay("0000-00-00T00:00:00") == .none)
    #expect(
      VendorValues.readDay("2025-13-01")
        == .invalid("date '2025-13-01' names no calendar day (month 13, day 1)"))
    #expect(
      VendorValues.readDay("0000-01-01")
        == .invalid(
          "date '0000-01-01' has the year 0, outside the years 1...9999 a date can have"))
    #expect(VendorValues.day("9999-12", end: .end) == Day.latest)
    #expect(VendorValues.day("9999", end: .end) == Day.latest)
    #expect(VendorValues.day("not a date") == nil)
  }

  @Test(
    "numbers: only finite ones are numbers",
    arguments: ["nan", "NaN", "inf", "-inf", "infinity", "1e309", "-1e309"])
  func notFinite(text: String) {
    #expect(VendorValues.number(text) == nil)
    #expect(VendorValues.readNumber(text) == .notFinite)
  }

  @Test("numbers: finite values, a decimal comma, and text that is no number")
  func numbers() {
    #expect(VendorValues.number("1e308") == 1e308)
    #expect(VendorValues.number("3,5") == 3.5)
    #expect(VendorValues.readNumber("Expert") == .none)
    #expect(VendorValues.readNumber("") == .none)
  }

  @Test("a rating or bound that is not finite is an invalid level, with the reason")
  func ratings() {
    let scale = 1.0...5.0
    #expect(
      VendorValues.rating("nan", min: nil, max: nil, scale: scale, label: { _ in "x" })
        == .invalid("rating 'nan' is not a finite number"))
    #expect(
      VendorValues.rating("3", min: "-inf", max: "5", scale: scale, label: { _ in "x" })
        == .invalid("scale minimum '-inf' is not a finite number"))
    #expect(
      VendorValues.rating("3", min: nil, max: "1e309", scale: scale, label: { _ in "x" })
        == .invalid("scale maximum '1e309' is not a finite number"))
    #expect(
      VendorValues.rating("3", min: nil, max: nil, scale: scale, label: { $0 ? "assumed" : "own" })
        == .numeric(3, min: 1, max: 5, scale: "assumed"))
    #expect(
      VendorValues.rating("Expert", min: nil, max: nil, scale: scale, label: { _ in "" }) == nil)
  }

  @Test(
    "LevelScale: non-finite values and scales give no level, never a trap",
    arguments: [
      (Double.nan, 1.0, 5.0), (Double.infinity, 1.0, Double.infinity), (3.0, Double.nan, 5.0),
      (3.0, 1.0, Double.nan), (3.0, 5.0, 1.0), (3.0, 3.0, 3.0), (1e308, 1.0, 5.0),
      (-Double.infinity, -Double.infinity, 5.0),
    ])
  func levelScaleRejects(value: Double, low: Double, high: Double) {
    let scale = LevelScale(scaleMax: 4, levelLessDefault: 2, userNames: [:])
    #expect(scale.level(value, min: low, max: high) == nil)
  }

  @Test("LevelScale: scales as wide as Double allows, or as narrow, still map")
  func levelScaleExtremes() {
    let scale = LevelScale(scaleMax: 4, levelLessDefault: 2, userNames: [:])
    #expect(scale.level(1e308, min: -1e308, max: 1e308) == 4)
    #expect(scale.level(-1e308, min: -1e308, max: 1e308) == 0)
    #expect(scale.level(0, min: -1e308, max: 1e308) == 2)
    #expect(scale.level(1.7e308, min: 0, max: 1.7976931348623157e308) == 4)
    #expect(scale.level(1e-9, min: 0, max: 1e-300) == 4)
    let huge = LevelScale(scaleMax: Int.max, levelLessDefault: 2, userNames: [:])
    #expect(huge.level(5, min: 1, max: 5) == nil)
  }

  @Test("roundHalfDown: non-finite and out-of-Int values are nil")
  func rounding() {
    #expect(LevelScale.roundHalfDown(2.5) == 2)
    #expect(LevelScale.roundHalfDown(2.6) == 3)
    #expect(LevelScale.roundHalfDown(.nan) == nil)
    #expect(LevelScale.roundHalfDown(.infinity) == nil)
    #expect(LevelScale.roundHalfDown(1e308) == nil)
    #expect(LevelScale.roundHalfDown(-1e19) == nil)
  }

  @Test("the byte scan lists elements larger than the record limit, wrappers included")
  func largeElements() {
    var limits = InputLimits()
    limits.recordSize = 40
    let text = "<a><b x='1'/><wd:c>0123456789012345678901234567890123456789</wd:c><d/></a>"
    var scanner = InputLimits.Scanner(limits: limits)
    _ = Array(text.utf8).withUnsafeBytes { scanner.feed($0) }
    #expect(scanner.violation == nil)
    #expect(
      scanner.largeElements == [
        InputLimits.LargeElement(offset: 13, end: 66, name: "wd:c"),
        InputLimits.LargeElement(offset: 0, end: 74, name: "a"),
      ])
  }

  @Test("the byte scan follows comments, CDATA, instructions and quotes holding markup")
  func scanShapes() {
    var limits = InputLimits()
    limits.attributesPerElement = 2
    let fine =
      "<?xml version='1.0'?><!-- <x a='1' b='2' c='3'> --><r a='>' b=\"<\"><![CDATA[<y a b c>]]>"
      + "<?pi <z a b c> ?></r>"
    #expect(Array(fine.utf8).withUnsafeBytes { limits.check($0) } == nil)
    let text = "<r>\n  <e a='1' b='2'\n c='3'/></r>"
    #expect(
      Array(text.utf8).withUnsafeBytes { limits.check($0) }
        == InputLimits.Violation(
          message: "element <e> has more than 2 attributes (limit 2)", offset: 6, line: 2,
          column: 3))
  }

  @Test("criticality weights are bounded, so their sums stay finite")
  func weights() {
    #expect(Criticality(parsing: "1000000") == .weight(1_000_000))
    #expect(Criticality(parsing: "1000000.5") == nil)
    #expect(Criticality(parsing: "1e308") == nil)
    #expect(Criticality(parsing: "inf") == nil)
    #expect(Criticality(parsing: "nan") == nil)
  }
}
