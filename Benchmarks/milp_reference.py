#!/usr/bin/env python3
"""Reference MILP of the Understudy mentoring model (shared/docs/model.md), solved with HiGHS.

Reads an instance written by `optimizer-bench quality --json PATH` (raw model data: skills,
people, roles, horizon, mentorMinLevel) and prints the proven optimum of the coverage score
C' = sum_r w_r * min(d'_r, T_r), with the solve time, as one JSON line.

Model (static, as in model.md; levels restricted to those some role requires, which loses no
optimality because a pair raised between two required levels can be lowered at no loss):
  x[m,e,s,b] in {0,1}  mentor m teaches mentee e skill s up to level b
  p[m,e]     in {0,1}  m mentors e at all
  q[e,r]     in {0,1}  e newly qualifies for r
  u[r]       in [0, gap_r]
  max  sum_r w_r (min(d_r, T_r) + u_r)
  s.t. sum_{m,b} x[m,e,s,b] <= 1                       one pair per (mentee, skill)
       q[e,r] <= sum_{m, b >= l} x[m,e,s,b]             for each (s, l) of req(r) e lacks
       u_r <= sum_e q[e,r]
       sum x * h(e,s,b) <= learningHoursPerWeek(e) * H  mentee hours
       sum x * h(e,s,b)/4 <= mentorHoursPerWeek(m) * H  mentor hours
       x[m,e,s,b] <= p[m,e];  sum_e p[m,e] <= maxMentees(m)
  h(e,s,b) = (b - level(e,s)) * hoursPerLevel(s) * (0.75 if e holds a related(s) skill at >= 2)
  Mentors need m != e, canMentor, level(m,s) >= max(b, mentorMinLevel); mentees canLearn.
"""
import json
import sys
import time

import highspy


def solve(path, time_limit=600.0):
    data = json.load(open(path))
    H = data["horizonWeeks"]
    min_level = data["mentorMinLevel"]
    skills = {s["id"]: s for s in data["skills"]}
    people = data["people"]
    roles = data["roles"]

    def level(person, skill):
        return person["levels"].get(skill, 0)

    def hours(person, skill, to):
        step = skills[skill]["hoursPerLevel"] if skill in skills else 40.0
        related = skills[skill]["related"] if skill in skills else []
        factor = 0.75 if any(level(person, r) >= 2 for r in related) else 1.0
        return (to - level(person, skill)) * step * factor

    required = {}
    for role in roles:
        for skill, lvl in role["requirements"]:
            required.setdefault(skill, set()).add(lvl)

    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("time_limit", float(time_limit))
    h.setOptionValue("mip_rel_gap", 0.0)
    h.setOptionValue("mip_abs_gap", 1e-6)
    inf = highspy.kHighsInf
    cols = 0
    integer = []

    def add_col(cost, lb, ub, is_int):
        nonlocal cols
        h.addCol(cost, lb, ub, 0, [], [])
        if is_int:
            integer.append(cols)
        cols += 1
        return cols - 1

    rows = []  # (lb, ub, indices, values)

    x = {}  # (m, e, s, b) -> col
    by_es = {}
    by_m_hours = {}
    by_e_hours = {}
    pm = {}
    for ei, e in enumerate(people):
        budget = e["learningHoursPerWeek"] * H if e["canLearn"] else 0.0
        if budget <= 0:
            continue
        for s, levels in sorted(required.items()):
            a = level(e, s)
            for b in sorted(levels):
                if b <= a:
                    continue
                he = hours(e, s, b)
                if he > budget + 1e-9:
                    continue
                for mi, m in enumerate(people):
                    if mi == ei or not m["canMentor"] or m["maxMentees"] <= 0:
                        continue
                    if level(m, s) < max(b, min_level):
                        continue
                    if he / 4 > m["mentorHoursPerWeek"] * H + 1e-9:
                        continue
                    col = add_col(0.0, 0.0, 1.0, True)
                    x[(mi, ei, s, b)] = col
                    by_es.setdefault((ei, s), []).append((col, b))
                    by_e_hours.setdefault(ei, []).append((col, he))
                    by_m_hours.setdefault(mi, []).append((col, he / 4))
                    if (mi, ei) not in pm:
                        pm[(mi, ei)] = add_col(0.0, 0.0, 1.0, True)
                    rows.append((-inf, 0.0, [col, pm[(mi, ei)]], [1.0, -1.0]))
    for cols_b in by_es.values():
        rows.append((-inf, 1.0, [c for c, _ in cols_b], [1.0] * len(cols_b)))
    for ei, items in by_e_hours.items():
        budget = people[ei]["learningHoursPerWeek"] * H
        rows.append((-inf, budget, [c for c, _ in items], [v for _, v in items]))
    for mi, items in by_m_hours.items():
        budget = people[mi]["mentorHoursPerWeek"] * H
        rows.append((-inf, budget, [c for c, _ in items], [v for _, v in items]))
    per_mentor = {}
    for (mi, ei), col in pm.items():
        per_mentor.setdefault(mi, []).append(col)
    for mi, items in per_mentor.items():
        rows.append((-inf, float(people[mi]["maxMentees"]), items, [1.0] * len(items)))

    constant = 0.0
    for role in roles:
        reqs = {}
        for s, lvl in role["requirements"]:
            if lvl > 0:
                reqs[s] = max(reqs.get(s, 0), lvl)
        qualified = [all(level(p, s) >= l for s, l in reqs.items()) for p in people]
        depth = sum(qualified)
        w, T = role["weight"], role["target"]
        constant += w * min(depth, T)
        gap = max(0, T - depth)
        if gap == 0:
            continue
        q_cols = []
        for ei, e in enumerate(people):
            if qualified[ei]:
                continue
            links = []
            possible = True
            for s, l in reqs.items():
                if level(e, s) >= l:
                    continue
                options = [c for c, b in by_es.get((ei, s), []) if b >= l]
                if not options:
                    possible = False
                    break
                links.append(options)
            if not possible or not links:
                continue
            q = add_col(0.0, 0.0, 1.0, True)
            q_cols.append(q)
            for options in links:
                rows.append((-inf, 0.0, [q] + options, [1.0] + [-1.0] * len(options)))
        if not q_cols:
            continue
        u = add_col(w, 0.0, float(gap), False)
        rows.append((-inf, 0.0, [u] + q_cols, [1.0] + [-1.0] * len(q_cols)))

    for lb, ub, idx, val in rows:
        h.addRow(lb, ub, len(idx), idx, val)
    if integer:
        h.changeColsIntegrality(
            len(integer), integer, [highspy.HighsVarType.kInteger] * len(integer))
    h.changeObjectiveSense(highspy.ObjSense.kMaximize)
    start = time.perf_counter()
    h.run()
    elapsed = time.perf_counter() - start
    status = h.modelStatusToString(h.getModelStatus())
    info = h.getInfo()
    value = constant + (info.objective_function_value if cols else 0.0)
    bound = constant + (info.mip_dual_bound if integer else info.objective_function_value)
    return {
        "optimum": value,
        "dualBound": bound,
        "status": status,
        "seconds": elapsed,
        "columns": cols,
        "rows": len(rows),
        "heuristic": data.get("heuristic", {}),
    }


if __name__ == "__main__":
    limit = float(sys.argv[2]) if len(sys.argv) > 2 else 600.0
    print(json.dumps(solve(sys.argv[1], limit)))
