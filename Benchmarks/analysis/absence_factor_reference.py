"""The organization absence factor of a gap report, solved exactly as a MILP by HiGHS.

Reads `understudy analyze --format json` output (each role's weight, qualified people, depth and
minPresent; the summary's absence factor) and solves the same problem from that data alone:
the fewest people whose simultaneous absence stops roles carrying at least half the total weight,
where a role stops once depth - minPresent + 1 of its qualified people are away (docs/model.md,
"Absence factor"). Prints "optimum <n> <seconds>" or "unsolved <status>".

Usage: absence_factor_reference.py gaps.json [time-limit-seconds]
"""

import json
import sys
import time

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import lil_matrix


def main() -> None:
    report = json.load(open(sys.argv[1]))
    limit = float(sys.argv[2]) if len(sys.argv) > 2 else 120.0
    roles = [
        (role["weight"], max(0, role["depth"] - role["minPresent"] + 1), role["qualified"])
        for role in report["roles"]
    ]
    total = sum(weight for weight, _, _ in roles)
    missing = total / 2 - sum(weight for weight, needed, _ in roles if needed == 0)
    if missing <= 0:
        print("optimum 0 0.00")
        return
    active = [role for role in roles if role[1] > 0]
    people = sorted({person for _, _, qualified in active for person in qualified})
    index = {person: position for position, person in enumerate(people)}
    count, roles_count = len(people), len(active)
    # Variables: x (person away) then y (role stopped); minimise the people away.
    cost = np.concatenate([np.ones(count), np.zeros(roles_count)])
    matrix = lil_matrix((roles_count + 1, count + roles_count))
    lower = np.full(roles_count + 1, -np.inf)
    upper = np.zeros(roles_count + 1)
    for row, (weight, needed, qualified) in enumerate(active):
        matrix[row, count + row] = needed  # needed * y_r <= people of r away
        for person in qualified:
            matrix[row, index[person]] = -1
        matrix[roles_count, count + row] = weight
    lower[roles_count], upper[roles_count] = missing, np.inf
    started = time.time()
    result = milp(
        cost,
        constraints=LinearConstraint(matrix.tocsr(), lower, upper),
        integrality=np.ones(count + roles_count),
        bounds=Bounds(0, 1),
        options={"time_limit": limit},
    )
    elapsed = time.time() - started
    if result.status == 0:
        print(f"optimum {round(result.fun)} {elapsed:.2f}")
    else:
        print(f"unsolved {result.status} {elapsed:.2f}")


if __name__ == "__main__":
    main()
