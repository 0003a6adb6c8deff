"""The outcome tables of `slotting run`'s table format: one outcome's people, a rich Table up to LARGE_TABLE rows,
beyond it laid out here at fixed widths and written as the rows are made."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Iterator
from typing import Any

from ..formats import money, pct
from ..rules.results import PersonResult
from .common import terminal, text_cells

SHORT_BASIS = {"assimilation": "assim."}


def slot_cells(p: PersonResult, short: bool = False) -> list[list[str]]:
    """Gives a person's rows of the outcome table, one a slot (one of dashes with none); `short` for a narrow console."""
    if not p.slots:
        return [[p.id, p.name or "", p.current_post, "-", "-", "-", "-", "-"]]
    rows = []
    for s in p.slots:
        point = f"SP{s.pay.point}{'*' if s.pay.estimated else ''}"
        basis = SHORT_BASIS.get(s.basis, s.basis) if short else s.basis
        basis += (" pool" if s.competitive and not short else "") + (" H" if p.on_hold else "")
        rows.append([p.id, p.name or "", p.current_post, s.post, basis,
                     f"{pct(s.claim.old_in_new)}/{pct(s.claim.new_from_old)}",
                     f"{money(s.pay.amount)} {point}", money(s.pay.protection) if s.pay.protection else "-"])
    return rows


TABLE_HEADER = ["Id", "Name", "Current post", "New post", "Basis", "Overlap", "New salary", "Protection"]

class OutcomeTable:
    """A table of one outcome that adds a Name column only when the console is wide enough.

    Up to LARGE_TABLE rows it is a rich Table. Beyond, rich's layout costs too much time per row (see
    docs/how-to/large-reviews.md), so the same columns are laid out here at fixed widths, with long names
    folded onto further lines as rich does; the rows are made from the people as they are written.
    """

    LARGE_TABLE = 500

    def __init__(self, title: str, people: list[PersonResult]):
        self.title, self.people = title, people
        self._widths: dict[bool, list[int]] = {}

    @staticmethod
    def _keep(wide: bool) -> list[int]:
        return [i for i in range(len(TABLE_HEADER)) if wide or i != 1]

    def _rows(self, wide: bool) -> Iterator[list[str]]:
        keep = self._keep(wide)
        # Ids, names and posts are the user's text; the other cells are figures and words made here.
        return ([terminal(row[i]) if i < 4 else row[i] for i in keep]
                for p in self.people for row in slot_cells(p, short=not wide))

    def _widths_of(self, wide: bool) -> list[int]:
        """The widest cell of each column, its header included (found once for each layout)."""
        if wide not in self._widths:
            widths = [len(TABLE_HEADER[i]) for i in self._keep(wide)]
            for row in self._rows(wide):
                widths = [max(w, len(cell)) for w, cell in zip(widths, row)]
            self._widths[wide] = widths
        return self._widths[wide]

    def _table(self, wide: bool) -> Any:
        from rich import box
        from rich.table import Table
        from rich.text import Text

        keep = self._keep(wide)
        table = Table(title=Text(self.title), title_justify="left", title_style="bold", box=box.SIMPLE_HEAD,
                      pad_edge=False, padding=(0, 1) if wide else (0, 1, 0, 0), expand=False)
        for i in keep:
            table.add_column(TABLE_HEADER[i], justify="right" if i >= 5 else "left", no_wrap=i != 1,
                             overflow="fold", ratio=1 if i == 1 else None)
        for row in self._rows(wide):
            table.add_row(*text_cells(row))
        return table

    def __rich_measure__(self, console: Any, options: Any) -> Any:
        """The narrow layout's width is the least this table needs: output.py never prints it
        narrower, so no value is cut (a terminal narrower still wraps the lines)."""
        from rich.measure import Measurement

        if len(self.people) <= self.LARGE_TABLE:  # every column of the narrow layout keeps its values whole
            natural = Measurement.get(console, options, self._table(False)).maximum
            return Measurement(natural, max(natural, options.max_width))
        natural = sum(w + 1 for w in self._widths_of(False)) + 1
        return Measurement(natural, max(natural, options.max_width))

    def __rich_console__(self, console: Any, options: Any) -> Any:
        wide = options.max_width >= 120
        if len(self.people) > self.LARGE_TABLE:
            keep = self._keep(wide)
            header = [TABLE_HEADER[i] for i in keep]
            yield from _fixed_width(self.title, header, self._rows(wide), [i >= 5 for i in keep],
                                    list(self._widths_of(wide)), options.max_width,
                                    fold=keep.index(1) if wide else None)
            return
        yield self._table(wide)


def _fixed_width(title: str, header: list[str], rows: Iterable[list[str]], right: list[bool], widths: list[int],
                 width: int, fold: int | None) -> Iterator[Any]:
    """Yields a table as rich Segments: a bold title, a header, a rule and the rows, padded to the widths of their
    widest cells; the `fold` column (names) is narrowed to fit the width and its long cells wrapped."""
    from rich.segment import Segment
    from rich.style import Style

    if fold is not None:
        others = sum(w + 1 for c, w in enumerate(widths) if c != fold) + 2
        widths[fold] = max(len(header[fold]), min(widths[fold], width - others))

    def line(cells: list[str]) -> str:
        return " " + " ".join(cell.rjust(w) if r else cell.ljust(w) for cell, w, r in zip(cells, widths, right))

    yield Segment(title + "\n", Style(bold=True))
    yield Segment("\n")
    lines = [line(header), " " + "─" * (sum(widths) + len(widths) - 1)]
    for row in rows:
        if fold is None or len(row[fold]) <= widths[fold]:
            lines.append(line(row))
        else:
            first, *rest = textwrap.wrap(row[fold], widths[fold]) or [""]  # a name of spaces wraps to nothing
            lines.append(line([*row[:fold], first, *row[fold + 1:]]))
            lines += [line(["" if c != fold else part for c in range(len(row))]) for part in rest]
        if len(lines) >= _CHUNK:
            yield Segment("\n".join(lines) + "\n")
            lines.clear()
    yield Segment("".join(f"{text}\n" for text in lines) + "\n")


_CHUNK = 1000  # lines written as one segment
