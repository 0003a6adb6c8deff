"""Charts of figures as SVG text, for the committee report: bars of money and of outcomes, and a structure too
large to draw post by post as one box per group."""

from __future__ import annotations

import textwrap
from decimal import Decimal

from .chart_svg import COLOURS, GAP_X, GAP_Y, svg, text
from .chart_svg import legend as legend_svg


def group_chart(groups: list[tuple[str, dict[str, int | Decimal]]], legend: list[str]) -> str:
    """Gives one box per group with its posts counted by colour: for a structure too large to draw post by post."""
    per_row = 4
    w, h = 170, 26 + 10 * max((len(c) for _, c in groups), default=1)
    body: list[str] = []
    for i, (name, counts) in enumerate(groups):
        x, y = GAP_X + (i % per_row) * (w + GAP_X), 8 + (i // per_row) * (h + GAP_Y)
        body.append(f"<rect x='{x}' y='{y}' width='{w}' height='{h}' rx='3' fill='none' stroke='#37474f'/>")
        body.append(text(x + w / 2, y + 12, _short(name), 8, weight="bold"))
        for j, (key, n) in enumerate(sorted(counts.items(), key=lambda kv: list(COLOURS).index(kv[0]))):
            body.append(f"<rect x='{x + 8}' y='{y + 18 + 10 * j}' width='7' height='7' fill='{COLOURS[key][0]}'/>")
            body.append(text(x + 20, y + 24.5 + 10 * j, f"{n:,} {COLOURS[key][1]}", 7, "start"))
    rows = -(-len(groups) // per_row)
    height = 8 + rows * (h + GAP_Y) + 18
    body += legend_svg(legend, height - 6, per_row * (w + GAP_X))
    return svg(per_row * (w + GAP_X) + GAP_X, height + 8, body)


def _short(name: str) -> str:
    return textwrap.shorten(name[:200], 34, placeholder="...")


def cost_bars(rows: list[tuple[str, Decimal, Decimal]], note: str = "") -> str:
    """Gives horizontal bars of the existing against the new cost of each group (£ a year), and a note below."""
    label_w, bar_w, row_h = 150, 300, 26
    top = max((max(a, b) for _, a, b in rows), default=Decimal(1)) or Decimal(1)
    body = []
    for i, (name, old, new) in enumerate(rows):
        y = 10 + i * row_h
        body.append(text(label_w - 6, y + 12, _short(name), 7.5, "end"))
        for j, (amount, colour) in enumerate(((old, "#90a4ae"), (new, "#1565c0"))):
            length = float(max(amount, Decimal(0)) / top) * bar_w
            body.append(f"<rect x='{label_w}' y='{y + j * 10:.1f}' width='{length:.1f}' height='9' fill='{colour}'/>")
            body.append(text(label_w + length + 4, y + j * 10 + 7.5, f"£{amount:,.0f}", 6.5, "start"))
    y = 10 + len(rows) * row_h + 6
    body += [f"<rect x='{label_w}' y='{y - 7}' width='9' height='9' fill='#90a4ae'/>",
             text(label_w + 12, y, "existing structure", 7, "start"),
             f"<rect x='{label_w + 100}' y='{y - 7}' width='9' height='9' fill='#1565c0'/>",
             text(label_w + 112, y, "new structure", 7, "start")]
    if note:
        y += 12
        body.append(text(label_w, y, note, 7, "start"))
    return svg(label_w + bar_w + 70, y + 8, body)


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
        body.append(text(x + bar / 2, (y - 3) if value >= 0 else (y + length + 8), _short_money(value), 6.5))
        body.append(text(x + bar / 2, 30 + height + 14, label, 7))
    body.append(text(30, 10, caption, 7.5, "start", weight="bold"))
    return svg(max(44 + len(years) * (bar + gap), 230), 30 + height + 22, body)


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
            body.append(text(x + w / 2, 18.5, str(n), 8, colour="#fff", weight="bold"))
        x += w
    body += legend_svg([k for k, n in counts if n], 40, width)
    return svg(width + 20, 50, body)


def _short_money(value: Decimal) -> str:
    sign = "-" if value < 0 else ""
    value = abs(value)
    if value >= 1_000_000:
        return f"{sign}£{value / 1_000_000:.2f}m"
    if value >= 1000:
        return f"{sign}£{value / 1000:.0f}k"
    return f"{sign}£{value:.0f}"


