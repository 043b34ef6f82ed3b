"""A skills matrix workbook for the spreadsheet benchmark, and openpyxl's read of it.

    python3 matrix.py generate PEOPLE SKILLS OUT.xlsx   # every cell filled, levels 0-4
    python3 matrix.py read FILE.xlsx                    # openpyxl read-only: count the values

The workbook is what a manager's matrix looks like after a skills survey: a header row with
"Person ID", "Name" and one column per skill, then one row per person with a level (0-4) in
every skill column. It is written with openpyxl's write-only mode, so the cells are stored as
Excel stores them (numbers in <v>, names in the shared-string table). The read is what a user
would write to get at the values with openpyxl: read-only mode, every row of every sheet, values
only.
"""

import random
import sys

from openpyxl import Workbook, load_workbook


def generate(people: int, skills: int, out: str) -> None:
    rng = random.Random(1)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Skills")
    sheet.append(["Person ID", "Name"] + [f"Skill {j + 1:04d}" for j in range(skills)])
    for i in range(people):
        levels = [rng.choice((0, 0, 1, 1, 2, 2, 3, 4)) for _ in range(skills)]
        sheet.append([f"P{i + 1:05d}", f"Person {i + 1}"] + levels)
    book.save(out)


def read(path: str) -> int:
    book = load_workbook(path, read_only=True)
    values = 0
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            values += sum(1 for value in row if value is not None)
    return values


if __name__ == "__main__":
    if sys.argv[1] == "generate":
        generate(int(sys.argv[2]), int(sys.argv[3]), sys.argv[4])
    else:
        print(read(sys.argv[2]))
