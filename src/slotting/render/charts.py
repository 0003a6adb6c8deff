"""Charts as SVG text, for the committee report: structure charts coloured by outcome, and bars of money.

Pure functions from plain data to an SVG string; every piece of user text is XML-escaped. The sizes are
in points, so that the report can place a chart at its natural width.
"""

from __future__ import annotations

import textwrap
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from xml.sax.saxutils import escape

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
}
BOX_W, BOX_H, GAP_X, GAP_Y = 118, 40, 10, 14
FONT = "font-family='Libertinus Serif, DejaVu Sans, sans-serif'"


@dataclass(frozen=True)
class Box:
    id: str
    title: str
    parent: str | None
    key: str  # a key of COLOURS


def _svg(width: float, height: float, body: list[str]) -> str:
    return (f"<svg xmlns='http://www.w3.org/2000/svg' width='{width:.0f}' height='{height:.0f}' "
            f"viewBox='0 0 {width:.0f} {height:.0f}'>" + "".join(body) + "</svg>")


def _text(x: float, y: float, text: str, size: float = 7, anchor: str = "middle", colour: str = "#000",
          weight: str = "normal") -> str:
    return (f"<text x='{x:.1f}' y='{y:.1f}' font-size='{size}' text-anchor='{anchor}' fill='{colour}' "
            f"font-weight='{weight}' {FONT}>{escape(text)}</text>")


def _box(x: float, y: float, box: Box) -> list[str]:
    colour = COLOURS[box.key][0]
    title = box.title[:100]  # three lines of 26 are shown: wrapping a 10,000-character title would be wasted
    lines = textwrap.wrap(title, 26)[:3] or [box.id[:26]]
    if len(textwrap.wrap(title, 26)) > 3:
        lines[-1] = lines[-1][:23] + "..."
    body = [f"<rect x='{x:.1f}' y='{y:.1f}' width='{BOX_W}' height='{BOX_H}' rx='3' fill='{colour}' "
            f"fill-opacity='0.15' stroke='{colour}' stroke-width='1.2'/>"]
    top = y + BOX_H / 2 - (len(lines) - 1) * 4.2 + 2.4
    body += [_text(x + BOX_W / 2, top + 8.4 * i, line) for i, line in enumerate(lines)]
    return body


def org_chart(boxes: list[Box], legend: list[str]) -> str:
    """Gives an organisation chart: each box under its parent; a box whose children have none of their own
    has them stacked below it in a column, as printed structure charts do."""
    known = {b.id for b in boxes}
    children: dict[str | None, list[Box]] = defaultdict(list)
    for b in boxes:
        children[b.parent if b.parent in known else None].append(b)
    width: dict[str, int] = {}

    def span(box: Box) -> int:  # the columns a subtree takes
        kids = children.get(box.id, [])
        if not kids or all(not children.get(k.id) for k in kids):
            width[box.id] = 1
        else:
            width[box.id] = sum(span(k) for k in kids)
        return width[box.id]

    roots = children[None]
    columns = sum(span(r) for r in roots)
    placed: list[str] = []
    bottom = [0.0]

    def place(box: Box, column: int, y: float) -> None:
        x = GAP_X + (column + width[box.id] / 2) * (BOX_W + GAP_X) - BOX_W / 2 - GAP_X / 2
        placed.extend(_box(x, y, box))
        bottom[0] = max(bottom[0], y + BOX_H)
        kids = children.get(box.id, [])
        if not kids:
            return
        if width[box.id] == 1:  # a column of leaves, joined by a line on the left
            for i, kid in enumerate(kids):
                ky = y + (i + 1) * (BOX_H + GAP_Y)
                placed.append(f"<line x1='{x + 6:.1f}' y1='{ky - GAP_Y:.1f}' x2='{x + 6:.1f}' y2='{ky + BOX_H / 2:.1f}' "
                              "stroke='#607d8b' stroke-width='0.8'/>")
                placed.extend(_box(x + 6, ky, kid))
                bottom[0] = max(bottom[0], ky + BOX_H)
            return
        start = column
        child_y = y + BOX_H + GAP_Y * 2
        mid = y + BOX_H + GAP_Y
        xs = []
        for kid in kids:
            kx = GAP_X + (start + width[kid.id] / 2) * (BOX_W + GAP_X) - GAP_X / 2
            xs.append(kx)
            placed.append(f"<line x1='{kx:.1f}' y1='{mid:.1f}' x2='{kx:.1f}' y2='{child_y:.1f}' stroke='#607d8b' "
                          "stroke-width='0.8'/>")
            place(kid, start, child_y)
            start += width[kid.id]
        placed.append(f"<line x1='{x + BOX_W / 2:.1f}' y1='{y + BOX_H:.1f}' x2='{x + BOX_W / 2:.1f}' y2='{mid:.1f}' "
                      "stroke='#607d8b' stroke-width='0.8'/>")
        placed.append(f"<line x1='{min(xs):.1f}' y1='{mid:.1f}' x2='{max(xs):.1f}' y2='{mid:.1f}' stroke='#607d8b' "
                      "stroke-width='0.8'/>")

    start = 0
    for root in roots:
        place(root, start, 8)
        start += width[root.id]
    chart_width = max(columns, 4) * (BOX_W + GAP_X) + GAP_X + 12
    y = bottom[0] + 18
    placed += _legend(legend, y, chart_width)
    return _svg(chart_width, y + 14, placed)


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


def group_chart(groups: list[tuple[str, dict[str, int]]], legend: list[str]) -> str:
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


