"""The values a figure or threshold is moved to in the search for fragile decisions, and what a move crosses.

The engine compares a figure only with constants: the thresholds, and the other figures and scores of the same
post's rows (ranking, ties, the min measure); and a threshold only with scores. Between two consecutive
constants nothing it decides can change, so only one value per interval (and the constants themselves) is tried.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction
from typing import Any

from ...model.types import written


def tried(value: Decimal, constants: Iterable[Decimal], margin: Decimal, low: Decimal = Decimal(0),
          high: Decimal = Decimal(100)) -> list[Decimal]:
    """Gives one value for each distinct place a figure at `value` can move to within the margin: each
    constant in reach, and one value in each interval between them (a whole number of points from `value`
    where the interval has one, nearest first; else its middle)."""
    lo, hi = max(low, value - margin), min(high, value + margin)
    points = sorted({c for c in constants if lo <= c <= hi})
    values = [c for c in points if c != value]
    edges = [lo, *points, hi]
    for a, b in zip(edges, edges[1:]):
        if a == b:
            continue
        inside = inside_value(value, a, b, a == lo and a not in points, b == hi and b not in points)  # a constant is its own case
        if inside is not None and inside != value:
            values.append(inside)
    return sorted(set(values), key=lambda v: (abs(v - value), v))


def inside_value(value: Decimal, a: Decimal, b: Decimal, closed_a: bool, closed_b: bool) -> Decimal | None:
    """Gives a value of the interval from a to b (each end included when closed): a whole number of points
    from `value`, nearest to it, when one fits, else the middle; None when `value` itself is inside."""
    if a < value < b:
        return None
    if value <= a:
        gap = a - value
        candidate = value + max(1, math.ceil(gap) if closed_a else math.floor(gap) + 1)
    else:
        gap = value - b
        candidate = value - max(1, math.ceil(gap) if closed_b else math.floor(gap) + 1)
    above_a = a < candidate or (closed_a and candidate == a)
    below_b = candidate < b or (closed_b and candidate == b)
    return candidate if above_a and below_b else (a + b) / 2


def as_decimal(value: Any) -> Decimal:
    """Gives a figure or threshold as a Decimal (a fraction of the whole such as 2/3 to 28 digits)."""
    if value.__class__ is Decimal:
        return value
    if isinstance(value, Fraction):
        return Decimal(value.numerator) / Decimal(value.denominator)
    return Decimal(value)


def crossing(value: Decimal, at: Decimal, named: dict[Decimal, str], article: str) -> str:
    """Names the thresholds a figure passes moving from `value` to `at`, or says it passes another figure."""
    low, high = min(value, at), max(value, at)
    passed = [f"{article} {named[c].replace('_', ' ')} ({written(c)})" for c in sorted(named) if low <= c <= high]
    return ", ".join(passed) if passed else "another figure of the post's claims (their ranking or a tie)"
