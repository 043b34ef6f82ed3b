#!/usr/bin/env python3
"""Writes Workday Get_Workers responses for Understudy's tests, demo and streaming benchmark.

  workday_export.py convert NATIVE.xml OUT.xml
      The organization of a native Understudy file as a Get_Workers SOAP response: people as
      wd:Worker (Employee_ID = person id), departments as supervisory organizations, managers as
      supervisory management chains (managers also head their own organization, so their chain
      ends with themselves, as in real tenants), skill levels 1-4 as the competency rating
      descriptors Beginner / Developing / Proficient / Expert with Competency_ID = skill id,
      absences as leaves of absence. Roles, policy and planning attributes are not in
      Get_Workers: keep them in the roles file.

  workday_export.py planning NATIVE.xml OUT.xml
      What Get_Workers cannot carry, as a native file to keep beside the export: the skill
      catalogue (hours per level, related skills) and mentoring settings and interests.

  workday_export.py generate --workers 40000 --target-mb 150 OUT.xml
      A synthetic tenant of that size with the personal, contact, job, organization, chain,
      competency, skill and certification data of a full Get_Workers response (about 3.7 KB per
      worker), deterministic for a given --seed.

  workday_export.py generate --workers 40000 --target-mb 150 --pages 8 OUT.xml
      The same tenant as the paged response Workday returns: OUT-1.xml ... OUT-8.xml, each a
      complete Get_Workers response with its own Response_Results (Total_Results, Total_Pages,
      Page_Results, Page), the workers split in order into pages of equal size (the last page
      takes the remainder). The workers and their bytes are those of the one-file export; only
      the envelope of each page is added.

Standard library only.
"""

import argparse
import hashlib
import random
import sys
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape, quoteattr

NATIVE = "urn:understudy:org:1"
LEVEL_NAMES = {1: "Beginner", 2: "Developing", 3: "Proficient", 4: "Expert"}


def wid(*parts):
    return hashlib.md5("/".join(parts).encode()).hexdigest()


def reference(tag, descriptor, ids):
    out = f"<wd:{tag}"
    if descriptor is not None:
        out += f" wd:Descriptor={quoteattr(descriptor)}"
    out += ">"
    for kind, value in ids:
        out += f'<wd:ID wd:type="{kind}">{escape(value)}</wd:ID>'
    return out + f"</wd:{tag}>"


def worker(person, org_of, chain, extra=""):
    """One wd:Worker. person: dict with id, name, email, department, skills [(id, name, level)],
    absences [(from, to, kind)], critical, job, certifications [(name, issued, expires)],
    skills_unrated [(id, name)]."""
    pid = person["id"]
    first, _, last = person["name"].partition(" ")
    out = ["<wd:Worker>"]
    out.append(reference("Worker_Reference", person["name"], [("WID", wid("w", pid)), ("Employee_ID", pid)]))
    out.append("<wd:Worker_Data>")
    out.append(f"<wd:Worker_ID>{escape(pid)}</wd:Worker_ID>")
    out.append(f"<wd:User_ID>{escape(person.get('email') or pid.lower())}</wd:User_ID>")
    out.append("<wd:Personal_Data><wd:Name_Data><wd:Legal_Name_Data>")
    out.append(f"<wd:Name_Detail_Data wd:Formatted_Name={quoteattr(person['name'])} "
               f"wd:Reporting_Name={quoteattr((last + ', ' + first) if last else first)}>")
    out.append(reference("Country_Reference", "United States of America",
                         [("ISO_3166-1_Alpha-2_Code", "US")]))
    out.append(f"<wd:First_Name>{escape(first)}</wd:First_Name>")
    if last:
        out.append(f"<wd:Last_Name>{escape(last)}</wd:Last_Name>")
    out.append("</wd:Name_Detail_Data></wd:Legal_Name_Data></wd:Name_Data>")
    out.append(extra)
    if person.get("email"):
        out.append("<wd:Contact_Data><wd:Email_Address_Data>"
                   f"<wd:Email_Address>{escape(person['email'])}</wd:Email_Address>"
                   + ('<wd:Usage_Data wd:Public="1"><wd:Type_Data wd:Primary="true">'
                      + reference("Type_Reference", "Work", [("Communication_Usage_Type_ID", "WORK")])
                      + "</wd:Type_Data></wd:Usage_Data>" if person.get("email_usage", True) else "")
                   + "</wd:Email_Address_Data></wd:Contact_Data>")
    out.append("</wd:Personal_Data>")
    out.append("<wd:Employment_Data>")
    job = person.get("job")
    if job:
        out.append('<wd:Worker_Job_Data wd:Primary_Job="1"><wd:Position_Data wd:Effective_Date="2024-01-01-08:00">')
        out.append(reference("Position_Reference", None, [("Position_ID", "P-" + pid)]))
        out.append(f"<wd:Position_ID>P-{escape(pid)}</wd:Position_ID><wd:Position_Title>{escape(job)}</wd:Position_Title>"
                   "<wd:Job_Profile_Summary_Data>")
        out.append(reference("Job_Profile_Reference", job, [("Job_Profile_ID", "JP-" + job.upper().replace(' ', '_'))]))
        out.append(f"<wd:Job_Profile_Name>{escape(job)}</wd:Job_Profile_Name>"
                   f"<wd:Critical_Job>{1 if person.get('critical') else 0}</wd:Critical_Job>"
                   "</wd:Job_Profile_Summary_Data></wd:Position_Data></wd:Worker_Job_Data>")
    out.append("<wd:Worker_Status_Data><wd:Active>1</wd:Active><wd:Hire_Date>2019-03-04-08:00</wd:Hire_Date>")
    if person.get("leaves"):
        # A termination entered ahead of time: still active, last day known.
        out.append(f"<wd:Terminated>0</wd:Terminated><wd:Termination_Date>{person['leaves']}-08:00</wd:Termination_Date>")
    for start, end, kind in person.get("absences", []):
        out.append("<wd:Leave_Status_Data><wd:On_Leave>1</wd:On_Leave>"
                   f"<wd:Leave_Start_Date>{start}-08:00</wd:Leave_Start_Date>"
                   f"<wd:Leave_End_Date>{end}-08:00</wd:Leave_End_Date>"
                   + reference("Leave_of_Absence_Type_Reference", kind or "Leave", [("WID", wid("l", kind or ""))])
                   + "</wd:Leave_Status_Data>")
    out.append("</wd:Worker_Status_Data></wd:Employment_Data>")
    department = person.get("department")
    if department:
        org = org_of(department)
        out.append("<wd:Organization_Data><wd:Worker_Organization_Data>"
                   + reference("Organization_Reference", department, [("Organization_Reference_ID", org)])
                   + f"<wd:Organization_Data><wd:Organization_Reference_ID>{org}</wd:Organization_Reference_ID>"
                   f"<wd:Organization_Name>{escape(department)}</wd:Organization_Name>"
                   + reference("Organization_Type_Reference", None, [("Organization_Type_ID", "Supervisory")])
                   + "</wd:Organization_Data></wd:Worker_Organization_Data></wd:Organization_Data>")
    if chain:
        out.append("<wd:Management_Chain_Data><wd:Worker_Supervisory_Management_Chain_Data>")
        for org, manager in chain:
            out.append("<wd:Management_Chain_Data>"
                       + reference("Organization_Reference", None, [("Organization_Reference_ID", org)])
                       + reference("Manager_Reference", None, [("WID", wid("w", manager)), ("Employee_ID", manager)])
                       + "</wd:Management_Chain_Data>")
        out.append("</wd:Worker_Supervisory_Management_Chain_Data></wd:Management_Chain_Data>")
    skills = person.get("skills", [])
    certifications = person.get("certifications", [])
    if skills or certifications:
        out.append("<wd:Qualification_Data>")
        for skill_id, name, level in skills:
            out.append("<wd:Competency>"
                       + reference("Competency_Level_Behavior_Reference", LEVEL_NAMES[level], [("WID", wid("b", str(level)))])
                       + reference("Competency_Reference", name, [("Competency_ID", skill_id)])
                       + "</wd:Competency>")
        for name, issued, expires in certifications:
            out.append("<wd:Certification>" + reference("Certification_Reference", None, [("WID", wid("cert", name))])
                       + f"<wd:Certification_Data><wd:Certification_Name>{escape(name)}</wd:Certification_Name>"
                       f"<wd:Issuer>Board</wd:Issuer><wd:Issued_Date>{issued}-07:00</wd:Issued_Date>"
                       f"<wd:Expiration_Date>{expires}-07:00</wd:Expiration_Date></wd:Certification_Data></wd:Certification>")
        out.append("</wd:Qualification_Data>")
    unrated = person.get("skills_unrated", [])
    if unrated:
        out.append("<wd:Skill_Data>")
        for skill_id, name in unrated:
            out.append("<wd:Worker_Skill_Item>"
                       + f"<wd:Skill_Data wd:Name={quoteattr(name)}><wd:ID>{escape(skill_id)}</wd:ID></wd:Skill_Data></wd:Worker_Skill_Item>")
        out.append("</wd:Skill_Data>")
    out.append("</wd:Worker_Data></wd:Worker>\n")
    return "".join(out)


HEADER = ('<?xml version="1.0" encoding="UTF-8"?>\n'
          '<env:Envelope xmlns:env="http://schemas.xmlsoap.org/soap/envelope/">\n<env:Body>\n'
          '<wd:Get_Workers_Response xmlns:wd="urn:com.workday/bsvc" wd:version="v31.2">\n')


def response_head(total, as_of=None, page=1, pages=1, page_results=None):
    out = HEADER
    if as_of:
        out += f"<wd:Response_Filter><wd:As_Of_Effective_Date>{as_of}-08:00</wd:As_Of_Effective_Date></wd:Response_Filter>\n"
    if page_results is None:
        page_results = total
    out += (f"<wd:Response_Results><wd:Total_Results>{total}</wd:Total_Results><wd:Total_Pages>{pages}</wd:Total_Pages>"
            f"<wd:Page_Results>{page_results}</wd:Page_Results><wd:Page>{page}</wd:Page></wd:Response_Results>\n<wd:Response_Data>\n")
    return out


FOOTER = "</wd:Response_Data>\n</wd:Get_Workers_Response>\n</env:Body>\n</env:Envelope>\n"


def convert(native_path, out_path):
    tree = ET.parse(native_path)
    root = tree.getroot()
    n = "{%s}" % NATIVE
    names = {s.get("id"): s.get("name") or s.get("id") for s in root.iter(n + "skill") if s.get("id")}
    people = []
    for p in root.iter(n + "person"):
        skills = [(s.get("ref"), names.get(s.get("ref"), s.get("ref")), int(s.get("level")))
                  for s in p.findall(n + "skill") if int(s.get("level")) > 0]
        absences = [(a.get("from"), a.get("to"), a.get("kind")) for a in p.findall(n + "absence")]
        people.append({"id": p.get("id"), "name": p.get("name") or p.get("id"), "email": p.get("email"),
                       "department": p.get("department"), "manager": p.get("manager"),
                       "skills": skills, "absences": absences, "leaves": p.get("leaves")})
    by_id = {p["id"]: p for p in people}
    departments = sorted({p["department"] for p in people if p["department"]})
    org_ids = {d: "SUP-%03d" % (i + 1) for i, d in enumerate(departments)}
    managers = {p["manager"] for p in people if p["manager"]}

    def chain_of(person):
        # Top-down chain: every manager above the person, then (for managers) themselves.
        above = []
        seen = set()
        current = person["manager"]
        while current and current in by_id and current not in seen:
            seen.add(current)
            above.append(current)
            current = by_id[current]["manager"]
        chain = [("SUP-M-" + m, m) for m in reversed(above)]
        if person["id"] in managers:
            chain.append(("SUP-M-" + person["id"], person["id"]))
        return chain

    with open(out_path, "w", encoding="utf-8") as out:
        out.write(response_head(len(people), root.get("asOf")))
        for person in people:
            out.write(worker(person, org_ids.get, chain_of(person)))
        out.write(FOOTER)


PLANNING_ATTRIBUTES = ["mentorHoursPerWeek", "learningHoursPerWeek", "maxMentees", "canMentor", "canLearn"]


def planning(native_path, out_path):
    """What a Get_Workers response cannot carry, as a native file kept beside it: the skill
    catalogue (hours per level, related skills) and each person's mentoring settings and
    interests."""
    root = ET.parse(native_path).getroot()
    n = "{%s}" % NATIVE
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           "<!-- Planning data that a Workday Get_Workers response does not carry: the skill catalogue",
           "     and mentoring settings. Generated by Benchmarks/import/workday_export.py planning. -->",
           f'<organization xmlns="{NATIVE}">']
    skills = root.find(n + "skills")
    if skills is not None:
        out.append("  <skills>")
        for skill in skills.findall(n + "skill"):
            attrs = "".join(f" {k}={quoteattr(v)}" for k, v in skill.attrib.items())
            related = skill.findall(n + "related")
            if related:
                out.append(f"    <skill{attrs}>")
                for r in related:
                    out.append(f"      <related skill={quoteattr(r.get('skill'))}/>")
                out.append("    </skill>")
            else:
                out.append(f"    <skill{attrs}/>")
        out.append("  </skills>")
    people = []
    for p in root.iter(n + "person"):
        attrs = "".join(f" {k}={quoteattr(p.get(k))}" for k in PLANNING_ATTRIBUTES if p.get(k) is not None)
        interests = p.findall(n + "interest")
        if not attrs and not interests:
            continue
        line = f"    <person id={quoteattr(p.get('id'))}{attrs}"
        if interests:
            people.append(line + ">")
            for i in interests:
                people.append(f"      <interest skill={quoteattr(i.get('skill'))}/>")
            people.append("    </person>")
        else:
            people.append(line + "/>")
    if people:
        out += ["  <people>"] + people + ["  </people>"]
    out.append("</organization>")
    with open(out_path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


FIRST = ["Ada", "Bo", "Chidi", "Dana", "Emre", "Fei", "Gita", "Hugo", "Ines", "Jonas", "Kofi", "Lena",
         "Mats", "Nia", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tala"]
LAST = ["Moreau", "Lind", "Okafor", "Kraus", "Yilmaz", "Chen", "Patel", "Novak", "Silva", "Berg",
        "Mensah", "Rossi", "Dubois", "Haddad", "Kim", "Larsen", "Ortiz", "Sato", "Weber", "Zhou"]
DEPARTMENTS = ["Finance", "Payroll", "Tax", "Warehouse", "Transport", "Customs", "IT", "Sales",
               "Procurement", "HR", "Legal", "Customer Service"]
SKILLS = [("SK-%03d" % i, name) for i, name in enumerate(
    ["Payroll processing", "Accounting", "Tax", "Forklift", "Route planning", "Customs declarations",
     "SAP EWM", "Python", "SQL", "Negotiation", "Contract law", "Recruiting", "Excel", "Cold chain",
     "Hazmat ADR", "Audit", "Treasury", "VAT", "Project management", "Supplier audits"])]


def personal_padding(rng, pid):
    """The personal data a real Get_Workers response carries (address, phone, national id),
    so the file has a realistic size per worker."""
    street = rng.randint(1, 9999)
    return ("<wd:Gender_Reference wd:Descriptor=\"Not Specified\"><wd:ID wd:type=\"WID\">" + wid("g", pid)
            + "</wd:ID><wd:ID wd:type=\"Gender_Code\">Not_Specified</wd:ID></wd:Gender_Reference>"
            f"<wd:Birth_Date>19{rng.randint(60, 99)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}-07:00</wd:Birth_Date>"
            "<wd:Contact_Data>"
            f"<wd:Phone_Data wd:Formatted_Phone=\"+1 (517) 555-{rng.randint(1000, 9999)}\"><wd:International_Phone_Code>1</wd:International_Phone_Code>"
            f"<wd:Area_Code>517</wd:Area_Code><wd:Phone_Number>555-{rng.randint(1000, 9999)}</wd:Phone_Number>"
            "<wd:Usage_Data wd:Public=\"1\"><wd:Type_Data wd:Primary=\"true\">"
            + reference("Type_Reference", "Work", [("WID", wid("u", "work")), ("Communication_Usage_Type_ID", "WORK")])
            + "</wd:Type_Data></wd:Usage_Data></wd:Phone_Data></wd:Contact_Data>")


def page_paths(out_path, pages):
    """OUT.xml split into `pages` pages: OUT-1.xml ... OUT-N.xml (OUT.xml itself for one)."""
    if pages == 1:
        return [out_path]
    stem, dot, extension = out_path.rpartition(".")
    if not dot or "/" in extension:
        stem, extension = out_path, "xml"
    return [f"{stem}-{page}.{extension}" for page in range(1, pages + 1)]


def generate(workers, target_mb, seed, out_path, pages=1):
    rng = random.Random(seed)
    org_ids = {d: "SUP-%03d" % (i + 1) for i, d in enumerate(DEPARTMENTS)}
    target = target_mb * 1_000_000
    # The bytes the one-file export would have so far: pages add only their envelopes, and the
    # size budget below is the one-file export's, so every worker is written as it is there.
    written = len(response_head(workers, "2026-11-20").encode())
    paths = page_paths(out_path, pages)
    per_page = workers // pages
    # Workers [starts[p], starts[p + 1]) go on page p; the last page takes the remainder.
    starts = [page * per_page for page in range(pages)] + [workers]
    out = None
    page = 0
    try:
        for index in range(workers):
            if index == starts[page + 1] or out is None:
                if out is not None:
                    out.write(FOOTER)
                    out.close()
                    page += 1
                out = open(paths[page], "w", encoding="utf-8")
                out.write(response_head(workers, "2026-11-20", page + 1, pages,
                                        starts[page + 1] - starts[page]))
            pid = "E%06d" % (index + 1)
            department = DEPARTMENTS[index % len(DEPARTMENTS)]
            manager = None if index < len(DEPARTMENTS) else "E%06d" % (index % len(DEPARTMENTS) + 1)
            chain = []
            if manager:
                chain.append((org_ids[department], manager))
            else:
                chain.append((org_ids[department], pid))
            skills = [(sid, name, rng.randint(1, 4)) for sid, name in rng.sample(SKILLS, rng.randint(1, 3))]
            person = {
                "id": pid,
                "name": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                "email": f"{pid.lower()}@example.com",
                "email_usage": False,
                "department": department,
                "job": f"{department} Specialist {1 + index % 4}",
                "critical": index % 25 == 0,
                "skills": skills,
                "skills_unrated": [(sid, name) for sid, name in rng.sample(SKILLS, 1)],
                "certifications": [("First Aid", "2024-01-15", "2027-01-15")] if index % 3 == 0 else [],
                "absences": [("2026-12-21", "2027-01-01", "Vacation")] if index % 7 == 0 else [],
            }
            # Personal data (birth date, phone) only while the file stays on its target size.
            budget = (target - written) // (workers - index)
            record = worker(person, org_ids.get, chain)
            padded = worker(person, org_ids.get, chain, personal_padding(rng, pid))
            if len(padded.encode()) <= budget:
                record = padded
            record_bytes = record.encode()
            out.write(record)
            written += len(record_bytes)
        if out is None:
            # No worker at all: one empty response.
            out = open(paths[0], "w", encoding="utf-8")
            out.write(response_head(0, "2026-11-20", 1, pages, 0))
        out.write(FOOTER)
    finally:
        if out is not None:
            out.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    c = sub.add_parser("convert")
    c.add_argument("native")
    c.add_argument("out")
    pl = sub.add_parser("planning")
    pl.add_argument("native")
    pl.add_argument("out")
    g = sub.add_parser("generate")
    g.add_argument("--workers", type=int, default=40000)
    g.add_argument("--target-mb", type=int, default=150)
    g.add_argument("--seed", type=int, default=1)
    g.add_argument("--pages", type=int, default=1,
                   help="split into this many pages, OUT-1.xml ... OUT-N.xml (default 1: OUT.xml)")
    g.add_argument("out")
    args = parser.parse_args()
    if args.command == "convert":
        convert(args.native, args.out)
    elif args.command == "planning":
        planning(args.native, args.out)
    else:
        if args.pages < 1 or args.pages > max(args.workers, 1):
            parser.error("--pages must be between 1 and the number of workers")
        generate(args.workers, args.target_mb, args.seed, args.out, args.pages)


if __name__ == "__main__":
    sys.exit(main())
