"""Hostile input for the loader and the model's validation: long lists on either side of the length from which
records are validated on their own first (model.validation.SEPARATELY), every id given twice, a section file that
is the review itself; each refused where it is written, in good time."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from . import Case, example

_POSTS = "  posts:\n    - {id: OLD-CE,"
_PEOPLE = "people:                               # BC Appendix One (as at September 2011); salaries illustrative\n"
_NEVER = ["Traceback", "internal error"]


def _many_people(count: int, bad_at: int | None = None, same_id: bool = False) -> Callable[[Path], list[str]]:
    """The example with `count` more people holding one generic post; the person `bad_at` (an index among them)
    has a salary of -5; with `same_id` every one of them is P01, as the example's first person is."""
    def make(folder: Path) -> list[str]:
        rows = "".join(f"  - {{id: {'P01' if same_id else f'X{i}'}, post: OLD-MANY, "
                       f"salary: {-5 if i == bad_at else 50000}}}\n" for i in range(count))
        post = f"  posts:\n    - {{id: OLD-MANY, title: Many, grade: CO, count: {count}}}\n    - {{id: OLD-CE,"
        return ["validate", str(example(folder, (_POSTS, post), (_PEOPLE, _PEOPLE + rows)))]
    return make


def _review_as_its_own_section(folder: Path) -> list[str]:
    path = example(folder, (_PEOPLE, "people: review.yaml\nwas_people:\n"))
    return ["validate", str(path)]


CASES = [
    # The people added come first in the people section.
    Case("loading_bad_salary_in_a_short_list", _many_people(10, bad_at=5), 1, "people[5].salary", never=_NEVER),
    Case("loading_bad_salary_in_a_long_list", _many_people(1_500, bad_at=1_200), 1, "people[1200].salary",
         never=_NEVER),
    Case("loading_every_id_twice_in_a_long_list", _many_people(3_000, same_id=True), 1,
         "duplicate person id 'P01'", never=_NEVER),
    Case("loading_the_review_as_its_own_section", _review_as_its_own_section, 1, "people", never=_NEVER),
]
