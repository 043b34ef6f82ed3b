#!/usr/bin/env python3
"""Seeded instance generator for the week-by-week (coverage-weeks) benchmark.

Every instance is written twice, from the same data:

* ``STEM.xml``: Understudy's native format (urn:understudy:org:1), the file the CLI plans on;
* ``STEM.json``: the raw model data in weeks, the file ``reference.py`` and ``check_plan.py``
  read, so the Python side never has to re-derive the calendar from dates.

Calendar. The horizon starts on a Monday (``--start``, default 2027-01-04); week ``k`` runs
from ``start + 7(k-1)`` (Monday) to ``+4`` (Friday). There are no holidays. Absences are
whole weeks (Monday to Friday), so a person is present in a week exactly when that week is not
one of their absence weeks. A leaver leaves on the Friday of week ``k`` (``leaves`` is the last
working day): they are present in weeks ``1..k``, count in week depth through week ``k``
(``countsThroughWeek``) and, as in the model, are never trained.

Families (first argument):

``small``
    15-60 people, realistic levels 0-4 clustered by department, hoursPerLevel 10-40 so pairs
    fit in 8-26 weeks, roles with 1-3 requirements, weights 1/2/3, targets = incumbents +
    backups, some whole-week absences and 1-2 leavers. Small enough for a proven optimum.

``hard``
    150-3,000 people built to make the choice of pairs matter. Each knob below has a flag:

    --skills N          number of skills (default people/12).
    --hot-share F       share of skills that are "hot": roles draw most requirements from
                        them, so many roles compete for the same skills (default 0.3; 0.1
                        for scale).
    --hot-bias F        probability that a requirement is a hot skill (default 0.85).
    --roles N           number of roles (default people/10).
    --reqs A-B          requirements per role (default 2-3).
    --backups A-B       backups per role, so targets are 1-2 incumbents plus 2-3 (default 2-3).
    --near A-B          near-qualified people made per role: the natural mentees (default 4-8).
    --gap-skills N      how many requirements a near-qualified person misses, each by one
                        level: "typically two skills short" (default 2).
    --experts N         extra level-3/4 holders per hot skill besides incumbents; few experts
                        make mentors scarce (default 1).
    --can-mentor F      probability that a person opts in to mentoring (default 0.35).
    --mentor-hours A-B  mentor hours per week, scarce at 1-2 (default 1-2).
    --max-mentees A-B   distinct mentees a mentor may take, scarce at 1-2 (default 1-2).
    --learning-hours A-B  learning hours per week (default 2-4).
    --absence-share F   share of people with a block of whole-week absences (default 0.3).
    --leaver-share F    share of people leaving within the horizon (default 0.01, at least 1).

``scale``
    The ``hard`` recipe at the size the tool must handle: 10,000 people, 1,000 skills, 500
    roles, 52 weeks by default, with a tenth of the skills hot, so that hundreds of candidate
    pairs compete for each hot skill's handful of mentors. The same knobs apply.

Determinism: one ``random.Random`` seeded with a string of family, size, horizon and seed, and
only lists (never sets) are sampled, so the same command writes the same bytes.

Usage::

    generate.py small --people 30 --weeks 16 --seed 3 --out results/small-30-16-3
    generate.py hard --people 1000 --weeks 26 --seed 1 --out results/hard-1000-1
    generate.py scale --seed 1 --out results/scale-1
"""
import argparse
import datetime
import json
import random
from xml.sax.saxutils import quoteattr

SCALE_MAX = 4
MENTOR_MIN_LEVEL = 3
CRITICALITY = {3: "critical", 2: "high", 1: "normal"}
DEPARTMENTS = ["Operations", "Finance", "Engineering", "Sales", "Support", "Legal", "People",
               "Logistics", "Procurement", "Marketing", "IT", "Research", "Quality", "Data"]


def span(text):
    """Parse a knob range "A-B" (or a single "A") into an inclusive (A, B)."""
    low, _, high = text.partition("-")
    return int(low), int(high or low)


def pick_level(rng, weights):
    """A level drawn from {level: weight}; the order of the dict fixes the draw."""
    return rng.choices(list(weights), weights=list(weights.values()))[0]


# ---------------------------------------------------------------------------------------------
# The two recipes. Both return the same shape: skills, people, roles (dicts), with each person's
# absences as a list of week numbers and an optional leaving week.


def small_org(rng, n, weeks):
    """A realistic small organization: departments own skill clusters, experts are rare."""
    n_depts = max(2, min(5, n // 12))
    depts = DEPARTMENTS[:n_depts]
    n_skills = max(6, round(n / 4))
    skills = []
    for i in range(n_skills):
        skills.append({"id": f"s{i + 1:02d}", "name": f"Skill {i + 1}", "dept": depts[i % n_depts],
                       "hoursPerLevel": rng.choice([10, 15, 20, 20, 25, 30, 40]), "related": []})
    for skill in skills:
        # Related skills mostly within the department: holders of one learn the other faster.
        same = [t["id"] for t in skills if t["dept"] == skill["dept"] and t is not skill]
        for _ in range(2):
            if same and rng.random() < 0.4:
                other = rng.choice(same)
                if other not in skill["related"]:
                    skill["related"].append(other)

    people = []
    for i in range(n):
        dept = rng.choice(depts)
        levels = {}
        for skill in skills:
            chance = 0.55 if skill["dept"] == dept else 0.12
            if rng.random() < chance:
                levels[skill["id"]] = pick_level(rng, {1: 25, 2: 35, 3: 28, 4: 12})
        people.append({
            "id": f"P{i + 1:03d}", "name": f"Person {i + 1}", "department": dept, "levels": levels,
            "canMentor": rng.random() < 0.85, "canLearn": rng.random() < 0.9,
            "mentorHoursPerWeek": rng.choice([1, 2, 2, 3]),
            "learningHoursPerWeek": rng.choice([2, 3, 4, 4, 5, 6]),
            "maxMentees": rng.choice([1, 2, 2, 3]),
            "absentWeeks": [], "leaveWeek": None,
        })

    roles = []
    for i in range(max(3, n // 6)):
        dept = rng.choice(depts)
        home = [s["id"] for s in skills if s["dept"] == dept]
        others = [s["id"] for s in skills if s["dept"] != dept]
        reqs = {}
        for _ in range(rng.choice([1, 2, 2, 3])):
            pool = home if (rng.random() < 0.75 or not others) else others
            skill = rng.choice(pool)
            reqs[skill] = rng.choice([2, 2, 3, 3, 3, 4])
        weight = rng.choice([1, 1, 2, 2, 3])
        backups = {3: 2, 2: rng.choice([1, 2]), 1: 1}[weight]
        roles.append({"id": f"r{i + 1:02d}", "name": f"Role {i + 1}", "weight": weight,
                      "backups": backups, "requirements": sorted(reqs.items()), "incumbents": []})
    for role in roles:
        # Incumbents are the people closest to the role today, made qualified.
        count = 1 if rng.random() < 0.7 else 2
        ranked = sorted(people, key=lambda p: (missing_levels(p, role), rng.random()))
        for person in ranked[:count]:
            qualify(person, role)
            role["incumbents"].append(person["id"])

    for person in people:
        for _ in range(2):
            if rng.random() < 0.35:
                add_absence(rng, person, weeks, rng.choice([1, 1, 2, 2, 3]))
    leavers = 1 if n < 30 else 2
    incumbents = [p for p in people if any(p["id"] in r["incumbents"] for r in roles)]
    for _ in range(leavers):
        pool = incumbents if rng.random() < 0.5 else people
        candidates = [p for p in pool if p["leaveWeek"] is None]
        rng.choice(candidates)["leaveWeek"] = rng.randint(2, weeks - 1)
    return skills, people, roles


def hard_org(rng, n, weeks, knobs):
    """Scarce mentors, hot skills shared by many roles, mentees two skills short."""
    n_skills = knobs.skills or max(12, n // 12)
    n_roles = knobs.roles or max(10, n // 10)
    n_depts = max(3, min(len(DEPARTMENTS), n // 100))
    depts = DEPARTMENTS[:n_depts]
    skills = [{"id": f"s{i + 1:04d}", "name": f"Skill {i + 1}", "dept": depts[i % n_depts],
               "hoursPerLevel": rng.choice([20, 25, 30, 35, 40]), "related": []}
              for i in range(n_skills)]
    n_hot = max(3, round(knobs.hot_share * n_skills))
    hot = [s["id"] for s in skills[:n_hot]]
    cold = [s["id"] for s in skills[n_hot:]] or hot
    for skill in skills:
        if rng.random() < 0.3:
            other = rng.choice(skills)
            if other is not skill:
                skill["related"].append(other["id"])

    lo_m, hi_m = span(knobs.mentor_hours)
    lo_k, hi_k = span(knobs.max_mentees)
    lo_l, hi_l = span(knobs.learning_hours)
    people = []
    for i in range(n):
        levels = {}
        # Background: a few skills at low levels, mostly 1, the odd 2.
        for skill in rng.sample(skills, min(4, n_skills)):
            levels[skill["id"]] = pick_level(rng, {1: 70, 2: 30})
        people.append({
            "id": f"E{i + 1:05d}", "name": f"Employee {i + 1}", "department": rng.choice(depts),
            "levels": levels, "canMentor": rng.random() < knobs.can_mentor,
            "canLearn": rng.random() < 0.95,
            "mentorHoursPerWeek": rng.randint(lo_m, hi_m),
            "learningHoursPerWeek": rng.randint(lo_l, hi_l),
            "maxMentees": rng.randint(lo_k, hi_k),
            "absentWeeks": [], "leaveWeek": None,
        })
    for skill in hot:
        # The few experts besides incumbents; they are the mentors everyone wants.
        for person in rng.sample(people, knobs.experts):
            person["levels"][skill] = rng.choice([3, 4])
            person["canMentor"] = True

    lo_r, hi_r = span(knobs.reqs)
    lo_b, hi_b = span(knobs.backups)
    lo_n, hi_n = span(knobs.near)
    roles = []
    for i in range(n_roles):
        reqs = {}
        for _ in range(rng.randint(lo_r, hi_r)):
            skill = rng.choice(hot if rng.random() < knobs.hot_bias else cold)
            reqs[skill] = rng.choice([2, 3, 3])
        weight = rng.choice([1, 1, 2, 2, 3])
        roles.append({"id": f"role{i + 1:04d}", "name": f"Role {i + 1}", "weight": weight,
                      "backups": rng.randint(lo_b, hi_b), "requirements": sorted(reqs.items()),
                      "incumbents": []})
    for role in roles:
        for person in rng.sample(people, 1 if rng.random() < 0.7 else 2):
            qualify(person, role)
            role["incumbents"].append(person["id"])
        for person in rng.sample(people, rng.randint(lo_n, hi_n)):
            # Near-qualified: every requirement met except gap-skills of them, one level short.
            reqs = role["requirements"]
            short = rng.sample(reqs, min(knobs.gap_skills, len(reqs)))
            for skill, level in reqs:
                target = level - 1 if (skill, level) in short else level
                person["levels"][skill] = max(person["levels"].get(skill, 0), target)

    for person in people:
        if rng.random() < knobs.absence_share:
            add_absence(rng, person, weeks, rng.choice([1, 2, 2, 3]))
    for person in rng.sample(people, max(1, round(knobs.leaver_share * n))):
        person["leaveWeek"] = rng.randint(2, weeks - 1)
    return skills, people, roles


def missing_levels(person, role):
    """Level steps a person lacks for a role (0 when qualified)."""
    return sum(max(0, level - person["levels"].get(skill, 0))
               for skill, level in role["requirements"])


def qualify(person, role):
    for skill, level in role["requirements"]:
        person["levels"][skill] = max(person["levels"].get(skill, 0), level)


def add_absence(rng, person, weeks, length):
    """A block of whole weeks away, clipped to the horizon."""
    first = rng.randint(1, weeks)
    for week in range(first, min(weeks, first + length - 1) + 1):
        if week not in person["absentWeeks"]:
            person["absentWeeks"].append(week)
    person["absentWeeks"].sort()


# ---------------------------------------------------------------------------------------------
# Writers.


def monday(start, week):
    return start + datetime.timedelta(days=7 * (week - 1))


def absence_blocks(weeks):
    """Consecutive absence weeks merged into (first, last) blocks, one <absence> each."""
    blocks = []
    for week in weeks:
        if blocks and blocks[-1][1] == week - 1:
            blocks[-1][1] = week
        else:
            blocks.append([week, week])
    return blocks


def write_xml(path, skills, people, roles, weeks, start, note):
    q = quoteattr
    out = ['<?xml version="1.0" encoding="UTF-8"?>', f"<!-- {note} -->",
           f'<organization xmlns="urn:understudy:org:1" asOf="{start.isoformat()}">',
           f'  <scale max="{SCALE_MAX}"/>', "  <skills>"]
    for s in skills:
        line = (f'    <skill id={q(s["id"])} name={q(s["name"])} '
                f'hoursPerLevel="{s["hoursPerLevel"]}"')
        if s["related"]:
            out.append(line + ">")
            out += [f'      <related skill={q(r)}/>' for r in s["related"]]
            out.append("    </skill>")
        else:
            out.append(line + "/>")
    out.append("  </skills>")
    out.append("  <people>")
    for p in people:
        attrs = (f'id={q(p["id"])} name={q(p["name"])} department={q(p["department"])} '
                 f'mentorHoursPerWeek="{p["mentorHoursPerWeek"]}" '
                 f'learningHoursPerWeek="{p["learningHoursPerWeek"]}" '
                 f'maxMentees="{p["maxMentees"]}" canMentor="{str(p["canMentor"]).lower()}" '
                 f'canLearn="{str(p["canLearn"]).lower()}"')
        if p["leaveWeek"] is not None:
            friday = monday(start, p["leaveWeek"]) + datetime.timedelta(days=4)
            attrs += f' leaves="{friday.isoformat()}"'
        out.append(f"    <person {attrs}>")
        for skill, level in sorted(p["levels"].items()):
            if level > 0:
                out.append(f'      <skill ref={q(skill)} level="{level}"/>')
        for first, last in absence_blocks(p["absentWeeks"]):
            end = monday(start, last) + datetime.timedelta(days=4)
            out.append(f'      <absence from="{monday(start, first).isoformat()}" '
                       f'to="{end.isoformat()}" kind="vacation"/>')
        out.append("    </person>")
    out.append("  </people>")
    out.append("  <roles>")
    for r in roles:
        out.append(f'    <role id={q(r["id"])} name={q(r["name"])} '
                   f'criticality="{CRITICALITY[r["weight"]]}" backups="{r["backups"]}">')
        out += [f'      <requires skill={q(s)} level="{l}"/>' for s, l in r["requirements"]]
        out += [f'      <incumbent person={q(i)}/>' for i in r["incumbents"]]
        out.append("    </role>")
    out.append("  </roles>")
    out.append(f'  <policy horizonWeeks="{weeks}" mentorMinLevel="{MENTOR_MIN_LEVEL}" '
               f'start="{start.isoformat()}"/>')
    out.append("</organization>")
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


def instance_json(skills, people, roles, weeks, start, meta):
    """The model data in weeks: presence and depth already resolved per week."""
    data = {
        "horizonWeeks": weeks, "start": start.isoformat(), "mentorMinLevel": MENTOR_MIN_LEVEL,
        "cascades": True, "scaleMax": SCALE_MAX, "generator": meta,
        "skills": [{"id": s["id"], "hoursPerLevel": s["hoursPerLevel"], "related": s["related"]}
                   for s in skills],
        "people": [], "roles": [],
    }
    for p in people:
        last = p["leaveWeek"] if p["leaveWeek"] is not None else weeks
        data["people"].append({
            "id": p["id"], "levels": {k: v for k, v in sorted(p["levels"].items()) if v > 0},
            "canMentor": p["canMentor"], "canLearn": p["canLearn"],
            "mentorHoursPerWeek": p["mentorHoursPerWeek"],
            "learningHoursPerWeek": p["learningHoursPerWeek"], "maxMentees": p["maxMentees"],
            "presentWeeks": [w for w in range(1, last + 1) if w not in p["absentWeeks"]],
            "countsThroughWeek": p["leaveWeek"], "leaver": p["leaveWeek"] is not None,
        })
    for r in roles:
        data["roles"].append({"id": r["id"], "weight": r["weight"],
                              "target": len(r["incumbents"]) + r["backups"],
                              "requirements": [[s, l] for s, l in r["requirements"]]})
    return data


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("family", choices=["small", "hard", "scale"])
    parser.add_argument("--people", type=int)
    parser.add_argument("--weeks", type=int)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--start", default="2027-01-04", help="a Monday (YYYY-MM-DD)")
    parser.add_argument("--out", required=True, help="path stem: writes STEM.xml and STEM.json")
    hard = parser.add_argument_group("hard and scale knobs (see the module docstring)")
    hard.add_argument("--skills", type=int)
    hard.add_argument("--roles", type=int)
    hard.add_argument("--hot-share", type=float, help="default 0.3 (hard), 0.1 (scale)")
    hard.add_argument("--hot-bias", type=float, default=0.85)
    hard.add_argument("--reqs", default="2-3")
    hard.add_argument("--backups", default="2-3")
    hard.add_argument("--near", default="4-8")
    hard.add_argument("--gap-skills", type=int, default=2)
    hard.add_argument("--experts", type=int, default=1)
    hard.add_argument("--can-mentor", type=float, default=0.35)
    hard.add_argument("--mentor-hours", default="1-2")
    hard.add_argument("--max-mentees", default="1-2")
    hard.add_argument("--learning-hours", default="2-4")
    hard.add_argument("--absence-share", type=float, default=0.3)
    hard.add_argument("--leaver-share", type=float, default=0.01)
    args = parser.parse_args()

    start = datetime.date.fromisoformat(args.start)
    if start.weekday() != 0:
        parser.error(f"--start {start} is not a Monday")
    defaults = {"small": (30, 16), "hard": (1000, 26), "scale": (10000, 52)}[args.family]
    people = args.people or defaults[0]
    weeks = args.weeks or defaults[1]
    if weeks < 3:
        parser.error("--weeks must be at least 3 (leavers leave in weeks 2..H-1)")
    if args.family == "scale":
        args.skills = args.skills or 1000
        args.roles = args.roles or 500
    if args.hot_share is None:
        # At scale a tenth of the skills are hot: about a dozen roles draw on each, so the
        # pairs for one skill number in the hundreds while its mentors number a handful.
        args.hot_share = 0.1 if args.family == "scale" else 0.3
    rng = random.Random(f"{args.family}/{people}/{weeks}/{args.seed}")
    if args.family == "small":
        skills, persons, roles = small_org(rng, people, weeks)
        meta = {"family": "small", "people": people, "weeks": weeks, "seed": args.seed}
    else:
        skills, persons, roles = hard_org(rng, people, weeks, args)
        meta = {"family": args.family, "people": people, "weeks": weeks, "seed": args.seed,
                "knobs": {k: v for k, v in vars(args).items()
                          if k not in ("family", "people", "weeks", "seed", "start", "out")}}
    # XML comments may not hold "--", so the note names the knobs without dashes.
    note = (f"generated by Benchmarks/year/generate.py: family {args.family}, people {people}, "
            f"weeks {weeks}, seed {args.seed}")
    write_xml(args.out + ".xml", skills, persons, roles, weeks, start, note)
    with open(args.out + ".json", "w") as f:
        json.dump(instance_json(skills, persons, roles, weeks, start, meta), f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
