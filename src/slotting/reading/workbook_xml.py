"""A workbook's own XML, read here rather than trusted to the cell reader: its sheets and what its cells show.

python-calamine gives each cell's value but not how it is shown, whether a sheet is hidden, or that a
formula was saved without its value (it reads that cell, and an error cell, as empty). So the workbook
is unzipped here under a size bound, and the chosen sheet's XML is scanned once for:
- the extent of its cells, so that a sheet the reader would allocate too large is refused unread;
- its error cells, and its formulas with no saved value;
- its numbers shown as percentages (an .xlsx cell whose style's number format holds an unquoted %; an
  .ods cell of value type percentage, or whose cell style's data style is a percentage style), each
  with the value as stored, text, so that 0.755 shown 75.5% is read exactly.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from html import unescape
from typing import Any
from xml.etree import ElementTree

from .. import limits

Cell = tuple[int, int]  # (row, column), 1-based


@dataclass
class Book:
    """A workbook's parts and its sheets: name -> where its cells are, in the workbook's order, and the hidden ones."""

    parts: dict[str, bytes]
    ods: bool
    sheets: dict[str, str]
    hidden: set[str] = field(default_factory=set)
    percent_styles: frozenset[str] = frozenset()  # xlsx: the cell format indexes (s) shown as percentages
    ods_styles: dict[str, Any] = field(default_factory=dict)  # ods: cell style -> (data style, parent)
    ods_percent: frozenset[str] = frozenset()  # ods: the data styles that are percentage styles

    def first_visible(self) -> str | None:
        """Gives the first sheet that is not hidden and holds cells (not a chart sheet), or None."""
        return next((name for name, part in self.sheets.items() if name not in self.hidden
                     and "/chartsheets/" not in part), None)


@dataclass
class Scan:
    """What one sheet's XML says that the cell reader does not."""

    extent: tuple[int, int, int, int]  # top, left, bottom, right
    errors: list[tuple[int, int, str]] = field(default_factory=list)  # row, column, the error value shown
    unsaved: list[tuple[int, int, str]] = field(default_factory=list)  # row, column, the formula
    percents: dict[Cell, str] = field(default_factory=dict)  # a number shown as a percentage -> its stored text


def book(raw: bytes) -> Book | str:
    """Gives a workbook's parts and sheets, or the reason it is refused."""
    parts = _unzipped(raw)
    if isinstance(parts, str):
        return parts
    if "content.xml" in parts and "xl/workbook.xml" not in parts:
        return _ods_book(parts)
    return _xlsx_book(parts)


def scan(found: Book, sheet: str) -> Scan | str:
    """Gives what a sheet's XML says about its cells, or the reason it is refused."""
    if found.ods:
        return _ods_scan(found, sheet)
    return _xlsx_scan(found.parts.get(found.sheets[sheet], b""), found.percent_styles)


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


# --- .xlsx -----------------------------------------------------------------------------------------------------

_NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_BUILTIN_PERCENT = frozenset({9, 10})  # ECMA-376 18.8.30: 0% and 0.00%


def _xlsx_book(parts: dict[str, bytes]) -> Book | str:
    try:
        workbook = ElementTree.fromstring(parts["xl/workbook.xml"])
        rels = ElementTree.fromstring(parts.get("xl/_rels/workbook.xml.rels", b"<r/>"))
    except (KeyError, ElementTree.ParseError):
        return "not a readable .xlsx workbook (its workbook part is missing or damaged)"
    target = {r.get("Id"): r.get("Target", "") for r in rels}
    styles = next((_part_path(r.get("Target", "")) for r in rels if r.get("Type", "").endswith("/styles")),
                  "xl/styles.xml")
    found = Book(parts, False, {})
    for element in workbook.iter():
        if element.tag.endswith("}sheet") and element.get("name") is not None:
            name = element.get("name", "")
            found.sheets[name] = _part_path(target.get(element.get(_NS_REL), ""))
            if element.get("state") in ("hidden", "veryHidden"):
                found.hidden.add(name)
    percent = _xlsx_percent_styles(parts.get(styles))
    if isinstance(percent, str):
        return percent
    found.percent_styles = percent
    return found


def _part_path(target: str) -> str:
    return target.lstrip("/") if target.startswith("/") else "xl/" + target


def _xlsx_percent_styles(xml: bytes | None) -> frozenset[str] | str:
    """Gives the indexes (as written in a cell's s attribute) of the cell formats that show a number as a percentage."""
    if not xml:
        return frozenset()
    try:
        root = ElementTree.fromstring(xml)
    except ElementTree.ParseError:
        return "not a readable .xlsx workbook (its styles part is damaged)"
    codes = {element.get("numFmtId"): element.get("formatCode", "") for element in root.iter()
             if element.tag.endswith("}numFmt")}
    found = set()
    for formats in root.iter():
        if formats.tag.endswith("}cellXfs"):
            for index, xf in enumerate(x for x in formats if x.tag.endswith("}xf")):
                number = xf.get("numFmtId", "0")
                if (number.isdigit() and int(number) in _BUILTIN_PERCENT) or is_percent_format(codes.get(number, "")):
                    found.add(str(index))
    return frozenset(found)


_LITERAL = re.compile(r'"[^"]*"|\\.|[_*].|\[[^\]]*\]', re.S)


def is_percent_format(code: str) -> bool:
    """Gives whether a number format code shows its number as a percentage: a % that is not quoted ("%"),
    escaped (\\%), a spacing or fill character (_% *%) or inside brackets ([Red])."""
    return "%" in _LITERAL.sub("", code)


_XLSX_REF = re.compile(rb'\sr\s*=\s*["\']([A-Z]{1,3})([0-9]{1,7})["\']')  # a cell's reference (rows have no letters)
_XLSX_CELL = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?c\s[^>]*?\br\s*=\s*["\']([A-Z]{1,3})([0-9]{1,7})["\']')
_XLSX_ERROR = re.compile(rb'\bt\s*=\s*["\']e["\']')
_XLSX_FORMULA = re.compile(rb"<(?:[\w.-]+:)?f[\s/>]")
_XLSX_CELL_OPEN = re.compile(rb"<(?:[\w.-]+:)?c\s")
_XLSX_ROW_OPEN = re.compile(rb"<(?:[\w.-]+:)?row[\s>]")
_XLSX_WHOLE_CELL = re.compile(rb"<(?:[\w.-]+:)?c\s([^>]*?)(?:/>|>(.*?)</(?:[\w.-]+:)?c\s*>)", re.S)
_XLSX_ATTRIBUTE = re.compile(rb'(?:^|\s)([rst])\s*=\s*["\']([^"\']*)["\']')
_XLSX_F = re.compile(rb"<(?:[\w.-]+:)?f(?:\s[^>]*)?(?:/>|>(.*?)</(?:[\w.-]+:)?f\s*>)", re.S)
_XLSX_V = re.compile(rb"<(?:[\w.-]+:)?v(?:\s[^>]*)?(?:/>|>(.*?)</(?:[\w.-]+:)?v\s*>)", re.S)


def _xlsx_scan(xml: bytes, percent_styles: frozenset[str]) -> Scan | str:
    """Gives the extent (top, left, bottom, right) of a worksheet's cells, its error cells, its formulas with no
    saved value and its numbers shown as percentages.

    Every cell reference is counted, and any text that looks like one too, so the extent is never smaller
    than the one the reader will allocate. Only the cells that hold a formula or use a percentage format
    are looked at one by one, so a plain export is scanned at the speed of a regular expression."""
    refs = _XLSX_REF.findall(xml)
    if xml.count(b"<c ") + xml.count(b"<c>") + xml.count(b"<c/>") > len(refs):
        return "the sheet has cells without a reference (r attribute); save it again from a spreadsheet program"
    if not refs:
        return Scan((1, 1, 0, 0))
    rows = [int(r) for _, r in refs]
    columns = {_column_number(c) for c in {c for c, _ in refs}}
    found = Scan((min(rows), min(columns), max(rows), max(columns)))
    for error in _XLSX_ERROR.finditer(xml):
        start = xml.rfind(b"<", 0, error.start())
        tag = _XLSX_CELL.match(xml, start)
        if tag is None:
            continue
        close = xml.find(b"</", error.end())
        value = re.search(rb"<(?:[\w.-]+:)?v>([^<]{0,40})<", xml[start:close + 200] if close >= 0 else b"")
        found.errors.append((int(tag.group(2)), _column_number(tag.group(1)),
                             value.group(1).decode("utf-8", "replace") if value else "an error"))
    percent = re.compile(rb'\ss\s*=\s*["\'](?:' + b"|".join(re.escape(s.encode()) for s in sorted(percent_styles))
                         + rb')["\']') if percent_styles else None
    starts = {_cell_start(xml, m.start()) for m in percent.finditer(xml)} if percent else set()
    starts.update(_cell_start(xml, m.start()) for m in _XLSX_FORMULA.finditer(xml))
    for start in sorted(starts - {-1}):
        _xlsx_cell(xml, start, percent_styles, found)
    return found


def _cell_start(xml: bytes, at: int) -> int:
    """Gives where the cell holding position `at` begins (its <c), or -1 when it is not in a cell (a row's style)."""
    start = at
    for _ in range(4):  # <c ...s=..>, <c ...><f>, <c ...><is>..</is><f>: the cell's tag is a few tags back at most
        start = xml.rfind(b"<", 0, start)
        if start < 0 or _XLSX_CELL_OPEN.match(xml, start):
            return start
        if _XLSX_ROW_OPEN.match(xml, start):
            return -1
    return -1


def _xlsx_cell(xml: bytes, start: int, percent_styles: frozenset[str], found: Scan) -> None:
    """Adds a cell that is a formula with no saved value, or a number shown as a percentage, to what was found."""
    cell = _XLSX_WHOLE_CELL.match(xml, start)
    if cell is None:
        return
    attributes = {k.decode(): v.decode("utf-8", "replace") for k, v in _XLSX_ATTRIBUTE.findall(cell.group(1))}
    reference = re.fullmatch(r"([A-Z]{1,3})([0-9]{1,7})", attributes.get("r", ""))
    if reference is None:
        return
    where = (int(reference.group(2)), _column_number(reference.group(1).encode()))
    inside = cell.group(2) or b""
    value = _XLSX_V.search(inside)
    saved = value.group(1) if value else None
    kind = attributes.get("t", "n")
    if saved is None or (not saved.strip() and kind != "str"):  # an empty text result is a saved value
        formula = _XLSX_F.search(inside)
        if formula is not None:
            text = unescape((formula.group(1) or b"").decode("utf-8", "replace")).strip()
            found.unsaved.append((*where, "=" + text if text else ""))
        return
    if kind == "n" and attributes.get("s") in percent_styles:
        found.percents[where] = saved.decode("ascii", "replace").strip()


def _column_number(letters: bytes) -> int:
    number = 0
    for byte in letters:
        number = number * 26 + byte - 64
    return number


# --- .ods ------------------------------------------------------------------------------------------------------

_ODS = "urn:oasis:names:tc:opendocument:xmlns:"
_TABLE = "{" + _ODS + "table:1.0}"
_OFFICE = "{" + _ODS + "office:1.0}"
_STYLE = "{" + _ODS + "style:1.0}"
_NUMBER = "{" + _ODS + "datastyle:1.0}"
_CALCEXT = "{urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0}"


def _ods_book(parts: dict[str, bytes]) -> Book | str:
    """Gives an .ods workbook's tables, which are hidden (their table style's display is false), and its cell
    styles (from content.xml's automatic styles and styles.xml's styles)."""
    found = Book(parts, True, {})
    hidden_styles: set[str] = set()
    percent: set[str] = set()
    tables: list[tuple[str, str | None]] = []
    for name in ("styles.xml", "content.xml"):
        if name not in parts:
            continue
        style = None
        try:
            for event, element in ElementTree.iterparse(io.BytesIO(parts[name]), events=("start", "end")):
                tag = element.tag
                if event == "end":
                    if tag == _TABLE + "table-row":
                        element.clear()  # a sheet's cells are not kept: only its name is wanted here
                    continue
                if tag == _STYLE + "style":
                    style = element.get(_STYLE + "name")
                    if element.get(_STYLE + "family") == "table-cell" and style:
                        found.ods_styles[style] = (element.get(_STYLE + "data-style-name"),
                                                   element.get(_STYLE + "parent-style-name"))
                elif tag == _STYLE + "table-properties" and element.get(_TABLE + "display") == "false" and style:
                    hidden_styles.add(style)
                elif tag == _NUMBER + "percentage-style" and element.get(_STYLE + "name"):
                    percent.add(element.get(_STYLE + "name", ""))
                elif tag == _TABLE + "table" and name == "content.xml":
                    tables.append((element.get(_TABLE + "name", ""), element.get(_TABLE + "style-name")))
        except ElementTree.ParseError:
            return f"not a readable .ods workbook (its {name.split('.')[0]} part is damaged)"
    for table, style in tables:
        found.sheets[table] = table
        if style in hidden_styles:
            found.hidden.add(table)
    found.ods_percent = frozenset(percent)
    return found


def _ods_shows_percent(found: Book, style: str | None) -> bool:
    """Gives whether a cell style (or a style it inherits from) has a percentage data style."""
    for _ in range(limits.NESTING):
        if style is None or style not in found.ods_styles:
            return False
        data, parent = found.ods_styles[style]
        if data is not None:
            return data in found.ods_percent
        style = parent
    return False


def _ods_scan(found: Book, sheet: str) -> Scan | str:
    """Gives the extent of an ODS table's cells with a value, repeats counted, its error cells, its formulas
    with no saved value and its numbers shown as percentages."""
    top, left, bottom, right = 0, 0, 0, 0
    result = Scan((1, 1, 0, 0))
    inside, row, column, repeat = False, 0, 0, 1
    row_style: str | None = None
    column_styles: list[tuple[int, int, str | None]] = []  # first, last column, default cell style
    columns_seen = 0
    marked = 0
    try:
        for event, element in ElementTree.iterparse(io.BytesIO(found.parts["content.xml"]), events=("start", "end")):
            tag = element.tag
            if tag == _TABLE + "table":
                if event == "start":
                    inside = element.get(_TABLE + "name") == sheet
                elif inside:
                    break
                continue
            if not inside:
                continue
            if tag == _TABLE + "table-column" and event == "start":
                times = _repeat(element, "columns")
                style = element.get(_TABLE + "default-cell-style-name")
                if style is not None:
                    column_styles.append((columns_seen + 1, columns_seen + times, style))
                columns_seen += times
            elif tag == _TABLE + "table-row":
                if event == "start":
                    repeat = _repeat(element, "rows")
                    row_style = element.get(_TABLE + "default-cell-style-name")
                    column = 0
                else:
                    row += repeat
                    element.clear()
            elif tag in (_TABLE + "table-cell", _TABLE + "covered-table-cell") and event == "end":
                times = _repeat(element, "columns")
                kind = element.get(_OFFICE + "value-type")
                formula = element.get(_TABLE + "formula")
                if kind is not None or len(element) or formula is not None:
                    first_row, last_row = row + 1, row + repeat
                    first_column, last_column = column + 1, column + times
                    top = min(top, first_row) if top else first_row
                    left = min(left, first_column) if left else first_column
                    bottom, right = max(bottom, last_row), max(right, last_column)
                    if element.get(_CALCEXT + "value-type") == "error":
                        text = "".join(element.itertext())[:40] or "an error"
                        result.errors.append((first_row, first_column, text))
                    elif formula is not None and kind is None:
                        shown = formula.split(":", 1)[1] if formula.startswith(("of:", "msoxl:", "ooow:")) else formula
                        result.unsaved.append((first_row, first_column, shown.strip()))
                    elif kind == "percentage" or kind == "float" and _ods_shows_percent(found, _cell_style(
                            element, row_style, column_styles, first_column)):
                        # A repeated cell marks each of its cells. They all lie in the extent, which is refused
                        # beyond limits.SHEET_CELLS, so marking more than that would be wasted memory.
                        area = repeat * times
                        if marked + area <= limits.SHEET_CELLS:
                            stored = element.get(_OFFICE + "value", "")
                            result.percents.update(((r, c), stored) for r in range(first_row, last_row + 1)
                                                   for c in range(first_column, last_column + 1))
                        marked += area
                column += times
    except ElementTree.ParseError:
        return "not a readable .ods workbook (its content part is damaged)"
    result.extent = ((top or 1), (left or 1), bottom, right)
    return result


def _cell_style(element: Any, row_style: str | None, column_styles: list[tuple[int, int, str | None]],
                column: int) -> str | None:
    """Gives a cell's style: its own, else its row's default, else its column's default."""
    own = element.get(_TABLE + "style-name")
    if own is not None:
        return own
    if row_style is not None:
        return row_style
    return next((style for first, last, style in column_styles if first <= column <= last), None)


def _repeat(element: Any, what: str) -> int:
    try:
        return max(1, int(element.get(f"{_TABLE}number-{what}-repeated", "1")))
    except ValueError:
        return 1
