"""Spreadsheet sheets as list sections: an .xlsx or .ods workbook's sheet -> records, each cell located.

A list section may name a sheet of a workbook (`people: {file: hr_export.xlsx, sheet: People}`). With no
sheet named, the first sheet that is not hidden is read; a hidden sheet is read only when it is named. The
field rules are those of a CSV section (csv_text): the first row names the fields, a dot nests
(`characteristics.gender`), an empty cell is not given, an empty row is skipped; and the first row must
name every column the section requires, else the sheet is refused there (a cover sheet, a title above the
header) rather than read as no rows. Cells become the text a CSV of the sheet would hold, so that the
models read both alike:
- a number is the figure the spreadsheet displays at its full precision of 15 significant digits, so
  a cell of 31000.5 is "31000.5" whatever binary fraction stores it, and 45.0 is "45";
- a number shown as a percentage (0.8 shown 80%) is the percentage shown ("80", from the value as
  stored, exactly: 0.755 is "75.5") in a field that is a percentage (`percentage_fields`), and is refused
  in any other field, whose value it would silently change a hundredfold;
- a date cell is its date (YYYY-MM-DD); a true/false cell is a boolean in a true/false field, and
  TRUE or FALSE in any other;
- a formula cell gives its saved value; a formula saved without one, and a cell holding an error value
  (#REF!, #DIV/0!...), are refused; so is text with a character a review file may not hold (as in CSV).

The cells are read by python-calamine (Rust). It allocates a sheet's whole rectangle of cells at once,
reads an error cell and an unsaved formula as empty and does not give number formats, so the workbook's
XML is read first (workbook_xml): a hostile file with one cell at XFD1048576 is refused rather than
allowed to exhaust the memory, and each cell is shown as the spreadsheet shows it.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

from .. import limits
from ..model.types import fields_of
from ..problems import Problem
from . import columns as columns_of
from . import workbook_xml, yaml_text
from .csv_text import SPELLINGS, TRUES, boolean_fields

SUFFIXES = (".xlsx", ".ods")


def cell_name(row: int, column: int) -> str:
    """Gives the A1-style name of a cell from its 1-based row and column (3, 5 -> 'E3')."""
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{row}"


percentage_fields = columns_of.percentage_fields


@cache
def required_fields(record_type: Any) -> tuple[str, ...]:
    """Gives the fields every record of a section must give, in the model's order: the columns its sheet must have."""
    return tuple(name for name, info in (fields_of(record_type) or {}).items() if info.is_required())


@dataclass
class SheetTable:
    """Where a sheet's records came from: the workbook, the sheet, the row of each record, the column of each field."""

    file: str
    sheet: str
    header: list[str]
    columns: list[int]  # the sheet column (1-based) of each header field
    row_numbers: list[int] = field(default_factory=list)  # the sheet row (1-based) of each record
    header_row: int = 1
    missing: frozenset[str] = frozenset()  # required fields no column gives, reported once at the header
    unmatched: list[tuple[str, str]] = field(default_factory=list)  # the review's mapping keys the header lacks
    complete: bool = True  # False when the sheet is refused: it gives no records

    def problem(self, rest: tuple[Any, ...], path: str, message: str) -> Problem:
        """Gives a problem located by sheet and cell at a path inside the section: (record index, field, ...)."""
        row, column = self.locate(rest)
        return Problem(self.file, row, column, path, message, self.sheet, cell_name(row, column) if row and column else None)

    def locate(self, rest: tuple[Any, ...]) -> tuple[int | None, int | None]:
        """Gives (row, column) in the sheet for a path inside the section: (record index, field, subfield...)."""
        if not rest or not isinstance(rest[0], int) or not 0 <= rest[0] < len(self.row_numbers):
            return self.header_row, None
        row = self.row_numbers[rest[0]]
        name = ".".join(str(p) for p in rest[1:3])
        for candidate in (name, str(rest[1]) if len(rest) > 1 else None):
            if candidate and candidate in self.header:
                return row, self.columns[self.header.index(candidate)]
        return row, None


def parse(raw: bytes, file: str, sheet: str | None, record_type: Any = None, mapping: dict[str, str] | None = None,
          what: str = "a record") -> tuple[list[dict[Any, Any]], SheetTable, list[Problem]]:
    """Gives (records, positions, problems) for one sheet of a workbook's bytes (the first visible sheet
    when `sheet` is None); the record type, when given, names the columns required and the fields that
    take booleans, numbers and percentages; `mapping` renames the header's columns (columns.plan), and `what`
    names a record in messages."""
    table = SheetTable(file, sheet or "", [], [])

    def refuse(message: str, row: int | None = None, column: int | None = None) -> tuple[list[Any], SheetTable, list[Any]]:
        table.complete = False
        return [], table, [_problem(table, row, column, message)]

    found = workbook_xml.book(raw)
    if isinstance(found, str):
        return refuse(found)
    if not found.sheets:
        return refuse("the workbook has no sheets")
    chosen = sheet if sheet is not None else found.first_visible()
    if chosen is None:
        return refuse(f"the workbook has no visible sheet (every sheet is hidden: {_sheets(found, marked=False)}); name the "
                      "one to read: {file: NAME, sheet: SHEET}")
    table.sheet = chosen
    if chosen not in found.sheets:
        return refuse(f"the workbook has no sheet {chosen!r}; its sheets are {_sheets(found)}")
    scan = workbook_xml.scan(found, chosen)
    if isinstance(scan, str):
        return refuse(scan)
    top, left, bottom, right = scan.extent
    if bottom >= top and (bottom - top + 1) * (right - left + 1) > limits.SHEET_CELLS:
        return refuse(f"the sheet's cells span {cell_name(top, left)}:{cell_name(bottom, right)}, more than "
                      f"{limits.SHEET_CELLS:,} cells; at most that many are read")
    if bottom - top > limits.RECORDS:
        return refuse(f"more than {limits.RECORDS:,} rows; at most {limits.RECORDS:,} are read")
    try:
        import python_calamine

        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(raw))
        cells = book.get_sheet_by_name(chosen)
        rows = cells.to_python()
        start = cells.start or (0, 0)
        first_row, first_column = start[0] + 1, start[1] + 1
    except Exception as err:  # the reader's own errors: a damaged or unsupported workbook
        return refuse(f"cannot read the workbook: {str(err).splitlines()[0][:200] if str(err) else type(err).__name__}")
    others = "" if sheet is not None else f"; the workbook's sheets are {_sheets(found)}"
    if not rows:
        return refuse("the sheet is empty; expected a header row" + others, 1, 1)
    table.header_row = first_row
    mismatch = _header_mismatch(rows[0], chosen, required_fields(record_type) if record_type else (), mapping or {})
    if mismatch:
        return refuse(mismatch + others + (": name the sheet to read, {file: NAME, sheet: SHEET}" if others else ""),
                      first_row, first_column)
    problems = [_problem(table, row, column, f"the cell holds an error value ({kind}); correct the formula or "
                         "the value") for row, column, kind in scan.errors]
    problems += [_problem(table, row, column, f"a formula with no saved value{f' ({formula[:60]})' if formula else ''}: "
                          "open and save the workbook in a spreadsheet program, or type the value")
                 for row, column, formula in scan.unsaved]
    fields = _Fields(boolean_fields(record_type), percentage_fields(record_type) if record_type else frozenset(),
                     columns_of.number_fields(record_type) if record_type else frozenset(), record_type, mapping, what)
    records = _records(rows, first_row, first_column, table, fields, scan.percents, problems)
    return records, table, problems


def _sheets(found: workbook_xml.Book, marked: bool = True) -> str:
    shown = [repr(name) + (" (hidden)" if marked and name in found.hidden else "") for name in list(found.sheets)[:10]]
    return ", ".join(shown) + (f" and {len(found.sheets) - 10:,} more" if len(found.sheets) > 10 else "")


def _header_mismatch(first: list[Any], sheet: str, required: tuple[str, ...], mapping: dict[str, str]) -> str | None:
    """Gives what is wrong with a sheet's first row when it names none of the columns the section requires (a
    cover sheet, a title above the header), else None; a header that names some is read, and its problems are
    reported at its cells (columns.plan)."""
    names = {mapping.get(name, name).split(".", 1)[0].lower() for name in
             (_text(value).strip() for value in first if _given(value))}
    missing = [name for name in required if name not in names]
    if len(missing) < len(required) or not missing:
        return None
    wanted = ", ".join(repr(name) for name in missing[:-1]) + (" or " if len(missing) > 1 else "") + repr(missing[-1])
    held = [repr(_text(value).strip()[:40]) for value in first if _given(value)]
    shown = ", ".join(held[:8]) + (f" and {len(held) - 8:,} more" if len(held) > 8 else "")
    return (f"sheet {sheet!r} has no column {wanted}; its first row must name the columns, among them "
            f"{', '.join(required[:-1])} and {required[-1]}, but holds {shown}")


def _problem(table: SheetTable, row: int | None, column: int | None, message: str) -> Problem:
    return Problem(table.file, row, column, "", message, table.sheet or None,
                   cell_name(row, column) if row and column else None)


@dataclass(frozen=True)
class _Fields:
    booleans: frozenset[str]
    percentages: frozenset[str]
    numbers: frozenset[str]
    record_type: Any
    mapping: dict[str, str] | None
    what: str


def _records(rows: list[list[Any]], first_row: int, first_column: int, table: SheetTable, fields: _Fields,
             percents: dict[workbook_xml.Cell, str], problems: list[Problem]) -> list[dict[Any, Any]]:
    seen: dict[str, int] = {}
    header: list[str] = []
    for j, value in enumerate(rows[0]):
        name = _text(value).strip()
        column = first_column + j
        if not name:
            if any(j < len(row) and _given(row[j]) for row in rows[1:]):
                problems.append(_problem(table, first_row, column, "empty column name in the header row"))
        elif name in seen:
            problems.append(_problem(table, first_row, column, f"column {name!r} is given twice (first in "
                                     f"{cell_name(first_row, seen[name])})"))
        else:
            seen[name] = column
            refused = _forbidden(table, first_row, column, name)
            if refused:  # reported once: the column is then left out, not also unknown
                problems += refused
                name = ""
        header.append(name)
    planned = columns_of.plan(header, fields.record_type, fields.mapping, fields.what)
    problems += [_problem(table, first_row, None if j is None else first_column + j, message)
                 for j, message in planned.problems]
    table.header, table.missing, table.unmatched = planned.fields, planned.missing, planned.unmatched
    table.columns = [first_column + j for j in range(len(header))]
    columns = [(name, name.split(".", 1), name in fields.booleans, name in fields.percentages, name in fields.numbers)
               for name in planned.fields]
    records = []
    for i, row in enumerate(rows[1:], 1):
        if not any(_given(v) for v in row):
            continue
        number = first_row + i
        table.row_numbers.append(number)
        record: dict[str, Any] = {}
        for j, ((name, parts, boolean, percentage, numeric), value) in enumerate(zip(columns, row)):
            if not name or not _given(value):
                if isinstance(value, str) and not value.isprintable():  # a column left out still holds no such text
                    problems += _forbidden(table, number, first_column + j, value)
                continue
            if boolean and (isinstance(value, bool) or (isinstance(value, str) and value in SPELLINGS)):
                cell: Any = value if isinstance(value, bool) else value in TRUES
            elif percents and (number, first_column + j) in percents:
                stored = percents[(number, first_column + j)]
                cell = _percentage(stored, value)
                if not percentage:
                    problems.append(_problem(table, number, first_column + j, _not_a_percentage(name, cell, stored,
                                                                                                value)))
                    continue
            else:
                cell = _text(value)
                if numeric and isinstance(value, str) and ("£" in value or "," in value or "%" in value):
                    cell = columns_of.plain_number(value, percentage)
                # Every character _forbidden refuses is one Python counts unprintable: a fast first look.
                if isinstance(value, str) and not value.isprintable():
                    refused = _forbidden(table, number, first_column + j, value)
                    if refused:
                        problems += refused
                        continue
            if len(parts) == 2:
                target = record.setdefault(parts[0], {})
                if isinstance(target, dict):
                    target[parts[1]] = cell
            else:
                record[name] = cell
        records.append(record)
    return records


def _forbidden(table: SheetTable, row: int, column: int, text: str) -> list[Problem]:
    """Gives the problem of a cell's text holding a character a review file may not hold (the rule and the
    words of a CSV or YAML file's), located at the cell, if it does."""
    return [_problem(table, row, column, found.message) for found in yaml_text.forbidden_characters(text, table.file)]


def _percentage(stored: str, value: Any) -> str:
    """Gives the percentage a cell shows for its stored value (0.8 -> "80", 0.755 -> "75.5"), exactly, at the
    15 significant digits a spreadsheet shows."""
    try:
        number = Decimal(stored)
    except InvalidOperation:
        number = Decimal(_text(value)) if isinstance(value, (int, float)) else Decimal("NaN")
    if not number.is_finite():
        return stored
    shown = Decimal(format(number, ".15g")).scaleb(2).normalize()
    return format(shown, "f") if abs(shown.adjusted()) <= 30 else str(shown)  # never a string of a billion zeros


def _not_a_percentage(name: str, shown: str, stored: str, value: Any) -> str:
    plain = _text(value) if isinstance(value, (int, float)) else stored
    return (f"the cell is formatted as a percentage (it shows {shown}%, the number {plain}), but {name} is not a "
            "percentage: format the cell as a number (General) and type the value meant")


def _given(value: Any) -> bool:
    return value is not None and value != ""


def _text(value: Any) -> str:
    """Gives a cell as the text a CSV of the sheet would hold (see the module's docstring)."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        shown = Decimal(format(value, ".15g"))  # a spreadsheet's precision: 15 significant digits
        return format(shown, "f") if shown != shown.to_integral_value() else format(shown.quantize(Decimal(1)), "f")
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value)
