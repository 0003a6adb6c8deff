"""The employer's cost of pay: a flat on-cost rate, or a dated model of employer National Insurance and
pension contributions (costing.on_costs).

Employer Class 1 National Insurance (Social Security Contributions and Benefits Act 1992 s.9) is
charged at the secondary rate on earnings above the secondary threshold; the rates and thresholds
of each tax year (6 April to 5 April) are in data/employer_ni.yaml with their sources. While
contracting out existed (to 5 April 2016), an employer with a contracted-out salary-related scheme
(the LGPS was one) took a rebate on earnings between the lower earnings limit and the upper accrual
point. Annual figures are applied to annual pay: the same as the per-period calculation for pay
spread evenly over the year.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any

from ..data import legal_table
from ..formats import rate
from ..model import Costing


@dataclass(frozen=True)
class NationalInsurance:
    since: dt.date
    rate: Decimal
    threshold: Decimal
    rebate: Decimal
    lel: Decimal
    uap: Decimal
    source: str


def _row(row: dict[str, Any]) -> NationalInsurance:
    """Gives the National Insurance figures of one row of data/employer_ni.yaml."""
    return NationalInsurance(row["since"], Decimal(row["rate"]), Decimal(row["threshold"]),
                             Decimal(row.get("rebate", "0")), Decimal(row.get("lel", 0)), Decimal(row.get("uap", 0)),
                             row["source"])


EMPLOYER_NI: tuple[NationalInsurance, ...] = tuple(_row(row) for row in legal_table("employer_ni"))
FIRST_KNOWN = EMPLOYER_NI[0].since


@lru_cache(maxsize=1024)
def ni_in_force(day: dt.date) -> NationalInsurance | None:
    """Gives the employer NI figures in force on a day (the latest known after them; None before them)."""
    in_force = [row for row in EMPLOYER_NI if row.since <= day]
    return in_force[-1] if in_force else None


def employer_ni(pay: Decimal, row: NationalInsurance, contracted_out: bool) -> Decimal:
    """Gives a year's employer National Insurance on a year's pay."""
    ni = row.rate * max(Decimal(0), pay - row.threshold)
    if contracted_out and row.rebate:
        ni -= row.rebate * max(Decimal(0), min(pay, row.uap) - row.lel)
    return ni


class OnCostModel:
    """The employer's cost of a year's pay on a given day, under the review's costing."""

    def __init__(self, costing: Costing) -> None:
        self.flat = costing.on_costs is None
        self.rate = costing.on_cost_rate
        self.model = costing.on_costs

    def cost(self, pay: Decimal, day: dt.date | None) -> Decimal:
        """Gives pay plus on-costs for a year at the rates in force on the day."""
        if self.model is None:
            return pay * (1 + self.rate)
        total = pay * (1 + self.model.pension_rate)
        if self.model.employer_ni:
            row = ni_in_force(day) if day is not None else EMPLOYER_NI[-1]
            if row is not None:
                total += employer_ni(pay, row, self.model.contracted_out)
        return total

    def extra(self, pay: Decimal, more: Decimal, day: dt.date | None) -> Decimal:
        """Gives the employer's cost of paying `more` on top of `pay` for a year (e.g. protection)."""
        if self.model is None:
            return more * (1 + self.rate)
        return self.cost(pay + more, day) - self.cost(pay, day)

    def change_days(self, start: dt.date, end: dt.date) -> list[dt.date]:
        """Gives the days within [start, end) on which the on-cost figures change."""
        if self.model is None or not self.model.employer_ni:
            return []
        return [row.since for row in EMPLOYER_NI if start < row.since < end]

    def describe(self) -> str:
        """Gives the on-cost model in words, for the conventions."""
        if self.model is None:
            return f"on-costs {rate(self.rate)}"
        parts = []
        if self.model.employer_ni:
            parts.append("employer National Insurance at the rate and secondary threshold of each tax year "
                         "(data/employer_ni.yaml" + (", less the contracted-out rebate to 5 April 2016"
                                                      if self.model.contracted_out else "") + ")")
        parts.append(f"employer pension contributions at {rate(self.model.pension_rate)}")
        return "on-costs as a dated model: " + " and ".join(parts)

