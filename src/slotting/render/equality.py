"""Renderers of the equality summary: JSON (a public contract), CSV, Markdown and a table."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from fractions import Fraction
from typing import Any

from ..formats import share
from ..rules.equality import COUNTED, Breakdown, EqualityResult, as_number
from .common import json_chunks, markdown, markdown_table, plain, terminal, text_cells, to_csv

COLUMNS = (*COUNTED, "at_risk", "total")
TITLES = {"assimilated": "Assimilated", "matched": "Matched", "competitive": "Competing",
          "displaced": "Displaced", "at_risk": "At risk", "total": "Total"}
CONFIDENTIAL = "[c]"
NOTE = ("At risk = displaced + each competitive pool's candidates beyond its places, shared equally among its "
        "candidates. Flags are a screening signal for a closer look, not a legal finding.")
CURRENT_NOTE = ("At risk (the current stage) = the people the decisions recorded leave at risk or made redundant, "
                "plus each competitive pool not yet selected's candidates beyond its places, shared equally among the "
                "candidates still in it; the outcome columns are the proposal's. Flags are a screening signal for a "
                "closer look, not a legal finding.")


def _mask(result: EqualityResult) -> str:
    return f"<{result.suppress_below}"


def _cell(b: Breakdown, group: str, column: str, result: EqualityResult) -> Any:
    """Gives a count, or the suppression mark when it is hidden."""
    n = result.suppress_below
    if column == "at_risk":
        share = b.all_at_risk if group == "all" else b.at_risk.get(group, Fraction(0))
        if n > 1 and 0 < share < n:
            return _mask(result)
        hidden = b.suppressed | b.secondary
        if group in b.at_risk_hidden or (group, "competitive") in hidden or (group, "displaced") in hidden:
            return CONFIDENTIAL
        return as_number(share)
    value = b.all_counts[column] if group == "all" else b.counts[group][column]
    if (group, column) in b.suppressed:
        return _mask(result)
    return CONFIDENTIAL if (group, column) in b.secondary else value


def _row(b: Breakdown, group: str, result: EqualityResult) -> dict[str, Any]:
    return {column: _cell(b, group, column, result) for column in COLUMNS}


def _composition(result: EqualityResult, groups: dict[str, int]) -> dict[str, Any]:
    """A pool's counts by group, small counts masked."""
    n = result.suppress_below
    return {g: (_mask(result) if n > 1 and 0 < v < n else v) for g, v in groups.items()}


def _notes(result: EqualityResult) -> list[str]:
    n = result.suppress_below
    first = CURRENT_NOTE if result.stage == "current" else NOTE
    return [first] + ([f"Counts from 1 to {n - 1} are shown as <{n}; cells hidden so that those cannot be "
                      f"worked out from the totals are shown as {CONFIDENTIAL}."] if n > 1 else [])


def equality_data(result: EqualityResult) -> dict[str, Any]:
    """Gives the equality summary as the documented JSON structure."""
    stage = {"stage": result.stage} if result.stage is not None else {}
    return {
        **stage,
        "suppress_below": result.suppress_below,
        "characteristics": {
            b.characteristic: {
                "groups": {g: _row(b, g, result) for g in b.counts},
                "all": _row(b, "all", result),
                "flags": [{"group": f.group, "outcome": f.outcome, "kind": f.kind, "ratio": f.ratio,
                           "message": f.message} for f in b.flags],
            }
            for b in result.breakdowns
        },
        "pools": [{"post": post, "composition": {name: _composition(result, groups)
                                                 for name, groups in composition.items()}}
                  for post, composition in result.pools],
        "notes": _notes(result),
    }


def equality_json(result: EqualityResult) -> Iterator[bytes]:
    """Yields the equality summary as JSON in UTF-8 pieces."""
    yield from json_chunks(plain(equality_data(result)))


def _display(value: Any, total: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(total, str) or not total:
        return str(value)
    return f"{value} ({share(value / total)})"


def table_rows(b: Breakdown, result: EqualityResult) -> list[list[str]]:
    """The rows of one characteristic's table: each group, then the whole review group."""
    rows = []
    for label, group in [*((g, g) for g in b.counts), ("Whole review group", "all")]:
        row = _row(b, group, result)
        rows.append([label] + [_display(row[c], row["total"]) for c in COLUMNS[:-1]] + [str(row["total"])])
    return rows


def _pool_lines(result: EqualityResult, esc: Callable[[Any], str]) -> list[str]:
    lines = []
    for post, composition in result.pools:
        parts = [f"{esc(name)}: " + ", ".join(f"{v} {esc(g)}" for g, v in _composition(result, groups).items())
                 for name, groups in composition.items()]
        lines.append(f"{esc(post)}: " + "; ".join(parts))
    return lines


def equality_table(result: EqualityResult) -> Iterator[Any]:
    """Yields the equality tables, flags and pools as rich renderables."""
    from rich import box
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    parts: list[Any] = [Text(f"Stage: {result.stage}", style="bold")] if result.stage else []
    for b in result.breakdowns:
        table = Table(title=Text(f"By {terminal(b.characteristic)}"), title_justify="left", title_style="bold",
                      box=box.SIMPLE_HEAD, pad_edge=False)
        table.add_column("Group", ratio=1, overflow="fold")
        for c in COLUMNS:
            table.add_column(TITLES[c], justify="right", no_wrap=True, overflow="fold")
        rows = table_rows(b, result)
        for row in rows[:-1]:
            table.add_row(*text_cells(row))
        table.add_section()
        table.add_row(*text_cells(rows[-1]), style="bold")
        parts.append(table)
        parts += [Text(f"  FLAG: {terminal(flag.message)}", style="yellow") for flag in b.flags]
    lines = _pool_lines(result, terminal)
    if lines:
        parts.append(Text("Competitive pools", style="bold"))
        parts += [Text(f"  {line}") for line in lines]
    parts += [Text(note, style="dim") for note in _notes(result)]
    yield Group(*parts)


def equality_markdown(result: EqualityResult) -> Iterator[str]:
    """Yields the equality summary as Markdown."""
    out = ["# Equality impact summary\n" + (f"\nStage: {result.stage}.\n" if result.stage else "")]
    for b in result.breakdowns:
        out.append(f"## By {markdown(b.characteristic)}\n\n" + markdown_table(["Group"] + [TITLES[c] for c in COLUMNS],
                                                                      table_rows(b, result), "lrrrrrr"))
        out += [f"- FLAG: {markdown(f.message)}\n" for f in b.flags]
    lines = _pool_lines(result, markdown)
    if lines:
        out.append("## Competitive pools\n\n" + "".join(f"- {line}\n" for line in lines))
    out.append("\n".join(_notes(result)) + "\n")
    yield "\n".join(out)


def equality_csv(result: EqualityResult) -> Iterator[str]:
    """Yields the equality summary as CSV, one row per characteristic and group."""
    rows = [[b.characteristic, group] + [_row(b, group, result)[c] for c in COLUMNS]
            for b in result.breakdowns for group in [*b.counts, "all"]]
    yield to_csv(["characteristic", "group", *COLUMNS], rows)
