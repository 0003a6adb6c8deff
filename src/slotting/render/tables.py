"""A table of thousands of rows drawn as rich draws it, in a time that grows only with the text written.

rich lays out every cell of a table as an object of its own (a measurement, a padding, a list of
segments); for 10,000 fragile decisions that is ten seconds, twice the analysis. `Rows` gives the
same characters: rich's own arithmetic chooses the column widths (from a stand-in table holding, for
each column, only the cells that decide its width) and draws the title and header; the body rows,
whose cells carry no style, are written here as plain text, and only a cell too long for its column
is wrapped by rich. Rows are made from the result twice (once to find the widest cells, once to
write them) and never kept.

Small tables are given to rich as they are (below `SMALL`): the same output, and the tests of
`Rows` compare its output with rich's over random tables.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

SMALL = 200  # rows that rich lays out itself
CHUNK = 1000  # lines written as one segment


@dataclass(frozen=True)
class Column:
    """A column of a `Rows` table: its header and how rich is to place and wrap its cells."""

    header: str
    justify: Literal["left", "right"] = "left"
    overflow: Literal["fold", "crop", "ellipsis"] = "fold"
    no_wrap: bool = False


class Rows:
    """A rich renderable: a table (box SIMPLE_HEAD, no edge padding, cells padded one space either side)
    whose rows `rows()` makes afresh each time it is called, as lists of cell text already made safe
    for a terminal (common.terminal)."""

    def __init__(self, columns: Sequence[Column], rows: Callable[[], Iterable[Sequence[str]]], *,
                 title: Any = None, count: int | None = None):
        self.columns, self.rows, self.title = list(columns), rows, title
        self.count = count
        self._standin: Any = None
        self._widest: list[Sequence[str]] = []

    def _table(self, rows: Iterable[Sequence[str]]) -> Any:
        """A rich Table of these columns holding the given rows."""
        from rich import box
        from rich.table import Table
        from rich.text import Text

        table = Table(title=self.title, title_justify="left", title_style="bold", box=box.SIMPLE_HEAD,
                      pad_edge=False)
        for column in self.columns:
            table.add_column(column.header, justify=column.justify, overflow=column.overflow,
                             no_wrap=column.no_wrap)
        for row in rows:
            table.add_row(*(Text(cell) for cell in row))
        return table

    def _small(self) -> bool:
        return self.count is not None and self.count <= SMALL

    def standin(self) -> Any:
        """Gives the rich Table that is measured as this one is: for each column, the row with its longest word
        and the row with its longest line (rich's minimum and maximum widths of a column are theirs)."""
        if self._standin is None:
            self._widest = list(self.rows()) if self._small() else _widest(self.rows())
            self._standin = self._table(self._widest)
        return self._standin

    def __rich_measure__(self, console: Any, options: Any) -> Any:
        from rich.measure import Measurement

        return Measurement.get(console, options, self.standin())

    def __rich_console__(self, console: Any, options: Any) -> Iterator[Any]:
        if self._small():
            yield self.standin()
            return
        from rich.segment import Segment

        standin = self.standin()
        extra = standin._extra_width
        widths = standin._calculate_column_widths(console, options.update_width(options.max_width - extra))
        places = [_Place(column, width, *_padding(i, len(widths)))
                  for i, (column, width) in enumerate(zip(self.columns, widths))]
        # rich draws the stand-in: its title, top edge, header and rule are this table's; its body is left out.
        body = sum(len(_row(console, options, row, places)) for row in self._widest)
        lines = list(Segment.split_lines(console.render(standin, options)))
        for line in lines[:len(lines) - 1 - body]:
            yield from line
            yield Segment.line()
        written: list[str] = []
        for row in self.rows():
            written += _row(console, options, row, places)
            if len(written) >= CHUNK:
                yield Segment("\n".join(written) + "\n")
                written.clear()
        if written:
            yield Segment("\n".join(written) + "\n")
        yield from lines[-1]  # the bottom edge
        yield Segment.line()


class _Place:
    """A column as laid out: its width, its padding and the room for text inside."""

    __slots__ = ("column", "width", "left", "right", "room", "lead", "trail", "fold")

    def __init__(self, column: Column, width: int, left: int, right: int):
        self.column, self.width, self.left, self.right = column, width, left, right
        self.room = width - left - right
        self.lead, self.trail = " " * left, " " * right
        self.fold = self.room >= 1 and column.overflow == "fold" and not column.no_wrap


def _row(console: Any, options: Any, row: Sequence[str], places: Sequence[_Place]) -> list[str]:
    """Gives the lines of one body row: each cell padded to its column, a long one wrapped as rich wraps it."""
    cells: list[Sequence[str]] = []
    for text, place in zip(row, places):
        room = place.room
        plain = text.isascii() and text.isprintable()  # one cell a character, and nothing for rich to expand
        if plain and len(text) <= room and text[:1] != " " and text[-1:] != " ":
            right = place.column.justify == "right"
            cells.append((place.lead + (text.rjust(room) if right else text.ljust(room)) + place.trail,))
        elif plain and place.fold:
            cells.append(_folded(text, room, place.column.justify, place.lead, place.trail))
        else:  # a column squeezed to nothing, wide characters, or another overflow: rich itself
            cells.append(_wrapped(console, options, text, place))
    height = max(1, *(len(cell) for cell in cells))  # rich gives every row a line
    if height == 1 and all(cells):
        return [" " + " ".join(cell[0] for cell in cells) + " "]
    full = [[*cell, *[" " * place.width] * (height - len(cell))] for cell, place in zip(cells, places)]
    return [" " + " ".join(cell[n] for cell in full) + " " for n in range(height)]


def _padding(index: int, count: int) -> tuple[int, int]:
    """The left and right padding of a column's cells: one space, none at the table's outer edges."""
    return (0 if index == 0 else 1), (0 if index == count - 1 else 1)


@lru_cache(maxsize=4096)
def _folded(text: str, room: int, justify: str, lead: str, trail: str) -> tuple[str, ...]:
    """Gives the lines of a plain ASCII cell wrapped as rich wraps it with overflow "fold" (rich.text.Text.wrap):
    broken at words, a word longer than the room folded, spaces past the room dropped, each line justified and
    padded. Kept for the texts that recur (a threshold, a post), cell after cell."""
    breaks = _breaks(text, room)
    lines = []
    for start, end in zip([0, *breaks], [*breaks, len(text)]):
        line = text[start:end]
        if len(line) > room:  # rich.text.Text.rstrip_end: only the spaces beyond the room go
            line = line[:max(room, len(line.rstrip()))]
        shown = line.rstrip()[:room].rjust(room) if justify == "right" else line[:room].ljust(room)
        lines.append(lead + shown + trail)
    return tuple(lines)


_WORD = re.compile(r"\s*\S+\s*")  # a word and the spaces after it (rich._wrap.re_word)


def _breaks(text: str, width: int) -> list[int]:
    """Gives where rich breaks a line of ASCII text to fit a width (rich._wrap.divide_line with fold, where every
    character is one cell wide)."""
    breaks: list[int] = []
    offset = 0
    for match in _WORD.finditer(text):
        start, word = match.start(), match.group()
        length = len(word.rstrip())
        if width - offset >= length:
            offset += len(word)
        elif length > width:  # folded across lines of the full width; the last piece begins the next line
            pieces = [word[i:i + width] for i in range(0, len(word), width)]
            for piece in pieces[:-1]:
                if start:
                    breaks.append(start)
                start += len(piece)
            if start:
                breaks.append(start)
            offset = len(pieces[-1])
        elif offset and start:
            breaks.append(start)
            offset = len(word)
    return breaks


def _wrapped(console: Any, options: Any, text: str, place: _Place) -> list[str]:
    """Gives the lines of a cell as rich wraps it in its column."""
    from rich.padding import Padding
    from rich.text import Text

    column = place.column
    lines = console.render_lines(Padding(Text(text), (0, place.right, 0, place.left)),
                                 options.update(width=place.width, justify=column.justify, no_wrap=column.no_wrap,
                                                overflow=column.overflow, height=None), pad=True)
    return ["".join(segment.text for segment in line) for line in lines]


def _widest(rows: Iterable[Sequence[str]]) -> list[Sequence[str]]:
    """Gives, in their order, the rows that hold some column's longest word or longest line."""
    from rich.cells import cell_len

    lines: list[tuple[int, int]] = []  # for each column, (cells, row number) of its longest line
    words: list[tuple[int, int]] = []  # and of its longest word
    chosen: dict[int, Sequence[str]] = {}
    for number, row in enumerate(rows):
        if not lines:
            lines = [(-1, -1)] * len(row)
            words = [(-1, -1)] * len(row)
        for column, text in enumerate(row):
            plain = text.isascii() and text.isprintable()  # one cell a character, one line
            size = len(text)
            if plain and size <= words[column][0]:  # neither its line nor a word of it can be longer
                continue
            line = size if plain else max(map(cell_len, text.splitlines()), default=0)
            word = max(map(len if plain else cell_len, text.split()), default=line)
            if line > lines[column][0]:
                lines[column] = (line, number)
                chosen[number] = row
            if word > words[column][0]:
                words[column] = (word, number)
                chosen[number] = row
    keep = {number for _, number in lines + words}
    return [chosen[number] for number in sorted(keep)]


class Lines:
    """A rich renderable: lines of plain text (made safe for a terminal), each as rich draws a Text of it (a line
    longer than the width wrapped at its words), made afresh each time `lines()` is called and never kept."""

    def __init__(self, lines: Callable[[], Iterable[str]]):
        self.lines = lines

    def __rich_measure__(self, console: Any, options: Any) -> Any:
        from rich.measure import Measurement
        from rich.text import Text

        least = most = 0
        for line in self.lines():
            if line.isascii() and line.isprintable():
                longest = len(line)
                word = max(map(len, line.split()), default=longest)
            else:
                word, longest = Measurement.get(console, options, Text(line))
            least, most = max(least, word), max(most, longest)
        return Measurement(least, most).with_maximum(options.max_width)

    def __rich_console__(self, console: Any, options: Any) -> Iterator[Any]:
        from rich.segment import Segment
        from rich.text import Text

        width = options.max_width
        written: list[str] = []
        for line in self.lines():
            if line.isascii() and line.isprintable() and len(line) <= width and line[-1:] != " ":
                written.append(line)
                continue
            if written:
                yield Segment("".join(f"{text}\n" for text in written))
                written.clear()
            yield from console.render(Text(line), options)
        if written:
            yield Segment("".join(f"{text}\n" for text in written))
