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

MAX_YEARS = 20
MIN_YEARS = 2
MAX_DISCRETIONARY_WEEKS = Decimal(104)


@dataclass(frozen=True)
class WeeklyLimit:
    since: dt.date
    amount: Decimal
    source: str


# The limit on a week's pay for statutory redundancy pay (England, Wales and Scotland).
WEEKLY_LIMITS: tuple[WeeklyLimit, ...] = (
    WeeklyLimit(dt.date(2009, 10, 1), Decimal(380), "Employment Rights (Increase of Limits) Order 2009"),
    WeeklyLimit(dt.date(2011, 2, 1), Decimal(400), "Employment Rights (Increase of Limits) Order 2010"),
    WeeklyLimit(dt.date(2012, 2, 1), Decimal(430), "Employment Rights (Increase of Limits) Order 2011"),
    WeeklyLimit(dt.date(2013, 2, 1), Decimal(450), "Employment Rights (Increase of Limits) Order 2012"),
    WeeklyLimit(dt.date(2014, 4, 6), Decimal(464), "Employment Rights (Increase of Limits) Order 2014"),
    WeeklyLimit(dt.date(2015, 4, 6), Decimal(475), "Employment Rights (Increase of Limits) Order 2015"),
    WeeklyLimit(dt.date(2016, 4, 6), Decimal(479), "Employment Rights (Increase of Limits) Order 2016"),
    WeeklyLimit(dt.date(2017, 4, 6), Decimal(489), "Employment Rights (Increase of Limits) Order 2017"),
    WeeklyLimit(dt.date(2018, 4, 6), Decimal(508), "Employment Rights (Increase of Limits) Order 2018"),
    WeeklyLimit(dt.date(2019, 4, 6), Decimal(525), "Employment Rights (Increase of Limits) Order 2019"),
    WeeklyLimit(dt.date(2020, 4, 6), Decimal(538), "Employment Rights (Increase of Limits) Order 2020"),
    WeeklyLimit(dt.date(2021, 4, 6), Decimal(544), "Employment Rights (Increase of Limits) Order 2021"),
    WeeklyLimit(dt.date(2022, 4, 6), Decimal(571), "Employment Rights (Increase of Limits) Order 2022"),
    WeeklyLimit(dt.date(2023, 4, 6), Decimal(643), "Employment Rights (Increase of Limits) Order 2023"),
    WeeklyLimit(dt.date(2024, 4, 6), Decimal(700), "Employment Rights (Increase of Limits) Order 2024"),
    WeeklyLimit(dt.date(2025, 4, 6), Decimal(719), "Employment Rights (Increase of Limits) Order 2025"),
)


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
