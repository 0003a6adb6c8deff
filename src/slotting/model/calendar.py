"""Financial years, anniversaries and months: the calendar of the savings profile.

A financial year starts on costing.financial_year_start (1 April by default, the UK public sector's)
and is labelled by its years, 2011/12; a year starting on 1 January is labelled 2012. Periods are
half-open: [start, end), so the day `end` belongs to the next period.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

APRIL_1 = (4, 1)


@dataclass(frozen=True)
class FinancialYear:
    label: str
    start: dt.date
    end: dt.date  # the first day of the next year

    @property
    def days(self) -> int:
        return (self.end - self.start).days


def label(start: dt.date) -> str:
    """Gives the label of a financial year from its first day: 2011/12, or 2012 for a calendar year."""
    if (start.month, start.day) == (1, 1):
        return str(start.year)
    return f"{start.year}/{(start.year + 1) % 100:02d}"


def financial_year_of(day: dt.date, month_day: tuple[int, int] = APRIL_1) -> FinancialYear:
    """Gives the financial year that holds a day."""
    month, first = month_day
    start = dt.date(day.year, month, first)
    if day < start:
        start = dt.date(day.year - 1, month, first)
    end = dt.date(start.year + 1, month, first)
    return FinancialYear(label(start), start, end)


def financial_years(effective: dt.date, count: int, month_day: tuple[int, int] = APRIL_1) -> tuple[FinancialYear, ...]:
    """Gives `count` financial years, from the one that holds the effective date."""
    first = financial_year_of(effective, month_day)
    years = [first]
    while len(years) < count:
        years.append(financial_year_of(years[-1].end, month_day))
    return tuple(years)


def add_years(day: dt.date, years: int) -> dt.date:
    """Gives the same day `years` later; 29 February becomes 1 March in a year without it."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return dt.date(day.year + years, 3, 1)


def add_months(day: dt.date, months: int) -> dt.date:
    """Gives the same day `months` later, or the last day of that month when it is shorter."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day  # the month's length
    return dt.date(year, month, min(day.day, last))
