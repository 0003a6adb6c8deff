"""A tidy layout of a tree or a forest of boxes of any size: where each box goes, so that every box is drawn.

Reingold and Tilford's algorithm ("Tidier drawings of trees", IEEE TSE 7(2), 1981), for boxes of varying size
as Walker's extension allows (Walker, "A node-positioning algorithm for general trees", 1990): each subtree is
laid out on its own, then its children's subtrees are pushed together from left to right, each as close to the
ones before it as their contours (the left and right edge of each level) allow; a parent is centred over its
first and last child. The result is tidy: no two boxes overlap, siblings keep their order, a parent is centred
over its children, and a subtree is drawn the same wherever it is. Levels are rows: a level's boxes share a top
edge, and a row is as tall as its tallest box.

Pure: boxes in, positions out. Iterative, so a chain thousands of posts deep is laid out like any other.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Node:
    id: str
    parent: str | None  # None, or a parent not among the nodes: a root of the forest
    width: float
    height: float


@dataclass(frozen=True)
class Placed:
    x: float  # the box's left edge
    y: float  # its top edge
    depth: int


def children_of(nodes: Sequence[Node]) -> dict[str | None, list[str]]:
    """Gives each node's children in the nodes' order; the roots (no parent among the nodes) under None. A cycle
    of parents is broken where it would close, so that every node is under exactly one root."""
    known = {n.id for n in nodes}
    parent = {n.id: (n.parent if n.parent in known and n.parent != n.id else None) for n in nodes}
    for n in nodes:  # a cycle would leave its nodes under no root: the first node met on it becomes one
        seen: set[str] = set()
        at: str | None = n.id
        while at is not None and at not in seen:
            seen.add(at)
            at = parent[at]
        if at is not None:
            parent[at] = None
    kids: dict[str | None, list[str]] = {None: []}
    for n in nodes:
        kids.setdefault(parent[n.id], []).append(n.id)
    return kids


def tidy(nodes: Sequence[Node], gap_x: float = 8, gap_y: float = 16) -> dict[str, Placed]:
    """Gives every node's place: boxes at least gap_x apart within a row and rows gap_y apart, the leftmost box
    at x = 0 and the first row at y = 0. The roots of a forest are laid out side by side as siblings are."""
    size = {n.id: n for n in nodes}
    kids = children_of(nodes)
    order: list[str] = []  # parents before children (iterative, depth first)
    depth: dict[str, int] = {}
    stack = [(r, 0) for r in reversed(kids[None])]
    while stack:
        node, d = stack.pop()
        order.append(node)
        depth[node] = d
        stack.extend((k, d + 1) for k in reversed(kids.get(node, [])))
    # Each subtree's contour: for each level below its root (0 = the root), the left and right edge relative to
    # the root's centre; and each child's centre relative to its parent's.
    contour: dict[str, list[tuple[float, float]]] = {}
    offset: dict[str, float] = {}
    for node in reversed(order):
        half = size[node].width / 2
        below = _packed(kids.get(node, []), contour, offset, gap_x)
        contour[node] = [(-half, half), *below]
        for k in kids.get(node, []):
            del contour[k]  # a child's contour is in its parent's now; keeping them all would be quadratic memory
    roots = kids[None]
    _packed(roots, contour, offset, gap_x)
    rows: dict[int, float] = {}
    for node in order:
        rows[depth[node]] = max(rows.get(depth[node], 0.0), size[node].height)
    top = [0.0]
    for d in range(1, len(rows)):
        top.append(top[-1] + rows[d - 1] + gap_y)
    parent = {k: p for p, ks in kids.items() for k in ks}
    centre: dict[str, float] = {}
    for node in order:
        above = parent[node]
        centre[node] = offset[node] + (centre[above] if above is not None else 0.0)
    left = min((centre[n] - size[n].width / 2 for n in order), default=0.0)
    return {n: Placed(centre[n] - size[n].width / 2 - left, top[depth[n]], depth[n]) for n in order}


def _packed(siblings: list[str], contour: dict[str, list[tuple[float, float]]], offset: dict[str, float],
            gap_x: float) -> list[tuple[float, float]]:
    """Pushes the siblings' subtrees together from left to right, sets each one's centre relative to their
    parent's (the parent centred over the first and the last), and gives their joint contour, level by level."""
    if not siblings:
        return []
    joint: list[tuple[float, float]] = list(contour[siblings[0]])
    at = {siblings[0]: 0.0}
    for s in siblings[1:]:
        theirs = contour[s]
        shift = max(joint[d][1] + gap_x - theirs[d][0] for d in range(min(len(joint), len(theirs))))
        at[s] = shift
        for d, (lo, hi) in enumerate(theirs):
            if d < len(joint):
                joint[d] = (joint[d][0], hi + shift)
            else:
                joint.append((lo + shift, hi + shift))
    middle = (at[siblings[0]] + at[siblings[-1]]) / 2
    for s in siblings:
        offset[s] = at[s] - middle
    return [(lo - middle, hi - middle) for lo, hi in joint]
