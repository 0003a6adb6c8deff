"""Sensitivity: the headline figures across variants of the policy and costing, and the fragile decisions.

- `variants`: the --vary options, read and refused before any work; a review with numeric fields changed.
- `headlines`: the sweep, one row of headline figures per variant of the grid.
- `fragility`: the decisions that move when one overlap figure or threshold moves by at most the margin,
  searched over `moves` (the values worth trying) and settled locally against `baseline` (the file's own
  slotting, through the engine's public seam `engine.assimilate_and_match`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ...model import ReviewFile
from .fragility import FIGURES, THRESHOLDS, Fragile, fragile
from .headlines import Headline, sweep
from .moves import as_decimal
from .variants import (
    Vary,
    VaryError,
    field_name,
    grid_size,
    numeric_fields,
    own_value,
    parse_varies,
    parse_vary,
    range_count,
    variant,
)

__all__ = ["FIGURES", "THRESHOLDS", "Fragile", "Headline", "SensitivityResult", "Vary", "VaryError", "field_name",
           "fragile", "grid_size", "numeric_fields", "own_value", "parse_vary", "parse_varies", "range_count",
           "sensitivity", "sweep", "variant"]

_number = as_decimal  # the name the tests of the fragile decisions have known it by


@dataclass(frozen=True)
class SensitivityResult:
    """The sweep of the varied fields and the fragile decisions within the margin."""

    review: str
    fields: tuple[str, ...]  # the varied fields, in the order given
    own: tuple[Any, ...]  # the file's own value of each
    sweep: tuple[Headline, ...]
    margin: Decimal
    fragile: tuple[Fragile, ...]


def sensitivity(review: ReviewFile, varies: Sequence[Vary], margin: Decimal) -> SensitivityResult:
    """Gives the sweep of the varied fields (if any) and the fragile decisions within the margin."""
    fields = tuple(field for field, _ in varies)
    return SensitivityResult(review.review.name, fields, tuple(own_value(review, f) for f in fields),
                             tuple(sweep(review, varies)) if varies else (), margin,
                             tuple(fragile(review, margin)) if margin > 0 else ())
