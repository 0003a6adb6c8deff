"""The finance view's headline figures, for the analyses that set options or variants side by side
(`compare`, `sensitivity`): protection, one-off exit costs, net saving over the profile and payback.

Every figure is read from the finance view that `savings` computed (rules.finance), never worked out
again: a total over the profile is the sum of the view's own year cells, so it agrees with the
financial-year table to the pound.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .finance import FinanceView


@dataclass(frozen=True)
class FinanceHeadline:
    first_year: str  # the label of the profile's first financial year, e.g. 2011/12
    last_year: str
    first_year_protection: Decimal  # the first financial year's protection cell
    protection: Decimal  # the sum of the years' protection cells
    exit_costs: Decimal  # the one-off exit costs (an estimate), as the view's exit costs total them
    net_saving: Decimal  # the last year's cumulative net saving
    payback_month: int | None  # None: not within the horizon
    horizon_months: int


def finance_headline(view: FinanceView) -> FinanceHeadline:
    """Gives the headline figures of a finance view, each read from the view."""
    years = view.years
    return FinanceHeadline(years[0].label, years[-1].label, years[0].protection,
                           sum((y.protection for y in years), Decimal(0)), view.exit_costs.total,
                           years[-1].cumulative_net_saving, view.payback_month, view.horizon_months)
