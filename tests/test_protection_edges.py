"""The edges of pay protection that mutation testing found untested (docs/contributing/mutation.md): a
mark-time protection limited in years ends after its last year, not one year later or never; a fall in pay of
under a pound is protected; a cash protection ends with policy.protection_years."""

from __future__ import annotations

from decimal import Decimal

from slotting import Policy
from slotting.rules.protection import by_year, fall, protected


def test_mark_time_limited_in_years_pays_its_years_and_then_nothing():
    policy = Policy(protection={"scheme": "mark_time", "years": 2})
    assert [protected(policy, Decimal(1200), year) for year in range(4)] == [Decimal(1200), Decimal(1200), 0, 0]
    unlimited = Policy(protection={"scheme": "mark_time"})
    assert protected(unlimited, Decimal(1200), 30) == Decimal(1200)


def test_cash_protection_ends_with_its_years():
    policy = Policy(protection_years=3)
    assert [protected(policy, Decimal(500), year) for year in range(5)] == [Decimal(500)] * 3 + [0, 0]
    assert by_year(policy, Decimal(500), horizon=5) == [Decimal(500)] * 3  # the years protection is paid in


def test_a_fall_of_under_a_pound_is_protected_and_no_fall_is_not():
    assert fall(Decimal(0), Decimal("0.40")) == Decimal("0.40")
    assert fall(Decimal(100), Decimal("0.40")) == Decimal("100.40")
    assert fall(Decimal(100), Decimal(0)) == 0 and fall(Decimal(100), Decimal(-5)) == 0
    assert protected(Policy(), Decimal("0.40"), 0) == Decimal("0.40")


def test_the_relevant_date_cites_the_law_of_its_jurisdiction():
    """In Northern Ireland the relevant date's reason cites the Order's equivalent of ERA 1996 s.145, both ways of
    finding it (mutation testing found the jurisdiction could be dropped from the citation unnoticed)."""
    import dataclasses
    import datetime as dt

    from slotting import load
    from slotting.rules.notice import relevant_date

    from .conftest import EXAMPLE

    person = dataclasses.replace(load(EXAMPLE).people[0], service_years=10)
    for jurisdiction, cited in (("northern-ireland", "Employment Rights (Northern Ireland) Order 1996's equivalent "
                                 "of ERA 1996 s.145"), ("england-wales", "(ERA 1996 s.145")):
        day, why = relevant_date(person, dt.date(2012, 3, 31), None, jurisdiction)
        assert day == dt.date(2012, 3, 31) and cited in why, why
        day, why = relevant_date(person, None, dt.date(2012, 3, 31), jurisdiction)
        assert day is not None and day > dt.date(2012, 3, 31) and cited in why, why
