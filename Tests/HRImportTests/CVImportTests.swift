import HRImport
import SkillsGraph
import TestSupport
import Testing

@Suite("Each variant is recognised by its first elements")
struct VariantDetectionTests {
  @Test(
    arguments: [
      ("workday-reference-only.xml", "workday"), ("workday-flat-page1.xml", "workday"),
      ("hrxml2-parsed-resume.xml", "hrxml2"), ("europass-v33-cv.xml", "europass"),
      ("europass-candidate.xml", "europass"),
    ])
  func fixture(name: String, profile: String) throws {
    #expect(try Vendor.load([name]).sources.map(\.profile) == [profile])
  }

  @Test("integration tools that drop the namespaces: Workday's flat layout, a parser's résumé")
  func withoutNamespaces() throws {
    let folder = try TemporaryFolder()
    let workday = folder.file("flat.xml")
    try """
    <Get_Workers_Response><Response_Data>
      <Worker><Employee_ID>7</Employee_ID><First_Name>Ana</First_Name><Last_Name>Lim</Last_Name></Worker>
    </Response_Data></Get_Workers_Response>
    """.write(toFile: workday, atomically: true, encoding: .utf8)
    let resume = folder.file("resume.xml")
    try """
    <Resume><ResumeId><IdValue>R-1</IdValue></ResumeId><StructuredXMLResume>
      <ContactInfo><PersonName><FormattedName>Bo Lund</FormattedName></PersonName></ContactInfo>
    </StructuredXMLResume></Resume>
    """.write(toFile: resume, atomically: true, encoding: .utf8)
    let result = try Importer.load(paths: [workday, resume], options: Vendor.options())
    #expect(result.sources.map(\.profile) == ["workday", "hrxml2"])
    #expect(result.organization.people.map(\.name) == ["Ana Lim", "Bo Lund"])
  }
}

@Suite("CVs and résumés: one person each")
struct CVTests {
  @Test("an HR-XML 2 résumé from a parser: months of experience are not levels, referees no people")
  func parsedResume() throws {
    let result = try Vendor.load(["hrxml2-parsed-resume.xml"])
    #expect(result.organization.people.map(\.id.rawValue) == ["hrxml2-parsed-resume"])
    let noor = try #require(result.person("hrxml2-parsed-resume"))
    #expect(noor.name == "Noor Haddad")
    #expect(noor.email == "noor.haddad@example.org")
    #expect(result.level("hrxml2-parsed-resume", "Payroll") == 2)  // the default, not 91 months
    #expect(result.level("hrxml2-parsed-resume", "Excel") == 2)
    #expect(result.level("hrxml2-parsed-resume", "SQL") == 3)  // 80 on 0–100
    #expect(result.organization.skills.map(\.name) == ["Payroll", "SQL", "Excel"])
    #expect(
      result.remarks() == [
        "skipped 1: referees and contacts named in the document (not people)",
        "'Test score' on 0–100, mapped linearly onto the 0–4 scale, halves down (1 rating)",
        "2 skills without a level (HR-XML competencies with only experience evidence) counted "
          + "at level 2 (the configured default)",
        "no Resume id: the person's id is the file name, 'hrxml2-parsed-resume'",
        "evidence ignored: 2 'Total Months' values (time of experience, not a proficiency)",
        "evidence ignored: 1 'Total Months Experience' value (time of experience, not a "
          + "proficiency)",
      ])
  }

  @Test("the level-less default is configurable")
  func levelLessDefault() throws {
    var options = Vendor.options()
    options.levelLessSkillLevel = 1
    let result = try Vendor.load(["hrxml2-parsed-resume.xml"], options: options)
    #expect(result.level("hrxml2-parsed-resume", "Payroll") == 1)
  }

  @Test("a Europass v3.3 CV: CEFR median per language, mother tongue C2, free-text skills")
  func skillsPassport() throws {
    let result = try Vendor.load(["europass-v33-cv.xml"])
    #expect(result.organization.people.map(\.id.rawValue) == ["europass-v33-cv"])
    let lea = try #require(result.person("europass-v33-cv"))
    #expect(lea.name == "Lea Marchetti")
    #expect(lea.email == "lea.marchetti@example.eu")
    #expect(lea.department.isEmpty)
    #expect(lea.manager == nil)
    #expect(result.level("europass-v33-cv", "Italian") == 4)  // mother tongue: C2
    #expect(result.level("europass-v33-cv", "English") == 3)  // C1 C1 B2 B2 B2: B2
    #expect(result.level("europass-v33-cv", "Language de") == 1)  // A1 A2 A2 B1: A2
    #expect(result.level("europass-v33-cv", "SAP HCM") == 2)
    #expect(result.level("europass-v33-cv", "Excel (pivot tables, macros)") == 2)
    #expect(result.level("europass-v33-cv", "Payroll audits") == 2)
    #expect(result.level("europass-v33-cv", "first aid") == 2)
    #expect(result.organization.skills.count == 7)
    #expect(
      result.remarks() == [
        "named levels: 'C2' → 4 (built-in, 1×), 'B2' → 3 (built-in, 1×), 'A2' → 1 (built-in, 1×)",
        "4 skills without a level (Europass free-text skills) counted at level 2 (the "
          + "configured default)",
        "a Europass SkillsPassport CV has no id: the person's id is the file name, "
          + "'europass-v33-cv'",
        "2 languages rated per CEFR dimension (listening, reading, spoken interaction, spoken "
          + "production, writing): each takes the median of its dimensions, the lower middle "
          + "one when they are even",
        "1 mother tongue counted as C2",
        "1 free-text passage in Skills/Computer longer than 5 words left out (no skill name can "
          + "be told from prose)",
        "digital competence self-assessment (Skills/Computer/ProficiencyLevel, areas rated A–C) "
          + "not read: it rates areas, not named skills",
        "1 references section not read: referees are not people of the organization",
      ])
  }

  @Test("a Europass Candidate without a DocumentID: the supplier's contact is nobody")
  func candidate() throws {
    let result = try Vendor.load(["europass-candidate.xml"])
    #expect(result.organization.people.map(\.id.rawValue) == ["europass-candidate"])
    let tomas = try #require(result.person("europass-candidate"))
    #expect(tomas.name == "Tomás Ferreira")
    #expect(tomas.email == "tomas.ferreira@example.pt")
    #expect(result.level("europass-candidate", "French") == 3)  // B1 B2 C1 C1 C2: C1
    #expect(result.level("europass-candidate", "manage payroll") == 2)
    #expect(result.level("europass-candidate", "Power BI") == 2)
    #expect(result.level("europass-candidate", "Team coordination") == 2)
    #expect(
      result.remarks() == [
        "skipped 1: referees and contacts named in the document (not people)",
        "named levels: 'C1' → 3 (built-in, 1×)",
        "1 skill without a level (competencies without a proficiency level) counted at level 2 "
          + "(the configured default)",
        "1 skill without a level (Europass digital skills) counted at level 2 (the configured "
          + "default)",
        "1 skill without a level (Europass organisational skills) counted at level 2 (the "
          + "configured default)",
        "no DocumentID: the person's id is the file name, 'europass-candidate'",
        "1 language rated per CEFR dimension (listening, reading, spoken interaction, spoken "
          + "production, writing): each takes the median of its dimensions, the lower middle "
          + "one when they are even",
      ])
  }

  @Test(
    "CEFR levels on the default 0–4 scale",
    arguments: [("A1", 1), ("A2", 1), ("B1", 2), ("B2", 3), ("C1", 3), ("C2", 4)])
  func cefrTable(level: String, expected: Int) throws {
    let folder = try TemporaryFolder()
    let path = folder.file("cefr.xml")
    try """
    <Candidate xmlns="http://www.europass.eu/1.0" xmlns:hr="http://www.hr-xml.org/3">
      <hr:DocumentID>X</hr:DocumentID>
      <CandidateProfile><PersonQualifications><PersonCompetency>
        <hr:CompetencyName>Dutch</hr:CompetencyName><hr:TaxonomyID>language</hr:TaxonomyID>
        <ProficiencyLevel><hr:ScoreText>\(level)</hr:ScoreText></ProficiencyLevel>
      </PersonCompetency></PersonQualifications></CandidateProfile>
    </Candidate>
    """.write(toFile: path, atomically: true, encoding: .utf8)
    let result = try Importer.load(paths: [path], options: Vendor.options())
    #expect(result.level("X", "Dutch") == expected)
  }
}
