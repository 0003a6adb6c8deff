"""Renderers of the savings: JSON (a public contract), CSV, Markdown, a table and an XLSX workbook."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from typing import Any

from ..formats import long_date
from ..rules.savings import Row, SavingsResult, Year
from .common import json_chunks, markdown, markdown_table, money, plain, terminal, text_cells, to_csv
from .finance import EXIT_FIELDS, EXIT_MONEY, FY_FIELDS, FY_HEADER, exit_values, finance_data, year_cells, year_values
from .finance import notes as finance_notes

HEADER = ["Post group", "Existing\nposts", "Existing\n£", "New\nposts", "New\n£", "Saving\n£"]
YEAR_HEADER = ["Year", "New\nstructure £", "Pay\nprotection £", "Saving £", "One-off redundancy\n£ (estimate)"]
# With the finance view the 12-month profile's one-off is the whole exit cost, as in the first financial year.
FINANCE_YEAR_HEADER = [*YEAR_HEADER[:-1], "One-off exit\ncosts £ (estimate)"]


def year_header(s: SavingsResult) -> list[str]:
    """Gives the header of the 12-month profile, naming the one-off it shows (after the decisions recorded, actual
    and estimated)."""
    header = FINANCE_YEAR_HEADER if s.finance else YEAR_HEADER
    if _current(s):
        return [*header[:-1], header[-1].replace("(estimate)", "(actual +\nestimate)")]
    return header


def _current(s: SavingsResult) -> bool:
    """True when the one-off costs are those after the decisions recorded (the current stage)."""
    if s.finance is not None:
        return s.finance.exit_costs.stage == "current"
    return s.redundancy is not None and s.redundancy.stage == "current"


def status_words(status: str, actual: bool) -> str:
    """Gives a person's status after the decisions in words, and whether their cost is actual or estimated."""
    return f"{status.replace('_', ' ')}, {'actual' if actual else 'estimate'}"


def year_title(s: SavingsResult) -> str:
    """Gives the title of the 12-month profile (with the finance view, the day its 12 months start from)."""
    first = s.years[0].start if s.years else None
    return f"Year by year (12 months from {long_date(first)})" if s.finance and first else "Year by year"


def flat(header: list[str]) -> list[str]:
    return [h.replace("\n", " ") for h in header]


def _row(r: Row, with_group: bool = True) -> dict[str, Any]:
    data: dict[str, Any] = {"group": r.group} if with_group else {}
    data.update(existing_posts=r.existing_posts, existing_cost=r.existing_cost, new_posts=r.new_posts,
                new_cost=r.new_cost, saving=r.saving)
    return data


def savings_data(s: SavingsResult) -> dict[str, Any]:
    """Gives the savings as the documented JSON structure (plus optional detail)."""
    data: dict[str, Any] = {
        "rows": [_row(r) for r in s.rows],
        "total": _row(s.total, with_group=False),
        "protection_by_year": list(s.protection_by_year),
        "years": [_year(y) for y in s.years],
        "target_saving": s.target_saving,
        "target_met": s.target_met,
        "estimated_points": list(s.estimated_points),
        "basis": s.basis,
        "on_cost_rate": s.on_cost_rate,
        "round_to": s.round_to,
        "conventions": list(s.conventions),
        "redundancy": None,
    }
    if s.on_cost_model is not None:  # on_cost_rate is then null: no single rate stands for the model
        m = s.on_cost_model
        data["on_cost_model"] = {"employer_ni": m.employer_ni, "pension_rate": m.pension_rate,
                                 "contracted_out": m.contracted_out}
    if s.redundancy:
        r = s.redundancy
        data["redundancy"] = {
            "estimate": True,
            "total": r.total,
            "displaced": [{"person": p.person, "weeks": p.cost.weeks if p.cost else None,
                           "amount": p.cost.amount if p.cost else None,
                           "basis": p.cost.basis if p.cost else "not estimated: age or service_years missing"}
                          for p in r.people],
            "pools": [{"post": post, "likely_displacements": n, "amount": amount} for post, n, amount in r.pools],
            "not_estimated": list(r.not_estimated),
            "notes": list(r.notes),
        }
        if r.stage == "current":  # additive: what is decided is actual, what is open estimated
            data["redundancy"].update(estimate=r.total != r.actual, stage=r.stage, actual=r.actual,
                                      estimated=r.total - r.actual)
            for row, p in zip(data["redundancy"]["displaced"], r.people, strict=True):
                row.update(status=p.reason, actual=p.actual)
    if s.finance:
        data["finance"] = finance_data(s.finance)
    return data


def _year(y: Year) -> dict[str, Any]:
    data: dict[str, Any] = {"year": y.year, "new_cost": y.new_cost, "protection": y.protection, "saving": y.saving,
                            "one_off_redundancy": y.one_off_redundancy}
    if y.one_off is not None:  # the finance view's 12 months
        assert y.start is not None and y.end is not None
        data.update(start=y.start.isoformat(), end=y.end.isoformat(), existing_cost=y.existing_cost, one_off=y.one_off)
    return data


def savings_json(s: SavingsResult) -> Iterator[bytes]:
    """Yields the savings as JSON in UTF-8 pieces."""
    yield from json_chunks(plain(savings_data(s)))


def _cost_cell(posts: int, amount: Decimal) -> str:
    return "-" if posts == 0 and amount == 0 else money(amount)


def table_rows(s: SavingsResult) -> list[list[str]]:
    return [[r.group, str(r.existing_posts), _cost_cell(r.existing_posts, r.existing_cost), str(r.new_posts),
             _cost_cell(r.new_posts, r.new_cost), money(r.saving, brackets=True)] for r in (*s.rows, s.total)]


def year_rows(s: SavingsResult) -> list[list[str]]:
    return [[str(y.year), money(y.new_cost), money(y.protection), money(y.saving, brackets=True),
             money(y.shown_one_off) if y.shown_one_off else "-"] for y in s.years]


def target_line(s: SavingsResult) -> str | None:
    """Gives the sentence on the budget target, or None when no target is set."""
    if s.target_saving is None:
        return None
    gap = s.total.saving - s.target_saving
    if s.target_met:
        return (f"Target saving {money(s.target_saving)}: MET - the full-year saving {money(s.total.saving)} "
                f"exceeds it by {money(gap)}.")
    return (f"Target saving {money(s.target_saving)}: NOT MET - the full-year saving {money(s.total.saving)} "
            f"falls short by {money(-gap)}.")


LISTED = 50  # people or pools listed by name in the table and Markdown; JSON lists them all


def _more(count: int, what: str) -> list[str]:
    return [f"  - ... and {count - LISTED:,} more {what}: every one is listed in --format json"] if count > LISTED else []


def _notes(s: SavingsResult, esc: Callable[[Any], str] = str) -> list[str]:
    lines = []
    if s.estimated_points:
        lines.append("Estimated spinal points used in these figures:")
        lines += [f"  - {esc(p)}" for p in s.estimated_points]
    if s.finance:
        part = f"; redundancy pay is {money(s.redundancy.total)} of it" if s.redundancy else ""
        lines.append(f"Both profiles count the whole one-off exit cost ({money(s.finance.exit_costs.total)}) in their "
                     f"first year{part}.")
    elif s.redundancy:
        r = s.redundancy
        now = r.stage == "current"
        if now:
            lines.append(f"Redundancy after the decisions recorded: {money(r.total)} one-off, shown in year 1 - "
                         f"{money(r.actual)} ACTUAL (the redundancies decided), {money(r.total - r.actual)} "
                         "ESTIMATE (still open).")
        else:
            lines.append(f"Redundancy (ESTIMATE): {money(r.total)} one-off, shown in year 1.")
        for p in r.people[:LISTED]:
            who = f"{esc(p.person)} ({status_words(p.reason, p.actual)})" if now else esc(p.person)
            lines.append(f"  - {who}: " + (f"{money(p.cost.amount)} ({p.cost.basis})" if p.cost
                                           else "not estimated (age or service_years missing)"))
        lines += _more(len(r.people), "displaced people")
        for post, n, amount in r.pools[:LISTED]:
            lines.append(f"  - pool for {esc(post)}: {n} likely displacement(s), {money(amount)}")
        lines += _more(len(r.pools), "pools")
        if r.not_estimated:
            shown = ", ".join(map(esc, r.not_estimated[:LISTED]))
            more = len(r.not_estimated) - LISTED
            lines.append("  Not estimated (age or service_years missing): " + shown
                         + (f" and {more:,} more (see --format json)" if more > 0 else ""))
        lines += [f"  {n}" for n in r.notes]
    lines.append("Conventions:")
    lines += [f"  - {c}" for c in s.conventions]
    return lines


def savings_table(s: SavingsResult) -> Iterator[Any]:
    """Yields the savings table, the yearly profile, the target line and notes as rich renderables."""
    from rich import box
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    table = Table(title=Text(f"Savings (new posts costed at: {s.basis})"), title_justify="left", title_style="bold",
                  box=box.SIMPLE_HEAD, pad_edge=False)
    for i, name in enumerate(HEADER):
        table.add_column(name, justify="left" if i == 0 else "right", no_wrap=i > 0, overflow="fold",
                         min_width=20 if i == 0 else None, ratio=1 if i == 0 else None)
    rows = table_rows(s)
    for row in rows[:-1]:
        table.add_row(*text_cells(row))
    table.add_section()
    table.add_row(*text_cells(rows[-1]), style="bold")
    years = Table(title=year_title(s), title_justify="left", title_style="bold", box=box.SIMPLE_HEAD,
                  pad_edge=False)
    for i, name in enumerate(year_header(s)):
        years.add_column(name, justify="right", no_wrap=i == 0, overflow="fold")
    for row in year_rows(s):
        years.add_row(*text_cells(row))
    parts: list[Any] = [table, years]
    if s.finance:
        fy = Table(title="By financial year", title_justify="left", title_style="bold", box=box.SIMPLE_HEAD,
                   pad_edge=False)
        cells = year_cells(s.finance)
        for i, name in enumerate(FY_HEADER):  # each column as wide as its longest figure: never cut
            widest = max([len(part) for part in name.split("\n")] + [len(row[i]) for row in cells])
            fy.add_column(name, justify="left" if i == 0 else "right", no_wrap=True, min_width=widest)
        for row in cells:
            fy.add_row(*text_cells(row))
        parts.append(fy)
    line = target_line(s)
    if line:
        parts.append(Text(line, style="bold green" if s.target_met else "bold red"))
    if s.finance:
        parts += [Text(n) for n in finance_notes(s.finance, terminal)]
    parts += [Text(n) for n in _notes(s, terminal)]
    yield Group(*parts)


def savings_markdown(s: SavingsResult) -> Iterator[str]:
    """Yields the savings as Markdown (for a CI step summary)."""
    out = [f"# Savings (new posts costed at: {s.basis})\n", markdown_table(flat(HEADER), table_rows(s), "lrrrrr"),
           f"## {year_title(s)}\n", markdown_table(flat(year_header(s)), year_rows(s), "rrrrr")]
    if s.finance:
        out += ["## By financial year\n", markdown_table(flat(FY_HEADER), year_cells(s.finance), "lrrrrrrrr")]
    line = target_line(s)
    if line:
        out.append(line + "\n")
    if s.finance:
        out.append("\n".join(finance_notes(s.finance, markdown)) + "\n")
    out.append("\n".join(_notes(s, markdown)) + "\n")
    yield "\n".join(out)


def savings_csv(s: SavingsResult, table: str = "groups") -> Iterator[str]:
    """Yields one table of the savings as CSV: the groups (default), the financial years or the exit costs."""
    if table != "groups":
        if s.finance is None:
            raise ValueError(f"--table {table} needs the finance view")
        yield (to_csv(FY_FIELDS, year_values(s.finance)) if table == "financial-years"
               else to_csv(EXIT_FIELDS, exit_values(s.finance)))
        return
    rows = [[r.group, r.existing_posts, r.existing_cost, r.new_posts, r.new_cost, r.saving] for r in (*s.rows, s.total)]
    yield to_csv(["group", "existing_posts", "existing_cost", "new_posts", "new_cost", "saving"], rows)


def savings_xlsx(s: SavingsResult) -> Iterator[bytes]:
    """Yields an XLSX workbook: real numbers in a currency format; text is never written as a formula."""
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False,
                                        "strings_to_urls": False, "strings_to_numbers": False})
    bold = book.add_format({"bold": True})
    gbp = book.add_format({"num_format": "£#,##0;(£#,##0);-"})
    gbp_bold = book.add_format({"num_format": "£#,##0;(£#,##0);-", "bold": True})
    sheet = book.add_worksheet("Savings")
    for col, name in enumerate(flat(HEADER)):
        sheet.write_string(0, col, name, bold)
    for i, r in enumerate((*s.rows, s.total), start=1):
        last = r is s.total
        sheet.write_string(i, 0, r.group, bold if last else None)
        for col, value in ((1, r.existing_posts), (3, r.new_posts)):
            sheet.write_number(i, col, value, bold if last else None)
        for col, amount in ((2, r.existing_cost), (4, r.new_cost), (5, r.saving)):
            sheet.write_number(i, col, float(amount), gbp_bold if last else gbp)
    sheet.set_column(0, 0, 48)
    sheet.set_column(1, 5, 16)
    years = book.add_worksheet("Years")
    # The existing structure's cost closes the sheet's sums: saving = existing - new structure (with protection).
    for col, name in enumerate([*flat(year_header(s)), "Existing structure £"]):
        years.write_string(0, col, name, bold)
    for i, y in enumerate(s.years, start=1):
        years.write_number(i, 0, y.year)
        existing = y.existing_cost if y.existing_cost is not None else s.total.existing_cost
        for col, amount in ((1, y.new_cost), (2, y.protection), (3, y.saving), (4, y.shown_one_off), (5, existing)):
            years.write_number(i, col, float(amount), gbp)
    years.set_column(0, 5, 22)
    if s.finance:
        _sheet(book, "Financial years", flat(FY_HEADER), year_values(s.finance), range(2, len(FY_HEADER)))
        _sheet(book, "Exit costs", EXIT_FIELDS, exit_values(s.finance), [EXIT_FIELDS.index(n) for n in EXIT_MONEY],
               pence=True, total_row=True)
    notes = book.add_worksheet("Notes")
    lines = ([target_line(s)] if target_line(s) else [])
    if s.finance:
        lines += finance_notes(s.finance)
    lines += _notes(s)
    for i, line in enumerate(lines):
        notes.write_string(i, 0, line)
    notes.set_column(0, 0, 120)
    book.close()
    yield buffer.getvalue()


def _sheet(book: Any, name: str, header: list[str], rows: list[list[Any]], money: Iterable[int], pence: bool = False,
           total_row: bool = False) -> None:
    """Writes one sheet: a header row, then numbers as numbers (the `money` columns in pounds, or pounds and pence),
    text as text; the last row in bold when it is a total."""
    sheet = book.add_worksheet(name)
    in_pounds = set(money)
    pattern = "£#,##0.00;(£#,##0.00);-" if pence else "£#,##0;(£#,##0);-"
    plain, bold = book.add_format(), book.add_format({"bold": True})
    gbp, gbp_bold = book.add_format({"num_format": pattern}), book.add_format({"num_format": pattern, "bold": True})
    for col, title in enumerate(header):
        sheet.write_string(0, col, title, bold)
    for i, row in enumerate(rows, start=1):
        last = total_row and i == len(rows)
        for col, value in enumerate(row):
            if value is None:
                continue
            if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
                style = (gbp_bold if last else gbp) if col in in_pounds else (bold if last else plain)
                sheet.write_number(i, col, float(value), style)
            else:
                sheet.write_string(i, col, str(value), bold if last else plain)
    sheet.set_column(0, len(header) - 1, 18)
