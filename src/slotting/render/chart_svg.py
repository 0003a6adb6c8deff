"""The pieces of a chart as SVG text: a post's box, a legend, a line of text; the colours and sizes in points.

Pure functions from plain data to SVG strings; every piece of user text is XML-escaped.
"""

from __future__ import annotations

import textwrap
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



def svg(width: float, height: float, body: list[str]) -> str:
    return (f"<svg xmlns='http://www.w3.org/2000/svg' width='{width:.0f}' height='{height:.0f}' "
            f"viewBox='0 0 {width:.0f} {height:.0f}'>" + "".join(body) + "</svg>")


def text(x: float, y: float, text: str, size: float = 7, anchor: str = "middle", colour: str = "#000",
          weight: str = "normal") -> str:
    return (f"<text x='{x:.1f}' y='{y:.1f}' font-size='{size}' text-anchor='{anchor}' fill='{colour}' "
            f"font-weight='{weight}' {FONT}>{escape(text)}</text>")


def title_lines(title: str) -> list[str]:
    """Gives a title wrapped to the box's width: at most TITLE_LINES lines, the last ending in an ellipsis when
    the title is longer."""
    if 0 < len(title) <= WRAP and title.isprintable() and title[0] != " " != title[-1]:
        return [title]  # as textwrap gives it: one line, nothing to replace or drop (and a chart has thousands)
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
    return _height(box, title_lines(box.title), _extra_lines(box))


def _height(box: Box, title: list[str], extra: list[str]) -> float:
    bar = 7 if box.key == "mixed" else 0
    return 8 + LINE * len(title) + 8.6 * len(extra) + bar


# A box's words set apart from its SVG, for the typesetter to set as text: (x of the box's left edge, y of the
# title's first baseline, the title's lines, y of the first baseline of the lines under it, those lines).
Label = tuple[float, float, str, float, str]


@dataclass(frozen=True)
class Sized:
    """A box with its lines and its height, worked out once."""

    box: Box
    title: list[str]
    extra: list[str]
    height: float


def sized(box: Box) -> Sized:
    """Gives the box with its title's lines, the lines under it and its height."""
    title, extra = title_lines(box.title), _extra_lines(box)
    return Sized(box, title, extra, _height(box, title, extra))


LINES = "#607d8b"  # the colour of the lines from a post to those below it


class Apart:
    """A chart drawn for the typesetter: its boxes' words as labels, and its shapes merged by style into a few
    paths, each rectangle's fill its colour over white (Typst draws one path of many rectangles far faster than
    as many elements, and an opaque fill faster than a transparent one)."""

    def __init__(self) -> None:
        self.labels: list[Label] = []
        self.lines: list[str] = []
        self.boxes: dict[str, list[str]] = {}  # by colour
        self.bars: dict[str, list[str]] = {}  # by colour

    def line(self, points: list[tuple[float, float]]) -> None:
        self.lines.append("M" + "L".join(f"{x:.1f} {y:.1f}" for x, y in points))

    def box(self, x: float, y: float, height: float, colour: str) -> None:
        self.boxes.setdefault(colour, []).append(
            f"M{x + 3:.1f} {y:.1f}h{BOX_W - 6}a3 3 0 0 1 3 3v{height - 6:.1f}a3 3 0 0 1 -3 3h{6 - BOX_W}"
            f"a3 3 0 0 1 -3 -3v{6 - height:.1f}a3 3 0 0 1 3 -3z")

    def bar(self, x: float, y: float, width: float, colour: str) -> None:
        self.bars.setdefault(colour, []).append(f"M{x:.1f} {y:.1f}h{width:.1f}v5h{-width:.1f}z")

    def body(self) -> list[str]:
        """Gives the shapes: the lines, then the boxes over them, then the bars of mixed boxes."""
        made = [f"<path d='{''.join(self.lines)}' fill='none' stroke='{LINES}' stroke-width='0.8'/>"] if self.lines else []
        made += [f"<path d='{''.join(d)}' fill='{_over_white(c, 0.04 if c == MIXED else 0.15)}' stroke='{c}' "
                 "stroke-width='1'/>" for c, d in self.boxes.items()]
        return made + [f"<path d='{''.join(d)}' fill='{c}'/>" for c, d in self.bars.items()]


MIXED = "#546e7a"  # the outline of a box whose places differ


def _over_white(colour: str, opacity: float) -> str:
    """Gives the colour that `colour` at `opacity` makes over white."""
    return "#" + "".join(f"{round(255 - (255 - int(colour[i:i + 2], 16)) * opacity):02x}" for i in (1, 3, 5))


def box(x: float, y: float, box: Box | Sized, apart: Apart | None = None) -> list[str]:
    """Gives a post's box: its title, its place count and (mixed) its outcomes' lines and their bar. With
    `apart`, its words and shapes go there instead (see Apart)."""
    made = box if isinstance(box, Sized) else sized(box)
    box, title, extra, height = made.box, made.title, made.extra, made.height
    mixed = box.key == "mixed"
    colour = MIXED if mixed else COLOURS[box.key][0]
    at = y + 4 + TITLE_PT
    if apart is not None:
        below = at + LINE * len(title)
        apart.labels.append((round(x, 1), round(at, 1), "\n".join(title), round(below - 0.6, 1), "\n".join(extra)))
        apart.box(x, y, height, colour)
        if mixed:
            _bar(box, x, below + 8.6 * len(extra), apart)
        return []
    body = [f"<rect x='{x:.1f}' y='{y:.1f}' width='{BOX_W}' height='{height:.1f}' rx='3' fill='{colour}' "
            f"fill-opacity='{0.04 if mixed else 0.15}' stroke='{colour}' stroke-width='1'/>"]
    for line in title:
        body.append(text(x + BOX_W / 2, at, line, TITLE_PT))
        at += LINE
    for line in extra:
        body.append(text(x + BOX_W / 2, at - 0.6, line, SMALL_PT, colour="#263238"))
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


def _bar(box: Box, x: float, at: float, apart: Apart) -> None:
    """Adds a mixed box's bar of its places' outcomes, as proportions, in the legend's colours."""
    total = float(sum(n for _, n in box.parts)) or 1.0
    left = x + 6
    for key, n in box.parts:
        width = (BOX_W - 12) * float(n) / total
        apart.bar(left, at - 5, width, COLOURS[key][0])
        left += width


def legend_height(keys: list[str], width: float) -> float:
    x, rows = float(GAP_X), 1
    for key in keys:
        x += 14 + 4.2 * len(COLOURS[key][1]) + 14
        if x > width - 60:
            x, rows = float(GAP_X), rows + 1
    return 12.0 * rows + 10


def legend(keys: list[str], y: float, width: float) -> list[str]:
    body = []
    x = float(GAP_X)
    for key in keys:
        colour, label = COLOURS[key]
        body.append(f"<rect x='{x:.1f}' y='{y - 7:.1f}' width='9' height='9' fill='{colour}' fill-opacity='0.3' "
                    f"stroke='{colour}'/>")
        body.append(text(x + 12, y, label, 7, "start"))
        x += 14 + 4.2 * len(label) + 14
        if x > width - 60:
            x, y = float(GAP_X), y + 12
    return body

