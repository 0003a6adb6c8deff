"""Disclosure control: exact against a brute-force search (test_equality) and linear programming here.

Linear programming (HiGHS, through scipy) gives each hidden cell's least and greatest value given
what is shown; the audit in rules.disclosure must call a cell pinned exactly when the two are equal.
"""

from __future__ import annotations

import random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

from slotting.rules.disclosure import ALL, TOTAL, pinned, suppress


def table(rows: dict[str, list[int]]) -> tuple[dict, dict]:
    width = len(next(iter(rows.values())))
    columns = [f"k{i}" for i in range(width)]
    counts = {g: {**dict(zip(columns, r)), TOTAL: sum(r)} for g, r in rows.items()}
    all_counts = {k: sum(c[k] for c in counts.values()) for k in (*columns, TOTAL)}
    return counts, all_counts


def ranges(counts: dict, all_counts: dict, hidden: set, primary: set, n: int) -> dict:
    """Each hidden cell's (least, greatest) value by linear programming."""
    cells = {(g, k): v for g, row in counts.items() for k, v in row.items()}
    cells.update({(ALL, k): v for k, v in all_counts.items()})
    order = sorted(hidden)
    position = {c: i for i, c in enumerate(order)}
    groups, columns = [*counts, ALL], list(all_counts)
    lines = [[(g, k) for k in columns] for g in groups] + [[(g, k) for g in groups] for k in columns]
    rows, rhs = [], []
    for line in lines:
        *parts, total = line
        row = np.zeros(len(order))
        constant = 0
        for c, sign in [(p, 1) for p in parts] + [(total, -1)]:
            if c in position:
                row[position[c]] += sign
            else:
                constant += sign * cells[c]
        if row.any():
            rows.append(row)
            rhs.append(-constant)
    bounds = [(1, n - 1) if c in primary else (0, all_counts[TOTAL]) for c in order]
    found = {}
    for c in order:
        objective = np.zeros(len(order))
        objective[position[c]] = 1
        low = linprog(objective, A_eq=np.array(rows), b_eq=rhs, bounds=bounds, method="highs")
        high = linprog(-objective, A_eq=np.array(rows), b_eq=rhs, bounds=bounds, method="highs")
        assert low.status == 0 and high.status == 0
        found[c] = (round(low.fun), round(-high.fun))
    return found


def cells_of(counts: dict, all_counts: dict) -> dict:
    cells = {(g, k): v for g, row in counts.items() for k, v in row.items()}
    cells.update({(ALL, k): v for k, v in all_counts.items()})
    return cells


@settings(max_examples=60, deadline=None)
@given(st.integers(2, 7), st.integers(2, 5), st.integers(0, 2**32), st.sampled_from([3, 5]))
def test_the_audit_agrees_with_linear_programming(groups: int, width: int, seed: int, n: int):
    """For any set of hidden cells, not only the method's: pinned means a range of one value."""
    rng = random.Random(seed)
    counts, all_counts = table({f"G{i}": [rng.choice([0, 0, 1, 2, 3, 4, 6, 9]) for _ in range(width)]
                                for i in range(groups)})
    cells = cells_of(counts, all_counts)
    primary = {c for c, v in cells.items() if 0 < v < n}
    hidden = primary | set(rng.sample(sorted(cells), rng.randrange(0, len(cells) // 2)))
    if not hidden:
        return
    lp = ranges(counts, all_counts, hidden, primary, n)
    assert set(pinned(cells, hidden, primary, n, all_counts[TOTAL])) == {c for c, (lo, hi) in lp.items() if lo == hi}


@settings(max_examples=40, deadline=None)
@given(st.integers(2, 12), st.integers(2, 6), st.integers(0, 2**32))
def test_every_hidden_cell_has_two_values_or_the_table_is_withheld(groups: int, width: int, seed: int):
    rng = random.Random(seed)
    counts, all_counts = table({f"G{i}": [rng.choice([0, 1, 2, 3, 5, 8, 13]) for _ in range(width)]
                                for i in range(groups)})
    cells = cells_of(counts, all_counts)
    primary, secondary = suppress(counts, all_counts, 5)
    if not primary and secondary == frozenset(cells):
        return  # withheld whole
    assert primary == {c for c, v in cells.items() if 0 < v < 5}
    hidden = set(primary | secondary)
    if hidden:
        lp = ranges(counts, all_counts, hidden, set(primary), 5)
        assert all(lo < hi for lo, hi in lp.values()), lp


@pytest.mark.parametrize("biggest", [10, 100_000])
def test_a_thousand_groups_are_protected_whatever_the_largest_group(biggest: int):
    """The method's work does not grow with the counts (the old search grew with the largest)."""
    rng = random.Random(2011)
    # Each group has one outcome of 5 or more, so no row discloses itself (four "<5" cells of a "<5"
    # total must each be 1): the table can be protected and must not be withheld.
    rows = {f"G{i:04d}": [rng.randrange(5, 30)] + [rng.choice([0, 0, 1, 2, 3, 7, 12]) for _ in range(5)]
            for i in range(1000)}
    rows["G0000"] = [biggest, 3, 0, 1, 0, 2]
    counts, all_counts = table(rows)
    cells = cells_of(counts, all_counts)
    primary, secondary = suppress(counts, all_counts, 5)
    assert secondary != frozenset(cells), "a large table with room to hide cells is not withheld"
    assert primary == {c for c, v in cells.items() if 0 < v < 5}
    assert pinned(cells, set(primary | secondary), set(primary), 5, all_counts[TOTAL]) == []


def test_a_row_that_discloses_itself_withholds_the_table():
    """Four "<5" cells whose total is "<5" are each 1, whatever else is hidden."""
    counts, all_counts = table({"A": [1, 1, 1, 1, 0], "B": [9, 8, 7, 6, 5], "C": [6, 7, 8, 9, 10]})
    primary, secondary = suppress(counts, all_counts, 5)
    assert not primary and secondary == frozenset(cells_of(counts, all_counts))


def test_tables_that_share_the_whole_group_hide_it_alike_and_each_cell_has_a_move():
    """Two characteristics' tables of the same people: per table, gender shows the whole group's competing count
    (8) that ethnicity hides; together, a whole-group cell
    hidden in one is hidden in both, and every hidden cell is free jointly (tests/test_report_paper.py searches
    the printed tables exhaustively)."""
    from slotting.rules.disclosure import suppress_shared
    from slotting.rules.disclosure_audit import cells_of as _cells_of
    from slotting.rules.disclosure_joint import jointly_pinned

    columns = ("assimilated", "matched", "competitive", "displaced")

    def row(*values: int) -> dict[str, int]:
        return dict(zip((*columns, "total"), (*values, sum(values))))

    gender = {"F": row(2, 2, 5, 0), "M": row(2, 1, 3, 1)}
    ethnicity = {"A": row(1, 2, 4, 1), "B": row(3, 1, 4, 0)}
    whole = row(4, 3, 8, 1)
    alone = [suppress(t, whole, 5) for t in (gender, ethnicity)]
    shared_alone = [{c for c in a[0] | a[1] if c[0] == "all"} for a in alone]
    assert shared_alone[0] != shared_alone[1]  # the bug: one table shows what the other hides
    together = suppress_shared([gender, ethnicity], whole, 5)
    hidden = [set(p | s) for p, s in together]
    assert {c for c in hidden[0] if c[0] == "all"} == {c for c in hidden[1] if c[0] == "all"} != set()
    cells = [_cells_of(t, whole) for t in (gender, ethnicity)]
    primary = [{c for c, v in cs.items() if 0 < v < 5} for cs in cells]
    assert jointly_pinned(cells, hidden, primary, 5, whole["total"]) is None


def test_tables_each_withheld_whole_are_withheld_together():
    """Four people under two characteristics, every count below 5: each table alone is withheld whole, and the
    joint audit has no table left to audit (it once indexed the first of none)."""
    from slotting.rules.disclosure import suppress_shared

    columns = ("assimilated", "matched", "competitive", "displaced")

    def row(*values: int) -> dict[str, int]:
        return dict(zip((*columns, "total"), (*values, sum(values))))

    first = {"g1": row(0, 0, 1, 1), "g2": row(1, 0, 0, 1)}
    second = {"g0": row(1, 0, 0, 1), "g2": row(0, 0, 1, 1)}
    whole = row(1, 0, 1, 2)
    together = suppress_shared([first, second], whole, 5)
    assert together == [suppress(t, whole, 5) for t in (first, second)]
    assert all(not primary and len(secondary) == 15 for primary, secondary in together)
