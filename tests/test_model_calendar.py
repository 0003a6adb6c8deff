"""model.calendar without the standard calendar module (imported for one month length): the same days."""

from __future__ import annotations

import calendar
import datetime as dt

from slotting.model.calendar import add_months


def test_add_months_gives_the_same_day_or_the_months_last():
    for year in (1999, 2000, 2011, 2023, 2024):
        for month in range(1, 13):
            for day in (1, 28, 29, 30, 31):
                if day > calendar.monthrange(year, month)[1]:
                    continue
                start = dt.date(year, month, day)
                for months in range(-25, 26):
                    index = month - 1 + months
                    y, m = year + index // 12, index % 12 + 1
                    assert add_months(start, months) == dt.date(y, m, min(day, calendar.monthrange(y, m)[1]))
