"""Writes workbooks for tests as spreadsheet programs save them: number formats, hidden sheets, formulas.

    write_xlsx(path, {"People": [["id", "fte"], ["P1", Shown(0.5, "0%")]]}, hidden={"Lookup"})
    write_ods(path, {"People": [["id", "fte"], ["P1", Shown(0.5, "0%")]]})

A cell is a str, a bool, an int or float, None (empty), Shown(number, format) for a number with a number
format (a percentage format such as "0%" or "0.0%"), or Formula(text, saved) for a formula with the value
a spreadsheet saved with it (saved=None: none, as a program that does not calculate writes it).
openpyxl (a test extra) writes the .xlsx; the .ods is written here, with its styles, as LibreOffice does.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from .ods import MANIFEST


@dataclass(frozen=True)
class Shown:
    value: float | int
    format: str


@dataclass(frozen=True)
class Formula:
    text: str  # with its "=", e.g. "=1/2"
    saved: float | int | str | None = None


def write_xlsx(path: Path, sheets: dict[str, list[list[Any]]], hidden: frozenset[str] | set[str] = frozenset()) -> Path:
    """Writes an .xlsx with one sheet per entry, the named sheets hidden; gives its path."""
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    saved: dict[tuple[str, str], Any] = {}
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for r, row in enumerate(rows, 1):
            for c, value in enumerate(row, 1):
                cell = sheet.cell(r, c)
                if isinstance(value, Shown):
                    cell.value, cell.number_format = value.value, value.format
                elif isinstance(value, Formula):
                    cell.value = value.text
                    if value.saved is not None:
                        saved[(name, cell.coordinate)] = value.saved
                elif value is not None:
                    cell.value = value
    book.save(path)
    if saved or hidden:
        _rewrite(path, sheets, saved, hidden)
    return path


def _rewrite(path: Path, sheets: dict[str, list[list[Any]]], saved: dict[tuple[str, str], Any],
             hidden: frozenset[str] | set[str]) -> None:
    """Writes each formula's saved value into the sheet XML, as a spreadsheet program does (openpyxl does not),
    and marks the hidden sheets (openpyxl will not hide every sheet)."""
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    book = parts["xl/workbook.xml"].decode()
    for name in hidden:
        book = re.sub(f'<sheet [^>]*name={re.escape(quoteattr(name))}[^>]*/>',
                      lambda m: re.sub(r' state="[a-zA-Z]+"', "", m.group())[:-2] + ' state="hidden"/>', book)
    parts["xl/workbook.xml"] = book.encode()
    for index, name in enumerate(sheets, 1):
        part = f"xl/worksheets/sheet{index}.xml"
        xml = parts[part].decode()
        for (sheet, reference), value in saved.items():
            if sheet != name:
                continue
            start = xml.index(f'<c r="{reference}"')
            end = xml.index("</c>", start)
            cell = xml[start:end]
            kind = ' t="str"' if isinstance(value, str) else ""
            cell = cell.replace(f'<c r="{reference}"', f'<c r="{reference}"{kind}', 1).replace(
                "<v></v>", f"<v>{escape(str(value))}</v>").replace("<v />", f"<v>{escape(str(value))}</v>")
            xml = xml[:start] + cell + xml[end:]
        parts[part] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


_NAMESPACES = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
               'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
               'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" '
               'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"')
_STYLES = ('<office:automatic-styles>'
           '<number:percentage-style style:name="N11"><number:number number:decimal-places="0" '
           'number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>'
           '<number:percentage-style style:name="N12"><number:number number:decimal-places="1" '
           'number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>'
           '<style:style style:name="pc0" style:family="table-cell" style:data-style-name="N11"/>'
           '<style:style style:name="pc1" style:family="table-cell" style:data-style-name="N12"/>'
           '<style:style style:name="pcc" style:family="table-cell" style:parent-style-name="pc0"/>'
           '<style:style style:name="ta1" style:family="table"><style:table-properties table:display="true"/>'
           '</style:style>'
           '<style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/>'
           '</style:style></office:automatic-styles>')


def _ods_cell(value: Any, value_type: str) -> str:
    if value is None:
        return "<table:table-cell/>"
    if isinstance(value, Shown):
        style = "pc1" if "." in value.format else "pc0"
        shown = f"{value.value * 100:g}%"
        return (f'<table:table-cell table:style-name="{style}" office:value-type="{value_type}" '
                f'office:value="{value.value!r}" calcext:value-type="percentage"><text:p>{shown}</text:p>'
                "</table:table-cell>")
    if isinstance(value, Formula):
        formula = quoteattr("of:" + value.text)
        if value.saved is None:
            return f"<table:table-cell table:formula={formula}/>"
        if isinstance(value.saved, str):
            return (f'<table:table-cell table:formula={formula} office:value-type="string">'
                    f"<text:p>{escape(value.saved)}</text:p></table:table-cell>")
        return (f'<table:table-cell table:formula={formula} office:value-type="float" office:value="{value.saved!r}">'
                f"<text:p>{value.saved}</text:p></table:table-cell>")
    if isinstance(value, bool):
        return (f'<table:table-cell office:value-type="boolean" office:boolean-value="{str(value).lower()}">'
                f"<text:p>{'TRUE' if value else 'FALSE'}</text:p></table:table-cell>")
    if isinstance(value, (int, float)):
        return (f'<table:table-cell office:value-type="float" office:value="{value!r}"><text:p>{value}</text:p>'
                "</table:table-cell>")
    return f'<table:table-cell office:value-type="string"><text:p>{escape(value)}</text:p></table:table-cell>'


def write_ods(path: Path, sheets: dict[str, list[list[Any]]], hidden: frozenset[str] | set[str] = frozenset(),
              percent_type: str = "percentage", columns: str = "") -> Path:
    """Writes an .ods with one table per entry, the named tables hidden (by their table style, as LibreOffice
    does); a Shown cell has a percentage data style and the value type `percent_type` ("percentage", as
    LibreOffice writes it, or "float", which the style alone makes a percentage). `columns` is each table's
    column elements (XML; the styles pc0 and pc1 are percentages, pcc inherits pc0). Gives its path."""
    tables = "".join(
        f"<table:table table:name={quoteattr(name)} table:style-name=\"{'ta2' if name in hidden else 'ta1'}\">"
        + columns
        + "".join("<table:table-row>" + "".join(_ods_cell(v, percent_type) for v in row) + "</table:table-row>"
                  for row in rows)
        + "</table:table>"
        for name, rows in sheets.items())
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_NAMESPACES} office:version="1.2">'
               f"{_STYLES}<office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body>"
               "</office:document-content>")
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype", (1980, 1, 1, 0, 0, 0)),
                         "application/vnd.oasis.opendocument.spreadsheet")
        for name, text in (("META-INF/manifest.xml", MANIFEST), ("content.xml", content)):
            info = zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text)
    return path
