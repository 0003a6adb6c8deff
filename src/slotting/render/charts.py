"""Charts as SVG text, for the committee report: structure charts coloured by outcome, and bars of money.

Pure functions from plain data to an SVG string; every piece of user text is XML-escaped. The sizes are
in points, so that the report can place a chart at its natural width.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass, replace
from decimal import Decimal
from xml.sax.saxutils import escape

from . import layout

COLOURS = {  # what a box's colour says, in the legend's order
    "assimilated": ("#2e7d32", "assimilated"),
    "matched": ("#1565c0", "matched (assessment)"),
    "pool": ("#ef6c00", "competitive pool"),
    "competitive": ("#ef6c00", "in a competitive pool"),
    "displaced": ("#c62828", "displaced (at risk)"),
    "ring-fenced": ("#6a1b9a", "ring-fenced"),
    "on hold": ("#757575", "on hold"),
    "vacant": ("#9e9e9e", "vacant"),
    "held": ("#546e7a", "held, in the review"),
    "outside": ("#cfd8dc", "outside the review"),
    "group": ("#37474f", "group"),
    "post": ("#455a64", "post in the review"),
}
BOX_W, GAP_X, GAP_Y = 104, 10, 18
TITLE_PT, SMALL_PT = 7.5, 7.0  # the smallest text of a structure chart is 7 pt, drawn at its natural size
LINE = 8.8  # the height of a line of 7.5 pt text
WRAP = 24  # characters of a title's line (Libertinus Serif at 7.5 pt, 96 pt of the box's width)
TITLE_LINES = 5  # a title longer than five lines ends in an ellipsis; its whole text is in slotting run
STACK_GAP = 5
FONT = "font-family='Libertinus Serif, DejaVu Sans, sans-serif'"
LEGEND_W = 260.0  # the narrowest chart: its legend wraps within it
PAGE_W, PAGE_H = 720.0, 400.0  # a landscape A4 page's room for a chart, in points, drawn at 100%


@dataclass(frozen=True)
class Box:
    id: str
    title: str
    parent: str | None
    key: str  # a key of COLOURS, or "mixed" (then `parts` says how the places divide)
    count: int = 1  # places in the post: a generic post shows "x 5"
    parts: tuple[tuple[str, int | Decimal], ...] = ()  # (a key of COLOURS, places) when they differ
    note: tuple[str, ...] = ()  # lines under the title (a branch drawn on a chart of its own says so)


def _svg(width: float, height: float, body: list[str]) -> str:
    return (f"<svg xmlns='http://www.w3.org/2000/svg' width='{width:.0f}' height='{height:.0f}' "
            f"viewBox='0 0 {width:.0f} {height:.0f}'>" + "".join(body) + "</svg>")


def _text(x: float, y: float, text: str, size: float = 7, anchor: str = "middle", colour: str = "#000",
          weight: str = "normal") -> str:
    return (f"<text x='{x:.1f}' y='{y:.1f}' font-size='{size}' text-anchor='{anchor}' fill='{colour}' "
            f"font-weight='{weight}' {FONT}>{escape(text)}</text>")


def title_lines(title: str) -> list[str]:
    """Gives a title wrapped to the box's width: at most TITLE_LINES lines, the last ending in an ellipsis when
    the title is longer."""
    lines = textwrap.wrap(title[:WRAP * (TITLE_LINES + 1)], WRAP) or ["-"]
    if len(lines) > TITLE_LINES:
        lines = lines[:TITLE_LINES]
        lines[-1] = lines[-1][:WRAP - 1].rstrip() + "\u2026"
    return lines


def _amount(value: int | Decimal) -> str:
    return f"{value:,}" if isinstance(value, int) or value == value.to_integral_value() else f"{value.normalize():,}"


def _extra_lines(box: Box) -> list[str]:
    lines = [f"x {box.count:,}"] if box.count > 1 else []
    if box.key == "mixed":
        lines += [f"{_amount(n)} {COLOURS[k][1]}" for k, n in box.parts]
    return lines + list(box.note)


def box_height(box: Box) -> float:
    """Gives the height a box takes: its title's lines, its place count and its outcomes' lines."""
    bar = 7 if box.key == "mixed" else 0
    return 8 + LINE * len(title_lines(box.title)) + 8.6 * len(_extra_lines(box)) + bar


def _box(x: float, y: float, box: Box) -> list[str]:
    mixed = box.key == "mixed"
    colour = "#546e7a" if mixed else COLOURS[box.key][0]
    height = box_height(box)
    body = [f"<rect x='{x:.1f}' y='{y:.1f}' width='{BOX_W}' height='{height:.1f}' rx='3' fill='{colour}' "
            f"fill-opacity='{0.04 if mixed else 0.15}' stroke='{colour}' stroke-width='1'/>"]
    at = y + 4 + TITLE_PT
    for line in title_lines(box.title):
        body.append(_text(x + BOX_W / 2, at, line, TITLE_PT))
        at += LINE
    for line in _extra_lines(box):
        body.append(_text(x + BOX_W / 2, at - 0.6, line, SMALL_PT, colour="#263238"))
        at += 8.6
    if mixed:  # the places' outcomes as proportions of one bar, in the legend's colours
        total = float(sum(n for _, n in box.parts)) or 1.0
        left = x + 6
        for key, n in box.parts:
            width = (BOX_W - 12) * float(n) / total
            body.append(f"<rect x='{left:.1f}' y='{at - 5:.1f}' width='{width:.1f}' height='5' "
                        f"fill='{COLOURS[key][0]}'/>")
            left += width
    return body


@dataclass(frozen=True)
class Chart:
    """One chart of a structure: its SVG, its size in points, and the post it continues from (if any)."""

    svg: str
    width: float
    height: float
    under: str | None  # the title of the post (or group) whose branch this chart draws, when it is one
    posts: int  # boxes drawn


def structure_charts(boxes: list[Box], legend: list[str], page_w: float = PAGE_W, page_h: float = PAGE_H
                     ) -> list[Chart]:
    """Gives the charts that draw every box under its parent: the whole structure when it fits a page at its
    natural size (7 pt text), else split by branch: a chart of the upper levels, in which a branch drawn on its
    own chart is one box saying so, then each such branch; the children of one post too many for a page are
    drawn over several charts."""
    nodes = [layout.Node(b.id, b.parent, BOX_W, box_height(b)) for b in boxes]
    kids = layout.children_of(nodes)
    by_id = {b.id: b for b in boxes}
    below = _below(kids)
    charts: list[Chart] = []
    work: list[tuple[str | None, list[str]]] = [(None, kids[None])]  # (the parent repeated on top, its children)
    while work:
        head, roots = work.pop(0)
        for chunk, cut in _pieces(head, roots, kids, by_id, below, legend, page_w, page_h):
            cut_ids = {c for c in cut}
            svg, w, h, n = _draw(head, chunk, kids, by_id, cut_ids, below, legend, max(page_w, 0))
            charts.append(Chart(svg, w, h, by_id[head].title if head is not None else None, n))
            work.extend((c, kids[c]) for c in cut)
    return charts


def _below(kids: dict[str | None, list[str]]) -> dict[str, int]:
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


def _pieces(head: str | None, roots: list[str], kids: dict[str | None, list[str]], by_id: dict[str, Box],
            below: dict[str, int], legend: list[str], page_w: float, page_h: float) -> list[tuple[list[str], list[str]]]:
    """Gives the charts that draw `roots` (under `head`, repeated on top of each): [(roots drawn, nodes whose
    children are left to charts of their own)], each chart fitting the page where any can. The largest
    branches go to charts of their own first, then as many of the next roots are taken as still fit."""
    order = {n: i for i, n in enumerate(_pre_order(kids))}

    def fits(chunk: list[str], cut: set[str]) -> bool:
        w, h = _measure(head, chunk, kids, by_id, cut, below, legend)
        return w <= page_w and h <= page_h

    pieces: list[tuple[list[str], list[str]]] = []
    rest = list(roots)
    while rest:
        chunk, cut = rest[:1], set()
        # as many levels as the page's height takes: the height grows with the levels, so a binary search
        low, high = 1, _depth(chunk, kids)
        while low < high:
            mid = (low + high + 1) // 2
            if _measure(head, chunk, kids, by_id, _cut_at(chunk, kids, mid), below, legend)[1] <= page_h:
                low = mid
            else:
                high = mid - 1
        cut = _cut_at(chunk, kids, low) if high >= 1 else set()
        while not fits(chunk, cut):  # then the widest branches on charts of their own
            shown = [n for n in _visible(chunk, kids, cut) if kids.get(n) and n not in cut]
            if not shown:
                break  # one box, too large for the page: drawn all the same (it is scaled to fit)
            # the largest branch below the roots; a root's own children only when no other branch is left
            cut.add(max(shown, key=lambda n: (n not in chunk, below[n], -order[n])))
        drawn = set(_visible(chunk, kids, cut))
        cut = {n for n in cut if n in drawn}  # a branch cut inside another that was cut is drawn with that one
        while len(chunk) < len(rest):  # the next roots, whole or as one box whose branch has its own chart
            more, nxt = rest[:len(chunk) + 1], rest[len(chunk)]
            if fits(more, cut):
                chunk = more
            elif kids.get(nxt) and fits(more, cut | {nxt}):
                chunk, cut = more, cut | {nxt}
            else:
                break
        pieces.append((chunk, sorted(cut, key=order.__getitem__)))
        rest = rest[len(chunk):]
    return pieces


def _visible(roots: list[str], kids: dict[str | None, list[str]], cut: set[str]) -> list[str]:
    """Gives the nodes a chart draws: the roots and what is below them, down to the cut nodes."""
    seen, stack = [], list(roots)
    while stack:
        node = stack.pop()
        seen.append(node)
        if node not in cut:
            stack.extend(kids.get(node, []))
    return seen


def _pre_order(kids: dict[str | None, list[str]]) -> list[str]:
    order: list[str] = []
    stack = list(reversed(kids[None]))
    while stack:
        node = stack.pop()
        order.append(node)
        stack.extend(reversed(kids.get(node, [])))
    return order


def _depth(roots: list[str], kids: dict[str | None, list[str]]) -> int:
    """Gives the levels below the roots (0: none)."""
    level, frontier = 0, [k for n in roots for k in kids.get(n, [])]
    while frontier:
        level += 1
        frontier = [k for n in frontier for k in kids.get(n, [])]
    return level


def _cut_at(roots: list[str], kids: dict[str | None, list[str]], limit: int) -> set[str]:
    """Gives the nodes `limit` levels below the roots that have children: their branches go to charts of their
    own."""
    frontier = list(roots)
    for _ in range(limit):
        frontier = [k for n in frontier for k in kids.get(n, [])]
    return {n for n in frontier if kids.get(n)}


def _split(kids: dict[str | None, list[str]], children: list[str], cut: set[str]) -> tuple[list[str], list[str]]:
    """Gives (the children drawn in a stack of columns, the others): the children drawn without children of their
    own are stacked when there are more than three, or two or more beside children with branches, as printed
    organisation charts hang staff posts; a stack takes a column's width where a row would take one each."""
    leaves = [k for k in children if not kids.get(k) or k in cut]
    others = [k for k in children if kids.get(k) and k not in cut]
    if len(leaves) > 3 or (len(leaves) > 1 and others):
        return leaves, others
    return [], children


def _stack_columns(heights: list[float], room: float) -> list[list[int]]:
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


STACK_ROOM = 250.0  # the height of a stack's column
STACK_INDENT = 10  # a stack's column hangs its boxes from a line this far to their left
STACK = "stack\x00"  # the id of a stack's node: a prefix no post id can take (ids have no control characters)


def _nodes(head: str | None, roots: list[str], kids: dict[str | None, list[str]], boxes: dict[str, Box],
           cut: set[str], below: dict[str, int]) -> tuple[list[layout.Node], dict[str, list[list[str]]]]:
    """Gives the layout's nodes for a chart (a stack of leaves is one node) and each stack's columns."""
    by_id = _Marked(boxes, cut, below)
    nodes: list[layout.Node] = []
    stacks: dict[str, list[list[str]]] = {}
    if head is not None:
        nodes.append(layout.Node(head, None, BOX_W, box_height(by_id[head])))
    def hang(parent: str, children: list[str]) -> list[str]:
        """Adds a stack of the leaves among the children; gives the children drawn one by one."""
        leaves, others = _split(kids, children, cut)
        if leaves:
            heights = [box_height(by_id[k]) for k in leaves]
            columns = [[leaves[i] for i in col] for col in _stack_columns(heights, STACK_ROOM)]
            stacks[parent] = columns
            width = len(columns) * (BOX_W + STACK_INDENT)
            height = max(sum(box_height(by_id[k]) + STACK_GAP for k in col) for col in columns) - STACK_GAP
            nodes.append(layout.Node(STACK + parent, parent, width, height))
        return others

    stack = [(r, head) for r in reversed(hang(head, roots) if head is not None else roots)]
    while stack:
        node, parent = stack.pop()
        nodes.append(layout.Node(node, parent, BOX_W, box_height(by_id[node])))
        if node not in cut:
            stack.extend((k, node) for k in reversed(hang(node, kids.get(node, []))))
    return nodes, stacks


def _measure(head: str | None, roots: list[str], kids: dict[str | None, list[str]], by_id: dict[str, Box],
             cut: set[str], below: dict[str, int], legend: list[str]) -> tuple[float, float]:
    """Gives the size of the chart _draw would give."""
    nodes, _ = _nodes(head, roots, kids, by_id, cut, below)
    placed = layout.tidy(nodes, GAP_X, GAP_Y)
    size = {n.id: n for n in nodes}
    width = max(max(p.x + size[i].width for i, p in placed.items()) + 2 * GAP_X, LEGEND_W)
    bottom = max(p.y + size[i].height for i, p in placed.items()) + 8
    return width, bottom + 8 + _legend_height(legend, width)


def _draw(head: str | None, roots: list[str], kids: dict[str | None, list[str]], by_id: dict[str, Box],
          cut: set[str], below: dict[str, int], legend: list[str], page_w: float) -> tuple[str, float, float, int]:
    """Gives (SVG, width, height, boxes drawn) of one chart."""
    nodes, stacks = _nodes(head, roots, kids, by_id, cut, below)
    by_id = _Marked(by_id, cut, below)
    placed = layout.tidy(nodes, GAP_X, GAP_Y)
    size = {n.id: n for n in nodes}
    body: list[str] = []
    line = "stroke='#607d8b' stroke-width='0.8'"
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
            body.append(f"<polyline points='{px:.1f},{py:.1f} {px:.1f},{mid:.1f} {cx:.1f},{mid:.1f} {cx:.1f},{y:.1f}' "
                        f"fill='none' {line}/>")
        if n.id.startswith(STACK):
            columns = stacks[n.id[len(STACK):]]
            spines = [x + 4 + c * (BOX_W + STACK_INDENT) for c in range(len(columns))]
            if len(columns) > 1:  # a rail along the columns' tops, from which each hangs
                body.append(f"<line x1='{spines[0]:.1f}' y1='{y:.1f}' x2='{spines[-1]:.1f}' y2='{y:.1f}' {line}/>")
            for spine, column in zip(spines, columns):
                cy = y
                for k in column:
                    h = box_height(by_id[k])
                    middle = cy + h / 2
                    body.append(f"<line x1='{spine:.1f}' y1='{middle:.1f}' x2='{spine + 6:.1f}' y2='{middle:.1f}' {line}/>")
                    body += _box(spine + 6, cy, by_id[k])
                    drawn += 1
                    end = cy + h / 2
                    cy += h + STACK_GAP
                body.append(f"<line x1='{spine:.1f}' y1='{y:.1f}' x2='{spine:.1f}' y2='{end:.1f}' {line}/>")
            continue
        body += _box(x, y, by_id[n.id])
        drawn += 1
    width = max(p.x + size[i].width for i, p in placed.items()) + 2 * GAP_X
    width = float(math.ceil(max(width, LEGEND_W)))  # whole points: the page places it at exactly this width
    body += _legend(legend, bottom + 18, width)
    height = float(math.ceil(bottom + 8 + _legend_height(legend, width)))
    return _svg(width, height, body), width, height, drawn


def _marked(box: Box, cut: bool, below: dict[str, int]) -> Box:
    """Gives the box as drawn: a branch drawn on a chart of its own says so under its title."""
    if not cut:
        return box
    return replace(box, note=(f"\u2193 {below[box.id]:,} {'post' if below[box.id] == 1 else 'posts'} below it:",
                              "on the chart headed by it"))


class _Marked(dict):
    """The boxes as a chart draws them (see _marked), looked up by id."""

    def __init__(self, boxes: dict[str, Box], cut: set[str], below: dict[str, int]) -> None:
        super().__init__()
        self.boxes, self.cut, self.below = boxes, cut, below

    def __missing__(self, key: str) -> Box:
        box = self[key] = _marked(self.boxes[key], key in self.cut, self.below)
        return box


def _legend_height(keys: list[str], width: float) -> float:
    x, rows = float(GAP_X), 1
    for key in keys:
        x += 14 + 4.2 * len(COLOURS[key][1]) + 14
        if x > width - 60:
            x, rows = float(GAP_X), rows + 1
    return 12.0 * rows + 10


def _legend(keys: list[str], y: float, width: float) -> list[str]:
    body = []
    x = float(GAP_X)
    for key in keys:
        colour, label = COLOURS[key]
        body.append(f"<rect x='{x:.1f}' y='{y - 7:.1f}' width='9' height='9' fill='{colour}' fill-opacity='0.3' "
                    f"stroke='{colour}'/>")
        body.append(_text(x + 12, y, label, 7, "start"))
        x += 14 + 4.2 * len(label) + 14
        if x > width - 60:
            x, y = float(GAP_X), y + 12
    return body


def group_chart(groups: list[tuple[str, dict[str, int | Decimal]]], legend: list[str]) -> str:
    """Gives one box per group with its posts counted by colour: for a structure too large to draw post by post."""
    per_row = 4
    w, h = 170, 26 + 10 * max((len(c) for _, c in groups), default=1)
    body: list[str] = []
    for i, (name, counts) in enumerate(groups):
        x, y = GAP_X + (i % per_row) * (w + GAP_X), 8 + (i // per_row) * (h + GAP_Y)
        body.append(f"<rect x='{x}' y='{y}' width='{w}' height='{h}' rx='3' fill='none' stroke='#37474f'/>")
        body.append(_text(x + w / 2, y + 12, _short(name), 8, weight="bold"))
        for j, (key, n) in enumerate(sorted(counts.items(), key=lambda kv: list(COLOURS).index(kv[0]))):
            body.append(f"<rect x='{x + 8}' y='{y + 18 + 10 * j}' width='7' height='7' fill='{COLOURS[key][0]}'/>")
            body.append(_text(x + 20, y + 24.5 + 10 * j, f"{n:,} {COLOURS[key][1]}", 7, "start"))
    rows = -(-len(groups) // per_row)
    height = 8 + rows * (h + GAP_Y) + 18
    body += _legend(legend, height - 6, per_row * (w + GAP_X))
    return _svg(per_row * (w + GAP_X) + GAP_X, height + 8, body)


def _short(name: str) -> str:
    return textwrap.shorten(name[:200], 34, placeholder="...")


def cost_bars(rows: list[tuple[str, Decimal, Decimal]], note: str = "") -> str:
    """Gives horizontal bars of the existing against the new cost of each group (£ a year), and a note below."""
    label_w, bar_w, row_h = 150, 300, 26
    top = max((max(a, b) for _, a, b in rows), default=Decimal(1)) or Decimal(1)
    body = []
    for i, (name, old, new) in enumerate(rows):
        y = 10 + i * row_h
        body.append(_text(label_w - 6, y + 12, _short(name), 7.5, "end"))
        for j, (amount, colour) in enumerate(((old, "#90a4ae"), (new, "#1565c0"))):
            length = float(max(amount, Decimal(0)) / top) * bar_w
            body.append(f"<rect x='{label_w}' y='{y + j * 10:.1f}' width='{length:.1f}' height='9' fill='{colour}'/>")
            body.append(_text(label_w + length + 4, y + j * 10 + 7.5, f"£{amount:,.0f}", 6.5, "start"))
    y = 10 + len(rows) * row_h + 6
    body += [f"<rect x='{label_w}' y='{y - 7}' width='9' height='9' fill='#90a4ae'/>",
             _text(label_w + 12, y, "existing structure", 7, "start"),
             f"<rect x='{label_w + 100}' y='{y - 7}' width='9' height='9' fill='#1565c0'/>",
             _text(label_w + 112, y, "new structure", 7, "start")]
    if note:
        y += 12
        body.append(_text(label_w, y, note, 7, "start"))
    return _svg(label_w + bar_w + 70, y + 8, body)


def profile_bars(years: list[tuple[str, Decimal]], caption: str) -> str:
    """Gives vertical bars of a saving by year (negative below the axis)."""
    bar, gap, height = 34, 14, 90
    values = [v for _, v in years] or [Decimal(0)]
    high, low = max(max(values), Decimal(0)), min(min(values), Decimal(0))
    scale = float(high - low) or 1.0
    axis = 30 + float(high) / scale * height
    body = [f"<line x1='30' y1='{axis:.1f}' x2='{30 + len(years) * (bar + gap):.1f}' y2='{axis:.1f}' stroke='#455a64'/>"]
    for i, (label, value) in enumerate(years):
        x = 34 + i * (bar + gap)
        length = abs(float(value)) / scale * height
        y = axis - length if value >= 0 else axis
        body.append(f"<rect x='{x}' y='{y:.1f}' width='{bar}' height='{length:.1f}' "
                    f"fill='{'#2e7d32' if value >= 0 else '#c62828'}'/>")
        body.append(_text(x + bar / 2, (y - 3) if value >= 0 else (y + length + 8), _short_money(value), 6.5))
        body.append(_text(x + bar / 2, 30 + height + 14, label, 7))
    body.append(_text(30, 10, caption, 7.5, "start", weight="bold"))
    return _svg(max(44 + len(years) * (bar + gap), 230), 30 + height + 22, body)


def outcome_bar(counts: list[tuple[str, int]]) -> str:
    """Gives one bar split by outcome, with the counts."""
    total = sum(n for _, n in counts) or 1
    width, x = 440.0, 10.0
    body = []
    for key, n in counts:
        if not n:
            continue
        w = width * n / total
        body.append(f"<rect x='{x:.1f}' y='6' width='{w:.1f}' height='18' fill='{COLOURS[key][0]}'/>")
        if w > 16:
            body.append(_text(x + w / 2, 18.5, str(n), 8, colour="#fff", weight="bold"))
        x += w
    body += _legend([k for k, n in counts if n], 40, width)
    return _svg(width + 20, 50, body)


def _short_money(value: Decimal) -> str:
    sign = "-" if value < 0 else ""
    value = abs(value)
    if value >= 1_000_000:
        return f"{sign}£{value / 1_000_000:.2f}m"
    if value >= 1000:
        return f"{sign}£{value / 1000:.0f}k"
    return f"{sign}£{value:.0f}"


