"""Renderers of the equality summary: JSON (a public contract), CSV, Markdown and a table."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from fractions import Fraction
from typing import Any

from ..rules.equality import COUNTED, Breakdown, EqualityResult, as_number
from .common import json_chunks, markdown, markdown_table, plain, terminal, text_cells, to_csv

COLUMNS = (*COUNTED, "at_risk", "total")
TITLES = {"assimilated": "Assimilated", "matched": "Matched", "competitive": "Competing",
          "displaced": "Displaced", "at_risk": "At risk", "total": "Total"}
CONFIDENTIAL = "[c]"
NOTE = ("At risk = displaced + each competitive pool's candidates beyond its places, shared equally among its "
        "candidates. Flags are a screening signal for a closer look, not a legal finding.")


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
        if (group, "competitive") in hidden or (group, "displaced") in hidden:
            return CONFIDENTIAL
        return as_number(share)
    value = b.all_counts[column] if group == "all" else b.counts[group][column]
    if (group, column) in b.suppressed:
        return _mask(result)
    return CONFIDENTIAL if (group, column) in b.secondary else value


def _row(b: Breakdown, group: str, result: EqualityResult) -> dict[str, Any]:
    return {column: _cell(b, group, column, result) for column in COLUMNS}


def equality_data(result: EqualityResult) -> dict[str, Any]:
    n = result.suppress_below
    return {
        "suppress_below": n,
        "characteristics": {
            b.characteristic: {
                "groups": {g: _row(b, g, result) for g in b.counts},
                "all": _row(b, "all", result),
                "flags": [{"group": f.group, "outcome": f.outcome, "kind": f.kind, "ratio": f.ratio,
                           "message": f.message} for f in b.flags],
            }
            for b in result.breakdowns
        },
        "pools": [
            {"post": post, "composition": {name: {g: (_mask(result) if n > 1 and 0 < v < n else v)
                                                  for g, v in groups.items()}
                                           for name, groups in composition.items()}}
            for post, composition in result.pools
        ],
        "notes": [NOTE] + ([f"Counts from 1 to {n - 1} are shown as <{n}; cells hidden so that those cannot be "
                            f"worked out from the totals are shown as {CONFIDENTIAL}."] if n > 1 else []),
    }


def equality_json(result: EqualityResult) -> Iterator[bytes]:
    """Yields the equality summary as JSON in UTF-8 pieces."""
    yield from json_chunks(plain(equality_data(result)))


def _display(value: Any, total: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(total, str) or not total:
        return str(value)
    return f"{value} ({value / total * 100:.0f}%)"


def _table_rows(data: dict, name: str) -> list[list[str]]:
    section = data["characteristics"][name]
    rows = []
    for group, row in [*section["groups"].items(), ("Whole review group", section["all"])]:
        rows.append([group] + [_display(row[c], row["total"]) for c in COLUMNS[:-1]] + [str(row["total"])])
    return rows


def _pool_lines(data: dict, esc: Callable[[Any], str]) -> list[str]:
    lines = []
    for pool in data["pools"]:
        parts = []
        for name, groups in pool["composition"].items():
            parts.append(f"{esc(name)}: " + ", ".join(f"{v} {esc(g)}" for g, v in groups.items()))
        lines.append(f"{esc(pool['post'])}: " + "; ".join(parts))
    return lines


def equality_table(result: EqualityResult) -> Iterator[Any]:
    """Yields the equality tables, flags and pools as rich renderables."""
    from rich import box
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    data = equality_data(result)
    parts: list[Any] = []
    for name, section in data["characteristics"].items():
        table = Table(title=Text(f"By {terminal(name)}"), title_justify="left", title_style="bold", box=box.SIMPLE_HEAD,
                      pad_edge=False)
        table.add_column("Group", ratio=1, overflow="fold")
        for c in COLUMNS:
            table.add_column(TITLES[c], justify="right", no_wrap=True, overflow="fold")
        rows = _table_rows(data, name)
        for row in rows[:-1]:
            table.add_row(*text_cells(row))
        table.add_section()
        table.add_row(*text_cells(rows[-1]), style="bold")
        parts.append(table)
        for flag in section["flags"]:
            parts.append(Text(f"  FLAG: {terminal(flag['message'])}", style="yellow"))
    lines = _pool_lines(data, terminal)
    if lines:
        parts.append(Text("Competitive pools", style="bold"))
        parts += [Text(f"  {line}") for line in lines]
    parts += [Text(note, style="dim") for note in data["notes"]]
    yield Group(*parts)


def equality_markdown(result: EqualityResult) -> Iterator[str]:
    """Yields the equality summary as Markdown."""
    data = equality_data(result)
    out = ["# Equality impact summary\n"]
    for name, section in data["characteristics"].items():
        out.append(f"## By {markdown(name)}\n\n" + markdown_table(["Group"] + [TITLES[c] for c in COLUMNS],
                                                        _table_rows(data, name), "lrrrrrr"))
        out += [f"- FLAG: {markdown(f['message'])}\n" for f in section["flags"]]
    lines = _pool_lines(data, markdown)
    if lines:
        out.append("## Competitive pools\n\n" + "".join(f"- {line}\n" for line in lines))
    out.append("\n".join(data["notes"]) + "\n")
    yield "\n".join(out)


def equality_csv(result: EqualityResult) -> Iterator[str]:
    """Yields the equality summary as CSV, one row per characteristic and group."""
    data = equality_data(result)
    rows = []
    for name, section in data["characteristics"].items():
        for group, row in [*section["groups"].items(), ("all", section["all"])]:
            rows.append([name, group] + [row[c] for c in COLUMNS])
    yield to_csv(["characteristic", "group", *COLUMNS], rows)
