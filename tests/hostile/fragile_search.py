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


def _generic_post(folder: Path, policy: str, holders: int = 2000) -> list[str]:
    """`holders` holders of one old post with rows to 30 new posts of 20 places each, every figure in reach."""
    head = ["review: {name: One generic post, effective_date: 2026-04-01}",
            "pay_spines: {S: {1: 20000, 2: 21000, 3: 22000}}",
            "grades: [{id: G, name: G, level: 1, spine: S, points: [1, 3]}]",
            f"old_structure: {{posts: [{{id: O, title: Adviser, grade: G, count: {holders}}}]}}",
            "new_structure: {posts: [" + ", ".join(f"{{id: N{i:02d}, title: Post {i}, grade: G, count: 20}}"
                                                   for i in range(30)) + "]}",
            "overlaps: [" + ", ".join(f"{{old_post: O, new_post: N{i:02d}, old_in_new: {20 + i * 2}, "
                                      f"new_from_old: {90 - i}}}" for i in range(30)) + "]",
            f"policy: {policy}", "people:"]
    people = [f"  - {{id: P{i:06d}, post: O, salary: {20000 + i % 3 * 1000}}}" for i in range(holders)]
    path = folder / "review.yaml"
    path.write_text("\n".join(head + people) + "\n", encoding="utf-8")
    return ["sensitivity", str(path), "--margin", "100", "--format", "json"]


CASES += [
    # Defect: the search settled every holder of a generic post apart (over 120 s; over 300 s under pay-loss limits).
    Case("fragile_two_thousand_holders_of_one_post", lambda folder: _generic_post(folder, "{}"), 0,
         '"person":"P001999"', never=_NEVER),
    Case("fragile_three_hundred_holders_under_pay_loss_limits",
         lambda folder: _generic_post(folder, "{max_pay_loss: {match: {percent: 20}}}", 300), 0, '"person":"P000299"',
         never=_NEVER),
]
