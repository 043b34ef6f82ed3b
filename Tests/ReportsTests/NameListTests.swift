import Testing

@testable import Reports

@Suite("Lists of names in summaries and table cells") struct NameListTests {
  static func names(_ count: Int) -> [String] { (1...count).map { "P\($0)" } }

  @Test func tenOrFewerAreAllWritten() {
    #expect(NameList.shortened(Self.names(10)) == Self.names(10).joined(separator: ", "))
    #expect(NameList.shortened([]) == "")
  }

  @Test func moreThanTenShowTenAndCountTheRest() {
    let text = NameList.shortened(Self.names(57))
    #expect(text == Self.names(10).joined(separator: ", ") + " and 47 more")
  }

  @Test func workshopModeStillWithholdsAShortList() {
    let privacy = Privacy(minimumGroup: 5)
    #expect(NameList.shortened(Self.names(3), privacy: privacy) == "fewer than 5 people")
    #expect(NameList.shortened(Self.names(12), privacy: privacy).hasSuffix(" and 2 more"))
  }
}
