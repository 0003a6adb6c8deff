"""Renderers of `slotting compare`: options side by side (headline, people, posts, savings rows)."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

from ..model.types import written
from ..rules.compare import FAIL_ON, Comparison, Option, PersonRow, Placed, PostState
from ..rules.finance_headline import FinanceHeadline
from ..rules.results import OUTCOMES
from .common import json_chunks, markdown, markdown_table, money, number, safe_cell, terminal, text_cells, to_csv

HEADLINE = [("people", "People"), *((o, o.capitalize()) for o in OUTCOMES), ("pools", "Competitive pools"),
            ("potential_displacements", "Potential displacements"), ("ring_fenced_places", "Ring-fenced places")]



def headline_rows(c: Comparison) -> list[list[str]]:
    rows = [[name, *(written(getattr(o.summary, key)) for o in c.options)] for key, name in HEADLINE]
    rows.append(["Full-year saving", *(money(o.saving, brackets=True) for o in c.options)])
    rows.append(["Target saving", *(money(o.target) for o in c.options)])
    rows.append(["Saving against target", *(money(o.against_target, brackets=True) if o.against_target is not None
                                            else "-" for o in c.options)])
    rows.append(["Equality flags", *(str(len(o.flags)) for o in c.options)])
    if any(o.stage for o in c.options):
        rows += stage_rows(c.options)
    if c.finance:
        rows += finance_rows(c.options)
    return rows


def stage_rows(options: tuple[Option, ...]) -> list[list[str]]:
    """Gives the rows of stages of one review: the people of each status, the one-off redundancy cost and its part
    decided."""
    statuses = list(dict.fromkeys(name for o in options for name, _ in o.statuses))
    rows = [[f"Status: {name.replace('_', ' ')}", *(str(dict(o.statuses).get(name, 0)) for o in options)]
            for name in statuses]
    if any(o.one_off is not None for o in options):
        rows.append(["One-off redundancy cost", *(money(o.one_off) for o in options)])
        rows.append(["  of which decided (actual)", *(money(o.one_off_actual) for o in options)])
    return rows


def finance_rows(options: tuple[Option, ...]) -> list[list[str]]:
    """Gives the finance view's headline rows, "-" for an option whose review does not ask for the view."""
    def cells(shown: Callable[[Any], str]) -> list[str]:
        return [shown(o.finance) if o.finance is not None else "-" for o in options]

    return [["Financial years", *cells(lambda f: f"{f.first_year} to {f.last_year}")],
            ["Pay protection, first financial year", *cells(lambda f: money(f.first_year_protection))],
            ["Pay protection, all years", *cells(lambda f: money(f.protection))],
            ["One-off exit costs (estimate)", *cells(lambda f: money(f.exit_costs))],
            ["Net saving, all years", *cells(lambda f: money(f.net_saving, brackets=True))],
            ["Payback", *cells(payback)]]


def payback(f: FinanceHeadline) -> str:
    """Gives the payback month in a few words."""
    if f.payback_month is None:
        return f"beyond {f.horizon_months} months"
    return f"month {f.payback_month}"


def _placed(p: Placed | None, full: bool = False) -> str:
    """Gives a person's slotting in one option in words; `full` adds each slot's basis and spinal point, for
    a row whose options the short form would show alike."""
    if p is None:
        return "(not in this option)"
    posts = p.posts
    if full:
        posts = tuple(f"{post} ({basis or '-'}{' pool' if competitive else ''})"
                      for post, basis, competitive in zip(p.posts, p.basis, p.competitive))
    text = p.outcome + (f" {', '.join(posts)}" if posts else "")
    if p.on_hold:
        text += " on hold"
    if p.status is not None:
        text += f"; {p.status.replace('_', ' ')}" + (f" {', '.join(p.held)}" if p.held else "")
    if p.new_salary:
        text += " " + "/".join(money(s) + (f" SP{point}{'*' if estimated else ''}" if full else "")
                               for s, point, estimated in zip(p.new_salary, p.spinal_point, p.estimated_point))
    if any(p.protection):
        text += " protected " + "/".join(money(s) for s in p.protection)
    return text


def _row_cells(row: PersonRow) -> list[str]:
    """Gives a person's slotting in each option, in full when the short form would show two options alike."""
    short = [_placed(p) for p in row.options]
    if len(set(short)) < len(set(row.options)):
        return [_placed(p, full=True) for p in row.options]
    return short


def _post(p: PostState | None) -> str:
    if p is None:
        return "-"
    return f"{p.grade} x{p.count}" + (" on hold" if p.on_hold else "")


def people_rows(c: Comparison) -> list[list[str]]:
    return [[row.id, *_row_cells(row)] for row in c.people]


def post_rows(c: Comparison) -> list[list[str]]:
    return [[row.id, row.change, *(_post(p) for p in row.options)] for row in c.posts]


def savings_rows(c: Comparison) -> list[list[str]]:
    rows = []
    for row in c.savings:
        cells = [money(o[2], brackets=True) if o else "-" for o in row.options]
        rows.append([row.group, *cells, *(money(d, brackets=True) for d in row.difference[1:] if d is not None)])
    return rows


def _labels(c: Comparison) -> list[str]:
    return [o.label for o in c.options]


def _savings_header(c: Comparison) -> list[str]:
    labels = _labels(c)
    return ["Post group", *(f"Saving: {label}" for label in labels), *(f"{label} - {labels[0]}" for label in labels[1:])]


def compare_table(c: Comparison) -> Iterator[Any]:
    from rich import box
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    def table(title: str, header: list[str], rows: list[list[str]]) -> Table:
        t = Table(title=Text(title), title_justify="left", title_style="bold", box=box.SIMPLE_HEAD, pad_edge=False)
        for i, name in enumerate(header):
            t.add_column(terminal(name), justify="left" if i == 0 else "right", overflow="fold")
        for row in rows:
            t.add_row(*text_cells(row))
        return t

    labels = _labels(c)
    parts: list[Any] = [table("Options", ["", *labels], headline_rows(c))]
    parts.append(table(f"People whose slotting differs: {len(c.people)}", ["Person", *labels], people_rows(c))
                 if c.people else Text("People whose slotting differs: none."))
    parts.append(table(f"New posts added, removed or changed: {len(c.posts)}", ["Post", "Change", *labels],
                       post_rows(c)) if c.posts else Text("New posts added, removed or changed: none."))
    parts.append(table("Savings by post group", _savings_header(c), savings_rows(c)))
    for o in c.options:
        for flag in o.flags:
            parts.append(Text(f"{terminal(o.label)}: FLAG: {terminal(flag)}"))
    yield Group(*parts)


def compare_markdown(c: Comparison) -> Iterator[str]:
    labels = [markdown(label) for label in _labels(c)]
    out = ["# Options compared\n", markdown_table(["", *_labels(c)], headline_rows(c), "l" + "r" * len(labels))]
    out.append(f"## People whose slotting differs: {len(c.people)}\n")
    if c.people:
        out.append(markdown_table(["Person", *_labels(c)], people_rows(c)))
    out.append(f"## New posts added, removed or changed: {len(c.posts)}\n")
    if c.posts:
        out.append(markdown_table(["Post", "Change", *_labels(c)], post_rows(c)))
    out += ["## Savings by post group\n", markdown_table(_savings_header(c), savings_rows(c),
                                                        "l" + "r" * (len(_savings_header(c)) - 1))]
    flags = [f"- {markdown(o.label)}: {markdown(flag)}" for o in c.options for flag in o.flags]
    if flags:
        out.append("Equality flags (a screening signal, not a finding):\n\n" + "\n".join(flags) + "\n")
    yield "\n".join(out)


def _placed_data(p: Placed | None) -> dict[str, Any] | None:
    if p is None:
        return None
    return {"outcome": p.outcome, "posts": list(p.posts), "new_salary": [number(s) for s in p.new_salary],
            "protection": [number(s) for s in p.protection], "on_hold": p.on_hold, "basis": list(p.basis),
            "competitive": list(p.competitive), "spinal_point": list(p.spinal_point),
            "estimated_point": list(p.estimated_point),
            **({"status": p.status, "held": list(p.held)} if p.status is not None else {})}


def finance_data(f: FinanceHeadline | None) -> dict[str, Any] | None:
    """Gives the finance view's headline figures as JSON-ready data (None without the view)."""
    if f is None:
        return None
    return {"first_year": f.first_year, "last_year": f.last_year,
            "first_year_protection": number(f.first_year_protection), "protection": number(f.protection),
            "exit_costs": number(f.exit_costs), "net_saving": number(f.net_saving), "payback_month": f.payback_month,
            "horizon_months": f.horizon_months}


def _option_data(c: Comparison, o: Option) -> dict[str, Any]:
    data = {"label": o.label, "review": o.review, "summary": vars(o.summary).copy(),
            "full_year_saving": number(o.saving), "target_saving": number(o.target),
            "against_target": number(o.against_target), "equality_flags": list(o.flags)}
    if o.stage is not None:  # stages of one review only, so that comparing options is as it always was
        data.update(stage=o.stage, statuses=dict(o.statuses), one_off=number(o.one_off),
                    one_off_actual=number(o.one_off_actual))
    if c.finance:  # the key is left out when no option has the view, so such output is as it always was
        data["finance"] = finance_data(o.finance)
    return data


def compare_data(c: Comparison) -> dict[str, Any]:
    return {
        "options": [_option_data(c, o) for o in c.options],
        "outcomes_differ": c.outcomes_differ,
        "people_differ": {level: len(c.changed(level)) for level in FAIL_ON},
        "people": [{"id": row.id, "options": [_placed_data(p) for p in row.options], "differs": list(row.differs)}
                   for row in c.people],
        "posts": [{"id": row.id, "change": row.change,
                   "options": [None if p is None else {"title": p.title, "grade": p.grade, "count": p.count,
                                                       "on_hold": p.on_hold} for p in row.options]} for row in c.posts],
        "savings": [{"group": row.group,
                     "options": [None if o is None else {"existing_cost": number(o[0]), "new_cost": number(o[1]),
                                                         "saving": number(o[2])} for o in row.options],
                     "difference": [number(d) for d in row.difference]} for row in c.savings],
    }


def compare_json(c: Comparison) -> Iterator[bytes]:
    yield from json_chunks(compare_data(c))


def _csv_tables(c: Comparison) -> dict[str, tuple[list[str], list[list[Any]]]]:
    labels = _labels(c)
    return {
        "people": (["id", *labels], people_rows(c)),
        "headline": (["figure", *labels], headline_rows(c)),
        "posts": (["post", "change", *labels], post_rows(c)),
        "savings": (["group", *(f"saving {label}" for label in labels), *(f"{label} - {labels[0]}" for label in labels[1:])],
                    [[row.group, *(o[2] if o else None for o in row.options), *row.difference[1:]] for row in c.savings]),
    }


def compare_csv(c: Comparison, table: str = "people") -> Iterator[str]:
    """Yields one table of the comparison as CSV: people (default), headline, posts or savings."""
    header, rows = _csv_tables(c)[table]
    yield to_csv(header, rows)


def compare_xlsx(c: Comparison) -> Iterator[bytes]:
    """Yields a workbook with one sheet per table; text is never written as a formula."""
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
                                        "strings_to_numbers": False})
    bold = book.add_format({"bold": True})
    for name, (header, rows) in _csv_tables(c).items():
        sheet = book.add_worksheet(name.capitalize())
        for col, title in enumerate(header):
            sheet.write_string(0, col, str(safe_cell(title)), bold)
        for i, row in enumerate(rows, start=1):
            for col, value in enumerate(row):
                if isinstance(value, Decimal):
                    sheet.write_number(i, col, float(value))
                elif value is not None:
                    sheet.write_string(i, col, str(value))
        sheet.set_column(0, len(header) - 1, 24)
    book.close()
    yield buffer.getvalue()
