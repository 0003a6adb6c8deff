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


def suppress_shared(tables: Sequence[dict[str, dict[str, int]]], all_counts: dict[str, int], n: int
                    ) -> list[tuple[frozenset[Cell], frozenset[Cell]]]:
    """Gives, for each of several tables that share the whole group's row (one table per characteristic), the
    cells to hide as `suppress` does for one: (primary, secondary). No hidden cell of any table can be worked
    out from the cells all the tables show together.

    Each table protected alone is not enough: one table may show a whole-group cell that another hides, and a
    hidden whole-group cell one table lets rise only and another lets fall only is pinned by the two. So the
    whole-group cells hidden in any table are hidden in all, and a joint audit (`_jointly_pinned`) finds each
    hidden cell a move that every table allows; where none exists, more cells are hidden (`_free_jointly`)."""
    if len(tables) <= 1:
        return [suppress(t, all_counts, n) for t in tables]
    hidden: list[set[Cell]] = [set() for _ in tables]
    while True:
        made = [suppress(t, all_counts, n, frozenset(h)) for t, h in zip(tables, hidden)]
        shown_at_all = [not _withheld(t, m) for t, m in zip(tables, made)]
        shared = {c for m, kept in zip(made, shown_at_all) if kept for c in m[0] | m[1] if c[0] == ALL}
        grown = [set(m[0] | m[1]) | (shared if kept else set()) for m, kept in zip(made, shown_at_all)]
        if grown == [set(m[0] | m[1]) for m in made]:
            kept = [i for i, shown in enumerate(shown_at_all) if shown]
            before = sum(map(len, grown))
            if not _free_jointly([tables[i] for i in kept], all_counts, n, [grown[i] for i in kept]):
                return made
            if sum(map(len, grown)) == before:  # nothing left to hide that would help: withhold the tables
                return [(frozenset(), frozenset(_cells_of(t, all_counts))) for t in tables]
        hidden = grown


def _withheld(table: dict[str, dict[str, int]], made: tuple[frozenset[Cell], frozenset[Cell]]) -> bool:
    """True when `suppress` withheld the table whole (every cell hidden, none as a small count)."""
    return not made[0] and len(made[1]) == (len(table) + 1) * (len(next(iter(table.values()), {})) or 1) and \
        bool(made[1])


def _cells_of(table: dict[str, dict[str, int]], all_counts: dict[str, int]) -> dict[Cell, int]:
    columns = [k for k in all_counts if k != TOTAL] + [TOTAL]
    cells: dict[Cell, int] = {(g, k): row[k] for g, row in table.items() for k in columns}
    cells.update({(ALL, k): all_counts[k] for k in columns})
    return cells


def _free_jointly(tables: list[dict[str, dict[str, int]]], all_counts: dict[str, int], n: int,
                  hidden: list[set[Cell]]) -> bool:
    """Hides more cells (in `hidden`, one set a table) where the joint audit finds a hidden cell pinned; True
    when it hid any. Raises nothing: a cell no shown cells can free has its table's row cells all hidden."""
    top = all_counts[TOTAL]
    cells = [_cells_of(t, all_counts) for t in tables]
    primary = [{c for c, v in cs.items() if 0 < v < n} for cs in cells]
    found = _jointly_pinned(cells, hidden, primary, n, top)
    if not found:
        return False
    i, cell = found
    if cell[0] != ALL:
        within = {c: v for c, v in cells[i].items() if c[0] != ALL}  # a move that leaves the whole group as it is
        if _close_cycle(cell, within, hidden[i], primary[i], n, top):
            return True
        hidden[i].update(c for c in cells[i] if c[0] != ALL)  # nothing shown can free it: hide the groups' cells
        return True
    best: tuple[int, Cell, list[list[Cell]]] | None = None
    for other in sorted(cells[0]):
        if other[0] != ALL or other == cell:
            continue
        for into, out_of in ((cell, other), (other, cell)):
            paths = _pair_paths(into, out_of, cells, hidden, primary, n, top)
            if paths is None:
                continue
            cost = sum(c for c, _ in paths) + (0 if other in hidden[0] else cells[0][other] + 1_000_000)
            if best is None or cost < best[0]:
                best = (cost, other, [used for _, used in paths])
    if best is None:  # no move of the whole group's row all tables allow: hide every group's cells
        for i, cs in enumerate(cells):
            hidden[i].update(c for c in cs if c[0] != ALL)
        return True
    for i, used in enumerate(best[2]):
        hidden[i].add(best[1])
        hidden[i].update(used)
    return True


def _arcs(cells: dict[Cell, int], hidden: set[Cell], primary: set[Cell], n: int, top: int
          ) -> dict[str, list[tuple[str, Cell]]]:
    """The residual graph of a table's hidden cells: node -> (successor, the cell of the arc)."""
    arcs: dict[str, list[tuple[str, Cell]]] = defaultdict(list)
    for cell in sorted(hidden):
        low, high = (1, n - 1) if cell in primary else (0, top)
        rise, fall = _moves(cell, cells[cell], low, high)
        row, column = "r:" + cell[0], "c:" + cell[1]
        if rise:
            arcs[row].append((column, cell))
        if fall:
            arcs[column].append((row, cell))
    return arcs


def _reach(arcs: dict[str, list[tuple[str, Cell]]], start: str, avoid: set[str], skip: Cell | None = None
           ) -> set[str]:
    seen, work = {start}, [start]
    while work:
        node = work.pop()
        for nxt, cell in arcs.get(node, ()):
            if nxt not in seen and nxt not in avoid and cell != skip:
                seen.add(nxt)
                work.append(nxt)
    return seen


def _jointly_pinned(cells: list[dict[Cell, int]], hidden: list[set[Cell]], primary: list[set[Cell]], n: int,
                    top: int) -> tuple[int, Cell] | None:
    """Gives (table, cell) for the first hidden cell that the tables together leave one value, or None.

    A move of the whole group's row changes every table: it is a pair of its hidden cells, one whose signed
    entry falls into the row node and one that rises out of it (the row's other cells as they are), and a
    table allows it when its groups' hidden cells carry the change between the two columns. A group's hidden
    cell is free when its residual cycle avoids the whole group's row, or passes it once by a pair every
    table allows; a whole-group cell is free when it is one of such a pair. Each witness is one simple move
    in each table, so the audit never says free of a pinned cell; it may say pinned of a free one, and then
    hides a cell more than needed."""
    row = "r:" + ALL
    arcs = [_arcs(cs, h, p, n, top) for cs, h, p in zip(cells, hidden, primary)]
    into = {c[1]: c for node, out in arcs[0].items() for nxt, c in out if nxt == row}  # column -> cell falling in
    out_of = {c[1]: c for nxt, c in arcs[0].get(row, ())}  # column -> cell rising out
    reach = [{"c:" + b: _reach(a, "c:" + b, {row}) for b in out_of} for a in arcs]
    allowed = {(a, b) for a in into for b in out_of if into[a] != out_of[b]
               and all("c:" + a in r["c:" + b] for r in reach)}
    for i, (cs, h, p) in enumerate(zip(cells, hidden, primary)):
        within = {c: v for c, v in cs.items() if c[0] != ALL}
        stuck = set(pinned(within, {c for c in h if c[0] != ALL}, p, n, top))
        for cell in sorted(h):
            if cell[0] == ALL:
                if not any(cell in (into[a], out_of[b]) for a, b in allowed):
                    return i, cell
            elif cell in stuck and not _through_row(cell, arcs[i], allowed, into, out_of):
                return i, cell
    return None


def _through_row(cell: Cell, arcs: dict[str, list[tuple[str, Cell]]], allowed: set[tuple[str, str]],
                 into: dict[str, Cell], out_of: dict[str, Cell]) -> bool:
    """True when the cell lies on a residual cycle of its table that passes the whole group's row once, by a
    pair of its cells every table allows."""
    row = "r:" + ALL
    ends = ("r:" + cell[0], "c:" + cell[1])
    for start, goal in ((ends[1], ends[0]), (ends[0], ends[1])):
        if not any(nxt == start and c == cell for nxt, c in arcs.get(goal, ())):
            continue  # the cell has no arc goal -> start
        before = _reach(arcs, start, {row}, cell)
        if goal in before:
            return True
        after: set[str] = set()
        for a, b in allowed:
            if "c:" + a in before and "c:" + b not in after:
                after |= _reach(arcs, "c:" + b, {row}, cell)
        if goal in after:
            return True
    return False


def _pair_paths(into: Cell, out_of: Cell, cells: list[dict[Cell, int]], hidden: list[set[Cell]],
                primary: list[set[Cell]], n: int, top: int) -> list[tuple[int, list[Cell]]] | None:
    """Gives, per table, the cheapest groups' cells to hide so that the table allows the whole group's row
    to move by `into` falling into the row and `out_of` rising out of it; None when a table cannot."""
    low, high = (1, n - 1) if into in primary[0] else (0, top)
    if not _moves(into, cells[0][into], low, high)[1]:
        return None
    low, high = (1, n - 1) if out_of in primary[0] else (0, top)
    if not _moves(out_of, cells[0][out_of], low, high)[0]:
        return None
    found = []
    for cs, h, p in zip(cells, hidden, primary):
        arcs: dict[str, list[tuple[str, int, Cell]]] = defaultdict(list)
        for other, value in cs.items():
            if other[0] == ALL:
                continue
            if other in h:
                low, high = (1, n - 1) if other in p else (0, top)
                cost = 0
            else:
                low, high = 0, top
                cost = value + (1_000 if other[1] == TOTAL else 0) + (1_000_000 if value == 0 else 0)
            rise, fall = _moves(other, value, low, high)
            if rise:
                arcs["r:" + other[0]].append(("c:" + other[1], cost, other))
            if fall:
                arcs["c:" + other[1]].append(("r:" + other[0], cost, other))
        path = _cheapest_path(arcs, "c:" + out_of[1], "c:" + into[1])
        if path is None:
            return None
        found.append(path)
    return found


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
