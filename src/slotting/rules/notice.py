"""A person's notice, age, service and relevant date, as the Employment Rights Act 1996 counts them (rules.case).

- Notice, ERA 1996 s.86(1) (data/statutory_notice.yaml; Northern Ireland: ER(NI)O 1996 Art 118): the contractual
  notice or the statutory minimum, whichever is longer.
- The relevant date, ERA 1996 s.145: the day notice expires (s.145(2)(a)); where employment ends with less than
  the statutory minimum notice (pay in lieu), that day extended by the statutory minimum (s.145(5)).
- Ages and service: from people[].date_of_birth and continuous_service_start, whole years on the day each rule
  needs; else age and service_years as given, which mean the effective date (the basis says which).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..data import in_force
from ..model import Person


def whole_years(start: dt.date, on: dt.date) -> int:
    """Gives the whole years from `start` to `on` (an age, or complete years of service)."""
    return on.year - start.year - ((on.month, on.day) < (start.month, start.day))


def _notice_row(on: dt.date | None, jurisdiction: str) -> dict[str, Any]:
    """Gives the statutory notice table's row in force on a day (the latest without one)."""
    row = in_force("statutory_notice", on or dt.date.max, jurisdiction) \
        or in_force("statutory_notice", dt.date.max, jurisdiction)
    assert row is not None
    return row


def statutory_notice_weeks(service_years: int, on: dt.date | None = None, jurisdiction: str = "england-wales") -> int:
    """Gives the minimum notice an employer must give under ERA 1996 s.86(1) (Northern Ireland: ER(NI)O 1996
    Art 118(1)), in weeks."""
    row = _notice_row(on, jurisdiction)
    minimum: int = row["minimum"] if service_years < row["from_years"] else min(service_years, row["maximum"])
    return minimum


def notice(person: Person, contractual_default: int | None, service_years: int | None,
           on: dt.date | None = None, jurisdiction: str = "england-wales") -> tuple[int | None, str]:
    """Gives a person's notice in weeks, the longer of the contractual and the statutory, and why."""
    contractual = person.notice_weeks if person.notice_weeks is not None else contractual_default
    statutory = statutory_notice_weeks(service_years, on, jurisdiction) if service_years is not None else None
    known = [w for w in (contractual, statutory) if w is not None]
    if not known:
        return None, "no service_years or notice_weeks given"
    weeks = max(known)
    if contractual is not None and (statutory is None or contractual >= statutory):
        return weeks, f"{weeks} weeks' contractual notice"
    return weeks, (f"{weeks} weeks' statutory notice ({_notice_row(on, jurisdiction)['cite']}, {service_years} "
                   "years' service)")


def law(jurisdiction: str, provision: str) -> str:
    """Gives a provision of the ERA 1996 as it applies in a jurisdiction: in Northern Ireland, its equivalent."""
    if jurisdiction == "northern-ireland":
        return f"the Employment Rights (Northern Ireland) Order 1996's equivalent of {provision}"
    return provision


def age_on(person: Person, on: dt.date | None, day_name: str) -> tuple[int | None, str]:
    """Gives a person's age in whole years on a day (or as given), and how it was found."""
    if person.date_of_birth is not None and on is not None:
        age = whole_years(person.date_of_birth, on)
        return age, f"at age {age} (on {day_name} {on}, born {person.date_of_birth})"
    if person.age is not None:
        return person.age, f"at age {person.age} (as given, on the effective date)"
    return None, "no age or date_of_birth given"


def service_on(person: Person, on: dt.date | None, day_name: str) -> tuple[int | None, str]:
    """Gives a person's complete years of continuous service to a day (or as given), and how it was found."""
    if person.continuous_service_start is not None and on is not None:
        years = max(0, whole_years(person.continuous_service_start, on))
        return years, f"{years} complete years' service from {person.continuous_service_start} to {day_name} {on}"
    if person.service_years is not None:
        return person.service_years, f"{person.service_years} years' service (as given, on the effective date)"
    return None, "no service_years or continuous_service_start given"


def relevant_date(person: Person, dismissal: dt.date | None, effective: dt.date | None,
                  jurisdiction: str) -> tuple[dt.date | None, str]:
    """Gives the relevant date (ERA 1996 s.145) and how it was found: the day notice expires; else the effective
    date, notice being paid in lieu, extended by the statutory minimum notice."""
    if dismissal is not None:
        return dismissal, f"the day notice expires ({law(jurisdiction, 'ERA 1996 s.145(2)(a)')})"
    if effective is None:
        return None, "no effective date or dismissal date"
    service_then = service_on(person, effective, "the effective date")[0]
    if service_then is None:
        return effective, "the effective date (no service given to extend it by)"
    extra = statutory_notice_weeks(service_then, effective, jurisdiction)
    return effective + dt.timedelta(weeks=extra), (
        f"the effective date {effective} (employment ends, notice paid in lieu) extended by the statutory minimum "
        f"notice of {extra} week(s) ({law(jurisdiction, 'ERA 1996 s.145(5)')})")
