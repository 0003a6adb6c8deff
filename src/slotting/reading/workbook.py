"""Spreadsheet sheets as list sections: an .xlsx or .ods workbook's sheet -> records, each cell located.

A list section may name a sheet of a workbook (`people: {file: hr_export.xlsx, sheet: People}`; the
first sheet when no sheet is named). The field rules are those of a CSV section (csv_text): the first
row names the fields, a dot nests (`characteristics.gender`), an empty cell is not given, an empty row
is skipped. Cells become the text a CSV of the sheet would hold, so that the models read both alike:
- a number is the figure the spreadsheet displays at its full precision of 15 significant digits, so
  a cell of 31000.5 is "31000.5" whatever binary fraction stores it, and 45.0 is "45";
- a date cell is its date (YYYY-MM-DD); a true/false cell is a boolean in a true/false field, and
  TRUE or FALSE in any other;
- a formula cell gives its cached value; a cell holding an error value (#REF!, #DIV/0!...) is refused.

The cells are read by python-calamine (Rust). It allocates a sheet's whole rectangle of cells at once
and reads an error cell as empty, so before it runs the workbook is unzipped here under a size bound,
and the sheet's XML is scanned once for the extent of its cells and for error cells: a hostile file
with one cell at XFD1048576 is refused rather than allowed to exhaust the memory.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any
from xml.etree import ElementTree

from .. import limits
from ..problems import Problem
from .csv_text import SPELLINGS, TRUES, boolean_fields

SUFFIXES = (".xlsx", ".ods")


def cell_name(row: int, column: int) -> str:
    """Gives the A1-style name of a cell from its 1-based row and column (3, 5 -> 'E3')."""
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{row}"


@dataclass
class SheetTable:
    """Where a sheet's records came from: the workbook, the sheet, the row of each record, the column of each field."""

    file: str
    sheet: str
    header: list[str]
    columns: list[int]  # the sheet column (1-based) of each header field
    row_numbers: list[int] = field(default_factory=list)  # the sheet row (1-based) of each record
    header_row: int = 1

    def problem(self, rest: tuple, path: str, message: str) -> Problem:
        """Gives a problem located by sheet and cell at a path inside the section: (record index, field, ...)."""
        row, column = self.locate(rest)
        return Problem(self.file, row, column, path, message, self.sheet, cell_name(row, column) if row and column else None)

    def locate(self, rest: tuple) -> tuple[int | None, int | None]:
        """Gives (row, column) in the sheet for a path inside the section: (record index, field, subfield...)."""
        if not rest or not isinstance(rest[0], int) or not 0 <= rest[0] < len(self.row_numbers):
            return self.header_row, None
        row = self.row_numbers[rest[0]]
        name = ".".join(str(p) for p in rest[1:3])
        for candidate in (name, str(rest[1]) if len(rest) > 1 else None):
            if candidate in self.header:
                return row, self.columns[self.header.index(candidate)]
        return row, None


def parse(raw: bytes, file: str, sheet: str | None, record_type: Any = None
          ) -> tuple[list[dict], SheetTable, list[Problem]]:
    """Gives (records, positions, problems) for one sheet of a workbook's bytes."""
    table = SheetTable(file, sheet or "", [], [])

    def refuse(message: str, row: int | None = None, column: int | None = None) -> tuple[list, SheetTable, list]:
        return [], table, [_problem(table, row, column, message)]

    parts = _unzipped(raw)
    if isinstance(parts, str):
        return refuse(parts)
    ods = "content.xml" in parts and "xl/workbook.xml" not in parts
    names = _ods_sheets(parts["content.xml"]) if ods else _xlsx_sheets(parts)
    if isinstance(names, str):
        return refuse(names)
    if not names:
        return refuse("the workbook has no sheets")
    chosen = sheet if sheet is not None else next(iter(names))
    table.sheet = chosen
    if chosen not in names:
        shown = ", ".join(repr(n) for n in list(names)[:10])
        return refuse(f"the workbook has no sheet {chosen!r}; its sheets are {shown}")
    scan = _ods_scan(parts["content.xml"], chosen) if ods else _xlsx_scan(parts.get(names[chosen], b""))
    if isinstance(scan, str):
        return refuse(scan)
    (top, left, bottom, right), errors = scan
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
    problems = [_problem(table, row, column, f"the cell holds an error value ({kind}); correct the formula or "
                         "the value") for row, column, kind in errors]
    records = _records(rows, first_row, first_column, table, boolean_fields(record_type), problems)
    return records, table, problems


def _problem(table: SheetTable, row: int | None, column: int | None, message: str) -> Problem:
    return Problem(table.file, row, column, "", message, table.sheet or None,
                   cell_name(row, column) if row and column else None)


def _records(rows: list[list[Any]], first_row: int, first_column: int, table: SheetTable,
             booleans: frozenset[str], problems: list[Problem]) -> list[dict]:
    if not rows:
        problems.append(_problem(table, 1, 1, "the sheet is empty; expected a header row"))
        return []
    table.header_row = first_row
    seen: dict[str, int] = {}
    header = []
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
        header.append(name)
    table.header = header
    table.columns = [first_column + j for j in range(len(header))]
    fields = [(name, name.split(".", 1), name in booleans) for name in header]
    records = []
    for i, row in enumerate(rows[1:], 1):
        if not any(_given(v) for v in row):
            continue
        table.row_numbers.append(first_row + i)
        record: dict[str, Any] = {}
        for (name, parts, boolean), value in zip(fields, row):
            if not name or not _given(value):
                continue
            if boolean and (isinstance(value, bool) or (isinstance(value, str) and value in SPELLINGS)):
                cell: Any = value if isinstance(value, bool) else value in TRUES
            else:
                cell = _text(value)
            if len(parts) == 2:
                target = record.setdefault(parts[0], {})
                if isinstance(target, dict):
                    target[parts[1]] = cell
            else:
                record[name] = cell
        records.append(record)
    return records


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


def _unzipped(raw: bytes) -> dict[str, bytes] | str:
    """Gives a workbook's parts by name, unzipped under limits.WORKBOOK_BYTES in all, or the reason it is refused.

    The sizes the archive declares are checked first; each part is then inflated here, where a part that
    inflates beyond its declared size fails its check, before the Rust reader sees the archive.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return "not a workbook: an .xlsx or .ods file is a zip archive, and this one cannot be opened"
    if len(entries) > limits.WORKBOOK_PARTS:
        return f"the workbook has {len(entries):,} parts; at most {limits.WORKBOOK_PARTS:,} are read"
    declared = sum(entry.file_size for entry in entries)
    if declared > limits.WORKBOOK_BYTES:
        return f"the workbook unzips to {declared:,} bytes; at most {limits.WORKBOOK_BYTES:,} are read"
    left = limits.WORKBOOK_BYTES
    parts = {}
    try:
        for entry in entries:
            if entry.flag_bits & 0x1:
                return "the workbook is encrypted; save it without a password"
            with archive.open(entry) as handle:
                data = handle.read(left + 1)
            left -= len(data)
            if left < 0:
                return f"the workbook unzips to more than {limits.WORKBOOK_BYTES:,} bytes; at most that many are read"
            parts[entry.filename] = data
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, RuntimeError) as err:
        return f"not a readable workbook: {err}"
    return parts


_NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def _xlsx_sheets(parts: dict[str, bytes]) -> dict[str, str] | str:
    """Gives each worksheet's name -> its XML part, in the workbook's order."""
    try:
        book = ElementTree.fromstring(parts["xl/workbook.xml"])
        rels = ElementTree.fromstring(parts.get("xl/_rels/workbook.xml.rels", b"<r/>"))
    except (KeyError, ElementTree.ParseError):
        return "not a readable .xlsx workbook (its workbook part is missing or damaged)"
    target = {r.get("Id"): r.get("Target", "") for r in rels}
    found = {}
    for element in book.iter():
        if element.tag.endswith("}sheet") and element.get("name") is not None:
            path = target.get(element.get(_NS_REL), "")
            path = path.lstrip("/") if path.startswith("/") else "xl/" + path
            found[element.get("name", "")] = path
    return found


_XLSX_REF = re.compile(rb'\sr\s*=\s*["\']([A-Z]{1,3})([0-9]{1,7})["\']')  # a cell's reference (rows have no letters)
_XLSX_CELL = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?c\s[^>]*?\br\s*=\s*["\']([A-Z]{1,3})([0-9]{1,7})["\']')
_XLSX_ERROR = re.compile(rb'\bt\s*=\s*["\']e["\']')


def _xlsx_scan(xml: bytes) -> tuple[tuple[int, int, int, int], list[tuple[int, int, str]]] | str:
    """Gives the extent (top, left, bottom, right) of a worksheet's cells and its error cells (row, column, value).

    Every cell reference is counted, and any text that looks like one too, so the extent is never smaller
    than the one the reader will allocate."""
    refs = _XLSX_REF.findall(xml)
    if xml.count(b"<c ") + xml.count(b"<c>") + xml.count(b"<c/>") > len(refs):
        return "the sheet has cells without a reference (r attribute); save it again from a spreadsheet program"
    if not refs:
        return (1, 1, 0, 0), []
    rows = [int(r) for _, r in refs]
    columns = {_column_number(c) for c in {c for c, _ in refs}}
    errors = []
    for found in _XLSX_ERROR.finditer(xml):
        start = xml.rfind(b"<", 0, found.start())
        tag = _XLSX_CELL.match(xml, start)
        if tag is None:
            continue
        close = xml.find(b"</", found.end())
        value = re.search(rb"<(?:[\w.-]+:)?v>([^<]{0,40})<", xml[start:close + 200] if close >= 0 else b"")
        errors.append((int(tag.group(2)), _column_number(tag.group(1)), value.group(1).decode("utf-8", "replace")
                       if value else "an error"))
    return (min(rows), min(columns), max(rows), max(columns)), errors


def _column_number(letters: bytes) -> int:
    number = 0
    for byte in letters:
        number = number * 26 + byte - 64
    return number


_ODS = "urn:oasis:names:tc:opendocument:xmlns:"
_TABLE = "{" + _ODS + "table:1.0}"
_OFFICE = "{" + _ODS + "office:1.0}"
_CALCEXT = "{urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0}"


def _ods_sheets(content: bytes) -> dict[str, str] | str:
    try:
        names = {}
        for _, element in ElementTree.iterparse(io.BytesIO(content), events=("start",)):
            if element.tag == _TABLE + "table":
                names[element.get(_TABLE + "name", "")] = element.get(_TABLE + "name", "")
        return names
    except ElementTree.ParseError:
        return "not a readable .ods workbook (its content part is damaged)"


def _ods_scan(content: bytes, sheet: str) -> tuple[tuple[int, int, int, int], list[tuple[int, int, str]]] | str:
    """Gives the extent of an ODS table's cells with a value, repeats counted, and its error cells."""
    top, left, bottom, right = 0, 0, 0, 0
    errors: list[tuple[int, int, str]] = []
    inside, row, column, repeat = False, 0, 0, 1
    try:
        for event, element in ElementTree.iterparse(io.BytesIO(content), events=("start", "end")):
            tag = element.tag
            if tag == _TABLE + "table":
                if event == "start":
                    inside = element.get(_TABLE + "name") == sheet
                elif inside:
                    break
                continue
            if not inside:
                continue
            if tag == _TABLE + "table-row":
                if event == "start":
                    repeat = _repeat(element, "rows")
                    column = 0
                else:
                    row += repeat
                    element.clear()
            elif tag in (_TABLE + "table-cell", _TABLE + "covered-table-cell") and event == "end":
                times = _repeat(element, "columns")
                if element.get(_OFFICE + "value-type") is not None or len(element):
                    first_row, last_row = row + 1, row + repeat
                    first_column, last_column = column + 1, column + times
                    top = min(top, first_row) if top else first_row
                    left = min(left, first_column) if left else first_column
                    bottom, right = max(bottom, last_row), max(right, last_column)
                    if element.get(_CALCEXT + "value-type") == "error":
                        text = "".join(element.itertext())[:40] or "an error"
                        errors.append((first_row, first_column, text))
                column += times
    except ElementTree.ParseError:
        return "not a readable .ods workbook (its content part is damaged)"
    return ((top or 1), (left or 1), bottom, right), errors


def _repeat(element: Any, what: str) -> int:
    try:
        return max(1, int(element.get(f"{_TABLE}number-{what}-repeated", "1")))
    except ValueError:
        return 1
