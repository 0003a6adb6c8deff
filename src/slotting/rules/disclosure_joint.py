"""The joint audit of tables that share the whole group's row (rules.disclosure.suppress_shared).

A move of the whole group's row changes every table: it is a pair of its hidden cells, one whose signed
entry falls into the row node and one that rises out of it (the row's other cells as they are), and a
table allows it when its groups' hidden cells carry the change between the two columns. A group's hidden
cell is free when its residual cycle avoids the whole group's row, or passes it once by a pair every
table allows; a whole-group cell is free when it is one of such a pair. Each witness is one simple move
in each table, so the audit never says free of a pinned cell; it may say pinned of a free one, and then
hides a cell more than needed.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from .disclosure_audit import ALL, TOTAL, Cell, cells_of, cheapest_path, close_cycle, costed_arcs, hidden_moves, pinned

Arcs = dict[str, list[tuple[str, Cell]]]  # node -> (successor, the cell of the arc)
_ROW = "r:" + ALL  # the whole group's row node


@dataclass(frozen=True)
class RowMoves:
    """The moves of the whole group's row every table allows: (a, b) where the hidden cell `into[a]` falls into the
    row and `out_of[b]` rises out of it (columns a and b)."""

    into: dict[str, Cell]
    out_of: dict[str, Cell]
    allowed: frozenset[tuple[str, str]]

    def frees(self, cell: Cell) -> bool:
        """True when a whole-group cell is one of a pair every table allows."""
        return any(cell in (self.into[a], self.out_of[b]) for a, b in self.allowed)


def free_jointly(tables: list[dict[str, dict[str, int]]], all_counts: dict[str, int], n: int,
                 hidden: list[set[Cell]]) -> bool:
    """Hides more cells (in `hidden`, one set a table) where the joint audit finds a hidden cell pinned; True
    when it hid any. Raises nothing: a cell no shown cells can free has its table's row cells all hidden."""
    top = all_counts[TOTAL]
    cells = [cells_of(t, all_counts) for t in tables]
    primary = [{c for c, v in cs.items() if 0 < v < n} for cs in cells]
    found = jointly_pinned(cells, hidden, primary, n, top)
    if not found:
        return False
    i, cell = found
    if cell[0] != ALL:
        _free_group_cell(cell, cells[i], hidden[i], primary[i], n, top)
    else:
        _free_whole_group_cell(cell, cells, hidden, primary, n, top)
    return True


def _free_group_cell(cell: Cell, cells: dict[Cell, int], hidden: set[Cell], primary: set[Cell], n: int,
                     top: int) -> None:
    """Hides the cheapest groups' cells that put a group's pinned cell on a cycle leaving the whole group as it is;
    when nothing shown can, every group's cell of the table."""
    within = {c: v for c, v in cells.items() if c[0] != ALL}
    if not close_cycle(cell, within, hidden, primary, n, top):
        hidden.update(c for c in cells if c[0] != ALL)


def _free_whole_group_cell(cell: Cell, cells: list[dict[Cell, int]], hidden: list[set[Cell]],
                           primary: list[set[Cell]], n: int, top: int) -> None:
    """Hides, in every table, the cheapest cells that make a pinned whole-group cell one of a move of the row every
    table allows; when no such move exists, every group's cell of every table."""
    best = _cheapest_row_move(cell, cells, hidden, primary, n, top)
    if best is None:
        for i, cs in enumerate(cells):
            hidden[i].update(c for c in cs if c[0] != ALL)
        return
    other, used_by_table = best
    for i, used in enumerate(used_by_table):
        hidden[i].add(other)
        hidden[i].update(used)


def _cheapest_row_move(cell: Cell, cells: list[dict[Cell, int]], hidden: list[set[Cell]],
                       primary: list[set[Cell]], n: int, top: int) -> tuple[Cell, list[list[Cell]]] | None:
    """Gives the other whole-group cell of the cheapest move of the row with `cell`, and each table's cells to hide
    for it (a shown whole-group cell costs most); None when no table-wide move has it."""
    best: tuple[int, Cell, list[list[Cell]]] | None = None
    others = [c for c in sorted(cells[0]) if c[0] == ALL and c != cell]
    for other in others:
        for into, out_of in ((cell, other), (other, cell)):
            paths = _pair_paths(into, out_of, cells, hidden, primary, n, top)
            if paths is None:
                continue
            cost = sum(c for c, _ in paths) + (0 if other in hidden[0] else cells[0][other] + 1_000_000)
            if best is None or cost < best[0]:
                best = (cost, other, [used for _, used in paths])
    return None if best is None else (best[1], best[2])


def _arcs(cells: dict[Cell, int], hidden: set[Cell], primary: set[Cell], n: int, top: int) -> Arcs:
    """Gives the residual graph of a table's hidden cells."""
    arcs: Arcs = defaultdict(list)
    for cell in sorted(hidden):
        rise, fall = hidden_moves(cell, cells[cell], primary, n, top)
        row, column = "r:" + cell[0], "c:" + cell[1]
        if rise:
            arcs[row].append((column, cell))
        if fall:
            arcs[column].append((row, cell))
    return arcs


def _reach(arcs: Arcs, start: str, avoid: set[str], skip: Cell | None = None) -> set[str]:
    """Gives the nodes reached from `start` without passing `avoid` or the arcs of `skip`."""
    seen, work = {start}, [start]
    while work:
        node = work.pop()
        for nxt, cell in arcs.get(node, ()):
            if nxt not in seen and nxt not in avoid and cell != skip:
                seen.add(nxt)
                work.append(nxt)
    return seen


def _row_moves(arcs: list[Arcs]) -> RowMoves:
    """Gives the moves of the whole group's row that every table's groups' hidden cells carry."""
    into = {c[1]: c for out in arcs[0].values() for nxt, c in out if nxt == _ROW}  # column -> cell falling in
    out_of = {c[1]: c for _, c in arcs[0].get(_ROW, ())}  # column -> cell rising out
    reach = [{"c:" + b: _reach(a, "c:" + b, {_ROW}) for b in out_of} for a in arcs]
    allowed = frozenset((a, b) for a in into for b in out_of
                        if into[a] != out_of[b] and all("c:" + a in r["c:" + b] for r in reach))
    return RowMoves(into, out_of, allowed)


def jointly_pinned(cells: list[dict[Cell, int]], hidden: list[set[Cell]], primary: list[set[Cell]], n: int,
                   top: int) -> tuple[int, Cell] | None:
    """Gives (table, cell) for the first hidden cell that the tables together leave one value, or None."""
    arcs = [_arcs(cs, h, p, n, top) for cs, h, p in zip(cells, hidden, primary)]
    row = _row_moves(arcs)
    for i, (cs, h, p) in enumerate(zip(cells, hidden, primary)):
        within = {c: v for c, v in cs.items() if c[0] != ALL}
        stuck = set(pinned(within, {c for c in h if c[0] != ALL}, p, n, top))
        for cell in sorted(h):
            free = row.frees(cell) if cell[0] == ALL else cell not in stuck or _through_row(cell, arcs[i], row)
            if not free:
                return i, cell
    return None


def _through_row(cell: Cell, arcs: Arcs, row: RowMoves) -> bool:
    """True when the cell lies on a residual cycle of its table that passes the whole group's row once, by a
    pair of its cells every table allows."""
    ends = ("r:" + cell[0], "c:" + cell[1])
    for start, goal in ((ends[1], ends[0]), (ends[0], ends[1])):
        if not any(nxt == start and c == cell for nxt, c in arcs.get(goal, ())):
            continue  # the cell has no arc goal -> start
        before = _reach(arcs, start, {_ROW}, cell)
        if goal in before:
            return True
        after: set[str] = set()
        for a, b in row.allowed:
            if "c:" + a in before and "c:" + b not in after:
                after |= _reach(arcs, "c:" + b, {_ROW}, cell)
        if goal in after:
            return True
    return False


def _pair_paths(into: Cell, out_of: Cell, cells: list[dict[Cell, int]], hidden: list[set[Cell]],
                primary: list[set[Cell]], n: int, top: int) -> list[tuple[int, list[Cell]]] | None:
    """Gives, per table, the cheapest groups' cells to hide so that the table allows the whole group's row
    to move by `into` falling into the row and `out_of` rising out of it; None when a table cannot."""
    if not hidden_moves(into, cells[0][into], primary[0], n, top)[1]:
        return None
    if not hidden_moves(out_of, cells[0][out_of], primary[0], n, top)[0]:
        return None
    found = []
    for cs, h, p in zip(cells, hidden, primary):
        arcs = costed_arcs({c: v for c, v in cs.items() if c[0] != ALL}, h, p, n, top)
        path = cheapest_path(arcs, "c:" + out_of[1], "c:" + into[1])
        if path is None:
            return None
        found.append(path)
    return found
