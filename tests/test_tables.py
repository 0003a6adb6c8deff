"""render.tables.Rows draws a large table with the very characters rich's Table draws (plain and coloured)."""

from __future__ import annotations

import io
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from slotting.render.tables import Column, Rows

WORDS = st.text(alphabet="abcXY-:/()1é中", min_size=0, max_size=14) | st.text(alphabet="ab -", max_size=30)
CELLS = st.lists(WORDS, min_size=0, max_size=4).map(" ".join)


def _rich(columns: list[Column], rows: list[list[str]], title: str) -> Table:
    table = Table(title=Text(title), title_justify="left", title_style="bold", box=box.SIMPLE_HEAD, pad_edge=False)
    for c in columns:
        table.add_column(c.header, justify=c.justify, overflow=c.overflow, no_wrap=c.no_wrap)
    for row in rows:
        table.add_row(*(Text(cell) for cell in row))
    return table


def _drawn(renderable: object, width: int, colour: bool) -> str:
    console = Console(file=io.StringIO(), width=width, highlight=False, force_terminal=colour or None,
                      color_system="truecolor" if colour else None, legacy_windows=False)
    needed = console.measure(renderable).minimum  # as output.py does: never narrower than the table needs
    printer = Console(file=io.StringIO(), width=max(width, needed), highlight=False, force_terminal=colour or None,
                      color_system="truecolor" if colour else None, legacy_windows=False)
    printer.print(renderable)
    return printer.file.getvalue()  # type: ignore[attr-defined, no-any-return]


@settings(max_examples=100, deadline=None)
@given(data=st.data(), ncols=st.integers(1, 6), nrows=st.integers(0, 30), width=st.integers(10, 160),
       colour=st.booleans())
def test_rows_draws_what_rich_draws(data: st.DataObject, ncols: int, nrows: int, width: int, colour: bool) -> None:
    columns = [Column(data.draw(WORDS), data.draw(st.sampled_from(["left", "right"])),
                      data.draw(st.sampled_from(["fold", "crop", "ellipsis"])), data.draw(st.booleans()))
               for _ in range(ncols)]
    rows = [[data.draw(CELLS) for _ in range(ncols)] for _ in range(nrows)]
    title = data.draw(CELLS)
    fast = Rows(columns, lambda: iter(rows), title=Text(title))  # no count: the fast path however few rows
    assert _drawn(fast, width, colour) == _drawn(_rich(columns, rows, title), width, colour)


def test_a_small_table_is_rich_s_own() -> None:
    columns = [Column("Person"), Column("Score", "right")]
    rows = [["P01", "75"], ["P02", "80.5"]]
    table = Rows(columns, lambda: rows, count=2)
    assert isinstance(table.standin(), Table) and table.standin().row_count == 2
    assert _drawn(table, 80, False) == _drawn(_rich(columns, rows, ""), 80, False).replace("\n", "\n", 1)


@settings(max_examples=100, deadline=None)
@given(lines=st.lists(CELLS, max_size=8), width=st.integers(5, 60))
def test_lines_draws_what_rich_draws_of_each_text(lines: list[str], width: int) -> None:
    from rich.console import Group

    from slotting.render.tables import Lines

    fast = Group(Text("Heading", style="bold"), Lines(lambda: iter(lines)))
    slow = Group(Text("Heading", style="bold"), *(Text(line) for line in lines))
    assert _drawn(fast, width, False) == _drawn(slow, width, False)
    assert _drawn(fast, width, True) == _drawn(slow, width, True)


def test_the_fragile_decisions_of_700_people_are_drawn_as_rich_draws_them(tmp_path: Path) -> None:
    from decimal import Decimal

    from slotting import load
    from slotting.render.sensitivity import FRAGILE_HEADER, _safe, fragile_rows
    from slotting.rules.sensitivity import sensitivity

    from .support.generate import build, write_yaml

    write_yaml(build(700), tmp_path / "review.yaml")
    result = sensitivity(load(tmp_path / "review.yaml"), [], Decimal(5))
    rows = list(_safe(fragile_rows(result)))
    assert len(rows) > 200  # past SMALL: the fast layout
    columns = [Column(name) for name in FRAGILE_HEADER]
    for width in (80, 120, 200):
        assert _drawn(Rows(columns, lambda: iter(rows), count=len(rows)), width, False) == \
            _drawn(_rich(columns, rows, ""), width, False)
