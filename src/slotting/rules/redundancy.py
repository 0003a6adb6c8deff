"""The week's-pay limits of statutory redundancy pay, and the shape of a redundancy estimate (made in rules.case).

Statutory redundancy pay (Employment Rights Act 1996 s.162): for each complete year of continuous
employment, counted back from the relevant date and at most 20 years, half a week's pay for a year
in which the employee was under 22, one week for a year aged 22 to 40, one and a half weeks for a
year aged 41 or over; nothing with less than two years' service (s.155). A week's pay is capped by
the limit in force on the relevant date (s.227, raised by the yearly Increase of Limits orders). Northern
Ireland has its own series (Employment Rights (Northern Ireland) Order 1996 Art 23, data/weekly_limits_ni.yaml),
with dates for which no figure is known: there, as before any table's first row, no limit is given.

Discretionary options for local government employees (Local Government (Early Termination of
Employment) (Discretionary Compensation) (England and Wales) Regulations 2006): reg 5 allows the
actual week's pay instead of the cap; reg 6 allows a lump sum of up to 104 weeks' pay in all.

These are estimates for budgeting: ages are whole years at the relevant date and each year of
service is taken to start on the same day of the year as the relevant date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from ..data import legal_table


@dataclass(frozen=True)
class WeeklyLimit:
    since: dt.date
    amount: Decimal
    source: str


@cache
def weekly_limits(jurisdiction: str = "england-wales") -> tuple[tuple[dt.date, WeeklyLimit | None], ...]:
    """Gives a jurisdiction's limits by the day each came into force (None from a day no figure is known)."""
    return tuple((row["since"], WeeklyLimit(row["since"], Decimal(str(row["amount"])), row["source"])
                  if row["amount"] is not None else None) for row in legal_table("weekly_limits", jurisdiction))


WEEKLY_LIMITS: tuple[WeeklyLimit, ...] = tuple(limit for _, limit in weekly_limits() if limit is not None)


def weekly_limit(on: dt.date | None, jurisdiction: str = "england-wales") -> WeeklyLimit | None:
    """Gives the limit in force on a date in a jurisdiction (the latest known when no date is given), or None when
    no figure is known for that date."""
    rows = weekly_limits(jurisdiction)
    if on is None:
        return next(limit for _, limit in reversed(rows) if limit is not None)
    in_force = [limit for since, limit in rows if since <= on]
    return in_force[-1] if in_force else None


def no_limit_known(on: dt.date | None, jurisdiction: str = "england-wales") -> str:
    """Gives why no week's-pay limit can be used on a date, in the case's words."""
    if jurisdiction == "northern-ireland":
        return f"no NI weekly limit is known for {on} (data/weekly_limits_ni.yaml)"
    return "no statutory weekly limit is known for the relevant date"


@dataclass(frozen=True)
class RedundancyCost:
    weeks: Decimal  # under a scheme counted in months, the weeks of week_pay the amount comes to
    week_pay: Decimal
    amount: Decimal
    basis: str
    months: Decimal | None = None  # under a scheme counted in months
