"""The week's-pay limits of statutory redundancy pay, and the shape of a redundancy estimate (made in rules.case).

Statutory redundancy pay (Employment Rights Act 1996 s.162): for each complete year of continuous
employment, counted back from the relevant date and at most 20 years, half a week's pay for a year
in which the employee was under 22, one week for a year aged 22 to 40, one and a half weeks for a
year aged 41 or over; nothing with less than two years' service (s.155). A week's pay is capped by
the limit in force on the relevant date (s.227, raised by the yearly Increase of Limits orders).

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

from ..data import legal_table


@dataclass(frozen=True)
class WeeklyLimit:
    since: dt.date
    amount: Decimal
    source: str


WEEKLY_LIMITS: tuple[WeeklyLimit, ...] = tuple(
    WeeklyLimit(row["since"], Decimal(str(row["amount"])), row["source"]) for row in legal_table("weekly_limits"))


def weekly_limit(on: dt.date | None) -> WeeklyLimit | None:
    """Gives the limit in force on a date (the latest known when no date is given)."""
    if on is None:
        return WEEKLY_LIMITS[-1]
    in_force = [limit for limit in WEEKLY_LIMITS if limit.since <= on]
    return in_force[-1] if in_force else None


@dataclass(frozen=True)
class RedundancyCost:
    weeks: Decimal
    week_pay: Decimal
    amount: Decimal
    basis: str
