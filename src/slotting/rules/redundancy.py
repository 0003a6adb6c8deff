"""Redundancy cost estimates: statutory redundancy pay and the local government discretionary options.

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

MAX_YEARS = 20
MIN_YEARS = 2
MAX_DISCRETIONARY_WEEKS = Decimal(104)


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


def statutory_weeks(age: int, service_years: int) -> Decimal:
    """Gives the weeks of pay due under ERA 1996 s.162 for an age and complete years of service."""
    if service_years < MIN_YEARS:
        return Decimal(0)
    weeks = Decimal(0)
    for years_ago in range(1, min(service_years, MAX_YEARS) + 1):
        age_then = age - years_ago
        weeks += Decimal("1.5") if age_then >= 41 else Decimal(1) if age_then >= 22 else Decimal("0.5")
    return weeks


@dataclass(frozen=True)
class RedundancyCost:
    weeks: Decimal
    week_pay: Decimal
    amount: Decimal
    basis: str


def redundancy_cost(salary: Decimal, age: int, service_years: int, limit: WeeklyLimit,
                    actual_weeks_pay: bool = False, multiplier: Decimal = Decimal(1)) -> RedundancyCost:
    """Gives the estimated lump sum for one person, statutory or enhanced under the 2006 Regulations."""
    statutory = statutory_weeks(age, service_years)
    weeks = min(statutory * multiplier, MAX_DISCRETIONARY_WEEKS) if multiplier != 1 else statutory
    actual = salary / 52
    week_pay = actual if actual_weeks_pay else min(actual, limit.amount)
    parts = [f"{statutory} statutory weeks"]
    if multiplier != 1:
        parts.append(f"x {multiplier} (reg 6, at most 104 weeks) = {weeks} weeks")
    parts.append("at the actual week's pay (reg 5)" if actual_weeks_pay
                 else f"at a week's pay capped at £{limit.amount} ({limit.source})")
    return RedundancyCost(weeks, week_pay, weeks * week_pay, " ".join(parts))
