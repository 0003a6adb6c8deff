"""The committee paper as a Word document, for the clerk to edit before it is published.

It is made from the same content as the PDF and the Markdown (report.paper_data), section by section in the
PDF's order, with the same charts: each SVG is drawn to a PNG by Typst (the PDF's own typesetter, so no other
dependency), and the structure charts sit on A4 landscape pages of their own. Tables repeat their header row
on each page; the footer gives the same provenance as the PDF's, and the page number. The same input gives
the same bytes: the document's dates are the paper's, and every member of the archive is dated 1 January 1980.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import zipfile
from collections.abc import Iterator
from typing import Any

from .report import Paper, chart_svgs, paper_data, structure_charts, typeset_png

PPI = 200  # the charts' resolution: sharp in print, a few hundred KB a chart
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")  # characters XML 1.0 cannot hold
_DOS_EPOCH = (1980, 1, 1, 0, 0, 0)
# Every chart on a page of its own, at its natural size: the PNG is the chart and nothing else.
_CHARTS_TYP = """#let names = json(bytes(sys.inputs.at("names")))
#set page(width: auto, height: auto, margin: 4pt, fill: white)
#for (i, name) in names.enumerate() {
  if i > 0 { pagebreak() }
  image(bytes(sys.inputs.at(name)), format: "svg")
}
"""


def _text(value: Any) -> str:
    """Gives a value as text Word can hold (the characters XML forbids left out)."""
    return _NOT_XML.sub("", str(value))


def chart_pngs(p: Paper, structures: list[Any]) -> dict[str, tuple[bytes, float]]:
    """Gives each chart of the paper as (PNG, width in points), by the name the PDF's template gives it."""
    svgs = chart_svgs(p, structures)
    if not svgs:
        return {}
    names = sorted(svgs)
    pages = typeset_png(_CHARTS_TYP, {"names": json.dumps(names), **svgs}, p.date, PPI)
    made = {}
    for name, png in zip(names, pages, strict=True):
        width_px = int.from_bytes(png[16:20], "big")  # the PNG's IHDR: width, then height
        made[name] = (png, width_px * 72 / PPI)
    return made


class _Writer:
    """A python-docx document filled section by section."""

    def __init__(self, p: Paper) -> None:
        from docx import Document
        from docx.enum.section import WD_ORIENT
        from docx.shared import Mm, Pt

        self.p, self.Pt, self.Mm, self.orient = p, Pt, Mm, WD_ORIENT
        self.doc = Document()
        style = self.doc.styles["Normal"]
        style.font.name = "Calibri"
        style.font.size = Pt(10)
        section = self.doc.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        for side in ("left_margin", "right_margin", "top_margin"):
            setattr(section, side, Mm(20))
        section.bottom_margin = Mm(22)
        self._footer(section)

    def _footer(self, section: Any) -> None:
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        p = self.p
        paragraph = section.footer.paragraphs[0]
        paragraph.text = ""
        run = paragraph.add_run(_text(f"slotting {p.version} \u00b7 {p.date} \u00b7 inputs SHA-256 {p.sha256[:16]}"
                                      "\u2026 \u00b7 page "))
        run.font.size = self.Pt(7)
        for i, field in enumerate(("PAGE", "NUMPAGES")):
            if i:
                paragraph.add_run(" of ").font.size = self.Pt(7)
            simple = OxmlElement("w:fldSimple")
            simple.set(qn("w:instr"), field)
            inner = OxmlElement("w:r")
            shown = OxmlElement("w:t")
            shown.text = "1"
            inner.append(shown)
            simple.append(inner)
            paragraph._p.append(simple)

    def heading(self, text: str, level: int = 1) -> None:
        self.doc.add_heading(_text(text), level)

    def para(self, text: str, bold: bool = False, size: float | None = None) -> None:
        run = self.doc.add_paragraph().add_run(_text(text))
        run.bold = bold
        if size is not None:
            run.font.size = self.Pt(size)

    def bullets(self, lines: list[str], prefix: str = "", style: str = "List Bullet") -> None:
        for line in lines:
            self.doc.add_paragraph(_text(prefix + line), style=style)

    def table(self, rows: list[list[str]], left_columns: int = 1, total: bool = False, header: bool = True) -> None:
        """A table whose first row is its header (in bold, repeated on each page); figures right-aligned; a
        total row in bold."""
        from docx.enum.table import WD_TABLE_ALIGNMENT
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        if not rows:
            return
        width = max(len(r) for r in rows)
        table = self.doc.add_table(rows=len(rows), cols=width)
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        for i, row in enumerate(rows):
            cells = table.rows[i].cells
            for j in range(width):
                paragraph = cells[j].paragraphs[0]
                run = paragraph.add_run(_text(row[j]) if j < len(row) else "")
                run.bold = (header and i == 0) or (total and i == len(rows) - 1)
                if j >= left_columns:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        if header:
            repeat = OxmlElement("w:tblHeader")
            repeat.set(qn("w:val"), "true")
            table.rows[0]._tr.get_or_add_trPr().append(repeat)
        self.doc.add_paragraph()

    def picture(self, chart: tuple[bytes, float] | None, share: float = 1.0) -> None:
        """A chart at its natural size, or `share` of the text's width when it is wider."""
        if chart is None:
            return
        png, points = chart
        on_page = self.doc.sections[-1]
        page, left, right = on_page.page_width, on_page.left_margin, on_page.right_margin
        assert page is not None and left is not None and right is not None  # set for every section made here
        room = int((page - left - right) * share)
        self.doc.add_picture(io.BytesIO(png), width=min(int(self.Pt(points)), room))

    def landscape(self, on: bool) -> None:
        from docx.enum.section import WD_SECTION

        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        section.orientation = self.orient.LANDSCAPE if on else self.orient.PORTRAIT
        long, short = self.Mm(297), self.Mm(210)
        section.page_width, section.page_height = (long, short) if on else (short, long)


def report_docx(p: Paper) -> Iterator[bytes]:
    """Yields the committee paper as a Word document (.docx): the PDF's sections, tables and charts."""
    structures = structure_charts(p) if "structure" in p.sections else []
    data = paper_data(p, structures)
    pictures = chart_pngs(p, structures)
    w = _Writer(p)
    w.doc.add_heading(_text(data["title"]), 0)
    audience = ("CONFIDENTIAL: contains personal data" if p.audience == "confidential"
                else data.get("unpublishable", "Public: no person-level data"))
    w.para(f"{data['review']} \u00b7 {audience}" if data["title"] != data["review"] else audience, bold=True)
    committee = data.get("committee")
    if committee is not None:
        _front(w, committee)
    if "summary" in data:
        w.heading("Summary")
        for line in data["summary"]:
            w.para(line)
        w.picture(pictures.get("chart_outcomes"), 0.8)
    if "outcomes" in data:
        _slotting(w, data)
    if "structure" in data:
        _structure(w, data, pictures)
    if "savings" in data:
        _savings(w, data, pictures)
    if committee is not None:
        w.heading("Consultation and timetable")
        w.bullets(committee["consultation"])
        if "timetable" in committee:
            w.table(committee["timetable"], left_columns=4)
        w.heading("Legal implications")
        w.bullets(committee["legal"])
    if "equality" in data:
        _equality(w, data, committee)
    if "method" in data:
        _method(w, data)
    if committee is not None:
        w.heading("Background papers")
        w.bullets(committee["background_papers"])
        if committee["appendices"]:
            w.heading("Appendices")
            w.bullets(committee["appendices"])
    yield _saved(w.doc, p)


def _front(w: _Writer, committee: dict[str, Any]) -> None:
    """The exempt marking, the front matter, the purpose and the recommendations."""
    if "exempt" in committee:
        w.para(committee["exempt"], bold=True)
    if committee["front"]:
        w.table(committee["front"], left_columns=2, header=False)
    w.heading("Purpose of the report")
    for x in committee["purpose"]:
        w.para(x)
    if committee["recommendations"]:
        w.heading("Recommendations")
        w.bullets(committee["recommendations"], style="List Number")


def _slotting(w: _Writer, data: dict[str, Any]) -> None:
    w.heading("Slotting outcome")
    w.table(data["outcomes"], total=True)
    if len(data["pools"]) > 1:
        w.heading("Competitive pools", 2)
        w.table(data["pools"], left_columns=2)
        if "pools_note" in data:
            w.para(data["pools_note"], size=8)
    if "people" in data:
        w.heading("People (confidential)", 2)
        if "people_note" in data:
            w.para(data["people_note"], size=8)
        w.table(data["people"], left_columns=5)


def _structure(w: _Writer, data: dict[str, Any], pictures: dict[str, tuple[bytes, float]]) -> None:
    """The structure charts, on landscape pages of their own."""
    w.landscape(True)
    for i, s in enumerate(data["structure"]):
        w.heading(s["heading"])
        w.para(s["note"], size=8)
        for j, c in enumerate(s["charts"]):
            if c["under"]:
                w.para(f"Below: {c['under']}", bold=True, size=8)
            w.picture(pictures.get(f"chart_structure_{i}_{j}"))
    w.landscape(False)


def _equality(w: _Writer, data: dict[str, Any], committee: dict[str, Any] | None) -> None:
    w.heading("Equality")
    if committee is not None:
        for x in committee.get("equality_narrative", []):
            w.para(x)
    for b in data["equality"]:
        w.heading(f"By {b['characteristic']}", 2)
        w.table(b["rows"], total=True)
        w.bullets(b["flags"], prefix="FLAG: ")
    w.para(data["equality_note"], size=8.5)


def _method(w: _Writer, data: dict[str, Any]) -> None:
    w.heading("Method")
    w.bullets(data["method"])
    w.heading("Pay ranges", 2)
    w.table(data["pay_ranges"], left_columns=2)
    if data.get("estimated"):
        w.heading("Estimated spinal points", 2)
        w.bullets(data["estimated"])


def _savings(w: _Writer, data: dict[str, Any], pictures: dict[str, tuple[bytes, float]]) -> None:
    w.heading("Savings")
    w.table(data["savings"], total=True)
    w.picture(pictures.get("chart_costs"), 0.9)
    if "financial_years" not in data:
        w.heading("Year by year", 2)
        w.table(data["years"])
    else:
        w.heading(data["years_title"], 2)
        w.table(data["years"])
        w.heading("By financial year", 2)
        w.table(data["financial_years"])
    w.picture(pictures.get("chart_profile"), 0.45)
    if "payback" in data:
        w.para(data["payback"], bold=True)
    if data["target"]:
        w.para(data["target"], bold=True)
    if "exit_costs" in data:  # the heading says what is decided at the current stage, as the table's does
        w.heading(data["exit_costs"][0][0], 2)
        w.table(data["exit_costs"], total=True)
        w.table(data["exit_sources"], total=True)
        w.bullets(data["exit_notes"])
        if "exit_people" in data:
            w.heading("Exit costs by person (confidential)", 2)
            w.para(data["exit_people_note"], size=8.5)
            w.table(data["exit_people"], left_columns=3)
    w.heading("Conventions", 2)
    w.bullets(data["conventions"])
    if "finance_conventions" in data:
        w.para("Conventions of the financial years:")
        w.bullets(data["finance_conventions"])


def _saved(doc: Any, p: Paper) -> bytes:
    """Gives the document's bytes: dated the paper's date, its archive's members in their order, each dated
    1 January 1980, so that the same paper gives the same bytes."""
    day = dt.datetime.fromisoformat(p.date).replace(tzinfo=None)
    props = doc.core_properties
    props.title = _text(p.title)[:255]
    props.author = props.last_modified_by = "slotting"
    props.created = props.modified = props.last_printed = day
    props.revision = 1
    props.comments = props.keywords = props.subject = props.category = ""
    raw = io.BytesIO()
    doc.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as made, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as fixed:
        for entry in made.infolist():
            member = zipfile.ZipInfo(entry.filename, _DOS_EPOCH)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o600 << 16
            fixed.writestr(member, made.read(entry))
    return out.getvalue()
