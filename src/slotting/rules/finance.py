"""The finance view: the profile by financial year with the part-year effect, pay awards, dated on-costs,
time-limited funding and the protection scheme; one-off exit costs; net and cumulative saving; payback;
and the same figures by 12 months from the effective date (the savings' "Year by year" profile).

Each financial year counts only the days from the effective date: a figure for the year is the
annual rate of each period within it x the period's days / the days in the year. The periods are cut
wherever anything changes: a financial year (pay awards), a tax year's National Insurance figures, a
funding period, or an anniversary of the effective date (the protection years). The one-off exit
costs fall on the effective date. The payback month is the first month from the effective date at
whose end the cumulative net saving is above zero.

The 12-month profile is the same periods grouped by the 12 months from the effective date and each
anniversary (the protection years) instead of by financial year: one computation read two ways, so
the two profiles agree wherever they cover the same days (time-limited funding, pay awards, dated
on-costs and the protection scheme included), and the one-off exit costs fall in the first of each.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from itertools import islice

from ..model import ReviewFile
from ..model.calendar import APRIL_1, FinancialYear, add_months, add_years, financial_years
from ..model.costing import FundingPeriod, funding_dates, funding_share
from .exit_costs import ExitCosts
from .oncosts import EMPLOYER_NI, OnCostModel
from .protection import held_factor, protected
from .rounding import round_cell

Funding = Decimal | FundingPeriod | list[FundingPeriod]  # a post's external_funding as given


def engaged(review: ReviewFile) -> bool:
    """True when the review asks for the finance view: any of its fields is given."""
    return review.finance_asked_by is not None


@dataclass(frozen=True)
class Protected:
    """A person's (or a pool place's) protection: the new pay, the pay held (the salary and the allowances the policy
    includes, before any award), the new post's funding."""

    new_pay: Decimal
    held: Decimal
    funding: Funding


@dataclass(frozen=True)
class Items:
    """What the profile costs: salaries with how many places share them and their funding."""

    old: tuple[tuple[Decimal, Funding, Decimal], ...]  # (salary, funding, places)
    new: tuple[tuple[Decimal, Funding, Decimal], ...]
    people: tuple[Protected, ...]
    pools: tuple[tuple[int | Decimal, tuple[Protected, ...]], ...]  # (places, candidates)


@dataclass(frozen=True)
class FinancialYearFigures:
    label: str
    start: dt.date
    end: dt.date
    days_in_force: int
    days_in_year: int
    pay_award: Decimal
    existing_cost: Decimal
    new_cost: Decimal
    gross_saving: Decimal
    protection: Decimal
    one_off: Decimal
    net_saving: Decimal
    cumulative_net_saving: Decimal


@dataclass(frozen=True)
class TwelveMonths:
    """One year of the 12-month profile: the 12 months from the effective date or an anniversary of it."""

    year: int
    start: dt.date
    end: dt.date  # the next anniversary: the first day not in it
    existing_cost: Decimal
    new_cost: Decimal
    protection: Decimal
    one_off: Decimal


@dataclass(frozen=True)
class FinanceView:
    year_start: str
    years: tuple[FinancialYearFigures, ...]
    exit_costs: ExitCosts
    payback_month: int | None
    horizon_months: int
    conventions: tuple[str, ...]
    twelve_months: tuple[TwelveMonths, ...] = ()


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date
    year: int  # index of its financial year
    existing: Decimal  # annual rates in force in the period
    new: Decimal
    protection: Decimal


def _key(funding: Funding) -> object:
    return funding if isinstance(funding, Decimal) else id(funding)


def periods(review: ReviewFile, items: Items, years: tuple[FinancialYear, ...], factors: list[Decimal],
            model: OnCostModel) -> list[Period]:
    """Gives the periods of the profile, each with the annual rates in force in it.

    Each cost is evaluated on its own periods (the common cuts: financial years, National Insurance
    changes, anniversaries; and its own funding's dates) and enters the totals as a change of rate where
    each of its periods starts and ends; one sweep then gives the totals. The work grows with the costs
    times the common cuts, never with the costs times every other cost's funding dates.
    """
    effective = review.review.effective_date
    assert effective is not None
    end = years[-1].end
    policy, pool_basis = review.policy, review.costing.pool_protection
    common = {effective, end, *(fy.start for fy in years[1:]), *model.change_days(effective, end)}
    k = 1
    while (anniversary := add_years(effective, k)) < end:
        common.add(anniversary)
        k += 1
    common_cuts = sorted(common)
    schedules: dict[object, list[tuple[dt.date, dt.date]]] = {}
    contexts: dict[dt.date, tuple[int, Decimal, int]] = {}

    def schedule(funding: Funding) -> list[tuple[dt.date, dt.date]]:
        key = _key(funding)
        if key not in schedules:
            own = [] if isinstance(funding, Decimal) else [d for d in funding_dates(funding) if effective < d < end]
            cuts = sorted(common.union(own)) if own else common_cuts
            schedules[key] = list(zip(cuts, cuts[1:]))
        return schedules[key]

    def context(start: dt.date) -> tuple[int, Decimal, int]:
        """(financial year index, pay factor, protection year) of a period starting on a day."""
        if start not in contexts:
            y = next(i for i, fy in enumerate(years) if fy.start <= start < fy.end)
            contexts[start] = (y, factors[y], _years_since(effective, start))
        return contexts[start]

    changes: dict[dt.date, list[Decimal]] = {day: [Decimal(0)] * 3 for day in common_cuts}

    def add(kind: int, a: dt.date, b: dt.date, rate: Decimal) -> None:
        if rate:
            changes.setdefault(a, [Decimal(0)] * 3)[kind] += rate
            changes.setdefault(b, [Decimal(0)] * 3)[kind] -= rate

    def protection(p: Protected, a: dt.date) -> Decimal:
        _, factor, protection_year = context(a)
        new_pay = p.new_pay * factor
        held = p.held * held_factor(policy, factor)  # held in cash terms unless it rises with the awards
        amount = protected(policy, held - new_pay, protection_year, p.held - p.new_pay)
        if not amount:
            return Decimal(0)
        return model.extra(new_pay, amount, a) * (1 - funding_share(p.funding, a))

    for kind, costs in ((0, items.old), (1, items.new)):
        for salary, funding, places in costs:
            for a, b in schedule(funding):
                rate = model.cost(salary * context(a)[1], a) * (1 - funding_share(funding, a))
                add(kind, a, b, places * rate)
    for person in items.people:
        for a, b in schedule(person.funding):
            add(2, a, b, protection(person, a))
    for pool_places, candidates in items.pools:
        for a, b in schedule(candidates[0].funding):  # a pool's candidates all compete for one post
            each = [protection(c, a) for c in candidates]
            add(2, a, b, pool_places * (max(each) if pool_basis == "max" else sum(each, Decimal(0)) / len(each)))

    result, running = [], [Decimal(0)] * 3
    days = sorted(changes)
    for a, b in zip(days, days[1:]):
        running = [r + c for r, c in zip(running, changes[a])]
        result.append(Period(a, b, context(a)[0], *running))
    return result


def _years_since(effective: dt.date, day: dt.date) -> int:
    """Gives the protection year a day falls in: the whole years since the effective date."""
    k = 0
    while add_years(effective, k + 1) <= day:
        k += 1
    return k


def award_factors(review: ReviewFile, years: tuple[FinancialYear, ...]) -> tuple[list[Decimal], list[Decimal]]:
    """Gives, for each financial year, the award that starts in it and the cumulative pay factor."""
    awards = review.costing.pay_awards or {}
    factor, factors, given = Decimal(1), [], []
    for fy in years:
        award = awards.get(fy.label, Decimal(0))
        factor *= 1 + award
        factors.append(factor)
        given.append(award)
    return given, factors


def year_amounts(all_periods: Iterable[Period], years: tuple[FinancialYear, ...]) -> list[tuple[Decimal, Decimal, Decimal]]:
    """Gives each financial year's existing cost, new cost and protection, exact (before rounding)."""
    sums = [[Decimal(0)] * 3 for _ in years]
    for p in all_periods:
        days = (p.end - p.start).days
        row = sums[p.year]
        row[0] += p.existing * days
        row[1] += p.new * days
        row[2] += p.protection * days
    return [(a / fy.days, b / fy.days, c / fy.days) for (a, b, c), fy in zip(sums, years)]


def twelve_month_amounts(all_periods: Iterable[Period], effective: dt.date,
                         count: int) -> list[tuple[Decimal, Decimal, Decimal]]:
    """Gives the existing cost, new cost and protection of each of `count` 12-month years from the effective date,
    exact (before rounding): each period's annual rate x its days / the days of its 12 months."""
    ends = [add_years(effective, k) for k in range(1, count + 1)]
    sums = [[Decimal(0)] * 3 for _ in ends]
    for p in all_periods:
        k = _years_since(effective, p.start)
        if k >= count:
            continue
        days = (p.end - p.start).days  # the anniversaries are cuts: a period lies in one 12 months
        row = sums[k]
        row[0] += p.existing * days
        row[1] += p.new * days
        row[2] += p.protection * days
    starts = [effective, *ends[:-1]]
    return [(a / (end - start).days, b / (end - start).days, c / (end - start).days)
            for (a, b, c), start, end in zip(sums, starts, ends)]


def payback_month(all_periods: list[Period], years: tuple[FinancialYear, ...], one_off: Decimal,
                  effective: dt.date) -> tuple[int | None, int]:
    """Gives the first month from the effective date at whose end the cumulative net saving is above zero
    (None when not within the horizon), and the number of whole months in the horizon."""
    horizon = 0
    while add_months(effective, horizon + 1) <= years[-1].end:
        horizon += 1
    cumulative, i = -one_off, 0
    for m in range(1, horizon + 1):
        a, b = add_months(effective, m - 1), add_months(effective, m)
        while all_periods[i].end <= a:  # the periods cover the horizon, in order
            i += 1
        for p in islice(all_periods, i, None):
            if p.start >= b:
                break
            days = (min(b, p.end) - max(a, p.start)).days
            cumulative += (p.existing - p.new - p.protection) * days / years[p.year].days
        if cumulative > 0:
            return m, horizon
    return None, horizon


def finance_view(review: ReviewFile, items: Items, exits: ExitCosts, twelve: int = 0) -> FinanceView:
    """Gives the profile by financial year, the exit costs, net and cumulative saving, the payback, and the same
    figures for `twelve` 12-month years from the effective date."""
    effective = review.review.effective_date
    assert effective is not None  # model.references requires it for the finance view
    costing = review.costing
    step = costing.round_to
    month_day = costing.financial_year_start or APRIL_1
    count = costing.profile_years
    # The periods run on to the end of the 12-month profile when it ends later: one set of periods for both.
    reach = financial_years(effective, count, month_day)
    while twelve and reach[-1].end < add_years(effective, twelve):
        reach = financial_years(effective, len(reach) + 1, month_day)
    years = reach[:count]
    model = OnCostModel(costing)
    awards, factors = award_factors(review, reach)
    all_periods = periods(review, items, reach, factors, model)
    one_off = round_cell(exits.total, step)
    figures, cumulative = [], Decimal(0)
    for i, (fy, (existing, new, kept)) in enumerate(zip(years, year_amounts(all_periods, reach))):
        existing, new, kept = round_cell(existing, step), round_cell(new, step), round_cell(kept, step)
        off = one_off if i == 0 else Decimal(0)
        net = existing - new - kept - off
        cumulative += net
        in_force = (fy.end - max(fy.start, effective)).days
        figures.append(FinancialYearFigures(fy.label, fy.start, fy.end, in_force, fy.days, awards[i], existing, new,
                                            existing - new, kept, off, net, cumulative))
    by_twelve = tuple(
        TwelveMonths(k, add_years(effective, k - 1), add_years(effective, k), round_cell(existing, step),
                     round_cell(new, step), round_cell(kept, step), one_off if k == 1 else Decimal(0))
        for k, (existing, new, kept) in enumerate(twelve_month_amounts(all_periods, effective, twelve), start=1))
    month, horizon = payback_month(all_periods, years, exits.total, effective)
    return FinanceView(f"{month_day[0]:02d}-{month_day[1]:02d}", tuple(figures), exits, month, horizon,
                       conventions(review, model, years), by_twelve)


def conventions(review: ReviewFile, model: OnCostModel, years: tuple[FinancialYear, ...]) -> tuple[str, ...]:
    """Gives the conventions of the finance view in words."""
    c = review.costing
    lines = [
        f"Financial years from {years[0].start.day} {years[0].start:%B} ({years[0].label} to {years[-1].label}); each counts the "
        f"days from the effective date {review.review.effective_date} only: annual rate x days in force / days in "
        "the year.",
        f"Cost of pay: {model.describe()}; less the external funding in force on each day.",
        ("Pay awards (costing.pay_awards) raise both structures and the spinal points from the start of their "
         "year; protected salaries are held in cash terms." if c.pay_awards else
         "No pay awards are applied (costing.pay_awards)."),
        "One-off exit costs (redundancy pay, pay in lieu of notice, pension strain, employer National Insurance on "
        "them) fall on the effective date, in the first year. Net saving = gross saving - protection - one-off "
        "costs; cells are rounded as in the table and net and cumulative savings are sums of rounded cells.",
        "Payback: the first month from the effective date at whose end the cumulative net saving (unrounded) is "
        "above zero.",
    ]
    if model.model is not None and model.model.employer_ni and years[-1].end > _latest_known():
        lines.append("Employer National Insurance after the latest known tax year uses its figures.")
    return tuple(lines)


def _latest_known() -> dt.date:
    return add_years(EMPLOYER_NI[-1].since, 1)
