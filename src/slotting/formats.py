"""How a figure is written: money, percentages, plain numbers and dates, in one place.

Every view and every sentence the rules give (a case's basis, a letter's field) writes its figures
with these, so that one amount reads the same wherever it appears. The module imports nothing of
the package: the rules, the model and the renderers may all use it.

Two ways of writing pounds exist on purpose, each already in public outputs: `money` (tables and
reports: pence shown when the amount has any, rounded half up; "-" for no figure) and `pounds`
(sentences: the amount to the penny, whole pounds shown without pence).
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from functools import lru_cache

_PENNY = Decimal("0.01")


@lru_cache(maxsize=4096)
def figure(value: Decimal) -> str:
    """Gives a Decimal as it is plainly written: no trailing zeros or exponent (75, 74.5, 100)."""
    return format(value.normalize(), "f")


def plain(value: object) -> str:
    """Gives a number as it is plainly written: a Decimal as `figure` does, anything else as its text."""
    return figure(value) if isinstance(value, Decimal) else str(value)


def percent(value: Decimal | Fraction) -> str:
    """Gives a percentage in words: 75%, 74.5%, or a fraction of the whole as written, 2/3 (66.7%)."""
    return f"{figure(value)}%" if isinstance(value, Decimal) else str(value)


def pct(value: Decimal | Fraction) -> str:
    """Gives a percentage figure without its sign or trailing zeros: 75, 74.5; a fraction to one place: 66.7."""
    return figure(value) if isinstance(value, Decimal) else f"{float(value):.1f}"


def share(value: Fraction | float) -> str:
    """Gives a share of a whole (2/3) as a whole percentage (67%), as the equality figures show it."""
    return f"{float(value) * 100:.0f}%"


def rate(value: Decimal | Fraction) -> str:
    """Gives a rate (0.25) as the percentage it is (25%)."""
    return f"{plain(value * 100)}%"


@lru_cache(maxsize=4096)  # a review's salaries are a few hundred spinal amounts, written row after row
def money(amount: Decimal | None, *, brackets: bool = False) -> str:
    """Gives an amount for a table: £1,234, pence only when present (half up); negatives in brackets if asked,
    and "-" for no figure."""
    if amount is None:
        return "-"
    places = 0 if amount == amount.to_integral_value() else 2
    shown = abs(amount).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)  # half up, as every figure
    text = f"£{shown:,.{places}f}"
    if amount < 0:
        return f"({text})" if brackets else f"-{text}"
    return text


def pounds(amount: Decimal | int) -> str:
    """Gives an amount for a sentence: £1,234, or £1,234.50 when it has pence (to the penny)."""
    shown = Decimal(amount).quantize(_PENNY)
    return f"£{shown:,.0f}" if shown == shown.to_integral_value() else f"£{shown:,.2f}"


def plural(count: int, word: str) -> str:
    """Gives a count with its word, plural but for one: 1 place, 3 places."""
    return f"{count} {word}{'' if count == 1 else 's'}"


def places(count: int | Decimal) -> str:
    """Gives a number of places: heads ('3 places'), or FTE ('2.5 FTE') when the policy counts by FTE."""
    return f"{figure(count)} FTE" if isinstance(count, Decimal) else plural(count, "place")


def long_date(day: dt.date | None) -> str:
    """Gives a date as a letter writes it, 2 January 2012 ("" for no date)."""
    return f"{day.day} {day:%B %Y}" if day else ""


def short_date(day: dt.date | None) -> str:
    """Gives a date for a table column, Mon 2 Jan 2012 ("-" for no date)."""
    return f"{day:%a} {day.day} {day:%b %Y}" if day else "-"
