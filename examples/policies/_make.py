"""Writes the bundled example under the policies of other employers (docs/how-to/policies.md).

    python examples/policies/_make.py

Each file is examples/leicester_2011.yaml with its `policy` section replaced; tests/test_readme.py
checks that the files are what this script writes and that the docs' table gives their counts.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).parent
EXAMPLE = HERE.parent / "leicester_2011.yaml"

POLICIES = {
    "york_same_grade_80": "{assimilate_threshold: 80, match_grade_distance: 0}",
    "lbbd_65_and_50": ("{assimilate_threshold: 65, ring_fence_mode: by_overlap, ring_fence: [{name: 50% or more "
                       "overlap, min_overlap: 50}]}"),
    "nhs_two_thirds": "{assimilate_threshold: 2/3}",
    "down_not_up": "{assimilate_grade: {down: 1, up: 0}, match_grade: {down: 1, up: 0}}",
    "pay_loss_5": "{max_pay_loss: {assimilation: {percent: 5}, match: {percent: 5}}}",
    "ring_fence_tiers": ("{ring_fence: [{name: at risk within a grade, outcomes: [displaced, pool], "
                         "grade: {down: 1, up: 1}}, {name: any post-holder, outcomes: [any]}]}"),
    "alternatives_trial": "{alternatives: true, trial_period_weeks: 4}",
    "rank_by_score": "{rank_by: score}",
}


def variant(policy: str) -> str:
    """The example's text with its policy section replaced by one line."""
    text = EXAMPLE.read_text(encoding="utf-8")
    start = text.index("\npolicy:") + 1
    end = text.index("\npay_spines:", start) + 1
    text = text[:start] + f"policy: {policy}\n\n" + text[end:]
    return text.replace("$schema=../slotting.schema.json", "$schema=../../slotting.schema.json", 1)  # one folder down


def main() -> None:
    for name, policy in POLICIES.items():
        (HERE / f"{name}.yaml").write_text(variant(policy), encoding="utf-8")


if __name__ == "__main__":
    main()
