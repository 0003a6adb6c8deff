"""Renderers of `slotting sensitivity`: the sweep of headline figures and the fragile decisions."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal
from fractions import Fraction
from typing import Any

from ..model.types import written
from ..rules.finance_headline import FinanceHeadline
from ..rules.results import OUTCOMES
from ..rules.sensitivity import Fragile, Headline, SensitivityResult
from .common import json_chunks, markdown, markdown_table, money, number, terminal, to_csv
from .tables import Column, Rows

SWEEP_FIGURES = ["people", *OUTCOMES, "potential displacements", "full-year saving", "target"]
# Added to the sweep only when a variant asks for the finance view: the one-off exit costs, the net saving over
# the profile and the payback month, as that variant's savings give them.
FINANCE_FIGURES = ["one-off exit costs", "net saving, all years", "payback month"]
FINANCE_FIELDS = ["first_year", "last_year", "first_year_protection", "protection", "exit_costs", "net_saving",
                  "payback_month", "horizon_months"]
FRAGILE_HEADER = ["Person", "Now", "Moved figure", "In the file", "Changes at", "Distance", "Crossing", "Then"]
FRAGILE_FIELDS = ["person", "outcome", "posts", "source", "figure", "value", "at", "distance", "crossing",
                  "then_outcome", "then_posts"]



def _short(field: str) -> str:
    return field.split(".", 1)[1]


def _decision(outcome: str, posts: tuple[str, ...]) -> str:
    return outcome + (f" ({', '.join(posts)})" if posts else "")


def _finance(s: SensitivityResult) -> bool:
    """True when any row of the sweep carries the finance view's figures."""
    return any(h.finance is not None for h in s.sweep)


def _payback(f: FinanceHeadline) -> str:
    return str(f.payback_month) if f.payback_month is not None else f"beyond {f.horizon_months}"


def sweep_header(s: SensitivityResult) -> list[str]:
    return [*(_short(f) for f in s.fields), *SWEEP_FIGURES, *(FINANCE_FIGURES if _finance(s) else [])]


def sweep_rows(s: SensitivityResult) -> Iterator[list[str]]:
    """Yields the sweep's rows of figures, one a variant."""
    finance = _finance(s)
    for h in s.sweep:
        summary = h.summary
        target = "-" if h.target_met is None else ("met" if h.target_met else "missed")
        row = [*(written(v) + (" (file)" if h.own else "") for v in h.values), str(summary.people),
               *(str(getattr(summary, o)) for o in OUTCOMES), str(summary.potential_displacements),
               money(h.saving, brackets=True), target]
        if finance:
            f = h.finance
            row += ([money(f.exit_costs), money(f.net_saving, brackets=True), _payback(f)] if f is not None
                    else ["-"] * len(FINANCE_FIGURES))
        yield row


def fragile_rows(s: SensitivityResult) -> Iterator[list[str]]:
    """Yields the fragile decisions' rows, one a decision."""
    return ([f.person, _decision(f.outcome, f.posts), f"{f.source}: {f.figure}", written(f.value), written(f.at),
             written(f.distance), f.crossing, _decision(f.then_outcome, f.then_posts)] for f in s.fragile)


def _headings(s: SensitivityResult) -> list[str]:
    lines = []
    if s.margin > 0:
        lines.append(f"Fragile decisions: outcomes or posts that change when one overlap figure of the person's post, "
                     f"or one threshold, moves by {written(s.margin)} points or less ({len(s.fragile)} found). Each is "
                     "shown at the nearest value that changes it.")
    return lines


def sensitivity_table(s: SensitivityResult) -> Iterator[Any]:
    """Yields the sweep and the fragile decisions as tables (rich is imported only for this format)."""
    from rich.console import Group
    from rich.text import Text

    parts: list[Any] = []
    if s.sweep:
        sweep = [Column(name, "right") for name in sweep_header(s)]
        parts.append(Rows(sweep, lambda: _safe(sweep_rows(s)), title=Text(f"Sensitivity: {terminal(s.review)}"),
                          count=len(s.sweep)))
    if s.margin > 0:
        parts.append(Text(_headings(s)[0]))
        if s.fragile:
            parts.append(Rows([Column(name) for name in FRAGILE_HEADER], lambda: _safe(fragile_rows(s)),
                              count=len(s.fragile)))
    yield Group(*parts)


def _safe(rows: Iterable[list[str]]) -> Iterator[list[str]]:
    """Gives rows with every cell made safe for a terminal (control characters shown escaped)."""
    return ([terminal(cell) for cell in row] for row in rows)


def sensitivity_markdown(s: SensitivityResult) -> Iterator[str]:
    out = [f"# Sensitivity: {markdown(s.review)}\n"]
    if s.sweep:
        header = sweep_header(s)
        out.append(markdown_table(header, sweep_rows(s), "r" * len(header)))
    if s.margin > 0:
        out.append(markdown(_headings(s)[0]) + "\n")
        if s.fragile:
            out.append(markdown_table(FRAGILE_HEADER, fragile_rows(s), "lllrrrll"))
    yield "\n".join(out)


def _fragile_data(f: Fragile) -> dict[str, Any]:
    return {"person": f.person, "outcome": f.outcome, "posts": list(f.posts), "source": f.source, "figure": f.figure,
            "value": number(f.value), "at": number(f.at), "distance": number(f.distance), "crossing": f.crossing,
            "then_outcome": f.then_outcome, "then_posts": list(f.then_posts)}


def _finance_values(f: FinanceHeadline) -> list[Any]:
    return [getattr(f, name) for name in FINANCE_FIELDS]


def _headline_data(s: SensitivityResult, h: Headline) -> dict[str, Any]:
    data = {"values": {field: number(v) for field, v in zip(s.fields, h.values)}, "own": h.own,
            "summary": vars(h.summary).copy(), "full_year_saving": number(h.saving), "target_met": h.target_met}
    if h.finance is not None:  # left out without the view, so such output is as it always was
        data["finance"] = {name: number(value) for name, value in zip(FINANCE_FIELDS, _finance_values(h.finance))}
    return data


def sensitivity_json(s: SensitivityResult) -> Iterator[bytes]:
    data: dict[str, Any] = {"review": s.review}
    if s.sweep:
        data["sweep"] = {"fields": list(s.fields), "own": [_own(o) for o in s.own],
                         "rows": [_headline_data(s, h) for h in s.sweep]}
    if s.margin > 0:
        data["fragile"] = {"margin": number(s.margin), "decisions": [_fragile_data(f) for f in s.fragile]}
    yield from json_chunks(data)


def sensitivity_csv(s: SensitivityResult, table: str | None = None) -> Iterator[str]:
    """Yields the sweep (default when fields are varied) or the fragile decisions as CSV."""
    if (table or ("sweep" if s.sweep else "fragile")) == "sweep":
        header = [*s.fields, "people", *OUTCOMES, "potential_displacements", "full_year_saving", "target_met", "own"]
        rows: list[list[Any]] = [[*h.values, h.summary.people, *(getattr(h.summary, o) for o in OUTCOMES),
                                  h.summary.potential_displacements, h.saving, h.target_met, h.own] for h in s.sweep]
        if _finance(s):  # the finance view's columns follow the others, so a reader by position is not misled
            header += FINANCE_FIELDS
            for row, h in zip(rows, s.sweep):
                row += _finance_values(h.finance) if h.finance is not None else [None] * len(FINANCE_FIELDS)
        yield to_csv(header, rows)
        return
    yield to_csv(FRAGILE_FIELDS, [[f.person, f.outcome, " ".join(f.posts), f.source, f.figure, f.value, f.at,
                                   f.distance, f.crossing, f.then_outcome, " ".join(f.then_posts)] for f in s.fragile])


def _own(value: object) -> object:
    """The file's own value of a swept field for JSON: a share such as 2/3 as the number it is."""
    if value is None:
        return None
    return number(value if isinstance(value, Fraction) else Decimal(str(value)))
