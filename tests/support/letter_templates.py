"""Word letter templates for tests: a body, and text in any part a template may have (headers, footnotes,
endnotes, comments, properties), made with python-docx and, for the notes, added to its zip by hand."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml."
NOTES = {  # part -> (its root and item elements, relationship type, content type)
    "footnotes": ("footnotes", "footnote", _REL + "footnotes", _TYPE + "footnotes+xml"),
    "endnotes": ("endnotes", "endnote", _REL + "endnotes", _TYPE + "endnotes+xml"),
    "comments": ("comments", "comment", _REL + "comments", _TYPE + "comments+xml"),
}


def template(body: str, *, header: str | None = None, properties: dict[str, str] | None = None,
             **notes: str) -> bytes:
    """Gives a .docx whose body is one paragraph; `notes` may hold footnotes=, endnotes=, comments= text."""
    import docx

    document = docx.Document()
    document.add_paragraph(body)
    if header is not None:
        document.sections[0].header.paragraphs[0].text = header
    for name, value in (properties or {}).items():
        setattr(document.core_properties, name, value)
    buffer = io.BytesIO()
    document.save(buffer)
    data = buffer.getvalue()
    for part, text in notes.items():
        data = _with_notes(data, part, text)
    return data


def _with_notes(data: bytes, part: str, text: str) -> bytes:
    root, item, rel_type, content_type = NOTES[part]
    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:{root} xmlns:w="{_W}"><w:{item} w:id="1">'
           f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p></w:{item}></w:{root}>').encode()
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            member = source.read(info.filename)
            if info.filename == "word/_rels/document.xml.rels":
                member = member.replace(b"</Relationships>", f'<Relationship Id="rId{part}" Type="{rel_type}" '
                                        f'Target="{part}.xml"/></Relationships>'.encode())
            elif info.filename == "[Content_Types].xml":
                member = member.replace(b"</Types>", f'<Override PartName="/word/{part}.xml" ContentType='
                                        f'"{content_type}"/></Types>'.encode())
            target.writestr(info.filename, member)
        target.writestr(f"word/{part}.xml", xml)
    return out.getvalue()


def folder_of(folder: Path, outcome: str, data: bytes) -> Path:
    """Writes one template into a new templates folder and gives the folder."""
    mine = folder / "templates"
    mine.mkdir(exist_ok=True)
    (mine / f"{outcome}.docx").write_bytes(data)
    return mine
