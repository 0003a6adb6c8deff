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
   put it on a cycle are hidden too (see `_close_cycle`); a cell that no shown cells can protect
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
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Iterable, Sequence

Cell = tuple[str, str]  # (group or "all", outcome or "total")
ALL = "all"
TOTAL = "total"


def suppress(counts: dict[str, dict[str, int]], all_counts: dict[str, int], n: int,
             also: frozenset[Cell] = frozenset()) -> tuple[frozenset[Cell], frozenset[Cell]]:
    """Gives the cells to hide: (primary small counts, secondary cells); a table that cannot be
    protected comes back with every cell secondary (withheld whole). `also`: cells hidden already
    (elsewhere), kept hidden as secondary cells."""
    if n <= 1 and not also:
        return frozenset(), frozenset()
    columns = [k for k in all_counts if k != TOTAL] + [TOTAL]
    cells: dict[Cell, int] = {(g, k): row[k] for g, row in counts.items() for k in columns}
    cells.update({(ALL, k): all_counts[k] for k in columns})
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
        if cell in hidden and not _close_cycle(cell, cells, hidden, primary, n, top):
            return frozenset(), frozenset(cells)  # no shown cells can protect it: withhold the table
    return frozenset(primary), frozenset(hidden - primary)


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


def _moves(cell: Cell, value: int, low: int, high: int) -> tuple[bool, bool]:
    """(the cell's signed entry may rise, may fall) within [low, high]."""
    up, down = value < high, value > low
    return (up, down) if _sign(cell) > 0 else (down, up)


def _close_cycle(cell: Cell, cells: dict[Cell, int], hidden: set[Cell], primary: set[Cell], n: int,
                 top: int) -> bool:
    """Hides the cheapest shown cells that put a pinned cell on a residual cycle; False when none can.

    A cheapest path (Dijkstra) from one end of the cell back to the other, over the residual arcs of
    the hidden cells (free) and of shown cells as they would be once hidden (each costs its count:
    small counts first, zeros and totals last, as they tell a reader most). Hiding a cell only adds
    arcs, so a cell freed stays free.
    """

    arcs: dict[str, list[tuple[str, int, Cell]]] = defaultdict(list)
    for other, value in cells.items():
        if other == cell:
            continue
        if other in hidden:
            low, high = (1, n - 1) if other in primary else (0, top)
            cost = 0
        else:
            low, high = 0, top
            cost = value + (1_000 if other[1] == TOTAL else 0) + (1_000_000 if value == 0 else 0)
        rise, fall = _moves(other, value, low, high)
        row, column = "r:" + other[0], "c:" + other[1]
        if rise:
            arcs[row].append((column, cost, other))
        if fall:
            arcs[column].append((row, cost, other))
    low, high = (1, n - 1) if cell in primary else (0, top)
    rise, fall = _moves(cell, cells[cell], low, high)
    row, column = "r:" + cell[0], "c:" + cell[1]
    best: tuple[int, list[Cell]] | None = None
    for possible, start, goal in ((rise, column, row), (fall, row, column)):
        if not possible:
            continue
        path = _cheapest_path(arcs, start, goal)
        if path is not None and (best is None or path[0] < best[0]):
            best = path
    if best is None:
        return False
    hidden.update(best[1])
    return True


def _cheapest_path(arcs: dict[str, list[tuple[str, int, Cell]]], start: str, goal: str
                   ) -> tuple[int, list[Cell]] | None:
    """(cost, cells on it) of the cheapest path from start to goal, or None (Dijkstra)."""
    distance = {start: 0}
    came: dict[str, tuple[str, Cell]] = {}
    queue = [(0, start)]
    while queue:
        cost, node = heapq.heappop(queue)
        if node == goal:
            used = []
            while node != start:
                node, via = came[node]
                used.append(via)
            return cost, used
        if cost > distance.get(node, cost):
            continue
        for nxt, step, via in arcs.get(node, ()):
            total = cost + step
            if total < distance.get(nxt, total + 1):
                distance[nxt] = total
                came[nxt] = (node, via)
                heapq.heappush(queue, (total, nxt))
    return None


def _no_line_with_one_hidden(lines: Sequence[list[Cell]], line_of: dict[Cell, list[int]], hidden: set[Cell],
                             cheapest) -> None:
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


def _sign(cell: Cell) -> int:
    """+1 for a group's outcome cell and the grand total; -1 for the cells that are totals of others."""
    group, column = cell
    return 1 if (group == ALL) == (column == TOTAL) else -1


def pinned(cells: dict[Cell, int], hidden: set[Cell], primary: set[Cell], n: int, top: int) -> list[Cell]:
    """Gives the hidden cells whose value follows from what is shown, in cell order (exact)."""
    arcs: dict[str, set[str]] = defaultdict(set)  # residual graph: node -> successors
    moves: dict[Cell, tuple[bool, bool]] = {}  # cell -> (signed entry may rise, may fall)
    for cell in hidden:
        low, high = (1, n - 1) if cell in primary else (0, top)
        rise, fall = moves[cell] = _moves(cell, cells[cell], low, high)
        row, column = "r:" + cell[0], "c:" + cell[1]
        if rise:
            arcs[row].add(column)
        if fall:
            arcs[column].add(row)
    component = _components(arcs)
    # Boesch and Tindell: in a strongly connected mixed graph, an edge that may be travelled both
    # ways can be given either direction, the graph staying strongly connected, unless it is a
    # bridge. So a cell that may move both ways is free when it is no bridge among the cells whose
    # ends share a component; every cycle through a cell lies within one component.
    ends = {c: ("r:" + c[0], "c:" + c[1]) for c in hidden}
    within = [ends[c] for c in hidden if component.get(ends[c][0]) == component.get(ends[c][1])]
    bridges = _bridges(within)
    found = []
    for cell in sorted(hidden):
        rise, fall = moves[cell]
        row, column = ends[cell]
        if not (rise or fall) or component.get(row) != component.get(column):
            found.append(cell)  # no arc, or no way back to where its arc starts
        elif rise and fall and (row, column) in bridges:
            found.append(cell)  # its only cycle is its own two arcs: a shift of nothing
    return found


def _bridges(edges: list[tuple[str, str]]) -> set[tuple[str, str]]:
    """The edges of an undirected graph (no two alike) that lie on no cycle (iterative Tarjan)."""
    neighbours: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for i, (a, b) in enumerate(edges):
        neighbours[a].append((b, i))
        neighbours[b].append((a, i))
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    bridges: set[tuple[str, str]] = set()
    for start in sorted(neighbours):
        if start in order:
            continue
        order[start] = low[start] = len(order)
        work = [(start, -1, iter(neighbours[start]))]
        while work:
            node, via, rest = work[-1]
            for nxt, edge in rest:
                if edge == via:
                    continue
                if nxt in order:
                    low[node] = min(low[node], order[nxt])
                else:
                    order[nxt] = low[nxt] = len(order)
                    work.append((nxt, edge, iter(neighbours[nxt])))
                    break
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                    if low[node] > order[parent]:
                        bridges.add(edges[via])
    return bridges


def _components(arcs: dict[str, set[str]]) -> dict[str, int]:
    """Strongly connected components (Tarjan's algorithm, iterative): node -> component number."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    component: dict[str, int] = {}
    counter = components = 0
    nodes = set(arcs) | {v for targets in arcs.values() for v in targets}
    for start in sorted(nodes):
        if start in index:
            continue
        work = [(start, iter(sorted(arcs.get(start, ()))))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, successors = work[-1]
            advanced = False
            for nxt in successors:
                if nxt not in index:
                    index[nxt] = low[nxt] = counter
                    counter += 1
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(sorted(arcs.get(nxt, ())))))
                    advanced = True
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            if advanced:
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component[member] = components
                    if member == node:
                        break
                components += 1
    return component
