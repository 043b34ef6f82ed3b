/// The input formats Understudy reads, each detected from a file's first elements.
public enum ImportProfile: String, CaseIterable, Sendable, Hashable {
  case native
  case workday
  case successfactors
  case bamboohr
  case hrxml3
  case hrxml2
  case europass
  case spreadsheet
  case mapping

  /// One line on what the profile reads, for `understudy formats`.
  public var summary: String {
    switch self {
    case .native:
      "Understudy's own format: people, skills, roles, absences, policy (also the roles file)"
    case .workday:
      "Workday Get_Workers responses (SOAP or bare, any page, reference-only, or the flat layout "
        + "of integration tools): workers, supervisory org, manager, job profile, competencies, "
        + "skills, certifications, leave of absence"
    case .successfactors:
      "SAP SuccessFactors OData v2 Atom feeds: EmpJob, User, PerPersonal, CompetencyRating, "
        + "EmployeeTime"
    case .bamboohr:
      "BambooHR XML: employee directory, custom reports, time-off requests, who's out"
    case .hrxml3:
      "HR-XML 3.x / OAGIS BODs: IndicativeData, OrganizationChart, TimeCard, PersonCompetency"
    case .hrxml2:
      "HR-XML 2.x Resume and Candidate (résumé parsers too): Competency with NumericValue "
        + "(months of experience are not levels), licenses and certifications"
    case .europass:
      "Europass CVs, Candidate (2020 on) and SkillsPassport (v3.x): competencies, CEFR "
        + "language levels, certifications"
    case .spreadsheet:
      "skills matrices: .xlsx, .ods, Excel 2003 XML and .csv; people × skills, roles × skills "
        + "or one row per person and skill"
    case .mapping:
      "any other XML export, through a mapping file of XPaths"
    }
  }

  /// How the profile is recognised, for `understudy formats`.
  public var detection: String {
    switch self {
    case .native: "root {urn:understudy:org:1}organization"
    case .workday:
      "an element in namespace urn:com.workday/bsvc (inside a SOAP Body or bare), or a "
        + "Get_Workers_Response without namespace"
    case .successfactors: "root {http://www.w3.org/2005/Atom}feed or entry"
    case .bamboohr:
      "root without namespace: directory, report, employees, requests, calendar, table "
        + "(or metadata: fields, lists, timeOffTypes)"
    case .hrxml3: "namespace http://www.hr-xml.org/3 (a BOD, or BODs inside a wrapper)"
    case .hrxml2:
      "namespace http://ns.hr-xml.org/2007-04-15 or another 2.x (Resume, Candidate, Competency), "
        + "or a Resume without namespace"
    case .europass:
      "Candidate in http://www.europass.eu/1.0 or http://www.hr-xml.org/3, or SkillsPassport in "
        + "http://europass.cedefop.europa.eu/Europass"
    case .spreadsheet:
      "a zip archive (.xlsx, or .ods by its mimetype), root {urn:schemas-microsoft-com:office:"
        + "spreadsheet}Workbook, or a name ending in .csv"
    case .mapping:
      "never detected: used for files no other profile recognises when a mapping file is given"
    }
  }
}
