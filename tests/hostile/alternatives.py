"""policy.alternatives_limits: limits that cannot be applied are refused, located, before anything is slotted."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from . import Case, example

_LINE = "  assessment_window_working_days: 12  # BC s.7.1: \"Possible interviews 20&21/12/11\""
_NEVER = ["Traceback", "internal error"]


def _policy(extra: str) -> Callable[[Path], list[str]]:
    """`slotting run` on the example with these lines added to its policy section."""
    return lambda folder: ["run", str(example(folder, (_LINE, _LINE + "\n" + extra)))]


CASES = [
    Case("alternatives_limits_without_alternatives", _policy("  alternatives_limits: {grade: {down: 1, up: 0}}"), 1,
         "review.yaml:47:24: policy.alternatives_limits: alternatives_limits applies to the listed alternatives: "
         "set alternatives: true", never=_NEVER),
    Case("alternatives_limits_empty", _policy("  alternatives: true\n  alternatives_limits: {}"), 1,
         "review.yaml:48:24: policy.alternatives_limits: give grade or pay_loss (or both)", never=_NEVER),
    Case("alternatives_limits_pay_loss_both_measures",
         _policy("  alternatives: true\n  alternatives_limits: {pay_loss: {percent: 10, points: 2}}"), 1,
         "review.yaml:48:35: policy.alternatives_limits.pay_loss: give percent or points", never=_NEVER),
    Case("alternatives_limits_pay_loss_over_100",
         _policy("  alternatives: true\n  alternatives_limits: {pay_loss: {percent: 1e400}}"), 1,
         "review.yaml:48:45: policy.alternatives_limits.pay_loss.percent: expected a number of at most 100",
         never=_NEVER + ["0" * 100]),
    Case("alternatives_limits_negative_grade",
         _policy("  alternatives: true\n  alternatives_limits: {grade: {down: -1, up: 0}}"), 1,
         "review.yaml:48:39: policy.alternatives_limits.grade.down: expected a number of at least 0", never=_NEVER),
    Case("alternatives_limits_unknown_key",
         _policy("  alternatives: true\n  alternatives_limits: {grade_down: 1}"), 1,
         "review.yaml:48:25: policy.alternatives_limits.grade_down: unknown key 'grade_down'", never=_NEVER),
    Case("alternatives_limits_not_a_mapping", _policy("  alternatives: true\n  alternatives_limits: ten"), 1,
         "review.yaml:48:24: policy.alternatives_limits: expected a mapping, got text", never=_NEVER),
]
