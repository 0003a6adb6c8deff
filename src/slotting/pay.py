"""Pay placement on the new grade: nearest spinal point and pay protection (Leicester report s.8.2).

"Directors will be slotted to the nearest grade point to their existing salary. As per the
Council's policy Pay Protection for two years will apply to all Directors whose salary goes down
as a result of this review." (Leicester City Council, Employees Committee 13 Dec 2011, s.8.2)
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from .models import Grade, ReviewFile


@dataclass(slots=True)
class Placement:
    """Where a person lands on a new grade, and why."""

    point: int
    amount: Decimal
    estimated: bool
    protection: Decimal
    rule: str


def grade_points(review: ReviewFile, grade: Grade) -> list[tuple[int, Decimal, bool]]:
    """Gives the grade's spinal points as (point, annual amount, estimated), lowest point first."""
    return [
        (n, (a := review.spinal_amount(grade.spine, n)).amount, a.estimated)
        for n in grade.point_numbers
    ]


def nearest_point(
    salary: Decimal, points: list[tuple[int, Decimal, bool]], tie: Literal["higher", "lower"]
) -> tuple[tuple[int, Decimal, bool], str]:
    """Gives the spinal point nearest to a salary within a grade, and the rule that chose it."""
    ordered = sorted(points, key=lambda p: (p[1], p[0]))
    bottom, top = ordered[0], ordered[-1]
    if salary >= top[1]:
        return top, "at or above the top of the grade: placed on the top point"
    if salary <= bottom[1]:
        return bottom, "at or below the bottom of the grade: placed on the bottom point"
    best = min(ordered, key=lambda p: (abs(p[1] - salary), -p[1] if tie == "higher" else p[1]))
    distances = sorted(abs(p[1] - salary) for p in ordered)
    if len(distances) > 1 and distances[0] == distances[1]:
        return best, f"exactly between two points: the {tie} point is taken (policy nearest_point_tie)"
    return best, "the nearest spinal point to the current salary"


def place(review: ReviewFile, salary: Decimal, grade: Grade,
          points: list[tuple[int, Decimal, bool]] | None = None) -> Placement:
    """Gives the placement of a salary on a grade, with the protection due when pay falls."""
    (point, amount, estimated), rule = nearest_point(
        salary, points or grade_points(review, grade), review.policy.nearest_point_tie
    )
    protection = salary - amount if salary > amount and review.policy.protection_years > 0 else Decimal(0)
    return Placement(point, amount, estimated, protection, rule)
