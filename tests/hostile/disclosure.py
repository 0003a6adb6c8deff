"""Hostile equality tables (rules.disclosure): a review so small that every characteristic's table is withheld
whole, which once left the joint audit of the tables sharing the whole group's row with no table to audit and ended
in an internal error (exit 3)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from . import Case

_FOUR_PEOPLE = """review: {name: Four people}
pay_spines:
  S: {1: 20000, 2: 21000, 3: 22000, 4: 30000, 5: 31000, 6: 32000}
grades:
  - {id: G1, name: Grade 1, level: 1, spine: S, points: [1, 3]}
  - {id: G2, name: Grade 2, level: 2, spine: S, points: [4, 6]}
old_structure:
  posts:
    - {id: O1, title: Old one, grade: G2}
    - {id: O2, title: Old two, grade: G2}
    - {id: O3, title: Old three, grade: G2}
    - {id: O4, title: Old four, grade: G2}
new_structure:
  posts:
    - {id: N1, title: New one, grade: G2}
people:
  - {id: P1, post: O1, salary: 31000, characteristics: {sex: F, age_band: under 40}}
  - {id: P2, post: O2, salary: 31000, characteristics: {sex: M, age_band: 40 and over}}
  - {id: P3, post: O3, salary: 31000, characteristics: {sex: F, age_band: under 40}}
  - {id: P4, post: O4, salary: 31000, characteristics: {sex: M, age_band: 40 and over}}
overlaps:
  - {old_post: O1, new_post: N1, old_in_new: 60, new_from_old: 60}
  - {old_post: O2, new_post: N1, old_in_new: 60, new_from_old: 60}
"""


def _four_people(*command: str) -> Callable[[Path], list[str]]:
    """`slotting COMMAND` on a review of four people with two characteristics, grouped alike."""
    def make(folder: Path) -> list[str]:
        path = folder / "review.yaml"
        path.write_text(_FOUR_PEOPLE, encoding="utf-8")
        return [command[0], str(path), *command[1:]]
    return make


CASES = [
    # two people compete for one place and two are displaced; grouped alike by sex and by age band, every count
    # is below 5 and each table is withheld whole: the cells are shown as [c], the command succeeds
    Case("equality_every_table_withheld", _four_people("equality"), 0, "[c]", never=["IndexError"]),
    Case("equality_every_table_withheld_json", _four_people("equality", "--format", "json"), 0, '"total":"[c]"',
         never=["IndexError"]),
]
