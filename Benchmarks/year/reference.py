#!/usr/bin/env python3
"""Exact time-indexed model of coverage-weeks (CW), solved by HiGHS or CP-SAT.

Reads an instance JSON from ``generate.py`` (model data in weeks) and prints one JSON line:
``status`` (optimal / feasible / unknown / infeasible), ``objective`` (best CW found, null when
none), ``bound`` (the solver's proven upper bound on CW), ``seconds`` (solve), plus sizes. With
``--plan-out PATH`` it also writes the solution as a plan JSON in the shape of ``understudy plan
--format json``, so ``check_plan.py`` can verify the reference itself.

The model is docs/model.md, "Mentoring pairs" to "The optimizer's objective", week by week:

  Candidate pairs p = (m, e, s, b): e eligible (canLearn, not a leaver), m != e eligible
  (canMentor, mentor hours and maxMentees > 0), b > a = level(e, s), b a level some role
  requires in s or, with cascades, any level mentorMinLevel..scaleMax (to make a mentor).
  h_p = (b - a) * hoursPerLevel(s) * (0.75 if e holds a related(s) skill at >= 2 today).

  x_p          in {0,1}  the pair is in the plan
  u_{p,w}      >= 0      mentee hours of p in week w (only weeks both m and e are present)
  c_{g,w}      >= 0      cumulative hours by week w of group g = (e, s, b): the pairs that
                         raise e to b in s, which all need the same h and of which at most
                         one is chosen (so one completion variable per group, not per pair)
  F_{g,w}      in {0,1}  g's pair has all its hours by the end of week w, so e holds b in s
                         from week w on (the brief's f[p,w], aggregated over mentors)
  y_{m,e}      in {0,1}  m mentors e at all (only where maxMentees could bind)
  q_{e,r,w}    in [0,1]  e newly qualified for role r in week w
  z_{r,w}      integer in [0, T_r - base_{r,w}]  trained backups that count in week w

  max  sum_{r,w} w_r * (min(base_{r,w}, T_r) + z_{r,w})     (base: qualified today, leavers
                                                              counted through their last week)
  s.t. sum_w u_{p,w} = h_p x_p;   u_{p,w} <= cap_p x_p,  cap_p = min(h_p, L_e, 4 M_m)
       c_{g,w} = c_{g,w-1} + sum_{p in g} u_{p,w};   h_g F_{g,w} <= c_{g,w};   F_{g,w} <= F_{g,w+1}
       sum_{p: e} u_{p,w} <= learningHoursPerWeek(e) = L_e      per person and week
       sum_{p: m} u_{p,w} <= 4 mentorHoursPerWeek(m) = 4 M_m   per person and week
       sum_{m,b} x_{m,e,s,b} <= 1                               one pair per (mentee, skill)
       x_p <= y_{m,e};  sum_e y_{m,e} <= maxMentees(m)
       cascades, when level(m, s) < n = max(b, mentorMinLevel):
           u_{p,w} <= cap_p * sum_{b' >= n} F_{(m,s,b'), w-1}    (teaches from the week after)
           x_p <= sum of x over the pairs training m in s to >= n       (a valid cut)
       q_{e,r,w} <= sum_{b >= l} F_{(e,s,b), w}    for each (s, l) of r that e lacks
       z_{r,w} <= sum_e q_{e,r,w}
  A level b therefore counts from the week the pair's last hours fall in (its end week), and a
  pair may end in any week both people are present, up to H.

Exactness of the pruning (none of it removes an optimal plan): levels between the useful ones
are dominated (lowering b to the next useful level keeps every benefit and needs fewer hours);
a pair that neither completes a requirement of a bundle that can be finished nor trains a
mentor of a kept pair is removed (dropping it frees capacity); pairs a person's whole
learning budget over the horizon cannot pay for are removed. Fixings: F = 0 before the earliest
week the group could end at full weekly budgets; a cascade mentor teaches only after the
earliest end of their own training; q_{e,r,w} = 0 before the bundle's earliest end (its
cheapest missing hours against e's weekly budget). The last fixing is what makes the LP tight
(LP/OPT 1.06 -> 1.02 on a 30-person instance, HiGHS 9 s -> 0.2 s): without it the LP earns
credit from several half-finished pairs.

Solving. With cascades the model has many more pairs (anyone who can learn a mentoring level
in time may become a mentor), so by default the model without cascades is solved first
(a quarter of the time limit) and its plan, which is feasible with cascades too, starts the
full solve. HiGHS runs in a child process with a hard wall-clock deadline (see solve_highs).
When the weights are integers CW is an integer, so the bound is rounded down.

Units: hours are modelled in integer units of 1/UNIT hour, with UNIT the smallest power of two
(at least 4) that makes every h_p, learningHoursPerWeek and 4*mentorHoursPerWeek integral
(4 on generated data: hoursPerLevel is whole, so 0.75*h is a multiple of 1/4). The mentor row
is written as sum u <= 4*mentorHoursPerWeek, so the quarter never needs a finer unit. HiGHS
keeps u continuous; CP-SAT needs it integral, i.e. schedules on a quarter-hour grid, which is
the only difference between the two back ends (both report the same optimum on the tests).
"""
import argparse
import bisect
import heapq
import json
import math
import os
import sys
import time
from contextlib import contextmanager


# ---------------------------------------------------------------------------------------------
# Instance


class Instance:
    """The instance JSON with people and skills indexed, plus derived per-role base depth."""

    def __init__(self, data, cascades):
        self.data = data
        self.H = data["horizonWeeks"]
        self.mml = data["mentorMinLevel"]
        self.scale_max = data["scaleMax"]
        self.cascades = cascades
        self.skills = {s["id"]: s for s in data["skills"]}
        self.people = data["people"]
        self.roles = data["roles"]
        self.present = [set(p["presentWeeks"]) for p in self.people]
        self.last_counted = [p["countsThroughWeek"] if p["leaver"] else self.H for p in self.people]

    def level(self, i, skill):
        return self.people[i]["levels"].get(skill, 0)

    def hours(self, i, skill, to):
        """Mentee hours to raise person i from today's level to `to` (model.md)."""
        spec = self.skills[skill]
        fast = any(self.level(i, other) >= 2 for other in spec["related"])
        return (to - self.level(i, skill)) * spec["hoursPerLevel"] * (0.75 if fast else 1.0)

    def can_learn(self, i):
        p = self.people[i]
        return (p["canLearn"] and not p["leaver"] and p["learningHoursPerWeek"] > 0
                and bool(self.present[i]))

    def can_mentor(self, i):
        p = self.people[i]
        return (p["canMentor"] and p["mentorHoursPerWeek"] > 0 and p["maxMentees"] > 0
                and bool(self.present[i]))

    def requirements(self, role):
        """A role's requirements as {skill: level}, the highest level when a skill repeats."""
        reqs = {}
        for skill, level in role["requirements"]:
            if level > 0:
                reqs[skill] = max(reqs.get(skill, 0), level)
        return reqs

    def qualified(self, i, reqs):
        return all(self.level(i, s) >= l for s, l in reqs.items())

    def base_depth(self, reqs):
        """Week depth of a role without any training, weeks 1..H."""
        counted = [self.last_counted[i] for i in range(len(self.people)) if self.qualified(i, reqs)]
        return [sum(1 for last in counted if last >= w) for w in range(1, self.H + 1)]


# ---------------------------------------------------------------------------------------------
# Candidate pairs


class Pair:
    __slots__ = ("m", "e", "skill", "a", "b", "hours", "units", "cascaded", "need", "weeks",
                 "caps", "earliest", "index")

    def __init__(self, m, e, skill, a, b, hours, cascaded, need):
        self.m, self.e, self.skill, self.a, self.b = m, e, skill, a, b
        self.hours, self.cascaded, self.need = hours, cascaded, need


def unit_for(inst, pairs):
    """Smallest power of two >= 4 making every hour figure an integer number of units."""
    figures = [p.hours for p in pairs]
    figures += [p["learningHoursPerWeek"] for p in inst.people]
    figures += [4 * p["mentorHoursPerWeek"] for p in inst.people]
    unit = 4
    while unit <= 1024:
        if all(abs(v * unit - round(v * unit)) < 1e-9 for v in figures):
            return unit
        unit *= 2
    raise SystemExit("hour figures are not multiples of 1/1024 h; CP-SAT needs integral units")


def candidate_pairs(inst, max_pairs=None):
    """Every pair an optimal plan might use, after the exact pruning in the module docstring.

    With `max_pairs`, gives up (returns None) once the unpruned candidates pass ten times that
    many: with cascades most of them are pruned later, but generating millions costs minutes
    and gigabytes for a model no solver would get far with."""
    H, mml, top = inst.H, inst.mml, inst.scale_max
    n = len(inst.people)
    learners = [i for i in range(n) if inst.can_learn(i)]
    mentors = [i for i in range(n) if inst.can_mentor(i)]
    budget = {i: inst.people[i]["learningHoursPerWeek"] * len(inst.present[i]) for i in learners}

    # Bundles (e, r): e not qualified for an under-target role, the missing hours fit e's budget.
    role_reqs = [inst.requirements(r) for r in inst.roles]
    required_levels = {}
    for reqs in role_reqs:
        for s, l in reqs.items():
            required_levels.setdefault(s, set()).add(l)
    open_roles = []
    for r, role in enumerate(inst.roles):
        if role["target"] > inst.base_depth(role_reqs[r])[-1]:
            open_roles.append(r)
    bundles = {}  # (e, r) -> [(skill, level) missing]
    wanted = {}   # (e, skill) -> set of levels b
    for e in learners:
        for r in open_roles:
            missing = [(s, l) for s, l in sorted(role_reqs[r].items()) if inst.level(e, s) < l]
            if not missing or sum(inst.hours(e, s, l) for s, l in missing) > budget[e] + 1e-9:
                continue
            bundles[(e, r)] = missing
            for s, l in missing:
                # Any required level >= l in s also completes this requirement.
                for b in required_levels[s]:
                    if b >= l:
                        wanted.setdefault((e, s), set()).add(b)

    def earliest_learning(e, skill, b):
        """Earliest week e could hold b by learning alone (a lower bound on any pair's end)."""
        need, done = inst.hours(e, skill, b), 0.0
        for w in range(1, H + 1):
            if w in inst.present[e]:
                done += inst.people[e]["learningHoursPerWeek"]
                if done >= need - 1e-9:
                    return w
        return H + 1

    # Mentee options (e, s, b) are explored from the wanted ones; with cascades, a mentor who
    # lacks the level adds the options that would train them to it.
    direct = {}     # (skill, need) -> mentors holding need today
    trainable = {}  # (skill, need) -> mentors who could learn need in time to teach after

    def mentors_for(s, need):
        if (s, need) not in direct:
            direct[(s, need)] = [m for m in mentors if inst.level(m, s) >= need]
            later = []
            if inst.cascades:
                for m in mentors:
                    if m in budget and inst.level(m, s) < need \
                            and earliest_learning(m, s, need) < H:
                        later.append(m)
                        for b2 in range(need, top + 1):
                            queue.append((m, s, b2))
            trainable[(s, need)] = later
        return direct[(s, need)], trainable[(s, need)]

    pairs = []
    seen = set()
    queue = [(e, s, b) for (e, s), levels in sorted(wanted.items()) for b in sorted(levels)]
    while queue:
        e, s, b = queue.pop()
        if (e, s, b) in seen:
            continue
        seen.add((e, s, b))
        a = inst.level(e, s)
        h = inst.hours(e, s, b)
        need = max(b, mml)
        if b <= a or h > budget[e] + 1e-9 or need > top:
            continue
        now, later = mentors_for(s, need)
        for m in now:
            if m != e:
                pairs.append(Pair(m, e, s, a, b, h, False, need))
        for m in later:
            if m != e:
                pairs.append(Pair(m, e, s, a, b, h, True, need))
        if max_pairs is not None and len(pairs) > 10 * max_pairs:
            return None, bundles

    # One unit for the whole model, from every hour figure that can occur.
    inst.unit = unit_for(inst, pairs)
    # Alternate time pruning and usefulness pruning until nothing changes.
    while True:
        before = len(pairs)
        pairs = time_prune(inst, pairs)
        pairs = useful_pairs(pairs, bundles)
        if len(pairs) == before:
            break
    return pairs, bundles


def time_prune(inst, pairs):
    """Give every pair its possible weeks and earliest end; drop those that cannot end.

    A pair can run in the weeks both people are present, at most min(learning, 4 x mentor)
    hours a week, so it ends at the earliest in the week its hours fit. A cascade mentor
    teaches only after the earliest end of a pair training them to the level needed, which
    moves the pair's first week, and so the earliest ends of the pairs they in turn enable."""
    H, unit = inst.H, inst.unit
    joint = {}
    for p in pairs:
        p.units = round(p.hours * unit)
        if (p.m, p.e) not in joint:
            joint[(p.m, p.e)] = sorted(inst.present[p.m] & inst.present[p.e])
        weekly = min(round(inst.people[p.e]["learningHoursPerWeek"] * unit),
                     round(4 * inst.people[p.m]["mentorHoursPerWeek"] * unit))
        p.caps = min(p.units, weekly)  # a list per week once settled

    def settle(p, first):
        all_weeks = joint[(p.m, p.e)]
        p.weeks = all_weeks[bisect.bisect_left(all_weeks, first):]
        count = -(-p.units // p.caps)
        p.earliest = p.weeks[count - 1] if len(p.weeks) >= count else H + 1

    # Earliest ends in time order (Dijkstra-like): a mentor's level becomes available in the
    # week after the first pair that trains them to it ends, and pairs waiting for that level
    # are then settled once, from that week.
    dependents = {}
    heap = []
    for k, p in enumerate(pairs):
        if p.cascaded:
            dependents.setdefault((p.m, p.skill), []).append(p)
            p.weeks, p.earliest = [], H + 1
        else:
            settle(p, 1)
            heapq.heappush(heap, (p.earliest, k, p))
    released = {}  # (person, skill) -> highest level their training has made available
    count = len(pairs)
    while heap:
        end, _, p = heapq.heappop(heap)
        if end > H:
            break
        key = (p.e, p.skill)
        before = released.get(key, 0)
        if p.b <= before:
            continue
        released[key] = p.b
        for d in dependents.get(key, []):
            if before < d.need <= p.b:
                settle(d, end + 1)
                count += 1
                heapq.heappush(heap, (d.earliest, count, d))
    kept = [p for p in pairs if p.earliest <= H]
    for p in kept:
        p.caps = [p.caps] * len(p.weeks)
    return kept


def useful_pairs(pairs, bundles):
    """Keep pairs that complete a requirement of a bundle that can be finished, and the pairs
    that train the cascade mentors of kept pairs."""
    by_es = {}
    for p in pairs:
        by_es.setdefault((p.e, p.skill), []).append(p)
    useful = set()
    for (e, r), missing in bundles.items():
        options = [[p for p in by_es.get((e, s), []) if p.b >= l] for s, l in missing]
        if all(options):
            for group in options:
                useful.update(group)
    stack = list(useful)
    while stack:
        p = stack.pop()
        if not p.cascaded:
            continue
        for trainer in by_es.get((p.m, p.skill), []):
            if trainer.b >= p.need and trainer not in useful:
                useful.add(trainer)
                stack.append(trainer)
    return [p for p in pairs if p in useful]


# ---------------------------------------------------------------------------------------------
# A solver-neutral linear model in integer units


class LinearModel:
    """Columns and rows, to be handed to HiGHS or CP-SAT unchanged (maximization)."""

    def __init__(self):
        self.lb, self.ub, self.integer, self.cost = [], [], [], []
        self.rows = []  # (indices, values, lb, ub); None bound = unbounded
        self.constant = 0.0

    def var(self, lb, ub, integer, cost=0.0):
        self.lb.append(lb)
        self.ub.append(ub)
        self.integer.append(integer)
        self.cost.append(cost)
        return len(self.lb) - 1

    def row(self, indices, values, lb=None, ub=None):
        self.rows.append((indices, values, lb, ub))


class Handles:
    """Where build() put each kind of column, to read a plan back or to write a start."""

    def __init__(self):
        self.x, self.u, self.ended, self.cumulative = [], [], {}, {}
        self.ys, self.qs, self.zs = [], [], []


def start_values(lm, handles, pairs, chosen):
    """A full, feasible column vector for a plan given as {pair key: {week: units}} (a plan of
    the model without cascades): the solvers' starting solution."""
    values = [0.0] * len(lm.lb)
    for p in pairs:
        hours = chosen.get((p.m, p.e, p.skill, p.b))
        if hours is None:
            continue
        values[handles.x[p.index]] = 1
        for w, col in zip(p.weeks, handles.u[p.index]):
            values[col] = hours.get(w, 0)
    for key, weeks in handles.cumulative.items():
        total = 0
        for w, c, cols in weeks:
            total += sum(values[col] for col in cols)
            values[c] = total
        fweeks, fcols = handles.ended[key]
        done = dict((w, values[c]) for w, c, _ in weeks)
        for w, col in zip(fweeks, fcols):
            values[col] = 1 if done[w] >= lm.ub[weeks[0][1]] else 0
    for y, xs in handles.ys:
        values[y] = max(values[col] for col in xs)
    for q, links in handles.qs:
        values[q] = min(max(values[col] for col in cols) for cols in links)
    for z, gap, qs in handles.zs:
        values[z] = min(gap, sum(values[q] for q in qs))
    return values


def build(inst, pairs, bundles):
    """The model of the module docstring; returns it and the handles to read a plan back.

    Completion is modelled per (mentee, skill, level) rather than per pair: all pairs of such a
    group need the same mentee hours and at most one of them is chosen, so one cumulative-hours
    column c and one "ended by week w" binary F per group and week say the same as per-pair f,
    with a mentor-count fewer binaries."""
    H, unit = inst.H, inst.unit
    lm = LinearModel()
    handles = Handles()
    for index, p in enumerate(pairs):
        p.index = index
    x = [lm.var(0, 1, True) for _ in pairs]
    u = []  # per pair: list of columns, parallel to p.weeks
    for p, xp in zip(pairs, x):
        cols = [lm.var(0, cap, False) for cap in p.caps]
        u.append(cols)
        lm.row(cols + [xp], [1] * len(cols) + [-p.units], 0, 0)
        for col, cap in zip(cols, p.caps):
            if cap < p.units:
                lm.row([col, xp], [1, -cap], None, 0)

    groups = {}
    for p in pairs:
        groups.setdefault((p.e, p.skill, p.b), []).append(p)
    ended = {}  # group -> (weeks, F columns) from the group's earliest end on
    cumulative = {}  # group -> [(week, c column, [u columns of the week])]
    for key, group in groups.items():
        units = group[0].units
        earliest = min(p.earliest for p in group)
        weeks = sorted({w for p in group for w in p.weeks})
        hours_in = {w: [] for w in weeks}
        for p in group:
            for w, col in zip(p.weeks, u[p.index]):
                hours_in[w].append(col)
        fweeks, fcols, previous = [], [], None
        cumulative[key] = []
        for w in weeks:
            c = lm.var(0, units, False)
            cumulative[key].append((w, c, hours_in[w]))
            terms = hours_in[w] + ([previous] if previous is not None else [])
            lm.row([c] + terms, [1] + [-1] * len(terms), 0, 0)
            previous = c
            if w >= earliest:
                col = lm.var(0, 1, True)
                lm.row([col, c], [units, -1], None, 0)
                if fcols:
                    lm.row([fcols[-1], col], [1, -1], None, 0)
                fweeks.append(w)
                fcols.append(col)
        ended[key] = (fweeks, fcols)

    def finished(e, skill, level, w):
        """Columns saying e holds at least `level` in `skill` in week w through this plan."""
        out = []
        for b in range(level, inst.scale_max + 1):
            weeks, cols = ended.get((e, skill, b), ((), ()))
            k = bisect.bisect_right(weeks, w) - 1
            if k >= 0:
                out.append(cols[k])
        return out

    # Weekly budgets.
    learn, teach = {}, {}
    for p, cols in zip(pairs, u):
        for w, col in zip(p.weeks, cols):
            learn.setdefault((p.e, w), []).append(col)
            teach.setdefault((p.m, w), []).append(col)
    for (e, w), cols in learn.items():
        cap = round(inst.people[e]["learningHoursPerWeek"] * unit)
        if len(cols) > 1:
            lm.row(cols, [1] * len(cols), None, cap)
    for (m, w), cols in teach.items():
        cap = round(4 * inst.people[m]["mentorHoursPerWeek"] * unit)
        if len(cols) > 1:
            lm.row(cols, [1] * len(cols), None, cap)

    # One pair per (mentee, skill); at most maxMentees distinct mentees.
    by_es, by_me = {}, {}
    for p in pairs:
        by_es.setdefault((p.e, p.skill), []).append(p)
        by_me.setdefault(p.m, {}).setdefault(p.e, []).append(p)
    for group in by_es.values():
        if len(group) > 1:
            lm.row([x[p.index] for p in group], [1] * len(group), None, 1)
    for m, mentees in by_me.items():
        limit = inst.people[m]["maxMentees"]
        if len(mentees) <= limit:
            continue
        ys = []
        for e, group in sorted(mentees.items()):
            y = lm.var(0, 1, True)
            handles.ys.append((y, [x[p.index] for p in group]))
            ys.append(y)
            for p in group:
                lm.row([x[p.index], y], [1, -1], None, 0)
        lm.row(ys, [1] * len(ys), None, limit)

    # Cascades: a trained mentor teaches from the week after their own training ends, and a
    # pair with such a mentor implies a pair that trains them (a valid cut for the LP).
    for p, cols in zip(pairs, u):
        if not p.cascaded:
            continue
        trainers = [t for t in by_es.get((p.m, p.skill), []) if t.b >= p.need]
        lm.row([x[p.index]] + [x[t.index] for t in trainers], [1] + [-1] * len(trainers), None, 0)
        for w, col, cap in zip(p.weeks, cols, p.caps):
            ready = finished(p.m, p.skill, p.need, w - 1)
            lm.row([col] + ready, [1] + [-cap] * len(ready), None, 0)

    # Coverage-weeks.
    for r, role in enumerate(inst.roles):
        reqs = inst.requirements(role)
        base = inst.base_depth(reqs)
        weight, target = role["weight"], role["target"]
        lm.constant += weight * sum(min(d, target) for d in base)
        mentees = []
        for (e, rr), missing in sorted(bundles.items()):
            if rr == r:
                mentees.append((e, missing, bundle_earliest(inst, e, missing, by_es)))
        for w in range(1, H + 1):
            gap = target - base[w - 1]
            if gap <= 0:
                continue
            qs = []
            for e, missing, earliest in mentees:
                if w < earliest:
                    continue
                links = [finished(e, s, l, w) for s, l in missing]
                if not all(links):
                    continue
                q = lm.var(0, 1, False)
                handles.qs.append((q, links))
                qs.append(q)
                for cols in links:
                    lm.row([q] + cols, [1] + [-1] * len(cols), None, 0)
            if qs:
                z = lm.var(0, gap, True, weight)  # integral: lets HiGHS round its bound
                handles.zs.append((z, gap, qs))
                lm.row([z] + qs, [1] + [-1] * len(qs), None, 0)
    handles.x, handles.u, handles.ended, handles.cumulative = x, u, ended, cumulative
    return lm, handles


def bundle_earliest(inst, e, missing, by_es):
    """The earliest week e could hold every missing level of a bundle: no requirement before
    its fastest pair could end, and not before e's weekly budget covers the cheapest hours of
    all of them together (the bundle-level form of the earliest-end fixing; it is what makes
    the LP bound tight, since a fraction of several half-done pairs otherwise earns credit)."""
    latest, total = 0, 0.0
    for s, l in missing:
        options = [p for p in by_es.get((e, s), []) if p.b >= l]
        if not options:
            return inst.H + 1
        latest = max(latest, min(p.earliest for p in options))
        total += min(p.hours for p in options)
    done = 0.0
    for w in range(1, inst.H + 1):
        if w in inst.present[e]:
            done += inst.people[e]["learningHoursPerWeek"]
        if done >= total - 1e-9:
            return max(latest, w)
    return inst.H + 1


# ---------------------------------------------------------------------------------------------
# Back ends


@contextmanager
def quiet_stdout():
    """HiGHS prints a banner on stdout when created; keep stdout for the JSON line."""
    sys.stdout.flush()
    saved = os.dup(1)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    try:
        yield
    finally:
        os.dup2(saved, 1)
        os.close(saved)
        os.close(devnull)


def solve_highs(lm, time_limit, threads, start=None, presolve=False, relax=False):
    """HiGHS branch-and-cut in a child process, so the time limit is a wall-clock limit.

    HiGHS checks its own time limit only between steps; on the larger cascade models its root
    analytic-centre IPM (which no option turns off) ran past a 30 s limit by more than a
    minute. The child reports every improving solution and bound; at the deadline (plus a
    few seconds of grace) the parent keeps the last report and ends the child. Presolve is
    off by default: on these models it spent most of the budget probing without changing the
    root bound."""
    import multiprocessing
    context = multiprocessing.get_context("fork")
    reader, writer = context.Pipe(duplex=False)
    child = context.Process(target=highs_child,
                            args=(lm, time_limit, threads, start, presolve, writer, relax),
                            daemon=True)
    began = time.perf_counter()
    child.start()
    writer.close()
    deadline = began + time_limit + 5.0
    best_objective, best_values, best_bound, final = None, None, math.inf, None
    while final is None:
        remaining = deadline - time.perf_counter()
        if remaining <= 0 or not reader.poll(remaining):
            break
        try:
            message = reader.recv()
        except EOFError:
            break
        if message[0] == "solution":
            best_objective, best_values = message[1], message[2]
        elif message[0] == "bound":
            best_bound = message[1]  # HiGHS's dual bound only ever tightens: keep the last
        else:
            final = message
    seconds = time.perf_counter() - began
    if child.is_alive():
        child.kill()
    child.join()
    if final is not None:
        _, norm, status, objective, bound, values = final
    else:
        status = "Killed at the deadline"
        norm = "feasible" if best_values is not None else "unknown"
        objective, bound, values = best_objective, best_bound, best_values
    objective = lm.constant + objective if objective is not None else None
    return norm, status, objective, lm.constant + bound, seconds, values


def highs_child(lm, time_limit, threads, start, presolve, out, relax=False):
    """The HiGHS solve proper, run in the child process of solve_highs.

    With `relax` the integrality is dropped and the linear relaxation is solved by the
    interior-point method without crossover: its value is the bound and no plan comes back."""
    import highspy
    import numpy as np
    with quiet_stdout():
        h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("time_limit", float(time_limit))
    h.setOptionValue("mip_rel_gap", 0.0)
    h.setOptionValue("mip_abs_gap", 1e-6)
    h.setOptionValue("threads", int(threads))
    h.setOptionValue("presolve", "on" if presolve else "off")
    inf = highspy.kHighsInf
    ncol = len(lm.lb)
    h.addCols(ncol, np.array(lm.cost, dtype=np.float64), np.array(lm.lb, dtype=np.float64),
              np.array(lm.ub, dtype=np.float64), 0, np.zeros(0, dtype=np.int32),
              np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float64))
    starts, index, value, lower, upper = [], [], [], [], []
    for cols, vals, lb, ub in lm.rows:
        starts.append(len(index))
        index.extend(cols)
        value.extend(vals)
        lower.append(-inf if lb is None else lb)
        upper.append(inf if ub is None else ub)
    h.addRows(len(lm.rows), np.array(lower, dtype=np.float64), np.array(upper, dtype=np.float64),
              len(index), np.array(starts, dtype=np.int32), np.array(index, dtype=np.int32),
              np.array(value, dtype=np.float64))
    ints = [] if relax else [k for k, is_int in enumerate(lm.integer) if is_int]
    if relax:
        h.setOptionValue("solver", "ipm")
        h.setOptionValue("run_crossover", "off")
        start = None
    h.changeColsIntegrality(len(ints), np.array(ints, dtype=np.int32),
                            np.array([1] * len(ints), dtype=np.uint8))
    h.changeObjectiveSense(highspy.ObjSense.kMaximize)
    if start is not None:
        solution = highspy.HighsSolution()
        solution.col_value = list(map(float, start))
        solution.value_valid = True
        h.setSolution(solution)
        out.send(("solution", sum(c * v for c, v in zip(lm.cost, start)), list(start)))

    def improved(event):
        data = event.data_out
        out.send(("solution", data.objective_function_value, list(data.mip_solution)))

    last_bound = [math.inf]

    def polled(event):
        # The MIP interrupt callback runs often; pass the dual bound on when it moves.
        bound = event.data_out.mip_dual_bound
        if math.isfinite(bound) and abs(bound - last_bound[0]) > 1e-9:
            last_bound[0] = bound
            out.send(("bound", bound))

    h.cbMipImprovingSolution += improved
    h.cbMipInterrupt += polled
    h.run()
    status = h.modelStatusToString(h.getModelStatus())
    info = h.getInfo()
    if relax:
        value = info.objective_function_value if status == "Optimal" else math.inf
        out.send(("final", "unknown", status, None, value, None))
        out.close()
        return
    has_solution = info.primal_solution_status == 2  # kSolutionStatusFeasible
    values = list(h.getSolution().col_value) if has_solution else None
    norm = {"Optimal": "optimal", "Infeasible": "infeasible"}.get(
        status, "feasible" if has_solution else "unknown")
    objective = info.objective_function_value if has_solution else None
    out.send(("final", norm, status, objective, info.mip_dual_bound, values))
    out.close()


def solve_cpsat(lm, time_limit, threads, start=None, presolve=None):
    """CP-SAT on the same rows; every column is integral (hours in units, see the docstring)."""
    from ortools.sat.python import cp_model
    setup_began = time.perf_counter()
    model = cp_model.CpModel()
    cols = []
    for k in range(len(lm.lb)):
        if lm.integer[k] and lm.lb[k] == 0 and lm.ub[k] == 1:
            cols.append(model.new_bool_var(""))
        else:
            cols.append(model.new_int_var(int(lm.lb[k]), int(lm.ub[k]), ""))
    for idx, vals, lb, ub in lm.rows:
        expr = cp_model.LinearExpr.weighted_sum([cols[i] for i in idx], [int(v) for v in vals])
        if lb is not None and ub is not None and lb == ub:
            model.add(expr == int(lb))
        else:
            if lb is not None:
                model.add(expr >= int(lb))
            if ub is not None:
                model.add(expr <= int(ub))
    costs = [(k, c) for k, c in enumerate(lm.cost) if c]
    weight_scale = 1
    while any(abs(c * weight_scale - round(c * weight_scale)) > 1e-9 for _, c in costs):
        weight_scale *= 10
    model.maximize(cp_model.LinearExpr.weighted_sum(
        [cols[k] for k, _ in costs], [round(c * weight_scale) for _, c in costs]))
    if start is not None:
        for col, v in zip(cols, start):
            model.add_hint(col, int(round(v)))
    solve_cpsat.setup_seconds = time.perf_counter() - setup_began
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = float(time_limit)
    solver.parameters.num_workers = int(threads)
    began = time.perf_counter()
    code = solver.solve(model)
    seconds = time.perf_counter() - began
    status = solver.status_name(code)
    has_solution = code in (cp_model.OPTIMAL, cp_model.FEASIBLE)
    norm = {"OPTIMAL": "optimal", "FEASIBLE": "feasible", "INFEASIBLE": "infeasible"}.get(
        status, "unknown")
    values = [solver.value(c) for c in cols] if has_solution else None
    objective = lm.constant + solver.objective_value / weight_scale if has_solution else None
    # Stopped before its presolve ends (UNKNOWN), CP-SAT reports a bound of 0 for the
    # variable part, which is no bound at all: report none.
    bound = lm.constant + solver.best_objective_bound / weight_scale
    if code not in (cp_model.OPTIMAL, cp_model.FEASIBLE, cp_model.INFEASIBLE):
        bound = math.inf
    return norm, status, objective, bound, seconds, values


# ---------------------------------------------------------------------------------------------
# Reading the plan back


def plan_from(inst, pairs, handles, values):
    """The chosen pairs with their weekly hours, in `understudy plan --format json` shape."""
    out = []
    for p in pairs:
        if values[handles.x[p.index]] < 0.5:
            continue
        schedule = []
        for w, col in zip(p.weeks, handles.u[p.index]):
            hours = values[col] / inst.unit
            if hours > 1e-6:
                schedule.append({"week": w, "menteeHours": round(hours, 6)})
        out.append({
            "mentor": inst.people[p.m]["id"], "mentee": inst.people[p.e]["id"], "skill": p.skill,
            "fromLevel": p.a, "toLevel": p.b, "menteeHours": p.hours,
            "endWeek": schedule[-1]["week"] if schedule else None, "schedule": schedule,
        })
    return out


def chosen_units(inst, plan):
    """{(m, e, skill, b): {week: units}} of a plan, to start another model from it."""
    index = {p["id"]: i for i, p in enumerate(inst.people)}
    out = {}
    for pair in plan:
        key = (index[pair["mentor"]], index[pair["mentee"]], pair["skill"], pair["toLevel"])
        out[key] = {item["week"]: round(item["menteeHours"] * inst.unit)
                    for item in pair["schedule"]}
    return out


def coverage_of(inst, plan):
    """CW and the end-of-horizon score C' of a plan, from its end weeks. Only people a plan
    trains differ from the base depth, so the base is counted once and they are added."""
    gained = {}
    for pair in plan:
        gained.setdefault(pair["mentee"], {})[pair["skill"]] = (pair["toLevel"], pair["endWeek"])
    ids = {p["id"]: i for i, p in enumerate(inst.people)}
    cw, after = 0.0, 0.0
    for role in inst.roles:
        reqs = inst.requirements(role)
        depth = inst.base_depth(reqs)
        for pid, skills in gained.items():
            i = ids[pid]
            if inst.qualified(i, reqs):
                continue
            first = 1
            for s, l in reqs.items():
                if inst.level(i, s) >= l:
                    continue
                level, end = skills.get(s, (0, None))
                if level < l:
                    first = None
                    break
                first = max(first, end)
            if first is None:
                continue
            for w in range(first, inst.last_counted[i] + 1):
                depth[w - 1] += 1
        values = [role["weight"] * min(d, role["target"]) for d in depth]
        cw += sum(values)
        after += values[-1]
    return cw, after


def solve_instance(data, cascades, solver, time_limit, threads, presolve, warm,
                   max_pairs=None, relax=False, start_plan=None):
    """Build and solve; with cascades and `warm`, first solve the model without cascades
    (a quarter of the time at most) and start the full model from its plan, which is feasible
    there. Seconds count both phases. Above `max_pairs` candidate pairs nothing is built:
    the status is "too-large" (the model would take gigabytes and a solver would not reach
    a first solution in the times compared here)."""
    inst = Instance(data, cascades=cascades)
    began = time.perf_counter()
    pairs, bundles = candidate_pairs(inst, max_pairs)
    if pairs is None or (max_pairs is not None and len(pairs) > max_pairs):
        result = {"solver": solver, "status": "too-large", "solverStatus": None,
                  "objective": None, "bound": None, "seconds": 0.0,
                  "buildSeconds": round(time.perf_counter() - began, 3), "cascades": cascades,
                  "pairs": len(pairs) if pairs is not None else f"> {10 * max_pairs} unpruned",
                  "bundles": len(bundles)}
        return {"result": result, "plan": None, "inst": inst}
    lm, handles = build(inst, pairs, bundles)
    build_seconds = time.perf_counter() - began
    solve = solve_highs if solver == "highs" else solve_cpsat
    start, warm_seconds, warm_objective = None, 0.0, None
    if relax:
        status, raw, _, bound, seconds, _ = solve_highs(lm, time_limit, threads, None, presolve,
                                                        relax=True)
        result = {"solver": "highs-lp", "status": "relaxation", "solverStatus": raw,
                  "objective": None, "bound": bound if math.isfinite(bound) else None,
                  "seconds": round(seconds, 3), "buildSeconds": round(build_seconds, 3),
                  "cascades": cascades, "pairs": len(pairs), "bundles": len(bundles),
                  "columns": len(lm.lb), "rows": len(lm.rows), "unitsPerHour": inst.unit}
        return {"result": result, "plan": None, "inst": inst}
    if start_plan is not None:
        start = start_values(lm, handles, pairs, chosen_units(inst, start_plan))
    elif cascades and warm:
        t0 = time.perf_counter()
        first = solve_instance(data, False, solver, time_limit / 4, threads, presolve, False)
        if first["plan"] is not None:
            start = start_values(lm, handles, pairs, chosen_units(inst, first["plan"]))
            warm_objective = first["result"]["objective"]
        warm_seconds = time.perf_counter() - t0
    left = max(1.0, time_limit - warm_seconds)
    solve_cpsat.setup_seconds = 0.0
    status, raw, objective, bound, seconds, values = solve(lm, left, threads, start, presolve)
    # Handing the rows to CP-SAT through its Python API takes long on large models: report it
    # with the build, not the search (HiGHS loads its model inside its own timed child).
    build_seconds += solve_cpsat.setup_seconds
    if all(float(c).is_integer() for c in lm.cost) and math.isfinite(bound):
        # CW is an integer when the weights are: round the proven bound down.
        bound = math.floor(bound + 1e-6)
        if objective is not None and bound <= objective + 1e-6:
            status = "optimal"
    result = {
        "solver": solver, "status": status, "solverStatus": raw,
        "objective": objective, "bound": bound if math.isfinite(bound) else None,
        "seconds": round(seconds + warm_seconds, 3), "warmSeconds": round(warm_seconds, 3),
        "warmObjective": warm_objective, "buildSeconds": round(build_seconds, 3),
        "cascades": cascades, "pairs": len(pairs), "bundles": len(bundles),
        "columns": len(lm.lb), "rows": len(lm.rows), "unitsPerHour": inst.unit,
    }
    plan = plan_from(inst, pairs, handles, values) if values is not None else None
    return {"result": result, "plan": plan, "inst": inst}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("instance")
    parser.add_argument("--solver", choices=["highs", "cpsat"], default="highs")
    parser.add_argument("--time-limit", type=float, default=30.0)
    parser.add_argument("--threads", type=int, default=2, help="CP-SAT workers / HiGHS threads")
    parser.add_argument("--no-cascades", action="store_true",
                        help="only levels held today may be taught (overrides the instance)")
    parser.add_argument("--no-warm-start", action="store_true",
                        help="with cascades, do not start from the plan without cascades")
    parser.add_argument("--highs-presolve", action="store_true", help="turn HiGHS presolve on")
    parser.add_argument("--max-pairs", type=int, default=150000,
                        help="do not build models with more candidate pairs, after pruning "
                             "(nor generate ten times as many before it); default 150000")
    parser.add_argument("--plan-out", help="write the solution as a plan JSON here")
    parser.add_argument("--relaxation", action="store_true",
                        help="solve only the linear relaxation (HiGHS, interior point); its "
                             "value is reported as the bound, unrounded, with no plan")
    parser.add_argument("--start-plan",
                        help="start from this plan JSON (e.g. understudy's), instead of the "
                             "warm start")
    args = parser.parse_args()

    data = json.load(open(args.instance))
    cascades = data.get("cascades", True) and not args.no_cascades
    solved = solve_instance(data, cascades, args.solver, args.time_limit, args.threads,
                            args.highs_presolve, not args.no_warm_start, args.max_pairs,
                            args.relaxation,
                            json.load(open(args.start_plan))["pairs"] if args.start_plan
                            else None)
    result, plan, inst = solved["result"], solved["plan"], solved["inst"]
    if plan is not None:
        cw, after = coverage_of(inst, plan)
        result["planCoverageWeeks"] = cw
        result["planPairs"] = len(plan)
        if args.plan_out:
            bound = max(result["bound"], cw) if result["bound"] is not None else cw
            ceiling = sum(r["weight"] * r["target"] for r in inst.roles)
            document = {"coverage": {
                "coverageWeeks": cw, "coverageWeeksBound": bound,
                "coverageWeeksGapPercent": 100 * (bound - cw) / bound if bound else 0.0,
                "horizonPercent": 100 * cw / (inst.H * ceiling) if ceiling else 100.0,
                "after": after}, "pairs": plan}
            with open(args.plan_out, "w") as out:
                json.dump(document, out, indent=1)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
