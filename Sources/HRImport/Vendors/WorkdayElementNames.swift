/// Every element and attribute name `WorkdayReader` looks at, interned once per document so a
/// worker is read with pointer comparisons only (paths: `docs/hr-exports.md`, Workday).
///
/// A class: the names are made once per document and handed to each worker's reading, and as
/// a struct of seventy names the hand-over copied 1.1 KB per worker.
final class WorkdayElementNames {
  let workerReference, workerDescriptor, workerData, workerID, id, employmentData,
    workerStatusData: InternedName
  let terminated, active, terminationDate, personalData, nameData: InternedName
  let preferredNameData, legalNameData, nameDetailData, firstName, middleName: InternedName
  let lastName, contactData, emailAddressData, usageData, typeData, typeReference: InternedName
  let emailAddress, organizationData, workerOrganizationData: InternedName
  let organizationTypeReference, organizationName, organizationReference: InternedName
  let managementChainData, workerSupervisoryManagementChainData: InternedName
  let managerReference, manager, workerJobData, positionData, businessTitle: InternedName
  let positionTitle, jobProfileSummaryData, jobProfileReference, jobProfileName: InternedName
  let criticalJob, qualificationData, competency, competencyReference: InternedName
  let competencyDescriptor, competencyLevelBehaviorReference: InternedName
  let competencyLevelBehaviorDescriptor, certification, certificationData: InternedName
  let certificationName, certificationReference, issuedDate, expirationDate: InternedName
  let skillData, workerSkillItem, skillReference, leaveStatusData, leaveStartDate: InternedName
  let leaveEndDate, estimatedLeaveEndDate, firstDayOfWork: InternedName
  let leaveOfAbsenceTypeReference, leaveRequestDescription: InternedName
  // Attributes, by local name.
  let type, descriptor, formattedName, primaryJob, inactive, name: InternedName

  init(_ intern: NameInterner) {
    workerReference = intern("Worker_Reference")
    workerDescriptor = intern("Worker_Descriptor")
    workerData = intern("Worker_Data")
    workerID = intern("Worker_ID")
    id = intern("ID")
    employmentData = intern("Employment_Data")
    workerStatusData = intern("Worker_Status_Data")
    terminated = intern("Terminated")
    active = intern("Active")
    terminationDate = intern("Termination_Date")
    personalData = intern("Personal_Data")
    nameData = intern("Name_Data")
    preferredNameData = intern("Preferred_Name_Data")
    legalNameData = intern("Legal_Name_Data")
    nameDetailData = intern("Name_Detail_Data")
    firstName = intern("First_Name")
    middleName = intern("Middle_Name")
    lastName = intern("Last_Name")
    contactData = intern("Contact_Data")
    emailAddressData = intern("Email_Address_Data")
    usageData = intern("Usage_Data")
    typeData = intern("Type_Data")
    typeReference = intern("Type_Reference")
    emailAddress = intern("Email_Address")
    organizationData = intern("Organization_Data")
    workerOrganizationData = intern("Worker_Organization_Data")
    organizationTypeReference = intern("Organization_Type_Reference")
    organizationName = intern("Organization_Name")
    organizationReference = intern("Organization_Reference")
    managementChainData = intern("Management_Chain_Data")
    workerSupervisoryManagementChainData = intern("Worker_Supervisory_Management_Chain_Data")
    managerReference = intern("Manager_Reference")
    manager = intern("Manager")
    workerJobData = intern("Worker_Job_Data")
    positionData = intern("Position_Data")
    businessTitle = intern("Business_Title")
    positionTitle = intern("Position_Title")
    jobProfileSummaryData = intern("Job_Profile_Summary_Data")
    jobProfileReference = intern("Job_Profile_Reference")
    jobProfileName = intern("Job_Profile_Name")
    criticalJob = intern("Critical_Job")
    qualificationData = intern("Qualification_Data")
    competency = intern("Competency")
    competencyReference = intern("Competency_Reference")
    competencyDescriptor = intern("Competency_Descriptor")
    competencyLevelBehaviorReference = intern("Competency_Level_Behavior_Reference")
    competencyLevelBehaviorDescriptor = intern("Competency_Level_Behavior_Descriptor")
    certification = intern("Certification")
    certificationData = intern("Certification_Data")
    certificationName = intern("Certification_Name")
    certificationReference = intern("Certification_Reference")
    issuedDate = intern("Issued_Date")
    expirationDate = intern("Expiration_Date")
    skillData = intern("Skill_Data")
    workerSkillItem = intern("Worker_Skill_Item")
    skillReference = intern("Skill_Reference")
    leaveStatusData = intern("Leave_Status_Data")
    leaveStartDate = intern("Leave_Start_Date")
    leaveEndDate = intern("Leave_End_Date")
    estimatedLeaveEndDate = intern("Estimated_Leave_End_Date")
    firstDayOfWork = intern("First_Day_Of_Work")
    leaveOfAbsenceTypeReference = intern("Leave_of_Absence_Type_Reference")
    leaveRequestDescription = intern("Leave_Request_Description")
    type = intern("type")
    descriptor = intern("Descriptor")
    formattedName = intern("Formatted_Name")
    primaryJob = intern("Primary_Job")
    inactive = intern("Inactive")
    name = intern("Name")
  }

  /// The value of a reference's first `wd:ID` with text whose `type` is `type`.
  func id(of reference: Node, typed type: StaticString, _ ns: NamespaceMatch) -> String? {
    for node in reference.children(id, in: ns) where node.attribute(self.type, is: type) {
      if let value = node.text { return value }
    }
    return nil
  }

  /// The value of a reference's first `wd:ID` with text whose `type` is not `type` (a
  /// missing type included).
  func id(of reference: Node, notTyped type: StaticString, _ ns: NamespaceMatch) -> String? {
    for node in reference.children(id, in: ns) where !node.attribute(self.type, is: type) {
      if let value = node.text { return value }
    }
    return nil
  }

  /// The person id of a reference: its first `Employee_ID` or `Contingent_Worker_ID`.
  func personID(of reference: Node, _ ns: NamespaceMatch) -> String? {
    for node in reference.children(id, in: ns)
    where node.attribute(type, is: "Employee_ID")
      || node.attribute(type, is: "Contingent_Worker_ID")
    {
      if let value = node.text { return value }
    }
    return nil
  }
}
