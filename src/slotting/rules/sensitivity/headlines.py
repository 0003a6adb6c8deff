"""The sweep: the headline figures (the slotting's summary, the saving, the finance view's headline) of every
variant of a grid of varied fields, each re-running the rules alone over the setting they share.

When a variant asks for the finance view, its row also gives the view's headline figures (protection, one-off
exit costs, net saving, payback), read from that variant's own savings.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from ...model import ReviewFile
from ..engine import setting, slot, summarise
from ..finance import engaged
from ..finance_headline import FinanceHeadline, finance_headline
from ..results import Summary
from ..savings import SavingsResult, savings
from .variants import Vary, check_grid, is_own, own_value, variant


@dataclass(frozen=True)
class Headline:
    """One variant's row of the sweep: its values, and the headline figures they give."""

    values: tuple[Decimal, ...]  # one per varied field
    own: bool  # every value is the file's own
    summary: Summary
    saving: Decimal  # the full-year saving
    target_met: bool | None
    finance: FinanceHeadline | None = None  # only when the variant asks for the finance view


def sweep(review: ReviewFile, varies: Sequence[Vary]) -> list[Headline]:
    """Gives the headline figures for every combination of the varied values (a grid), in order."""
    check_grid(varies)  # before any combination is made
    fields = [field for field, _ in varies]
    own = [own_value(review, field) for field in fields]
    base = setting(review)
    # New posts costed at the top of their grade cost the same whatever the slotting: with only policy fields
    # varied, the full-year saving is the file's own for every variant. The finance view's protection and exit
    # costs follow the slotting (and the policy's protection and notice), so a variant with that view is
    # always costed in full.
    shortcut = (review.costing.new_posts_at == "top" and all(f.startswith("policy.") for f in fields)
                and not engaged(review))
    fixed: SavingsResult | None = None  # the file's own savings, costed when first needed
    rows = []
    for values in itertools.product(*(values for _, values in varies)):
        changed = variant(review, dict(zip(fields, values)))
        if shortcut and not engaged(changed):
            fixed = fixed or savings(review, slot(review, base))
            summary, table = summarise(changed, base), fixed
        else:
            result = slot(changed, base)
            summary, table = result.summary, savings(changed, result)
        rows.append(Headline(values, all(is_own(o, v) for o, v in zip(own, values)), summary, table.total.saving,
                             table.target_met, finance_headline(table.finance) if table.finance is not None else None))
    return rows
