"""Rounding of money, in one place: half up, as Excel's ROUND and a payroll do."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

PENNY = Decimal("0.01")


def round_cell(amount: Decimal, round_to: Decimal) -> Decimal:
    """Gives an amount rounded half up to a multiple of round_to, as Excel's ROUND does."""
    return (amount / round_to).quantize(Decimal(1), rounding=ROUND_HALF_UP) * round_to
