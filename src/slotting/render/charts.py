"""Structure charts as SVG text, for the committee report: every post drawn under its parent, over as many
charts (pages) as it takes, split by branch.

Pure functions from plain data to SVG strings; every piece of user text is XML-escaped. The sizes are in
points, so that the report can place a chart at its natural width. The boxes and the legend are drawn by
chart_svg, the charts of figures by bars (both re-exported here, where the report has always found them).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from . import layout
from .bars import cost_bars, group_chart, outcome_bar, profile_bars
from .chart_svg import (
    BOX_W,
    COLOURS,
    GAP_X,
    GAP_Y,
    LEGEND_W,
    LINE,
    PAGE_H,
    PAGE_W,
    STACK_GAP,
    Apart,
    Box,
    Label,
    Sized,
    box,
    box_height,
    legend_height,
    sized,
    svg,
    title_lines,
)
from .chart_svg import legend as legend_svg
from .chart_tree import cut_at, depth, descendants, pre_order, split, stack_columns, visible

__all__ = ["COLOURS", "PAGE_H", "PAGE_W", "Box", "Chart", "box_height", "cost_bars", "group_chart", "outcome_bar",
           "profile_bars", "structure_charts", "title_lines"]

STACK_ROOM = 250.0  # the height of a stack's column
STACK_INDENT = 10  # a stack's column hangs its boxes from a line this far to their left
STACK = "stack\x00"  # the id of a stack's node: a prefix no post id can take (ids have no control characters)
_Fits = Callable[[list[str], set[str]], bool]  # whether a chart of these roots, with these branches cut, fits


@dataclass(frozen=True)
class Chart:
    """One chart of a structure: its SVG, its size in points, and the post it continues from (if any)."""

    svg: str
    width: float
    height: float
    under: str | None  # the title of the post (or group) whose branch this chart draws, when it is one
    posts: int  # boxes drawn
    labels: tuple[Label, ...] = ()  # the boxes' words, when they are set apart from the SVG (see chart_svg.box)


@dataclass
class _Tree:
    """A structure's boxes as the charts see them: each node's children, its count of descendants, its place in
    pre-order, and each box's height as drawn (measured once: pagination measures a box many times)."""

    by_id: dict[str, Box]
    kids: dict[str | None, list[str]]
    legend: list[str]
    below: dict[str, int] = field(init=False)
    order: dict[str, int] = field(init=False)
    sizes: dict[tuple[str, bool], Sized] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.below = descendants(self.kids)
        self.order = {n: i for i, n in enumerate(pre_order(self.kids))}

    def shown(self, node: str, cut: bool) -> Box:
        """Gives the box as drawn: a branch drawn on a chart of its own says so under its title."""
        box = self.by_id[node]
        if not cut:
            return box
        n = self.below[node]
        return replace(box, note=(f"\u2193 {n:,} {'post' if n == 1 else 'posts'} below it:", "on the chart headed by it"))

    def sized(self, node: str, cut: bool) -> Sized:
        """Gives the box as drawn, with its lines and its height."""
        key = (node, cut)
        found = self.sizes.get(key)
        if found is None:
            found = self.sizes[key] = sized(self.shown(node, cut))
        return found

    def height(self, node: str, cut: bool) -> float:
        """Gives the height of the box as drawn."""
        return self.sized(node, cut).height


def structure_charts(boxes: list[Box], legend: list[str], page_w: float = PAGE_W, page_h: float = PAGE_H, *,
                     apart: bool = False) -> list[Chart]:
    """Gives the charts that draw every box under its parent: the whole structure when it fits a page at its
    natural size (7 pt text), else split by branch: a chart of the upper levels, in which a branch drawn on its
    own chart is one box saying so, then each such branch; the children of one post too many for a page are
    drawn over several charts. The work is linear in the boxes where the children of a post are leaves. With
    `apart`, the boxes' words are each chart's labels rather than the SVG's text."""
    kids = layout.children_of([layout.Node(b.id, b.parent, BOX_W, 0.0) for b in boxes])
    tree = _Tree({b.id: b for b in boxes}, kids, legend)
    charts: list[Chart] = []
    work: list[tuple[str | None, list[str]]] = [(None, kids[None])]  # (the parent repeated on top, its children)
    at = 0
    while at < len(work):
        head, roots = work[at]
        at += 1
        for chunk, cut in _pieces(tree, head, roots, page_w, page_h):
            words = Apart() if apart else None
            drawn, w, h, n = _draw(tree, head, chunk, set(cut), words)
            under = tree.by_id[head].title if head is not None else None
            charts.append(Chart(drawn, w, h, under, n, tuple(words.labels) if words is not None else ()))
            work.extend((c, kids[c]) for c in cut)
    return charts


def _pieces(tree: _Tree, head: str | None, roots: list[str], page_w: float, page_h: float
            ) -> list[tuple[list[str], list[str]]]:
    """Gives the charts that draw `roots` (under `head`, repeated on top of each): [(roots drawn, nodes whose
    children are left to charts of their own)], each chart fitting the page where any can. The largest
    branches go to charts of their own first, then as many of the next roots are taken as still fit."""
    kids = tree.kids

    def fits(chunk: list[str], cut: set[str]) -> bool:
        w, h = _measure(tree, head, chunk, cut)
        return w <= page_w and h <= page_h

    if head is not None and len(roots) > 4 and not any(kids.get(r) for r in roots):
        return _leaf_pieces(tree, head, roots, fits, page_w, page_h)
    pieces: list[tuple[list[str], list[str]]] = []
    rest = list(roots)
    while rest:
        chunk = rest[:1]
        cut = _levels(tree, head, chunk, page_h)
        while not fits(chunk, cut):  # then the widest branches on charts of their own
            shown = [n for n in visible(chunk, kids, cut) if kids.get(n) and n not in cut]
            if not shown:
                break  # one box, too large for the page: drawn all the same (it is scaled to fit)
            # the largest branch below the roots; a root's own children only when no other branch is left
            cut.add(max(shown, key=lambda n: (n not in chunk, tree.below[n], -tree.order[n])))
        drawn = set(visible(chunk, kids, cut))
        cut = {n for n in cut if n in drawn}  # a branch cut inside another that was cut is drawn with that one
        while len(chunk) < len(rest):  # the next roots, whole or as one box whose branch has its own chart
            more, nxt = rest[:len(chunk) + 1], rest[len(chunk)]
            if fits(more, cut):
                chunk = more
            elif kids.get(nxt) and fits(more, cut | {nxt}):
                chunk, cut = more, cut | {nxt}
            else:
                break
        pieces.append((chunk, sorted(cut, key=tree.order.__getitem__)))
        rest = rest[len(chunk):]
    return pieces


def _levels(tree: _Tree, head: str | None, chunk: list[str], page_h: float) -> set[str]:
    """Gives the nodes whose branches go to charts of their own so that the chunk's levels fit the page's
    height: the height grows with the levels, so a binary search."""
    # no more levels than boxes of the least height fit the page, so the search never walks a long chain whole
    most = int(page_h / (8 + LINE + GAP_Y)) + 1
    low, high = 1, depth(chunk, tree.kids, most)
    while low < high:
        mid = (low + high + 1) // 2
        if _measure(tree, head, chunk, cut_at(chunk, tree.kids, mid))[1] <= page_h:
            low = mid
        else:
            high = mid - 1
    return cut_at(chunk, tree.kids, low) if high >= 1 else set()


def _leaf_pieces(tree: _Tree, head: str, leaves: list[str], fits: _Fits, page_w: float, page_h: float
                 ) -> list[tuple[list[str], list[str]]]:
    """Gives the charts of a post's children that have none of their own, as the general search would (the
    longest run of them that fits each chart), in time linear in them: a run of more than three is one stack,
    whose columns fill in order, so the size of each longer run follows from the last one's. Each chart's run is
    checked against the measured layout, and the general search takes over if they ever disagree."""
    pieces: list[tuple[list[str], list[str]]] = []
    head_h = tree.height(head, False)
    start = 0
    while start < len(leaves):
        end = start + 1
        while end < len(leaves) and end - start < 4 and fits(leaves[start:end + 1], set()):
            end += 1
        if end - start == 4:
            end = _stack_run(tree, head_h, leaves, start, page_w, page_h)
        checked = fits(leaves[start:end], set()) or end == start + 1
        if not checked or (end < len(leaves) and fits(leaves[start:end + 1], set())):
            return pieces + _pieces_slowly(tree, head, leaves[start:], fits)
        pieces.append((leaves[start:end], []))
        start = end
    return pieces


def _stack_run(tree: _Tree, head_h: float, leaves: list[str], start: int, page_w: float, page_h: float) -> int:
    """Gives the end of the longest run of leaves from `start` (of at least four, which fit) whose stack under
    the head fits the page, computed as _nodes and layout.tidy would measure it."""
    columns, used, tallest, height = 1, 0.0, 0.0, 0.0
    end = start
    for i in range(start, len(leaves)):
        h = tree.height(leaves[i], False)
        if i > start and used + h > STACK_ROOM:
            columns, used, height = columns + 1, 0.0, 0.0
        used += h + STACK_GAP
        height += h + STACK_GAP
        width = max(max(BOX_W, columns * (BOX_W + STACK_INDENT)) + 2 * GAP_X, LEGEND_W)
        top = head_h + GAP_Y  # the stack's row, under the head's
        bottom = max(head_h, top + (max(tallest, height) - STACK_GAP)) + 8
        if i - start >= 4 and not (width <= page_w and bottom + 8 + legend_height(tree.legend, width) <= page_h):
            break
        tallest = max(tallest, height)
        end = i + 1
    return end


def _pieces_slowly(tree: _Tree, head: str, leaves: list[str], fits: _Fits) -> list[tuple[list[str], list[str]]]:
    """Gives the charts of leaves by adding one at a time while they fit (the general search, for leaves)."""
    pieces: list[tuple[list[str], list[str]]] = []
    rest = list(leaves)
    while rest:
        chunk = rest[:1]
        while len(chunk) < len(rest) and fits(rest[:len(chunk) + 1], set()):
            chunk = rest[:len(chunk) + 1]
        pieces.append((chunk, []))
        rest = rest[len(chunk):]
    return pieces


def _nodes(tree: _Tree, head: str | None, roots: list[str], cut: set[str]
           ) -> tuple[list[layout.Node], dict[str, list[list[str]]]]:
    """Gives the layout's nodes for a chart (a stack of leaves is one node) and each stack's columns."""
    kids = tree.kids
    nodes: list[layout.Node] = []
    stacks: dict[str, list[list[str]]] = {}
    if head is not None:
        nodes.append(layout.Node(head, None, BOX_W, tree.height(head, head in cut)))

    def hang(parent: str, children: list[str]) -> list[str]:
        """Adds a stack of the leaves among the children; gives the children drawn one by one."""
        leaves, others = split(kids, children, cut)
        if leaves:
            heights = [tree.height(k, k in cut) for k in leaves]
            columns = stack_columns(heights, STACK_ROOM)
            stacks[parent] = [[leaves[i] for i in col] for col in columns]
            width = len(columns) * (BOX_W + STACK_INDENT)
            height = max(sum(heights[i] + STACK_GAP for i in col) for col in columns) - STACK_GAP
            nodes.append(layout.Node(STACK + parent, parent, width, height))
        return others

    stack = [(r, head) for r in reversed(hang(head, roots) if head is not None else roots)]
    while stack:
        node, parent = stack.pop()
        nodes.append(layout.Node(node, parent, BOX_W, tree.height(node, node in cut)))
        if node not in cut:
            stack.extend((k, node) for k in reversed(hang(node, kids.get(node, []))))
    return nodes, stacks


def _measure(tree: _Tree, head: str | None, roots: list[str], cut: set[str]) -> tuple[float, float]:
    """Gives the size of the chart _draw would give."""
    nodes, _ = _nodes(tree, head, roots, cut)
    placed = layout.tidy(nodes, GAP_X, GAP_Y)
    size = {n.id: n for n in nodes}
    width = max(max(p.x + size[i].width for i, p in placed.items()) + 2 * GAP_X, LEGEND_W)
    bottom = max(p.y + size[i].height for i, p in placed.items()) + 8
    return width, bottom + 8 + legend_height(tree.legend, width)


LINE_STYLE = "stroke='#607d8b' stroke-width='0.8'"


def _draw(tree: _Tree, head: str | None, roots: list[str], cut: set[str], apart: Apart | None
          ) -> tuple[str, float, float, int]:
    """Gives (SVG, width, height, boxes drawn) of one chart; with `apart`, the boxes' words and shapes go there
    (see chart_svg.Apart)."""
    nodes, stacks = _nodes(tree, head, roots, cut)
    placed = layout.tidy(nodes, GAP_X, GAP_Y)
    size = {n.id: n for n in nodes}
    body: list[str] = []
    drawn = 0
    bottom = 0.0
    for n in nodes:
        p = placed[n.id]
        x, y = p.x + GAP_X, p.y + 8
        bottom = max(bottom, y + n.height)
        if n.parent is not None:  # an elbow from the parent's bottom edge to this box's top
            q = placed[n.parent]
            px, py = q.x + GAP_X + size[n.parent].width / 2, q.y + 8 + size[n.parent].height
            mid = y - GAP_Y / 2
            cx = x + n.width / 2 if not n.id.startswith(STACK) else x + 4
            if apart is not None:
                apart.line([(px, py), (px, mid), (cx, mid), (cx, y)])
            else:
                body.append(f"<polyline points='{px:.1f},{py:.1f} {px:.1f},{mid:.1f} {cx:.1f},{mid:.1f} {cx:.1f},{y:.1f}' "
                            f"fill='none' {LINE_STYLE}/>")
        if n.id.startswith(STACK):
            drawn += _draw_stack(tree, stacks[n.id[len(STACK):]], x, y, cut, body, apart)
            continue
        body += box(x, y, tree.sized(n.id, n.id in cut), apart)
        drawn += 1
    width = max(p.x + size[i].width for i, p in placed.items()) + 2 * GAP_X
    width = float(math.ceil(max(width, LEGEND_W)))  # whole points: the page places it at exactly this width
    if apart is not None:
        body = apart.body()
    body += legend_svg(tree.legend, bottom + 18, width)
    height = float(math.ceil(bottom + 8 + legend_height(tree.legend, width)))
    return svg(width, height, body), width, height, drawn


def _draw_stack(tree: _Tree, columns: list[list[str]], x: float, y: float, cut: set[str], body: list[str],
                apart: Apart | None) -> int:
    """Adds a stack's columns to the body (or `apart`), each hanging its boxes from a spine; gives the boxes
    drawn."""
    def line(x1: float, y1: float, x2: float, y2: float) -> None:
        if apart is not None:
            apart.line([(x1, y1), (x2, y2)])
        else:
            body.append(f"<line x1='{x1:.1f}' y1='{y1:.1f}' x2='{x2:.1f}' y2='{y2:.1f}' {LINE_STYLE}/>")

    spines = [x + 4 + c * (BOX_W + STACK_INDENT) for c in range(len(columns))]
    if len(columns) > 1:  # a rail along the columns' tops, from which each hangs
        line(spines[0], y, spines[-1], y)
    drawn = 0
    for spine, column in zip(spines, columns):
        cy = end = y
        for k in column:
            h = tree.height(k, k in cut)
            middle = cy + h / 2
            line(spine, middle, spine + 6, middle)
            body += box(spine + 6, cy, tree.sized(k, k in cut), apart)
            drawn += 1
            end = cy + h / 2
            cy += h + STACK_GAP
        line(spine, y, spine, end)
    return drawn
