#!/usr/bin/env python3
"""Tables for run.sh: one JSON record per run in, a table and the verdicts out.

    report.py record KIND STEM TAG [key=value ...]   append one record to results/KIND.jsonl
    report.py quality|hard|solvers RESULTS.jsonl      print the table; exit 1 on a failed check

A record joins what one run produced: the understudy plan JSON (its `coverage`), the last line
of check_plan.py on it, and the JSON lines of reference.py. Reading them here keeps run.sh a
plain list of commands.
"""
import json
import os
import sys


def last_json_line(path):
    """The last line of a file as JSON, or None (missing file, empty, not JSON)."""
    try:
        lines = [line for line in open(path).read().splitlines() if line.strip()]
        return json.loads(lines[-1]) if lines else None
    except (OSError, ValueError):
        return None


def json_lines(path):
    """Every line of a file that parses as JSON."""
    out = []
    if os.path.exists(path):
        for line in open(path):
            try:
                out.append(json.loads(line))
            except ValueError:
                pass
    return out


def record(kind, stem, tag, extra):
    """Gather the files of one run (STEM-TAG.*) into one JSON line of results/KIND.jsonl."""
    plan_path = f"{stem}-{tag}.plan.json"
    try:
        coverage = json.load(open(plan_path)).get("coverage", {})
    except (OSError, ValueError):
        coverage = None
    check_lines = []
    if os.path.exists(f"{stem}-{tag}.check.txt"):
        check_lines = open(f"{stem}-{tag}.check.txt").read().splitlines()
    row = {
        "instance": os.path.basename(stem), "tag": tag, "coverage": coverage,
        "check": last_json_line(f"{stem}-{tag}.check.txt"),
        "violations": [line for line in check_lines[:-1]][:10],
        "references": [json.loads(line) for line in open(f"{stem}-{tag}.ref.txt")
                       if line.startswith("{")] if os.path.exists(f"{stem}-{tag}.ref.txt") else [],
        "referenceChecks": json_lines(f"{stem}-{tag}.refcheck.txt"),
    }
    for item in extra:
        key, _, value = item.partition("=")
        try:
            row[key] = float(value) if key.endswith("Seconds") else json.loads(value)
        except ValueError:
            row[key] = value
    meta = json.load(open(f"{stem}.json"))["generator"]
    row.update({"people": meta["people"], "weeks": meta["weeks"], "seed": meta["seed"]})
    os.makedirs("results", exist_ok=True)
    with open(os.path.join("results", f"{kind}.jsonl"), "a") as out:
        out.write(json.dumps(row) + "\n")


def best_reference(refs):
    """Best objective and tightest bound over the reference runs (both stay valid when
    combined: any plan found is feasible, any bound proven is an upper bound)."""
    objectives = [r["objective"] for r in refs if r.get("objective") is not None]
    bounds = [r["bound"] for r in refs if r.get("bound") is not None]
    best = max(objectives) if objectives else None
    bound = min(bounds) if bounds else None
    proven = best is not None and bound is not None and bound <= best + 1e-6
    solver = None
    if best is not None:
        # Which back end proved it (or found the best plan), the faster one on a tie.
        finishers = [r for r in refs if r.get("objective") == best]
        if proven:
            finishers = [r for r in finishers if r.get("status") == "optimal"] or finishers
        solver = min(finishers, key=lambda r: r["seconds"])["solver"]
    seconds = sum(r.get("seconds", 0) for r in refs)
    return best, bound, proven, solver, seconds


def reference_failures(r):
    """A reference plan must pass the checker and be worth what the solver said."""
    out = []
    for check, ref in zip(r.get("referenceChecks", []), [x for x in r["references"]
                                                        if x.get("objective") is not None]):
        if check.get("violations"):
            out.append(f"{r['instance']} {r['tag']}: the {ref['solver']} plan breaks "
                       f"{check['violations']} rules (run check_plan.py on it)")
        elif check.get("coverageWeeks", 0) < ref["objective"] - 1e-6:
            out.append(f"{r['instance']} {r['tag']}: the {ref['solver']} plan is worth "
                       f"{check['coverageWeeks']:g}, not the {ref['objective']:g} it claims")
    return out


def fmt(value, spec="g"):
    if value is None:
        return "-"
    return value if isinstance(value, str) else format(value, spec)


def quality(rows):
    failures, gaps, proven_gaps = [], [], []
    print(f"{'instance':<18} {'casc':<5} {'US CW':>7} {'viol':>4} {'US bound':>8} {'US gap%':>7} "
          f"{'optimum':>8} {'ref':>6} {'ref bound':>9} {'gap%':>6} {'US s':>6} {'ref s':>6}")
    for r in rows:
        name, casc = r["instance"], r["tag"]
        cov, check = r["coverage"] or {}, r["check"] or {}
        best, bound, proven, solver, ref_seconds = best_reference(r["references"])
        cw = check.get("coverageWeeks")
        us_bound = cov.get("coverageWeeksBound")
        if r.get("planRc", 0) != 0 or not r["coverage"]:
            failures.append(f"{name} {casc}: understudy failed (exit {r.get('planRc')})")
        if check.get("violations"):
            failures.append(f"{name} {casc}: {check['violations']} violations, e.g. "
                            f"{r['violations'][:2]}")
        failures += reference_failures(r)
        gap = None
        if best and cw is not None:
            gap = 100 * (best - cw) / best
            gaps.append(gap)
            if proven:
                proven_gaps.append(gap)
        if us_bound is not None and best is not None and us_bound < best - 1e-6:
            failures.append(f"{name} {casc}: understudy's bound {us_bound:g} is below the "
                            f"{'optimum' if proven else 'best reference plan'} {best:g}")
        if cw is not None and bound is not None and cw > bound + 1e-6:
            failures.append(f"{name} {casc}: understudy's checked CW {cw:g} exceeds the "
                            f"reference bound {bound:g}: the reference model is too strict")
        star = "" if proven else "*"
        print(f"{name:<18} {casc:<5} {fmt(cw):>7} {fmt(check.get('violations')):>4} "
              f"{fmt(us_bound):>8} {fmt(cov.get('coverageWeeksGapPercent'), '.2f'):>7} "
              f"{fmt(best) + star:>8} {solver or '-':>6} {fmt(bound):>9} "
              f"{fmt(gap, '.2f'):>6} {fmt(r.get('planSeconds'), '.1f'):>6} "
              f"{ref_seconds:>6.1f}")
    print()
    print(f"runs: {len(rows)}; reference proven optimal in {len(proven_gaps)} "
          f"(* = not proven: gap against the best reference plan, a lower bound on the optimum)")
    if gaps:
        print(f"gap to the optimum, proven runs: mean {mean(proven_gaps)} %, worst "
              f"{worst(proven_gaps)} %;  all runs: mean {mean(gaps)} %, worst {worst(gaps)} %")
    verdict(failures, "every plan valid, every understudy bound >= the optimum (or best "
                      "reference plan), no checked CW above a reference bound")


def hard(rows):
    failures = []
    print(f"{'instance':<20} {'casc':<5} {'pairs':>7} {'US CW':>8} {'US bound':>9} "
          f"{'cert gap%':>9} "
          f"{'US s':>6} {'CP-SAT CW':>9} {'CP-SAT bnd':>10} {'status':>9} {'build s':>7} "
          f"{'US-CP %':>7} {'gap<=%':>6}")
    for r in rows:
        name, casc = r["instance"], r["tag"]
        cov, check = r["coverage"] or {}, r["check"] or {}
        ref = r["references"][0] if r["references"] else {}
        cw = check.get("coverageWeeks")
        if r.get("planRc", 0) != 0 or not r["coverage"]:
            failures.append(f"{name} {casc}: understudy failed (exit {r.get('planRc')})")
        if check.get("violations"):
            failures.append(f"{name} {casc}: {check['violations']} violations, e.g. "
                            f"{r['violations'][:2]}")
        cp = ref.get("objective")
        if cp is not None and cov.get("coverageWeeksBound") is not None \
                and cov["coverageWeeksBound"] < cp - 1e-6:
            failures.append(f"{name} {casc}: understudy's bound is below a CP-SAT plan")
        if cw is not None and ref.get("bound") is not None and cw > ref["bound"] + 1e-6:
            failures.append(f"{name} {casc}: understudy's CW exceeds the CP-SAT bound")
        failures += reference_failures(r)
        diff = 100 * (cw - cp) / cp if cw is not None and cp else None
        bounds = [b for b in (cov.get("coverageWeeksBound"), ref.get("bound")) if b is not None]
        gap_at_most = 100 * (min(bounds) - cw) / min(bounds) if bounds and cw is not None \
            and min(bounds) > 0 else None
        print(f"{name:<20} {casc:<5} {fmt(ref.get('pairs')):>7} {fmt(cw):>8} "
              f"{fmt(cov.get('coverageWeeksBound')):>9} "
              f"{fmt(cov.get('coverageWeeksGapPercent'), '.2f'):>9} "
              f"{fmt(r.get('planSeconds'), '.1f'):>6} {fmt(cp):>9} {fmt(ref.get('bound')):>10} "
              f"{ref.get('status', '-'):>9} {fmt(ref.get('buildSeconds'), '.1f'):>7} "
              f"{fmt(diff, '+.2f'):>7} {fmt(gap_at_most, '.2f'):>6}")
    print()
    print("CP-SAT had understudy's wall time (x CP_FACTOR, at least CP_MIN s) for its search, "
          "plus the model build ('build s');\nUS-CP % = 100*(understudy CW - CP-SAT CW)/CP-SAT CW; "
          "cert gap % = understudy's own (bound - CW)/bound;\ngap<=% = the same against the "
          "tighter of understudy's and CP-SAT's bounds.")
    verdict(failures, "every plan valid and consistent with CP-SAT's plans and bounds")


def solvers(rows):
    """HiGHS against CP-SAT on the same models: agreement and time to prove optimality."""
    failures = []
    print(f"{'instance':<18} {'casc':<5} {'pairs':>6} {'columns':>8} "
          f"{'HiGHS':>7} {'bound':>6} {'s':>6}  {'CP-SAT':>7} {'bound':>6} {'s':>6}  faster")
    for r in rows:
        refs = {ref["solver"]: ref for ref in r["references"]}
        hi, cp = refs.get("highs", {}), refs.get("cpsat", {})
        for a, b in ((hi, cp), (cp, hi)):
            if a.get("objective") is not None and b.get("bound") is not None \
                    and a["objective"] > b["bound"] + 1e-6:
                failures.append(f"{r['instance']} {r['tag']}: {a['solver']} found "
                                f"{a['objective']:g} above {b['solver']}'s bound {b['bound']:g}")
        failures += reference_failures(r)
        done = [x for x in (hi, cp) if x.get("status") == "optimal"]
        faster = min(done, key=lambda x: x["seconds"])["solver"] if done else "neither"
        print(f"{r['instance']:<18} {r['tag']:<5} {fmt(hi.get('pairs')):>6} "
              f"{fmt(hi.get('columns')):>8} {fmt(hi.get('objective')):>7} "
              f"{fmt(hi.get('bound')):>6} "
              f"{fmt(hi.get('seconds'), '.1f'):>6}  {fmt(cp.get('objective')):>7} "
              f"{fmt(cp.get('bound')):>6} {fmt(cp.get('seconds'), '.1f'):>6}  {faster}")
    verdict(failures, "the back ends agree: no plan of one above the other's bound")


def mean(values):
    return f"{sum(values) / len(values):.3f}" if values else "-"


def worst(values):
    return f"{max(values):.3f}" if values else "-"


def verdict(failures, ok):
    print()
    if failures:
        print("FAILED:")
        for line in failures:
            print("  " + line)
        sys.exit(1)
    print("ok: " + ok)


def main():
    if len(sys.argv) >= 5 and sys.argv[1] == "record":
        record(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5:])
        return
    kind, path = sys.argv[1], sys.argv[2]
    rows = [json.loads(line) for line in open(path) if line.strip()]
    {"quality": quality, "hard": hard, "solvers": solvers}[kind](rows)


if __name__ == "__main__":
    main()
