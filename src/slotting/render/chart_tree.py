"""The shape of a structure as the charts walk it: descendants, pre-order, levels, the leaves a chart stacks
in columns. Pure functions of each node's children (layout.children_of)."""

from __future__ import annotations

from .chart_svg import STACK_GAP


def descendants(kids: dict[str | None, list[str]]) -> dict[str, int]:
    """Gives each node's count of descendants."""
    count: dict[str, int] = {}
    order: list[str] = []
    stack = list(kids[None])
    while stack:
        node = stack.pop()
        order.append(node)
        stack.extend(kids.get(node, []))
    for node in reversed(order):
        count[node] = sum(1 + count[k] for k in kids.get(node, []))
    return count


def visible(roots: list[str], kids: dict[str | None, list[str]], cut: set[str]) -> list[str]:
    """Gives the nodes a chart draws: the roots and what is below them, down to the cut nodes."""
    seen, stack = [], list(roots)
    while stack:
        node = stack.pop()
        seen.append(node)
        if node not in cut:
            stack.extend(kids.get(node, []))
    return seen


def pre_order(kids: dict[str | None, list[str]]) -> list[str]:
    """Gives the nodes parents first, siblings in their order."""
    order: list[str] = []
    stack = list(reversed(kids[None]))
    while stack:
        node = stack.pop()
        order.append(node)
        stack.extend(reversed(kids.get(node, [])))
    return order


def depth(roots: list[str], kids: dict[str | None, list[str]], most: int) -> int:
    """Gives the levels below the roots (0: none), or `most` when there are more."""
    level, frontier = 0, [k for n in roots for k in kids.get(n, [])]
    while frontier and level < most:
        level += 1
        frontier = [k for n in frontier for k in kids.get(n, [])]
    return level


def cut_at(roots: list[str], kids: dict[str | None, list[str]], limit: int) -> set[str]:
    """Gives the nodes `limit` levels below the roots that have children: their branches go to charts of their
    own."""
    frontier = list(roots)
    for _ in range(limit):
        frontier = [k for n in frontier for k in kids.get(n, [])]
    return {n for n in frontier if kids.get(n)}


def split(kids: dict[str | None, list[str]], children: list[str], cut: set[str]) -> tuple[list[str], list[str]]:
    """Gives (the children drawn in a stack of columns, the others): the children drawn without children of their
    own are stacked when there are more than three, or two or more beside children with branches, as printed
    organisation charts hang staff posts; a stack takes a column's width where a row would take one each."""
    leaves = [k for k in children if not kids.get(k) or k in cut]
    others = [k for k in children if kids.get(k) and k not in cut]
    if len(leaves) > 3 or (len(leaves) > 1 and others):
        return leaves, others
    return [], children


def stack_columns(heights: list[float], room: float) -> list[list[int]]:
    """Gives the stack's columns (indexes into heights), each at most `room` tall when it can be."""
    columns: list[list[int]] = [[]]
    used = 0.0
    for i, h in enumerate(heights):
        if columns[-1] and used + h > room:
            columns.append([])
            used = 0.0
        columns[-1].append(i)
        used += h + STACK_GAP
    return columns
