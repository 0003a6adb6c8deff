"""Nearest spinal point placement and pay protection (Leicester report s.8.2)."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from slotting.rules.pay import nearest_point, placer

POINTS = [(6, Decimal(76725), False), (7, Decimal(79675), True), (8, Decimal(82625), True), (9, Decimal(85575), False)]


@pytest.mark.parametrize(
    ("salary", "tie", "point"),
    [
        ("90000", "higher", 9),    # above the range: top point
        ("85575", "higher", 9),
        ("70000", "higher", 6),    # below the range: bottom point
        ("79000", "higher", 7),    # nearer 79,675 than 76,725
        ("78200", "higher", 7),    # exactly between 76,725 and 79,675: the higher
        ("78200", "lower", 6),     # ... or the lower, per policy
        ("81149", "higher", 7),    # 1 below the midpoint of 79,675 and 82,625
        ("81151", "lower", 8),     # 1 above it
    ],
)
def test_nearest_point(salary, tie, point):
    (got, _, _), _ = nearest_point(Decimal(salary), POINTS, tie)
    assert got == point


def test_tie_rule_is_explained():
    _, rule = nearest_point(Decimal(78200), POINTS, "lower")
    assert "exactly between" in rule and "lower" in rule


def test_protection_and_estimated_flag_in_the_example():
    from slotting import load, slot

    from .conftest import EXAMPLE

    result = slot(load(EXAMPLE))
    children = result.person("P04").slots[0]
    assert (children.pay.point, children.pay.amount, children.pay.estimated) == (17, Decimal(114734), True)
    assert children.pay.protection == 0  # pay rises from 114,000: no protection
    hr = result.person("P07").slots[0]
    assert (hr.pay.point, hr.pay.protection) == (9, Decimal(94800) - Decimal(85575))


def test_no_protection_when_policy_gives_none():
    from .conftest import run_slotting, with_base

    review = with_base({
        "policy": {"protection_years": 0},
        "old_structure": {"posts": [{"id": "O1", "title": "o", "grade": "G2"}]},
        "new_structure": {"posts": [{"id": "N1", "title": "n", "grade": "G2"}]},
        "people": [{"id": "P1", "post": "O1", "salary": 35000}],
        "overlaps": [{"old_post": "O1", "new_post": "N1", "old_in_new": 90, "new_from_old": 90}],
    })
    assert run_slotting(review).person("P1").slots[0].pay.protection == 0


class _Policy:
    protection_years = 2
    protects = True

    def __init__(self, tie: str):
        self.nearest_point_tie = tie


class _Review:
    """Just what placer() reads: the policy and the spine's amounts."""

    def __init__(self, amounts: list[int], tie: str):
        self.policy = _Policy(tie)
        self.amounts = amounts

    def spinal_amount(self, spine, point):
        return SimpleNamespace(amount=Decimal(self.amounts[point - 1]), estimated=point % 2 == 0)


@given(st.lists(st.integers(20_000, 20_100), min_size=1, max_size=6), st.integers(19_990, 20_110),
       st.sampled_from(["higher", "lower"]))
def test_placer_places_as_the_general_rule_does(amounts: list[int], salary: int, tie: str):
    """placer() bisects when amounts are distinct; it must agree with nearest_point on every salary."""
    grade = SimpleNamespace(spine="S", point_numbers=range(1, len(amounts) + 1))
    placed = placer(_Review(amounts, tie), grade)(Decimal(salary))
    points = [(n, Decimal(a), n % 2 == 0) for n, a in enumerate(amounts, start=1)]
    (point, amount, estimated), rule = nearest_point(Decimal(salary), points, tie)
    assert (placed.point, placed.amount, placed.estimated, placed.rule) == (point, amount, estimated, rule)
    assert placed.protection == max(Decimal(salary) - amount, Decimal(0))
