"""Pay placement on the new grade: nearest spinal point and pay protection (Leicester report s.8.2).

"Directors will be slotted to the nearest grade point to their existing salary. As per the
Council's policy Pay Protection for two years will apply to all Directors whose salary goes down
as a result of this review." (Leicester City Council, Employees Committee 13 Dec 2011, s.8.2)
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from decimal import Decimal
from typing import Literal, NamedTuple

from ..model import Grade, ReviewFile


class Placement(NamedTuple):
    """Where a person lands on a new grade, and why."""

    point: int
    amount: Decimal
    estimated: bool
    protection: Decimal
    rule: str


def grade_points(review: ReviewFile, grade: Grade) -> list[tuple[int, Decimal, bool]]:
    """Gives the grade's spinal points as (point, annual amount, estimated), lowest point first."""
    if grade.spine is None:
        return []
    spine = grade.spine
    return [(n, (a := review.spinal_amount(spine, n)).amount, a.estimated) for n in grade.point_numbers]


def nearest_point(
    salary: Decimal, points: list[tuple[int, Decimal, bool]], tie: Literal["higher", "lower"]
) -> tuple[tuple[int, Decimal, bool], str]:
    """Gives the spinal point nearest to a salary within a grade, and the rule that chose it."""
    return _nearest(salary, sorted(points, key=_amount_then_point), tie)


def _amount_then_point(point: tuple[int, Decimal, bool]) -> tuple[Decimal, int]:
    return point[1], point[0]


NEAREST = "the nearest spinal point to the current salary"
TOP = "at or above the top of the grade: placed on the top point"
BOTTOM = "at or below the bottom of the grade: placed on the bottom point"


def _tie(tie: str) -> str:
    return f"exactly between two points: the {tie} point is taken (policy nearest_point_tie)"


def _nearest(salary: Decimal, ordered: list[tuple[int, Decimal, bool]],
             tie: str) -> tuple[tuple[int, Decimal, bool], str]:
    bottom, top = ordered[0], ordered[-1]
    if salary >= top[1]:
        return top, TOP
    if salary <= bottom[1]:
        return bottom, BOTTOM
    gaps = [abs(amount - salary) for _, amount, _ in ordered]
    least = min(gaps)
    nearest = [p for p, gap in zip(ordered, gaps) if gap == least]
    if len(nearest) == 1:
        return nearest[0], NEAREST
    # max() keeps the first of equal amounts, as min() does for "lower": the lower point number
    best = max(nearest, key=lambda p: p[1]) if tie == "higher" else nearest[0]
    return best, _tie(tie)


def placer(review: ReviewFile, grade: Grade) -> Callable[[Decimal], Placement]:
    """Gives a function that places a salary on one grade, with the protection due when pay falls; the
    grade's points are sorted once (the engine places thousands).

    Within the grade, when no two points have the same amount, the nearest point is one of the two
    either side of the salary, found by bisection; _nearest decides every other case.
    """
    ordered = sorted(grade_points(review, grade), key=_amount_then_point)
    amounts = [amount for _, amount, _ in ordered]
    distinct = len(set(amounts)) == len(amounts)
    tie = review.policy.nearest_point_tie
    tie_rule = _tie(tie)
    protects = review.policy.protects
    nothing = Decimal(0)

    def place_salary(salary: Decimal) -> Placement:
        if distinct and amounts[0] < salary < amounts[-1]:
            i = bisect_left(amounts, salary)
            below, above = ordered[i - 1], ordered[i]
            under, over = salary - below[1], above[1] - salary
            if under == over:
                (point, amount, estimated), rule = (above if tie == "higher" else below), tie_rule
            else:
                (point, amount, estimated), rule = (below if under < over else above), NEAREST
        else:
            (point, amount, estimated), rule = _nearest(salary, ordered, tie)
        protection = salary - amount if protects and salary > amount else nothing
        return Placement(point, amount, estimated, protection, rule)

    return place_salary
