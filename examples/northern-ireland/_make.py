"""Writes the Northern Ireland example: a review proposing 100 redundancy dismissals at one establishment.

    python examples/northern-ireland/_make.py

ILLUSTRATIVE: a Northern Ireland public body closes its contact centre (OLD-CC, 100 Customer Service Officers)
and keeps a smaller digital team (NEW-DIG, posts no old post overlaps with): 100 people displaced, 100 proposed
dismissals. Under the Employment Rights (Northern Ireland) Order 1996 Art 216(2)(a) consultation runs at least
90 days before the first dismissal (Great Britain's 45 days do not apply) and each redundancy payment's week's
pay is capped by the Northern Ireland limit on the relevant date (£749 from 6 April 2025). The people's ages,
service and pay repeat in a cycle of five, so that each figure is worked once by hand (tests/test_jurisdiction.py).
tests/test_jurisdiction.py also checks that review.yaml is what this script writes.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).parent
# (age, complete years of service, salary): £52,000 is £1,000 a week, above the £749 limit; £26,000 is £500.
CYCLE = [(45, 10, 52000), (30, 5, 52000), (60, 25, 52000), (41, 12, 26000), (22, 1, 26000)]

HEAD = """\
# yaml-language-server: $schema=../../slotting.schema.json
#
# Written by examples/northern-ireland/_make.py: ILLUSTRATIVE, see its docstring. 100 proposed dismissals in
# Northern Ireland: 90 days' consultation (ER(NI)O 1996 Art 216(2)(a)) and the Northern Ireland week's-pay
# limit (data/weekly_limits_ni.yaml); bank holidays of Northern Ireland (the jurisdiction's).

review:
  name: Example NI public body - contact centre closure
  jurisdiction: northern-ireland
  effective_date: 2025-06-02
  timeline:
    consultation_start: 2025-01-06
    decision: 2025-02-03

pay_spines:
  NJC: {1: 26000, 2: 52000}

grades:
  - {id: G1, name: Grade 1, level: 1, spine: NJC, points: [1, 1]}
  - {id: G2, name: Grade 2, level: 2, spine: NJC, points: [2, 2]}

old_structure:
  posts:
    - {id: OLD-CC, title: Customer Service Officer, grade: G1, count: 100}

new_structure:
  posts:
    - {id: NEW-DIG, title: Digital Services Officer, grade: G2, count: 10}

people:
"""


def review() -> str:
    people = "".join(f"  - {{id: C{i:03d}, post: OLD-CC, salary: {salary}, age: {age}, service_years: {years}}}\n"
                     for i, (age, years, salary) in ((i, CYCLE[(i - 1) % len(CYCLE)]) for i in range(1, 101)))
    return HEAD + people + "\noverlaps: []\n"


if __name__ == "__main__":
    (HERE / "review.yaml").write_text(review(), encoding="utf-8")
