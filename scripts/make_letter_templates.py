"""Writes the default letter templates: one Word document per outcome, from the texts below.

    python scripts/make_letter_templates.py

Each paragraph is one run, so that Word never splits a {{ field }} across runs, and ends with its source as a
Jinja comment ({# Source: ... #}: the employer sees it when editing, no letter shows it). The page is A4 with
25 mm margins (python-docx's blank document is US Letter). Plain English; the employer edits the .docx files
(or gives their own with --template-dir). The Markdown letters use the same texts. tests/test_letters.py
checks that the files are what this script writes.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

from slotting.render.letter_texts import OPENING, TEXTS, lines
from slotting.render.outcome_texts import DECIDED_TEXTS

HERE = Path(__file__).resolve().parent.parent / "src" / "slotting" / "data" / "letters"
A4_TWIPS = (11906, 16838)  # ISO 216's 210 x 297 mm as Word writes it (w:pgSz, in twentieths of a point)
MARGIN_MM = 25


def docx(outcome: str) -> bytes:
    """Gives the Word template of one outcome, the same bytes every time."""
    from docx import Document
    from docx.shared import Mm, Twips

    document = Document()
    for section in document.sections:
        section.page_width, section.page_height = Twips(A4_TWIPS[0]), Twips(A4_TWIPS[1])
        section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = Mm(MARGIN_MM)
    document.core_properties.created = dt.datetime(2026, 1, 1)
    document.core_properties.modified = dt.datetime(2026, 1, 1)
    document.core_properties.last_modified_by = "slotting"
    document.core_properties.author = "slotting"
    body = lines(outcome)
    document.add_paragraph(body[0])
    for i, text in enumerate(body[1:], 1):
        if i == len(OPENING):  # the letter's subject
            document.add_heading(text, level=2)
        else:
            document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_times(buffer.getvalue())


def _fixed_times(data: bytes) -> bytes:
    """Gives the archive with every member dated 1980-01-01, so that the file does not change from run to run."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            info = zipfile.ZipInfo(item.filename, (1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, source.read(item.filename))
    return out.getvalue()


if __name__ == "__main__":
    for name in [*TEXTS, *DECIDED_TEXTS]:
        (HERE / f"{name}.docx").write_bytes(docx(name))
