"""The redeployment register: the people at risk after the decisions recorded, their statutory priority, the free
places each could be offered (grade distance and pay on the new grade), and the trials running; for HR, in a table,
JSON, CSV or a workbook."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from ..model.decisions import PRIORITY_SOURCE
from ..rules.decisions import Decided, Standing
from ..rules.results import SlottingResult
from .common import json_chunks, markdown_table, money, number, terminal, to_csv

HEADER = ["person", "name", "status", "priority", "at_risk_since", "post", "title", "grade_distance", "new_salary",
          "pay_change", "on_hold", "trial_post", "trial_end", "no_redundancy_payment"]
MONEY_COLUMNS = (8, 9)


def at_risk(decided: Decided) -> list[Standing]:
    """Gives the people without a place of their own, those with the statutory priority first, then by the day
    they were put at risk, then id."""
    found = [s for s in decided.people if s.at_risk]
    return sorted(found, key=lambda s: (s.priority is None, str(s.at_risk_since or ""), s.person))


def register_rows(result: SlottingResult, decided: Decided) -> list[list[Any]]:
    """Gives one row per person at risk and free place open to them (one row for a person with none)."""
    rows = []
    for s in at_risk(decided):
        person = result.person(s.person)
        head: list[Any] = [s.person, person.name if person else None, s.status, s.priority,
                s.at_risk_since.isoformat() if s.at_risk_since else None]
        tail: list[Any] = [s.posts[0] if s.status == "on_trial" and s.posts else None,
                s.trial_end.isoformat() if s.trial_end else None, s.no_redundancy_payment]
        if not s.open_posts:
            rows.append(head + [None] * 6 + tail)
        for o in decided.offers(s.person):
            rows.append(head + [o.post, o.title, o.grade_distance, o.new_salary, o.pay_change, o.on_hold] + tail)
    return rows


def register_data(result: SlottingResult, decided: Decided) -> dict[str, Any]:
    """Gives the register as the documented JSON structure."""
    people = []
    for s in at_risk(decided):
        person = result.person(s.person)
        people.append({
            "id": s.person, "name": person.name if person else None, "status": s.status, "reason": s.reason,
            "priority": s.priority, "at_risk_since": s.at_risk_since.isoformat() if s.at_risk_since else None,
            "open_posts": [{"post": o.post, "title": o.title, "grade_distance": o.grade_distance,
                            "new_salary": number(o.new_salary), "pay_change": number(o.pay_change),
                            "on_hold": o.on_hold} for o in decided.offers(s.person)],
            "trial": ({"post": s.posts[0], "ends": s.trial_end.isoformat() if s.trial_end else None}
                      if s.status == "on_trial" and s.posts else None),
            "no_redundancy_payment": s.no_redundancy_payment,
            "records": list(s.records),
        })
    return {"review": result.review, "people": people,
            "free_places": [{"post": post, "places": number(n)} for post, n in decided.free_places],
            "priority_source": PRIORITY_SOURCE, "warnings": list(decided.warnings)}


def redeployment_json(result: SlottingResult, decided: Decided) -> Iterator[bytes]:
    yield from json_chunks(register_data(result, decided))


def redeployment_csv(result: SlottingResult, decided: Decided) -> Iterator[str]:
    yield to_csv(HEADER, register_rows(result, decided))


def _lines(result: SlottingResult, decided: Decided) -> list[str]:
    people = at_risk(decided)
    lines = [f"Redeployment register: {result.review}", ""]
    if not people:
        lines.append("Nobody is at risk after the decisions recorded.")
    for s in people:
        priority = f"; statutory priority: {s.priority.replace('_', ' ')}" if s.priority else ""
        since = f", at risk since {s.at_risk_since}" if s.at_risk_since else ""
        lines.append(f"{s.person} ({s.status.replace('_', ' ')}{since}{priority})")
        lines.append(f"  {s.reason}")
        if s.status == "on_trial" and s.posts:
            lines.append(f"  Trial in {s.posts[0]} ends {s.trial_end}")
        for o in decided.offers(s.person):
            change = money(o.pay_change) if o.pay_change < 0 else "+" + money(o.pay_change)
            hold = " - on hold" if o.on_hold else ""
            lines.append(f"  may be offered {o.post} ({o.title}{hold}): grade distance {o.grade_distance:+d}, "
                         f"{money(o.new_salary)} ({change} a year)")
    free = ", ".join(f"{post} ({number(n)})" for post, n in decided.free_places) or "none"
    lines += ["", f"Free places: {free}", f"Priority: {PRIORITY_SOURCE}."]
    lines += [f"Warning: {w}" for w in decided.warnings]
    return lines


def redeployment_table(result: SlottingResult, decided: Decided) -> Iterator[str]:
    yield "".join(terminal(line) + "\n" for line in _lines(result, decided))


def redeployment_markdown(result: SlottingResult, decided: Decided) -> Iterator[str]:
    rows = register_rows(result, decided)
    yield f"# Redeployment register\n\n{markdown_table(HEADER, rows)}\nPriority: {PRIORITY_SOURCE}.\n"


def redeployment_xlsx(result: SlottingResult, decided: Decided) -> Iterator[bytes]:
    """Yields a workbook: the register on one sheet (pounds in a currency format), the free places on another."""
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False,
                                        "strings_to_urls": False, "strings_to_numbers": False})
    bold, gbp = book.add_format({"bold": True}), book.add_format({"num_format": "£#,##0;-£#,##0;-"})
    sheet = book.add_worksheet("Register")
    for col, name in enumerate(HEADER):
        sheet.write_string(0, col, name, bold)
    for i, row in enumerate(register_rows(result, decided), start=1):
        for col, value in enumerate(row):
            if value is None:
                continue
            if isinstance(value, bool):
                sheet.write_boolean(i, col, value)
            elif isinstance(value, (int,)) or col in MONEY_COLUMNS:
                sheet.write_number(i, col, float(value), gbp if col in MONEY_COLUMNS else None)
            else:
                sheet.write_string(i, col, str(value))
    sheet.set_column(0, len(HEADER) - 1, 16)
    free = book.add_worksheet("Free places")
    free.write_string(0, 0, "post", bold)
    free.write_string(0, 1, "places", bold)
    for i, (post, n) in enumerate(decided.free_places, start=1):
        free.write_string(i, 0, post)
        free.write_number(i, 1, float(n))
    notes = book.add_worksheet("Notes")
    for i, line in enumerate([f"Priority: {PRIORITY_SOURCE}.", *decided.warnings]):
        notes.write_string(i, 0, line)
    book.close()
    yield buffer.getvalue()
