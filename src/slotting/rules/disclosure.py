"""Disclosure control for a table of counts with totals: which cells to hide, in polynomial time.

The table: one row per group and a row for the whole review group ("all"); one column per outcome
and a "total" column. A reader knows every shown cell, that a primary cell (a count from 1 to n-1,
shown as "<n") lies in 1..n-1, and that a secondary cell (shown as "[c]") is some count from 0 to
the grand total. A hidden cell is *protected* when the shown figures leave it at least two possible
values; the method hides cells until every hidden cell is protected:

1. Primary suppression: the counts from 1 to n-1.
2. Secondary suppression by the standard rule: no row or column may hold exactly one hidden cell
   (it would be its total minus the rest); the smallest non-zero shown cell of such a line is hidden.
3. An exact audit (see `pinned`). For each cell it finds pinned, the cheapest shown cells that
   put it on a cycle are hidden too (see `close_cycle`); a cell that no shown cells can protect
   has the table withheld whole.

The audit. Rows and columns add up, so the hidden cells form a circulation: flip the sign of the
totals' cells (each group's total, and the whole group's outcome cells) and every row and column of
the signed table sums to zero. A hidden cell can take another value exactly when it lies on a cycle
of the residual graph (rows and columns as nodes; an arc row->column where the cell's signed entry
may rise within its bounds, column->row where it may fall): shifting one along the cycle keeps every
sum. The constraint matrix is a network matrix, so a cycle of this graph exists whenever a second
integer value does: the audit is exact, and costs one pass for the strongly connected components
and one for the bridges, linear in the number of hidden cells. Each round hides at least one more
cell, so the method is polynomial in the table's size (tests/test_disclosure.py checks it
against a brute-force search on small tables and linear programming on larger ones).

The audit is in rules.disclosure_audit; the joint audit of tables sharing the whole group's row in
rules.disclosure_joint.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence

from .disclosure_audit import ALL, TOTAL, Cell, cells_of, close_cycle, pinned
from .disclosure_joint import free_jointly

__all__ = ["ALL", "TOTAL", "Cell", "pinned", "protect_line", "suppress", "suppress_shared"]

Made = tuple[frozenset[Cell], frozenset[Cell]]  # (primary small counts, secondary cells) of one table


def suppress(counts: dict[str, dict[str, int]], all_counts: dict[str, int], n: int,
             also: frozenset[Cell] = frozenset()) -> Made:
    """Gives the cells to hide: (primary small counts, secondary cells); a table that cannot be
    protected comes back with every cell secondary (withheld whole). `also`: cells hidden already
    (elsewhere), kept hidden as secondary cells."""
    if n <= 1 and not also:
        return frozenset(), frozenset()
    columns = [k for k in all_counts if k != TOTAL] + [TOTAL]
    cells = cells_of(counts, all_counts)
    groups = [*counts, ALL]
    lines = [[(g, k) for k in columns] for g in groups] + [[(g, k) for g in groups] for k in columns]
    line_of: dict[Cell, list[int]] = defaultdict(list)
    for i, line in enumerate(lines):
        for cell in line:
            line_of[cell].append(i)
    primary = {c for c, v in cells.items() if 0 < v < n}
    hidden = primary | (set(also) & set(cells))
    top = all_counts[TOTAL]

    def cheapest(candidates: Iterable[Cell]) -> Cell | None:
        shown = [c for c in candidates if c not in hidden]
        return min(shown, key=lambda c: (cells[c] == 0, c[1] == TOTAL, cells[c], c), default=None)

    _no_line_with_one_hidden(lines, line_of, hidden, cheapest)
    for cell in pinned(cells, hidden, primary, n, top):
        if cell in hidden and not close_cycle(cell, cells, hidden, primary, n, top):
            return frozenset(), frozenset(cells)  # no shown cells can protect it: withhold the table
    return frozenset(primary), frozenset(hidden - primary)


def suppress_shared(tables: Sequence[dict[str, dict[str, int]]], all_counts: dict[str, int], n: int
                    ) -> list[Made]:
    """Gives, for each of several tables that share the whole group's row (one table per characteristic), the
    cells to hide as `suppress` does for one: (primary, secondary). No hidden cell of any table can be worked
    out from the cells all the tables show together.

    Each table protected alone is not enough: one table may show a whole-group cell that another hides, and a
    hidden whole-group cell one table lets rise only and another lets fall only is pinned by the two. So the
    whole-group cells hidden in any table are hidden in all, and a joint audit (`jointly_pinned`) finds each
    hidden cell a move that every table allows; where none exists, more cells are hidden (`free_jointly`)."""
    if len(tables) <= 1:
        return [suppress(t, all_counts, n) for t in tables]
    hidden: list[set[Cell]] = [set() for _ in tables]
    while True:
        made = [suppress(t, all_counts, n, frozenset(h)) for t, h in zip(tables, hidden)]
        shown_at_all = [not _withheld(t, m) for t, m in zip(tables, made)]
        grown = _whole_group_shared(made, shown_at_all)
        if grown == [set(m[0] | m[1]) for m in made]:
            kept = [i for i, shown in enumerate(shown_at_all) if shown]
            if not kept:  # every table withheld whole: nothing shown to work a cell out from
                return made
            before = sum(map(len, grown))
            if not free_jointly([tables[i] for i in kept], all_counts, n, [grown[i] for i in kept]):
                return made
            if sum(map(len, grown)) == before:  # nothing left to hide that would help: withhold the tables
                return [(frozenset(), frozenset(cells_of(t, all_counts))) for t in tables]
        hidden = grown


def _whole_group_shared(made: list[Made], shown_at_all: list[bool]) -> list[set[Cell]]:
    """Gives each table's hidden cells with, for each table shown, the whole-group cells any table shown hides."""
    shared = {c for m, kept in zip(made, shown_at_all) if kept for c in m[0] | m[1] if c[0] == ALL}
    return [set(m[0] | m[1]) | (shared if kept else set()) for m, kept in zip(made, shown_at_all)]


def _withheld(table: dict[str, dict[str, int]], made: Made) -> bool:
    """True when `suppress` withheld the table whole (every cell hidden, none as a small count)."""
    return not made[0] and len(made[1]) == (len(table) + 1) * (len(next(iter(table.values()), {})) or 1) and \
        bool(made[1])


def protect_line(values: dict[str, int], n: int, hidden: Iterable[str] = ()) -> tuple[frozenset[str], frozenset[str]]:
    """Gives the keys of one line of counts and their total (the key "total") to hide, as `suppress` would:
    (counts from 1 to n-1, the others hidden so that none of those can be worked out). `hidden`: keys hidden
    elsewhere (e.g. in a table that shares the line), which stay hidden.

    A line is a table of one group whose row is the whole group's: each column then holds the same count
    twice, which the exact audit treats as the one unknown it is."""
    row = dict(values)
    also = frozenset((g, k) for k in hidden for g in ("line", ALL))
    primary, secondary = suppress({"line": row}, row, n, also)
    small = frozenset(k for _, k in primary)
    return small, frozenset(k for _, k in secondary) - small


def _no_line_with_one_hidden(lines: Sequence[list[Cell]], line_of: dict[Cell, list[int]], hidden: set[Cell],
                             cheapest: Callable[[Iterable[Cell]], Cell | None]) -> None:
    """Hides cells until no line holds exactly one hidden cell (the standard rule)."""
    count = [sum(c in hidden for c in line) for line in lines]
    waiting = [i for i, n in enumerate(count) if n == 1]
    while waiting:
        i = waiting.pop()
        if count[i] != 1:
            continue
        choice = cheapest(lines[i])
        if choice is None:
            continue
        hidden.add(choice)
        for j in line_of[choice]:
            count[j] += 1
            if count[j] == 1:
                waiting.append(j)
