"""Sweeps (`slotting sensitivity --vary`) and `compare --fail-on-change`: a sweep is counted from the
options' text and refused before any value, variant or review is made; a comparison fails on any change
to a person's slotting."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from . import Case, example


def _sweep(*varies: str) -> Callable[[Path], list[str]]:
    """`slotting sensitivity` on the example with each --vary given; no fragile decisions (--margin 0)."""
    return lambda folder: ["sensitivity", str(example(folder)), "--margin", "0",
                           *(arg for vary in varies for arg in ("--vary", vary))]


_NEVER = ["Traceback", "internal error", "MemoryError"]
_GRID = [f"{field}=1:1000:1" for field in ("assimilate_threshold", "match_threshold", "match_upper")]


def _compare(*replacements: tuple[str, str], args: tuple[str, ...] = ("--fail-on-change",)) -> Callable[[Path], list[str]]:
    """`slotting compare` of the example with a variant of it (each (old, new) replaced once)."""
    return lambda folder: ["compare", str(example(folder, name="a.yaml")),
                           str(example(folder, *replacements, name="b.yaml")), *args]


CASES = [
    # Defect: a downward range skipped the value count and built a billion values (3.8 GB, then a traceback).
    Case("sweep_downward_range_of_a_billion", _sweep("assimilate_threshold=1000000000:0:-1"), 1,
         "the range holds 1,000,000,001 values; at most 1,000 values are swept", never=_NEVER),
    Case("sweep_start_above_stop_with_positive_step", _sweep("assimilate_threshold=1000000000:0:1"), 2,
         "START is above STOP, so STEP must be negative", never=_NEVER),
    Case("sweep_start_below_stop_with_negative_step", _sweep("assimilate_threshold=0:1000000000:-1"), 2,
         "START is below STOP, so STEP must be more than 0", never=_NEVER),
    Case("sweep_zero_step", _sweep("assimilate_threshold=70:80:0"), 1, "the step must not be 0", never=_NEVER),
    Case("sweep_huge_start_walking_down", _sweep("assimilate_threshold=1e400:0:-1"), 1,
         "'1e400' is beyond what any field takes", never=_NEVER + ["0" * 100]),
    Case("sweep_huge_value_in_a_list", _sweep("costing.on_cost_rate=0.3,1e400"), 1,
         "'1e400' is beyond what any field takes", never=_NEVER + ["0" * 100]),
    Case("sweep_nan_value", _sweep("assimilate_threshold=70,nan"), 1, "expected finite numbers, got 'nan'",
         never=_NEVER),
    Case("sweep_infinite_stop", _sweep("assimilate_threshold=70:inf:1"), 1, "expected finite numbers, got 'inf'",
         never=_NEVER),
    Case("sweep_step_finer_than_counted", _sweep("assimilate_threshold=70:71:1e-400"), 1,
         "has more than 28 decimal places", never=_NEVER),
    Case("sweep_list_of_a_million_values", _sweep("assimilate_threshold=" + ",".join(["75"] * 1_000_000)), 1,
         "at most 100,000", never=_NEVER),
    Case("sweep_list_over_the_value_limit", _sweep("assimilate_threshold=" + ",".join(["75"] * 5_000)), 1,
         "the list holds 5,000 values; at most 1,000 values are swept", never=_NEVER + [",".join(["75"] * 40)]),
    Case("sweep_malformed_range", _sweep("assimilate_threshold=70:80"), 2, "a range is START:STOP:STEP",
         never=_NEVER),
    # Defect: a grid of several options was expanded before its size was checked (MemoryError, exit 3).
    Case("sweep_grid_of_a_billion", _sweep(*_GRID), 1,
         "1,000 x 1,000 x 1,000 = 1,000,000,000 variants; at most 1,000", never=_NEVER),
    Case("sweep_grid_of_ten_fields_of_two", _sweep(
        *(f"{field}=0,1" for field in ("assimilate_grade_distance", "match_grade_distance", "protection_years",
                                        "trial_period_weeks", "appeal_working_days", "objection_working_days",
                                        "notice_weeks", "costing.years", "assessment_window_working_days",
                                        "costing.pension_strain.min_age"))), 1, "= 1,024 variants; at most 1,000",
         never=_NEVER),
    Case("sweep_too_many_options", _sweep(*["assimilate_threshold=75"] * 11), 1,
         "11 --vary options; at most 10", never=_NEVER),
    Case("sweep_field_varied_twice", _sweep("assimilate_threshold=70", "policy.assimilate_threshold=80"), 2,
         "varied more than once", never=_NEVER),
    # Defect: --fail-on-change passed when someone's slotting changed but not their outcome.
    Case("compare_post_on_hold_fails", _compare(
        ("{id: NEW-DD-ICA, title: Director of Information and Customer Access, grade: DD,",
         "{id: NEW-DD-ICA, title: Director of Information and Customer Access, grade: DD, on_hold: true,")),
         1, "have a different outcome, post, pay or hold between the options", never=_NEVER),
    Case("compare_pay_change_fails", _compare(("    9: 85575", "    9: 85576")), 1,
         "have a different outcome, post, pay or hold between the options", never=_NEVER),
    Case("compare_outcome_only_passes_a_pay_change", _compare(("    9: 85575", "    9: 85576"),
                                                              args=("--fail-on", "outcome")), 0,
         "People whose slotting differs", never=_NEVER),
]
