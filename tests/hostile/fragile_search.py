"""The fragile-decision search (`slotting sensitivity --margin`) on awkward policies and figures: thresholds
written as fractions beside figures of 28 decimal places (the search converts both to Decimal to find the values
between them), thresholds at the ends of the scale (the search moves them to 0 and 100), and a match upper bound
equal to the assimilation threshold (a moved threshold the policy cannot state ends that side of the search)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from . import Case, example

_NEVER = ["Traceback", "internal error", "MemoryError", "Decimal("]


def _search(*replacements: tuple[str, str], margin: str = "100") -> Callable[[Path], list[str]]:
    """`slotting sensitivity` of the example with each (old, new) replaced once, no sweep, the given margin."""
    return lambda folder: ["sensitivity", str(example(folder, *replacements)), "--margin", margin, "--format", "json"]


_FRACTIONS = (("assimilate_threshold: 75 ", "assimilate_threshold: 2/3"), ("match_threshold: 25 ", "match_threshold: 1/3"),
              ("old_in_new: 85, new_from_old: 80", "old_in_new: 66.66666666666666666666666667, "
                                                   "new_from_old: 66.66666666666666666666666666"),
              ("old_in_new: 90, new_from_old: 85", "old_in_new: 2/3, new_from_old: 99999999/100000000"))

CASES = [
    Case("fragile_fractions_beside_28_decimal_figures", _search(*_FRACTIONS), 0,
         '"crossing":"the match threshold (33.33333333333333333333333333)"', never=_NEVER),
    # The figure just below 2/3 passes the exact threshold 1e-26 above it: the search finds the value between them.
    Case("fragile_fractions_within_a_hair", _search(*_FRACTIONS, margin="0.0000001"), 0,
         '"figure":"new_from_old","value":66.66666666666667,"at":66.66666666666667,"distance":1e-26', never=_NEVER),
    Case("fragile_thresholds_at_the_ends_of_the_scale", _search(
        ("assimilate_threshold: 75 ", "assimilate_threshold: 100"), ("match_threshold: 25 ", "match_threshold: 0 ")), 0,
         '"figure":"match_threshold","value":0,"at":46', never=_NEVER),
    Case("fragile_match_upper_at_the_assimilation_threshold", _search(
        ("  match_threshold: 25 ", "  match_upper: 75\n  match_threshold: 25 ")), 0, '"figure":"match_upper"',
         never=_NEVER),
]
