"""Redundancy estimates against hand-worked examples (ERA 1996 s.162; LG Discretionary Compensation Regs 2006)."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest

from slotting.rules.case import redundancy_cost, statutory_weeks
from slotting.rules.redundancy import weekly_limit

from .conftest import cli, with_base, write


@pytest.mark.parametrize(
    ("age", "service", "weeks"),
    [
        (30, 5, "5"),        # five years aged 25-29: one week each
        (23, 4, "2.5"),      # aged 22 (1) + 21, 20, 19 (0.5 each)
        (22, 2, "1"),        # aged 21 and 20: half a week each
        (45, 10, "12"),      # aged 41-44: 4 x 1.5; aged 35-40: 6 x 1
        (60, 25, "29.5"),    # only 20 years count: aged 41-59: 19 x 1.5; aged 40: 1
        (64, 30, "30"),      # the statutory maximum: 20 x 1.5
        (40, 1, "0"),        # under two years' service: nothing (s.155)
        (19, 3, "1.5"),      # aged 16-18: 3 x 0.5
    ],
)
def test_statutory_weeks(age, service, weeks):
    assert statutory_weeks(age, service) == Decimal(weeks)


def test_weekly_limit_by_date():
    assert weekly_limit(dt.date(2012, 1, 31)).amount == 400
    assert weekly_limit(dt.date(2012, 2, 1)).amount == 430
    assert weekly_limit(dt.date(2025, 4, 5)).amount == 700
    assert weekly_limit(dt.date(2025, 4, 6)).amount == 719
    assert weekly_limit(dt.date(2000, 1, 1)) is None
    assert weekly_limit(None).amount == 719
    assert all(limit.source for limit in (weekly_limit(dt.date(2011, 3, 1)), weekly_limit(None)))


def test_cost_capped_actual_and_multiplied():
    limit = weekly_limit(dt.date(2011, 6, 1))          # £400
    salary = Decimal(52000)                            # £1,000 a week
    assert redundancy_cost(salary, 45, 10, limit).amount == 12 * 400
    assert redundancy_cost(salary, 45, 10, limit, actual_weeks_pay=True).amount == 12 * 1000
    assert redundancy_cost(salary, 45, 10, limit, True, Decimal(2)).amount == 24 * 1000
    assert redundancy_cost(salary, 64, 30, limit, True, Decimal(3)).weeks == 90
    assert redundancy_cost(salary, 64, 30, limit, True, Decimal("3.467")).weeks == 104   # reg 6 cap
    low = Decimal(15600)                               # £300 a week: under the cap
    assert redundancy_cost(low, 30, 5, limit).amount == 5 * 300


def test_savings_profile_shows_the_estimate_as_one_off(tmp_path):
    review = with_base({
        "review": {"name": "r", "effective_date": "2012-06-01"},
        "costing": {"on_cost_rate": "0", "round_to": "1"},
        "old_structure": {"posts": [{"id": "O1", "title": "a", "grade": "G2"}, {"id": "O2", "title": "b", "grade": "G2"},
                                    {"id": "O3", "title": "c", "grade": "G2"}]},
        "new_structure": {"posts": [{"id": "N1", "title": "n", "grade": "G2"}]},
        "people": [
            {"id": "P1", "post": "O1", "salary": 31200, "age": 45, "service_years": 10},
            {"id": "P2", "post": "O2", "salary": 31200, "age": 30, "service_years": 5},
            {"id": "P3", "post": "O3", "salary": 31200, "age": 50, "service_years": 3},
        ],
        "overlaps": [{"old_post": "O1", "new_post": "N1", "old_in_new": 60, "new_from_old": 60},
                     {"old_post": "O2", "new_post": "N1", "old_in_new": 60, "new_from_old": 60}],
    })
    path = write(tmp_path, "r.yaml", review)
    data = json.loads(cli("savings", str(path), "-f", "json").stdout)
    # 2012-06-01: cap £430; week's pay 31,200 / 52 = £600, so £430.
    # P3 displaced: aged 49, 48, 47 -> 4.5 weeks x 430 = 1,935.
    # Pool of P1 (12 weeks = 5,160) and P2 (5 weeks = 2,150) for one place: 1 x mean = 3,655.
    red = data["redundancy"]
    assert red["estimate"] is True
    assert red["displaced"] == [{"person": "P3", "weeks": 4.5, "amount": 1935,
                                 "basis": red["displaced"][0]["basis"]}]
    assert red["pools"] == [{"post": "N1", "likely_displacements": 1, "amount": 3655}]
    assert red["total"] == 1935 + 3655
    assert data["years"][0]["one_off_redundancy"] == 5590
    assert data["years"][1]["one_off_redundancy"] == 0
