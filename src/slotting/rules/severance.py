"""A person's lump sum on redundancy under a severance scheme (model.costing.Scheme), with its basis in words.

Statutory redundancy pay, Employment Rights Act 1996 s.155 and s.162 (data/statutory_redundancy.yaml): for each
complete year of continuous employment counted back from the relevant date, at most 20, the weeks of the age
band the employee was in during that year; nothing under two years. A scheme states the rest:

- per_year `statutory` (the local government scheme, data/severance/lg-england-wales-2006.yaml): the statutory
  weeks, at the actual week's pay (reg 5 of the 2006 Regulations) or the capped one, times a multiplier (reg 6),
  at most 104 weeks when multiplied. In Scotland the discretions are those of the Local Government
  (Discretionary Payments and Injury Benefits) (Scotland) Regulations 1998: the basis names them, and no
  maximum of theirs is applied (none is encoded).
- per_year a number or age bands (NHS Agenda for Change Section 16, an employer's own scheme): weeks or months
  for each complete year of the service counted (at most max_years; nothing under min_years), times the
  multiplier, at most `maximum`; the pay used raised to a floor and held to a cap; a month's pay the greater
  of 1/12 of annual pay and `month_weeks` weeks' pay. Never less than statutory redundancy pay: where the
  statutory sum is larger, it is the estimate.

Pure: figures in, a RedundancyCost or the reason none can be made out.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ..data import in_force
from ..formats import pounds
from ..model.costing import AgeBand, Scheme
from ..model.types import written
from .redundancy import RedundancyCost, WeeklyLimit

WEEKS_A_YEAR = Decimal(52)
MONTHS_A_YEAR = Decimal(12)


def statutory_weeks(age: int, service_years: int, on: dt.date | None = None) -> Decimal:
    """Gives the weeks of pay due under ERA 1996 s.162 for an age and complete years of service on a relevant
    date: each year counted back from it at the rate of the age band the employee was in during it."""
    row = in_force("statutory_redundancy", on or dt.date.max) or in_force("statutory_redundancy", dt.date.max)
    assert row is not None
    if service_years < row["min_years"]:
        return Decimal(0)
    bands = sorted(((b["from"], Decimal(b["weeks"])) for b in row["bands"]), reverse=True)
    return _by_age(bands, age, min(service_years, row["max_years"]))


def _by_age(bands: list[tuple[int, Decimal]], age: int, years: int) -> Decimal:
    """Gives the sum, over `years` complete years counted back from `age`, of the rate of the band of each."""
    total = Decimal(0)
    for years_ago in range(1, years + 1):
        age_then = age - years_ago
        total += next((rate for start, rate in bands if age_then >= start), Decimal(0))
    return total


def _discretions(scheme: Scheme, jurisdiction: str) -> tuple[str, str, Decimal | None, str]:
    """Gives the words citing the actual pay and the multiplier, the maximum applied and its words, by jurisdiction:
    Scotland's regulations replace the 2006 Regulations' where the scheme names them, without their limits."""
    regulations = next((text for where, text in scheme.regulations.items() if where == jurisdiction), None)
    if regulations:
        return regulations, regulations, None, ""
    return (scheme.cites.get("actual_pay", scheme.source), scheme.cites.get("multiplier", scheme.source),
            scheme.maximum, scheme.cites.get("maximum", f"at most {written(scheme.maximum)} {scheme.unit}"
                                             if scheme.maximum is not None else ""))


def _annual(scheme: Scheme, pay: Decimal) -> tuple[Decimal, str]:
    """Gives the annual pay a scheme uses, raised to its floor and held to its cap, and the words saying so."""
    if scheme.floor is not None and pay < scheme.floor:
        return scheme.floor, (f"the actual {pounds(pay)} a year raised to "
                              f"{scheme.cites.get('floor', 'the floor')} of {pounds(scheme.floor)}")
    if scheme.cap is not None and pay > scheme.cap:
        return scheme.cap, (f"the actual {pounds(pay)} a year held to "
                            f"{scheme.cites.get('cap', 'the cap')} of {pounds(scheme.cap)}")
    return pay, f"{pounds(pay)} a year"


def _statutory_scheme(scheme: Scheme, pay: Decimal, age: int, service: int, limit: WeeklyLimit,
                      relevant: dt.date | None, basis: str, jurisdiction: str) -> RedundancyCost:
    """The statutory weeks at the actual or capped week's pay, times the multiplier (the local government scheme)."""
    actual_cite, multiplier_cite, maximum, maximum_words = _discretions(scheme, jurisdiction)
    statutory = statutory_weeks(age, service, relevant)
    multiplier = scheme.multiplier
    weeks = statutory * multiplier if multiplier != 1 else statutory
    if multiplier != 1 and maximum is not None:
        weeks = min(weeks, maximum)
    annual, _ = _annual(scheme, pay)
    actual = annual / WEEKS_A_YEAR
    week_pay = actual if scheme.pay == "actual" else min(actual, limit.amount)
    parts = [f"{statutory} statutory weeks" + (f" ({basis})" if basis else "")]
    if multiplier != 1:
        cited = f"{multiplier_cite}, {maximum_words}" if maximum_words else multiplier_cite
        parts.append(f"x {multiplier} ({cited}) = {weeks} weeks")
    parts.append(f"at the actual week's pay ({actual_cite})" if scheme.pay == "actual"
                 else f"at a week's pay capped at £{limit.amount} on the relevant date {relevant} ({limit.source})"
                 if relevant else f"at a week's pay capped at £{limit.amount} ({limit.source})")
    return RedundancyCost(weeks, week_pay, weeks * week_pay, " ".join(parts))


def _per_year(scheme: Scheme, age: int, years: int) -> Decimal:
    """Gives the scheme's units for `years` years of service up to an age: by its age bands, or its one figure a year."""
    per_year = scheme.per_year
    if isinstance(per_year, list):
        bands = sorted(((b.from_age, b.per_year) for b in per_year if isinstance(b, AgeBand)), reverse=True)
        return _by_age(bands, age, years)
    assert isinstance(per_year, Decimal)
    return per_year * years


def _own_scheme(scheme: Scheme, pay: Decimal, age: int, service: int, limit: WeeklyLimit | None,
                relevant: dt.date | None, basis: str) -> RedundancyCost:
    """Weeks or months per complete year of the service counted, at the pay the scheme uses; never less than
    statutory redundancy pay where the week's-pay limit is known."""
    counted = min(service, scheme.max_years) if scheme.max_years is not None else service
    served = "reckonable service (taken as the continuous service given)" if scheme.service == "reckonable" \
        else "continuous service"
    annual, pay_words = _annual(scheme, pay)
    week_pay = annual / WEEKS_A_YEAR
    if scheme.pay == "capped" and limit is not None and week_pay > limit.amount:
        week_pay, pay_words = limit.amount, f"{pay_words}, a week's pay capped at £{limit.amount} ({limit.source})"
    unit = "months" if scheme.unit == "months" else "weeks"
    months = None
    if service < scheme.min_years:
        units, amount = Decimal(0), Decimal(0)
        said = (f"nothing under {scheme.source}: {service} complete years' service, under "
                f"{scheme.cites.get('min_years', f'the minimum of {scheme.min_years} years')} ({basis})")
    else:
        raw = _per_year(scheme, age, counted)
        units = raw * scheme.multiplier
        if scheme.maximum is not None:
            units = min(units, scheme.maximum)
        rate = "by age band" if isinstance(scheme.per_year, list) else written(scheme.per_year)
        per = scheme.cites.get("per_year", f"{rate} {unit} per complete year")
        steps = [f"{counted} complete years' {served}"
                 + (f" (at most {scheme.max_years} counted)" if counted < service else "") + f" ({basis})", per]
        if scheme.multiplier != 1:
            steps.append(f"x {written(scheme.multiplier)}")
        if scheme.maximum is not None:
            steps.append(scheme.cites.get("maximum", f"at most {written(scheme.maximum)} {unit}"))
        if scheme.unit == "months":
            month_pay = annual / MONTHS_A_YEAR
            month_words = "1/12 of"
            if scheme.month_weeks is not None and scheme.month_weeks * week_pay > month_pay:
                month_pay, month_words = scheme.month_weeks * week_pay, f"{written(scheme.month_weeks)} weeks' pay of"
            amount, months = units * month_pay, units
            pay_said = f"a month's pay of {pounds(month_pay)} ({month_words} {pay_words})"
        else:
            amount = units * week_pay
            pay_said = f"a week's pay of {pounds(week_pay)} ({pay_words})"
        said = f"{written(units)} {unit} under {scheme.source}: {'; '.join(steps)}; at {pay_said}"
    if limit is None:
        return RedundancyCost(amount / week_pay if week_pay else units, week_pay, amount, months=months,
                              basis=f"{said}; the statutory minimum is not compared (no week's-pay limit is known)")
    statutory = statutory_weeks(age, service, relevant)
    floor_pay = min(pay / WEEKS_A_YEAR, limit.amount)
    if statutory * floor_pay > amount:
        return RedundancyCost(statutory, floor_pay, statutory * floor_pay,
                              f"statutory redundancy pay, more than the scheme gives ({said}): {statutory} statutory "
                              f"weeks at a week's pay capped at £{limit.amount} ({limit.source})")
    return RedundancyCost(amount / week_pay if week_pay else units, week_pay, amount, said, months)


def severance_cost(scheme: Scheme, pay: Decimal, age: int, service: int, limit: WeeklyLimit | None,
                   relevant: dt.date | None = None, basis: str = "", jurisdiction: str = "england-wales",
                   voluntary: bool = False) -> RedundancyCost | None:
    """Gives the lump sum for one person under a scheme on a relevant date, or None when the scheme counts the
    statutory weeks at a capped pay and no week's-pay limit is known."""
    terms = scheme.terms(voluntary)
    if terms.per_year == "statutory":
        if limit is None:
            return None
        cost = _statutory_scheme(terms, pay, age, service, limit, relevant, basis, jurisdiction)
    else:
        cost = _own_scheme(terms, pay, age, service, limit, relevant, basis)
    if voluntary and scheme.voluntary is not None:
        return RedundancyCost(cost.weeks, cost.week_pay, cost.amount, f"voluntary terms: {cost.basis}", cost.months)
    return cost
