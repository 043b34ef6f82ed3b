/// The words a realistic generated organization is named with: departments, their skills and
/// roles, regions for the departments beyond the first sixteen, and people's names.
///
/// Kept apart from the generator so the lists can grow without touching how an organization is
/// shaped; every list is read by index, never hashed, so a seed names the same things everywhere.
enum Vocabulary {
  /// One department: its name, the skills its people hold and the roles it staffs.
  struct Department {
    var name: String
    var skills: [String]
    var roles: [String]
  }

  /// The sixteen departments, in the order ``OrganizationGenerator`` assigns them.
  static let departments: [Department] = [
    Department(
      name: "Operations",
      skills: [
        "Shift planning", "Incident handling", "Capacity planning", "Vendor coordination",
        "Process mapping", "Stock control", "Health and safety", "Lean methods",
      ],
      roles: ["Shift lead", "Operations coordinator", "Duty manager", "Continuity planner"]),
    Department(
      name: "Finance",
      skills: [
        "Payroll", "Month-end close", "Accounts payable", "Accounts receivable", "VAT returns",
        "Treasury", "Management accounts", "Audit preparation",
      ],
      roles: ["Payroll run owner", "Month-end closer", "Credit controller", "Treasury officer"]),
    Department(
      name: "Engineering",
      skills: [
        "Release engineering", "Database administration", "Code review", "Incident response",
        "Cloud infrastructure", "API design", "Performance tuning", "Build tooling",
      ],
      roles: ["Release manager", "On-call engineer", "Database owner", "Platform lead"]),
    Department(
      name: "Sales",
      skills: [
        "Account management", "Pricing", "Contract negotiation", "Pipeline forecasting",
        "Proposal writing", "CRM administration", "Key-account planning", "Product demos",
      ],
      roles: ["Key-account manager", "Bid manager", "Sales operations lead", "Pricing analyst"]),
    Department(
      name: "Support",
      skills: [
        "Ticket triage", "Escalation handling", "Knowledge-base writing", "Remote diagnosis",
        "Customer onboarding", "Service-level reporting", "Complaint handling", "Returns",
      ],
      roles: ["Escalation manager", "Support team lead", "Onboarding specialist", "Duty agent"]),
    Department(
      name: "Legal",
      skills: [
        "Contract drafting", "Data protection", "Employment law", "Litigation support",
        "Regulatory filings", "Intellectual property", "Corporate governance", "Sanctions",
      ],
      roles: ["Contracts counsel", "Data protection officer", "Company secretary", "Paralegal"]),
    Department(
      name: "People",
      skills: [
        "Recruitment", "Onboarding", "Employee relations", "Compensation", "Learning design",
        "HR systems", "Absence management", "Workforce planning",
      ],
      roles: ["HR business partner", "Recruiter", "Reward analyst", "HR systems owner"]),
    Department(
      name: "Logistics",
      skills: [
        "Route planning", "Customs clearance", "Warehouse management", "Fleet maintenance",
        "Freight booking", "Dangerous goods", "Inventory counts", "Carrier contracts",
      ],
      roles: ["Dispatcher", "Customs broker", "Warehouse supervisor", "Fleet coordinator"]),
    Department(
      name: "Procurement",
      skills: [
        "Supplier sourcing", "Tender management", "Purchase orders", "Supplier audits",
        "Spend analysis", "Category management", "Contract renewals", "Supplier risk",
      ],
      roles: ["Buyer", "Category manager", "Tender lead", "Supplier quality lead"]),
    Department(
      name: "Marketing",
      skills: [
        "Campaign planning", "Copywriting", "Web analytics", "Brand guidelines",
        "Event management", "Email marketing", "Social media", "Market research",
      ],
      roles: ["Campaign manager", "Content lead", "Events coordinator", "Analytics owner"]),
    Department(
      name: "IT",
      skills: [
        "Service desk", "Identity management", "Endpoint management", "Network administration",
        "Backup and restore", "Licence management", "Change management", "Telephony",
      ],
      roles: ["Service desk lead", "Identity administrator", "Network engineer", "Change manager"]),
    Department(
      name: "Research",
      skills: [
        "Experiment design", "Statistics", "Lab safety", "Literature review", "Grant writing",
        "Prototyping", "Data collection", "Ethics review",
      ],
      roles: ["Principal investigator", "Lab manager", "Study coordinator", "Research analyst"]),
    Department(
      name: "Quality",
      skills: [
        "Internal audit", "Root-cause analysis", "ISO 9001", "Calibration",
        "Inspection planning", "Corrective actions", "Document control", "Supplier quality",
      ],
      roles: ["Quality manager", "Lead auditor", "Calibration technician", "Document controller"]),
    Department(
      name: "Facilities",
      skills: [
        "Building maintenance", "Energy management", "Space planning", "Fire safety",
        "Contractor supervision", "Access control", "Cleaning contracts", "Mail room",
      ],
      roles: ["Facilities manager", "Maintenance lead", "Fire marshal", "Workplace coordinator"]),
    Department(
      name: "Security",
      skills: [
        "Threat monitoring", "Vulnerability management", "Security awareness",
        "Penetration testing", "Access reviews", "Forensics", "Key management",
        "Security policy",
      ],
      roles: ["Security analyst", "Incident commander", "Access reviewer", "Security architect"]),
    Department(
      name: "Data",
      skills: [
        "SQL", "Data modelling", "Dashboards", "Data quality", "ETL pipelines",
        "Master data", "Forecast models", "Report automation",
      ],
      roles: ["Data engineer", "BI developer", "Data steward", "Reporting lead"]),
  ]

  /// Skills every department draws on.
  static let generalSkills = [
    "Spreadsheet modelling", "Presenting", "Project planning", "Budgeting", "Technical writing",
    "Coaching", "Negotiation", "Risk assessment", "First aid", "Meeting facilitation",
    "Customer communication", "Report writing", "Stakeholder management", "Process improvement",
    "Data protection basics", "Scheduling", "Vendor management", "Change communication",
    "Spreadsheet macros", "Interviewing",
  ]

  /// What a repeated skill name is about, once a department has used its list once.
  static let aspects = [
    "reporting", "automation", "audits", "training others", "escalations", "tooling",
    "planning", "compliance",
  ]

  /// Sites of the departments beyond the first sixteen ("Finance North").
  static let regions = [
    "North", "South", "East", "West", "Central", "Coastal", "Metro", "Highlands",
  ]

  static let givenNames = [
    "Amira", "Ben", "Chloé", "Dmitri", "Elif", "Farah", "Gareth", "Hana", "Ines", "Jonas",
    "Kemi", "Lars", "Maya", "Nikhil", "Olga", "Pablo", "Qi", "Rosa", "Samir", "Tessa",
    "Uma", "Viktor", "Wen", "Ximena", "Yusuf", "Zofia", "Aidan", "Beatriz", "Chidi", "Daria",
    "Emeka", "Freya", "Goran", "Hiro", "Ingrid", "Javier", "Kaito", "Leila", "Marek", "Nadia",
    "Owen", "Priya", "Rafael", "Sofia", "Tomás", "Ulla", "Vera", "Will",
  ]

  static let familyNames = [
    "Okafor", "Lindqvist", "Moreau", "Petrov", "Yilmaz", "Haddad", "Evans", "Sato", "Ferreira",
    "Becker", "Adeyemi", "Nilsen", "Cohen", "Iyer", "Kowalski", "Ruiz", "Zhang", "Marino",
    "Aziz", "de Vries", "Rao", "Novak", "Chen", "Garza", "Demir", "Wójcik", "Murphy", "Costa",
    "Eze", "Ivanova", "Nwosu", "Larsen", "Horvat", "Tanaka", "Berg", "Morales", "Kaya",
    "Mensah", "Dubois", "Fischer", "Gallagher", "Hussain", "Jensen", "Kim", "Lopez", "Meyer",
    "Nakamura", "O'Brien",
  ]

  /// The name of department `index`: the sixteen in order, then the same with a region.
  static func department(_ index: Int) -> String {
    let base = departments[index % departments.count].name
    guard index >= departments.count else { return base }
    return "\(base) \(regions[(index / departments.count - 1) % regions.count])"
  }

  /// The region suffix of department `index`, empty for the first sixteen: " (North)".
  static func regionSuffix(_ index: Int) -> String {
    guard index >= departments.count else { return "" }
    return " (\(regions[(index / departments.count - 1) % regions.count]))"
  }

  /// The `position`-th skill of department `index`'s cluster: the department's list, then the
  /// same skills with an aspect ("Payroll: automation"), then numbered.
  static func skill(department index: Int, position: Int) -> String {
    repeated(departments[index % departments.count].skills, position) + regionSuffix(index)
  }

  /// The `position`-th company-wide skill.
  static func generalSkill(_ position: Int) -> String { repeated(generalSkills, position) }

  /// The `position`-th role of department `index`: the department's list, then numbered teams
  /// ("Buyer, team 2").
  static func role(department index: Int, position: Int) -> String {
    let list = departments[index % departments.count].roles
    let base = list[position % list.count]
    let team = position / list.count
    return (team == 0 ? base : "\(base), team \(team + 1)") + regionSuffix(index)
  }

  /// "Payroll", then "Payroll: reporting", …, then "Payroll 10", so no two names repeat.
  static func repeated(_ list: [String], _ position: Int) -> String {
    let base = list[position % list.count]
    let round = position / list.count
    if round == 0 { return base }
    if round <= aspects.count { return "\(base): \(aspects[round - 1])" }
    return "\(base) \(round - aspects.count + 1)"
  }

  /// A person's name from two draws.
  static func person(given: Int, family: Int) -> String {
    "\(givenNames[given % givenNames.count]) \(familyNames[family % familyNames.count])"
  }
}
