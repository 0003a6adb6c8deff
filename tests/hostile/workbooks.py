"""Workbooks read as a spreadsheet shows them, or refused at the cell: one case per way a sheet was misread.

Each case is the bundled example with its people or overlaps from a CSV file (tests/csv) and one of those
tables given instead as a workbook, as an HR system or a spreadsheet program leaves it.
"""

from __future__ import annotations

import csv
import shutil
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..support.workbooks import Formula, Shown, write_ods, write_xlsx
from . import Case

CSV_REVIEW = Path(__file__).parent.parent / "csv"


def table(name: str) -> list[list[Any]]:
    """The rows of one of the example's CSV tables, numbers as numbers."""
    with (CSV_REVIEW / name).open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    return [rows[0]] + [[_number(v) for v in row] for row in rows[1:]]


def _number(value: str) -> Any:
    try:
        number = Decimal(value)
    except ArithmeticError:
        return value if value else None
    return int(number) if number == number.to_integral_value() else float(number)


def review_with(folder: Path, section: str, reference: str) -> Path:
    """The example read from CSV sections, with one section (people or overlaps) naming `reference`."""
    for name in ("people.csv", "overlaps.csv"):
        shutil.copy(CSV_REVIEW / name, folder / name)
    text = (CSV_REVIEW / "review.yaml").read_text(encoding="utf-8")
    old = f"\n{section}: {section}.csv\n"
    assert old in text
    (folder / "review.yaml").write_text(text.replace(old, f"\n{section}: {reference}\n"), encoding="utf-8")
    return folder / "review.yaml"


def percent_overlaps() -> list[list[Any]]:
    """The overlaps sheet with its figures as fractions shown as percentages (80 as 0.8 shown 80%)."""
    rows = table("overlaps.csv")
    return [rows[0]] + [row[:2] + [Shown(v / 100, "0%") for v in row[2:]] for row in rows[1:]]


def people_with(column: str, value: Any, row: int = 1) -> list[list[Any]]:
    """The people sheet with one cell (in the column named, on the row-th person) replaced."""
    rows = table("people.csv")
    rows[row][rows[0].index(column)] = value
    return rows


def _run(command: str, section: str, write: Callable[[Path], Any], name: str, reference: str | None = None,
         *extra: str) -> Callable[[Path], list[str]]:
    def make(folder: Path) -> list[str]:
        write(folder / name)
        return [command, str(review_with(folder, section, reference or name)), *extra]
    return make


P02_OVERLAPS = "50% of the current JD is in the new post and forms 35% of it"

CASES = [
    # 1. A percentage-formatted overlap (shown 80%, stored 0.8) was read as 0.8: everyone displaced, silently.
    Case("workbook_percent_overlap_read_as_shown", _run(
        "explain", "overlaps", lambda p: write_xlsx(p, {"Overlaps": percent_overlaps()}), "overlaps.xlsx", None,
        "P02"), 0, P02_OVERLAPS),
    Case("workbook_percent_overlap_read_as_shown_ods", _run(
        "explain", "overlaps", lambda p: write_ods(p, {"Overlaps": percent_overlaps()}), "overlaps.ods", None,
        "P02"), 0, P02_OVERLAPS),
    Case("workbook_percent_salary_refused", _run(
        "validate", "people", lambda p: write_xlsx(p, {"People": people_with("salary", Shown(0.5, "0%"))}),
        "people.xlsx"), 1, "people.xlsx[People]!D2: the cell is formatted as a percentage"),
    # 2. A hidden first sheet was read when no sheet was named.
    Case("workbook_hidden_first_sheet_passed_over", _run(
        "validate", "people", lambda p: write_xlsx(p, {"Lookup": table("people.csv")[:3],
                                                       "People": table("people.csv")}, hidden={"Lookup"}),
        "people.xlsx"), 0, "valid: 20 people"),
    Case("workbook_hidden_first_sheet_passed_over_ods", _run(
        "validate", "people", lambda p: write_ods(p, {"Lookup": table("people.csv")[:3],
                                                      "People": table("people.csv")}, hidden={"Lookup"}),
        "people.ods"), 0, "valid: 20 people"),
    Case("workbook_only_hidden_sheets_refused", _run(
        "validate", "people", lambda p: write_xlsx(p, {"People": table("people.csv")}, hidden={"People"}),
        "people.xlsx"), 1, "no visible sheet"),
    # 3. A cover sheet first gave `valid: 0 people`, exit 0, and a run with every place ring-fenced.
    Case("workbook_cover_sheet_refused", _run(
        "run", "people", lambda p: write_xlsx(p, {"Cover": [["HR export, March 2026"]], "People": table("people.csv")}),
        "people.xlsx"), 1, "people.xlsx[Cover]!A1: sheet 'Cover' has no column 'id'", never=["ring"]),
    Case("workbook_header_in_the_wrong_row_refused", _run(
        "validate", "overlaps", lambda p: write_xlsx(p, {"Overlaps": [["Overlaps as agreed"], [], *table("overlaps.csv")]}),
        "overlaps.xlsx", "{file: overlaps.xlsx, sheet: Overlaps}"), 1,
        "overlaps.xlsx[Overlaps]!A1: sheet 'Overlaps' has no column 'old_post'"),
    # 4. A formula with no saved value was "not given": an fte of =1/2 became full time.
    Case("workbook_formula_without_saved_value_refused", _run(
        "savings", "people", lambda p: write_xlsx(p, {"People": people_with("name", Formula("=1/2"))}),
        "people.xlsx"), 1, "people.xlsx[People]!B2: a formula with no saved value (=1/2)"),
    Case("workbook_formula_without_saved_value_refused_ods", _run(
        "savings", "people", lambda p: write_ods(p, {"People": people_with("salary", Formula("=1/2"))}),
        "people.ods"), 1, "people.ods[People]!D2: a formula with no saved value (=1/2)"),
    # 5. A control character in a cell reached the letters as a page break.
    Case("workbook_control_character_refused", _run(
        "validate", "people", lambda p: write_xlsx(p, {"People": people_with("name", "Holder_x000C_ of a post", 3)}),
        "people.xlsx"), 1, "people.xlsx[People]!B4: the character U+000C is not allowed"),
    # 6. A section named .xls was read as CSV and reported as "not UTF-8".
    Case("workbook_xls_refused_as_a_format", _run(
        "validate", "people", lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504),
        "people.xls"), 1, "save it as .xlsx", never=["not UTF-8"]),
    Case("workbook_numbers_refused_as_a_format", _run(
        "validate", "people", lambda p: p.write_bytes(b"PK\x03\x04"), "people.numbers",
        "{file: people.numbers, sheet: People}"), 1, "save it as .xlsx", never=["not UTF-8"]),
]
