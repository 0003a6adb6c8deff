"""Writes the HR-data example (docs/tutorials/hr-export.md): generic posts, part-time staff, a people sheet.

    python examples/hr/_make.py

An ILLUSTRATIVE restructure of a council's customer services (not the Leicester case): 54 people on four
old posts, three of them generic (40 customer advisers on one post number, 12 administrators sharing an
establishment of 9 FTE), moving to five new posts. The structures and overlaps are in review.yaml; the
people come from the People sheet of hr_export.xlsx, as an HR system exports them (full-time salary, FTE
or contracted hours, age, service, equality monitoring). The same seed always writes the same bytes;
tests/test_hr.py checks that the files are what this script writes, and the figures by hand.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import xlsxwriter

HERE = Path(__file__).parent
SPINE = {1: 19500, 2: 20100, 3: 20700, 4: 21300, 5: 22000, 6: 22700, 7: 26000, 8: 27000, 9: 28000,
         10: 33000, 11: 34500, 12: 36000}
POSTS = [("CS-ADV", 38, "G4"), ("CS-ADM", 11, "G4"), ("CS-TL", 4, "G7"), ("CS-MGR", 1, "G9")]
ADMIN_HOURS = ["37", "18.5", "22.5", "30", "37", "18.5", "30", "22.5", "37", "30", "18.5"]  # 302 h = 8.16 FTE
HEADER = ["id", "post", "salary", "fte", "hours", "age", "service_years", "characteristics.gender",
          "characteristics.ethnicity", "characteristics.disability"]

REVIEW = """\
# ILLUSTRATIVE: a whole-service restructure with generic posts and part-time staff (examples/hr/_make.py).
review:
  name: Customer services review (illustrative)
  effective_date: 2026-04-01
  full_time_hours: 37                 # people given by contracted hours: FTE = hours / 37
grades:
  - {id: G4, name: Grade 4, level: 4, spine: NJC, points: [1, 3]}
  - {id: G5, name: Grade 5, level: 5, spine: NJC, points: [4, 6]}
  - {id: G7, name: Grade 7, level: 7, spine: NJC, points: [7, 9]}
  - {id: G9, name: Grade 9, level: 9, spine: NJC, points: [10, 12]}
pay_spines:
  NJC: {%s}
old_structure:
  posts:
    - {id: CS-MGR, title: Customer services manager, grade: G9}
    - {id: CS-TL, title: Team leader, grade: G7, count: 4, reports_to: CS-MGR}
    - {id: CS-ADV, title: Customer services adviser, grade: G4, count: 40, reports_to: CS-TL}
    - {id: CS-ADM, title: Administrator, grade: G4, count: 12, fte: 9, reports_to: CS-TL}
new_structure:
  posts:
    - {id: CX-HEAD, title: Head of customer experience, grade: G9}
    - {id: CX-TL, title: Team leader, grade: G7, count: 3, reports_to: CX-HEAD}
    - {id: CX-DIG, title: Digital services lead, grade: G7, reports_to: CX-HEAD}
    - {id: CX-ADV, title: Customer adviser, grade: G4, count: 35, reports_to: CX-TL}
    - {id: CX-BSO, title: Business support officer, grade: G5, count: 8, fte: 0.8, reports_to: CX-TL}
people: {file: hr_export.xlsx, sheet: People}
overlaps:
  - {old_post: CS-MGR, new_post: CX-HEAD, old_in_new: 70, new_from_old: 75}
  - {old_post: CS-TL, new_post: CX-TL, old_in_new: 85, new_from_old: 80}
  - {old_post: CS-TL, new_post: CX-DIG, old_in_new: 40, new_from_old: 30}
  - {old_post: CS-ADV, new_post: CX-ADV, old_in_new: 90, new_from_old: 85}
  - {old_post: CS-ADM, new_post: CX-BSO, old_in_new: 70, new_from_old: 60}
costing:
  on_cost_rate: 0.28
  target_saving: 60000
"""


def people(seed: int = 2026) -> list[list]:
    """Gives the People sheet's rows after the header: one per person, as an HR system would export them."""
    rng = random.Random(seed)
    rows = []
    points = {"G4": (1, 3), "G7": (7, 9), "G9": (10, 12)}
    grade = {"CS-ADV": "G4", "CS-ADM": "G4", "CS-TL": "G7", "CS-MGR": "G9"}
    admin = iter(ADMIN_HOURS)
    number = 1000
    for post, holders, _ in POSTS:
        for i in range(holders):
            number += 1
            low, high = points[grade[post]]
            salary: float = SPINE[rng.randint(low, high)]
            if post == "CS-ADV" and i % 9 == 4:
                salary = 20412.5  # a salary kept from an old pay point, with pence, as payroll holds it
            fte = hours = None
            if post == "CS-ADV" and i % 4 == 3:
                fte = rng.choice([0.5, 0.6, 0.8])
            if post == "CS-ADM":
                hours = next(admin)
            age = rng.randint(22, 63)
            service = min(rng.randint(0, 30), age - 18)
            rows.append([f"E{number}", post, salary, fte, float(hours) if hours else None, age, service,
                         rng.choice(["Female", "Female", "Male"]),
                         rng.choice(["White British", "White British", "Asian or Asian British", "Black or Black British",
                                     "Mixed", "White Other"]),
                         rng.choice(["No", "No", "No", "No", "Yes"])])
    return rows


def write(folder: Path = HERE) -> None:
    spine = ", ".join(f"{p}: {a}" for p, a in SPINE.items())
    (folder / "review.yaml").write_text(REVIEW % spine, encoding="utf-8")
    book = xlsxwriter.Workbook(str(folder / "hr_export.xlsx"))
    book.set_properties({"title": "HR export (illustrative)", "created": dt.datetime(2026, 1, 5)})
    sheet = book.add_worksheet("People")
    sheet.write_row(0, 0, HEADER)
    for r, row in enumerate(people(), 1):
        for c, value in enumerate(row):
            if value is not None:
                sheet.write(r, c, value)
    notes = book.add_worksheet("Notes")
    notes.write(0, 0, "Exported from the HR system (illustrative data). Salaries are full-time equivalent.")
    book.close()


if __name__ == "__main__":
    write()
