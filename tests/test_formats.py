"""The one module that writes figures (slotting.formats): each way of writing pounds, percentages and dates."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

from slotting.formats import figure, long_date, money, pct, percent, plain, pounds, rate, share, short_date
from slotting.model.types import Share


def test_money_shows_pence_only_when_present_rounded_half_up() -> None:
    assert money(Decimal("85575")) == "£85,575"
    assert money(Decimal("85575.00")) == "£85,575"
    assert money(Decimal("1234.125")) == "£1,234.13"  # half up, not to even
    assert money(Decimal("-1500"), brackets=True) == "(£1,500)"
    assert money(Decimal("-1500")) == "-£1,500"
    assert money(None) == "-"


def test_pounds_is_to_the_penny_and_drops_whole_pence() -> None:
    assert pounds(Decimal("1234.001")) == "£1,234"  # to the penny first: no pence left to show
    assert pounds(Decimal("1234.5")) == "£1,234.50"
    assert pounds(Decimal("0")) == "£0"
    assert pounds(30000) == "£30,000"  # a legal table's threshold is a whole number


def test_percentages_keep_what_was_written() -> None:
    assert percent(Decimal("75.0")) == "75%"
    assert percent(Decimal("74.50")) == "74.5%"
    assert percent(Share(2, 3, "2/3")) == "2/3 (66.7%)"
    assert pct(Decimal("80.00")) == "80"
    assert pct(Share(2, 3, "2/3")) == "66.7"
    assert rate(Decimal("0.138")) == "13.8%"
    assert share(Fraction(2, 3)) == "67%" and share(7 / 8) == "88%"
    assert figure(Decimal("1E+2")) == "100" and plain(7) == "7"


def test_dates_for_letters_and_tables() -> None:
    day = dt.date(2012, 1, 2)
    assert long_date(day) == "2 January 2012" and long_date(None) == ""
    assert short_date(day) == "Mon 2 Jan 2012" and short_date(None) == "-"
