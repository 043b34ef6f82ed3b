#!/usr/bin/env python3
"""Independent checker of a week-by-week plan against docs/model.md.

    check_plan.py INSTANCE.json PLAN.json [--no-cascades] [--tolerance H]

PLAN.json is what ``understudy plan --format json`` writes (or ``reference.py --plan-out``):
``pairs`` with mentor, mentee, skill, fromLevel, toLevel, menteeHours, endWeek and schedule
[{week, menteeHours}], and ``coverage`` with coverageWeeks, coverageWeeksBound,
coverageWeeksGapPercent, horizonPercent and after.

It shares no code with the planner or with reference.py on purpose: every rule is re-read
from the model and CW is recomputed from the pairs' end weeks alone. Each broken rule prints
one line; the last line is a JSON summary with the recomputed CW. Exit status 1 on any
violation.

Rules checked, per pair: known people and skill; mentor != mentee; canMentor; canLearn;
mentee not a leaver; fromLevel is the mentee's level today; fromLevel < toLevel <= scaleMax;
menteeHours = (to - from) * hoursPerLevel * (0.75 with a related skill at >= 2 today);
schedule weeks within 1..H, hours > 0, summing to menteeHours; endWeek = the last scheduled
week; mentor and mentee present in every scheduled week; the mentor's level at the start of
every scheduled week >= max(toLevel, mentorMinLevel), counting with cascades only their own
pairs of the plan that ended in an earlier week. Across pairs: one pair per (mentee, skill);
per person and week, mentee hours <= learningHoursPerWeek and a quarter of the hours they
mentor <= mentorHoursPerWeek; at most maxMentees distinct mentees per mentor. The reported
coverage figures must match the recomputed ones, and the bound must not be below CW.

Tolerance: hours in the JSON may be rounded (two decimals), so hour comparisons allow
``--tolerance`` hours (default 0.02) per comparison.
"""
import argparse
import json
import sys


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("instance")
    parser.add_argument("plan")
    parser.add_argument("--no-cascades", action="store_true")
    parser.add_argument("--tolerance", type=float, default=0.02)
    args = parser.parse_args()
    inst = json.load(open(args.instance))
    plan = json.load(open(args.plan))
    tol = args.tolerance
    cascades = inst.get("cascades", True) and not args.no_cascades

    H = inst["horizonWeeks"]
    min_level = inst["mentorMinLevel"]
    skills = {s["id"]: s for s in inst["skills"]}
    people = {p["id"]: p for p in inst["people"]}
    present = {pid: set(p["presentWeeks"]) for pid, p in people.items()}
    problems = []

    def today(pid, skill):
        return people[pid]["levels"].get(skill, 0)

    pairs = plan.get("pairs", [])
    valid = []  # pairs whose ids resolve, for the cross-pair checks
    for n, pair in enumerate(pairs, 1):
        m, e, s = pair.get("mentor"), pair.get("mentee"), pair.get("skill")
        name = f"pair {n} ({m} -> {e}, {s} {pair.get('fromLevel')}->{pair.get('toLevel')})"
        bad = [f"{what} {v!r}" for what, v, known in
               (("mentor", m, people), ("mentee", e, people), ("skill", s, skills))
               if v not in known]
        if bad:
            problems.append(f"{name}: unknown {', '.join(bad)}")
            continue
        a, b = pair["fromLevel"], pair["toLevel"]
        if m == e:
            problems.append(f"{name}: mentor is the mentee")
        if not people[m]["canMentor"]:
            problems.append(f"{name}: mentor {m} has canMentor false")
        if not people[e]["canLearn"]:
            problems.append(f"{name}: mentee {e} has canLearn false")
        if people[e]["leaver"]:
            problems.append(f"{name}: mentee {e} leaves within the horizon")
        if a != today(e, s):
            problems.append(f"{name}: fromLevel {a} but the mentee holds {today(e, s)} today")
        if not a < b <= inst["scaleMax"]:
            problems.append(f"{name}: levels {a}->{b} outside 0..{inst['scaleMax']} or not rising")
        related = any(today(e, r) >= 2 for r in skills[s]["related"])
        hours = (b - today(e, s)) * skills[s]["hoursPerLevel"] * (0.75 if related else 1.0)
        if abs(pair["menteeHours"] - hours) > tol:
            problems.append(f"{name}: menteeHours {pair['menteeHours']} but the model gives "
                            f"{hours}")
        schedule = pair.get("schedule", [])
        weeks = [item["week"] for item in schedule]
        if len(set(weeks)) != len(weeks):
            problems.append(f"{name}: a week appears twice in the schedule")
        if any(not 1 <= w <= H for w in weeks):
            problems.append(f"{name}: schedule has weeks outside 1..{H}: {weeks}")
        if any(item["menteeHours"] <= 0 for item in schedule):
            problems.append(f"{name}: schedule lists a week with no hours")
        total = sum(item["menteeHours"] for item in schedule)
        if abs(total - pair["menteeHours"]) > tol:
            problems.append(f"{name}: schedule sums to {total:g} h, not {pair['menteeHours']:g}")
        end = max(weeks) if weeks else None
        if end is None or pair.get("endWeek") != end:
            problems.append(f"{name}: endWeek {pair.get('endWeek')} but the last scheduled week "
                            f"is {end}")
        for w in weeks:
            for who, pid in (("mentor", m), ("mentee", e)):
                if w not in present[pid]:
                    problems.append(f"{name}: {who} {pid} is not present in week {w}")
        valid.append((name, m, e, s, a, b, end, schedule))

    # One pair per (mentee, skill).
    slots = {}
    for name, m, e, s, a, b, end, schedule in valid:
        slots.setdefault((e, s), []).append(name)
    for (e, s), names in sorted(slots.items()):
        if len(names) > 1:
            problems.append(f"{e} has {len(names)} pairs in {s}: {'; '.join(names)}")

    # The mentor's level at the start of each week they teach.
    learned = {}  # (person, skill) -> [(level, end week)] of their own pairs as mentee
    for name, m, e, s, a, b, end, schedule in valid:
        if end is not None:
            learned.setdefault((e, s), []).append((b, end))
    for name, m, e, s, a, b, end, schedule in valid:
        need = max(b, min_level)
        for item in schedule:
            w = item["week"]
            level = today(m, s)
            if cascades:
                for b2, end2 in learned.get((m, s), []):
                    if end2 < w:
                        level = max(level, b2)
            if level < need:
                problems.append(f"{name}: in week {w} the mentor holds {s} at {level}, "
                                f"below {need}")
                break

    # Weekly budgets and distinct mentees.
    learning, mentoring, mentees = {}, {}, {}
    for name, m, e, s, a, b, end, schedule in valid:
        mentees.setdefault(m, set()).add(e)
        for item in schedule:
            key_e, key_m = (e, item["week"]), (m, item["week"])
            learning[key_e] = learning.get(key_e, 0.0) + item["menteeHours"]
            mentoring[key_m] = mentoring.get(key_m, 0.0) + item["menteeHours"] / 4
    for (pid, w), hours in sorted(learning.items()):
        if hours > people[pid]["learningHoursPerWeek"] + tol:
            problems.append(f"{pid} learns {hours:g} h in week {w}, over "
                            f"{people[pid]['learningHoursPerWeek']} h")
    for (pid, w), hours in sorted(mentoring.items()):
        if hours > people[pid]["mentorHoursPerWeek"] + tol:
            problems.append(f"{pid} mentors {hours:g} h in week {w}, over "
                            f"{people[pid]['mentorHoursPerWeek']} h")
    for pid, group in sorted(mentees.items()):
        if len(group) > people[pid]["maxMentees"]:
            problems.append(f"{pid} mentors {len(group)} distinct mentees, over maxMentees "
                            f"{people[pid]['maxMentees']}")

    # Coverage-weeks from scratch: levels held in week w, leavers counted through their week.
    # Per role and person, the weeks they count form one interval [first, last]: first is 1
    # when qualified today, else the latest end week among the pairs that lift them to every
    # level they lack; last is H, or a leaver's last counted week.
    gained = {}
    for name, m, e, s, a, b, end, schedule in valid:
        if end is not None:
            gained[(e, s)] = (b, end)
    cw = after = ceiling = 0.0
    for role in inst["roles"]:
        ceiling += role["weight"] * role["target"]
        starts = [0] * (H + 2)  # difference array of depth over weeks 1..H
        for pid, person in people.items():
            first = 1
            for s, l in role["requirements"]:
                if person["levels"].get(s, 0) >= l:
                    continue
                level, end = gained.get((pid, s), (0, None))
                if level < l:
                    first = None
                    break
                first = max(first, end)
            if first is None:
                continue
            last = person["countsThroughWeek"] if person["leaver"] else H
            if first <= last:
                starts[first] += 1
                starts[last + 1] -= 1
        depth = 0
        for w in range(1, H + 1):
            depth += starts[w]
            cw += role["weight"] * min(depth, role["target"])
            if w == H:
                after += role["weight"] * min(depth, role["target"])

    coverage = plan.get("coverage", {})
    reported = coverage.get("coverageWeeks")
    bound = coverage.get("coverageWeeksBound")

    def compare(field, expected, slack):
        value = coverage.get(field)
        if value is None:
            problems.append(f"coverage.{field} is missing")
        elif abs(value - expected) > slack:
            problems.append(f"coverage.{field} is {value:g}, recomputed {expected:g}")

    compare("coverageWeeks", cw, 0.01)
    compare("after", after, 0.01)
    compare("horizonPercent", 100 * cw / (H * ceiling) if ceiling else 100.0, 0.011)
    if bound is None:
        problems.append("coverage.coverageWeeksBound is missing")
    else:
        if bound < cw - 0.01:
            problems.append(f"coverage.coverageWeeksBound {bound:g} is below the plan's CW {cw:g}")
        if bound > 0:
            compare("coverageWeeksGapPercent", 100 * (bound - cw) / bound, 0.011)

    for line in problems:
        print(line)
    print(json.dumps({"violations": len(problems), "coverageWeeks": cw, "after": after,
                      "reportedCoverageWeeks": reported, "bound": bound, "pairs": len(pairs),
                      "cascades": cascades}))
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
