"""The exact audit of one table's hidden cells (rules.disclosure): which are pinned, and what frees one.

The residual graph has the rows and columns as nodes and an arc row->column for each hidden cell whose
signed entry may rise within its bounds, column->row where it may fall (see rules.disclosure for why a
hidden cell can take another value exactly when it lies on a cycle of this graph).
"""

from __future__ import annotations

import heapq
from collections import defaultdict

Cell = tuple[str, str]  # (group or "all", outcome or "total")
ALL = "all"
TOTAL = "total"
CostedArcs = dict[str, list[tuple[str, int, Cell]]]  # node -> (successor, cost of hiding the cell, the cell)


def cells_of(table: dict[str, dict[str, int]], all_counts: dict[str, int]) -> dict[Cell, int]:
    """Gives every cell of a table with its count: the groups' rows, then the whole group's, totals last."""
    columns = [k for k in all_counts if k != TOTAL] + [TOTAL]
    cells: dict[Cell, int] = {(g, k): row[k] for g, row in table.items() for k in columns}
    cells.update({(ALL, k): all_counts[k] for k in columns})
    return cells


def sign(cell: Cell) -> int:
    """+1 for a group's outcome cell and the grand total; -1 for the cells that are totals of others."""
    group, column = cell
    return 1 if (group == ALL) == (column == TOTAL) else -1


def moves(cell: Cell, value: int, low: int, high: int) -> tuple[bool, bool]:
    """Gives (the cell's signed entry may rise, may fall) within [low, high]."""
    up, down = value < high, value > low
    return (up, down) if sign(cell) > 0 else (down, up)


def hidden_moves(cell: Cell, value: int, primary: set[Cell], n: int, top: int) -> tuple[bool, bool]:
    """Gives (may rise, may fall) of a hidden cell: a small count stays within 1..n-1, any other within 0..top."""
    low, high = (1, n - 1) if cell in primary else (0, top)
    return moves(cell, value, low, high)


def costed_arcs(cells: dict[Cell, int], hidden: set[Cell], primary: set[Cell], n: int, top: int) -> CostedArcs:
    """Gives the residual arcs of the cells as they would be once hidden, each with what hiding it costs: nothing
    for a hidden cell; for a shown one its count, small counts first, zeros and totals last, as they tell a reader
    most."""
    arcs: CostedArcs = defaultdict(list)
    for cell, value in cells.items():
        if cell in hidden:
            rise, fall = hidden_moves(cell, value, primary, n, top)
            cost = 0
        else:
            rise, fall = moves(cell, value, 0, top)
            cost = value + (1_000 if cell[1] == TOTAL else 0) + (1_000_000 if value == 0 else 0)
        if rise:
            arcs["r:" + cell[0]].append(("c:" + cell[1], cost, cell))
        if fall:
            arcs["c:" + cell[1]].append(("r:" + cell[0], cost, cell))
    return arcs


def close_cycle(cell: Cell, cells: dict[Cell, int], hidden: set[Cell], primary: set[Cell], n: int,
                top: int) -> bool:
    """Hides the cheapest shown cells that put a pinned cell on a residual cycle; False when none can.

    A cheapest path (Dijkstra) from one end of the cell back to the other, over the residual arcs of
    the hidden cells (free) and of shown cells as they would be once hidden (`costed_arcs`). Hiding a
    cell only adds arcs, so a cell freed stays free.
    """
    arcs = costed_arcs({c: v for c, v in cells.items() if c != cell}, hidden, primary, n, top)
    rise, fall = hidden_moves(cell, cells[cell], primary, n, top)
    row, column = "r:" + cell[0], "c:" + cell[1]
    best: tuple[int, list[Cell]] | None = None
    for possible, start, goal in ((rise, column, row), (fall, row, column)):
        if not possible:
            continue
        path = cheapest_path(arcs, start, goal)
        if path is not None and (best is None or path[0] < best[0]):
            best = path
    if best is None:
        return False
    hidden.update(best[1])
    return True


def cheapest_path(arcs: CostedArcs, start: str, goal: str) -> tuple[int, list[Cell]] | None:
    """Gives (cost, cells on it) of the cheapest path from start to goal, or None (Dijkstra)."""
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


def pinned(cells: dict[Cell, int], hidden: set[Cell], primary: set[Cell], n: int, top: int) -> list[Cell]:
    """Gives the hidden cells whose value follows from what is shown, in cell order (exact)."""
    arcs: dict[str, set[str]] = defaultdict(set)  # residual graph: node -> successors
    may: dict[Cell, tuple[bool, bool]] = {}  # cell -> (signed entry may rise, may fall)
    for cell in hidden:
        rise, fall = may[cell] = hidden_moves(cell, cells[cell], primary, n, top)
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
        rise, fall = may[cell]
        row, column = ends[cell]
        if not (rise or fall) or component.get(row) != component.get(column):
            found.append(cell)  # no arc, or no way back to where its arc starts
        elif rise and fall and (row, column) in bridges:
            found.append(cell)  # its only cycle is its own two arcs: a shift of nothing
    return found


def _bridges(edges: list[tuple[str, str]]) -> set[tuple[str, str]]:
    """Gives the edges of an undirected graph (no two alike) that lie on no cycle (iterative Tarjan)."""
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
    """Gives the strongly connected components (Tarjan's algorithm, iterative): node -> component number."""
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
