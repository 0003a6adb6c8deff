"""A Word letter template read once and filled for each person: docxtpl's markup, without re-reading the document.

docxtpl's DocxTemplate re-reads the whole .docx and recompiles its markup for every render, and renders the
footnotes once per section. Here the template is unzipped once (each part read with a cap), the parts
docxtpl fills are prepared with docxtpl's own helpers (patch_xml before, resolve_listing, fix_tables and
fix_docpr_ids after) and compiled once; a letter is those parts filled, and every other part copied as it is.

The parts filled are docxtpl's: the body, the headers and footers of the main document, its footnotes, and
the title, subject, author, comments, identifier and language properties. A field anywhere else (endnotes,
comments, other properties, ...) would be left unfilled in every letter, so such a template is refused.
Fields are escaped once for where they go: XML for the body and notes, none for a property (the XML
serializer escapes its text).
"""

from __future__ import annotations

import io
import posixpath
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass
from typing import Any

from .. import limits
from .letter_sandbox import Budget, Refused, Sandbox, TemplateError, compiled, filled, reason, template_line

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_CORE = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
_DC = "http://purl.org/dc/elements/1.1/"
_CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
_PROPERTIES = {f"{{{_DC}}}title": "title", f"{{{_DC}}}subject": "subject", f"{{{_DC}}}creator": "author",
               f"{{{_DC}}}description": "comments", f"{{{_DC}}}identifier": "identifier",
               f"{{{_DC}}}language": "language"}  # the properties docxtpl fills
_PROPERTIES_NAMED = {f"{{{_CP}}}keywords": "keywords", f"{{{_CP}}}category": "category",
                     f"{{{_CP}}}contentStatus": "status", f"{{{_CP}}}lastModifiedBy": "last modified by",
                     f"{{{_CP}}}version": "version"}
_PROPERTY_CHARS = 255  # Word's (and python-docx's) longest property
_MARKUP = re.compile(r"\{\{|\{%")
_TAG = re.compile(r"<[^>]*>")
_DOS_DATE = 33  # 1 January 1980, every member's date: the same letter gives the same bytes
_FILLED = "the body, headers, footers, footnotes and the title, subject, author, comments, identifier and language"


def _etree() -> Any:
    from lxml import etree  # type: ignore[import-untyped]  # no stubs; docxtpl and python-docx read XML with it too

    return etree


def _xml(data: bytes | str) -> Any:
    # python-docx's parser settings (docxtpl's markup is matched against its output); entities never expanded
    etree = _etree()
    parser = etree.XMLParser(remove_blank_text=True, resolve_entities=False, no_network=True)
    return etree.fromstring(data.encode("utf-8") if isinstance(data, str) else data, parser=parser)


def _string(element: Any) -> str:
    return str(_etree().tostring(element, encoding="unicode"))


def _serialized(element: Any) -> bytes:
    return bytes(_etree().tostring(element, encoding="UTF-8", standalone=True))


def _helpers() -> Any:
    """docxtpl's markup helpers, on a template that never opens a document (they use no document)."""
    from docxtpl import DocxTemplate

    helper = DocxTemplate(io.BytesIO())
    helper.docx_ids_index = 1000
    return helper


def unzipped(raw: bytes, shown: str) -> dict[str, bytes]:
    """Gives a template's parts by name, in the archive's order, each read with a cap; raises TemplateError for
    a file that is not a zip or would unzip beyond the limits (its declared sizes are checked first, and then
    each part's real size as it is inflated, so a part that lies about its size is caught)."""
    if len(raw) > limits.TEMPLATE_BYTES:
        raise TemplateError(f"{shown}: the template is {len(raw):,} bytes; at most {limits.TEMPLATE_BYTES:,} are read")
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise TemplateError(f"{shown}: not a Word document (a .docx file is a zip archive, and this one cannot be "
                            "opened)") from None
    if len(entries) > limits.TEMPLATE_PARTS:
        raise TemplateError(f"{shown}: the template has {len(entries):,} parts; at most {limits.TEMPLATE_PARTS:,} are read")
    too_big = f"{shown}: the template unzips to more than {limits.TEMPLATE_UNZIPPED:,} bytes; at most that many are read"
    if sum(e.file_size for e in entries) > limits.TEMPLATE_UNZIPPED:
        raise TemplateError(too_big)
    parts: dict[str, bytes] = {}
    left = limits.TEMPLATE_UNZIPPED
    try:
        for entry in entries:
            if entry.flag_bits & 0x1:
                raise TemplateError(f"{shown}: the template is encrypted; save it without a password")
            if entry.is_dir():
                continue
            with archive.open(entry) as member:
                data = member.read(left + 1)
            if len(data) > left:
                raise TemplateError(too_big)
            left -= len(data)
            parts[entry.filename] = data
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, RuntimeError) as err:
        raise TemplateError(f"{shown}: not a readable Word document: {err}") from None
    return parts


@dataclass
class _Part:
    """A part whose fields are filled: its member name, where it is in words, its compiled markup."""

    member: str
    where: str
    source: str
    template: Any = None

    def near(self, line: int | None) -> str:
        """The text of the paragraph on a template line, to say where a problem is (markup removed)."""
        if not line:
            return ""
        lines = self.source.split("\n")
        text = re.sub(r"\s+", " ", _TAG.sub("", lines[line - 1] if 0 < line <= len(lines) else "")).strip()
        return f" near \u201c{text[:80]}{'...' if len(text) > 80 else ''}\u201d" if text else ""

    def fill(self, context: dict[str, str], budget: Budget, helper: Any) -> bytes | None:
        """Gives the part filled for one letter (None when it changes an element that another part serializes)."""
        raise NotImplementedError


@dataclass
class _Body(_Part):
    root: Any = None
    body: Any = None

    def fill(self, context: dict[str, str], budget: Budget, helper: Any) -> bytes:
        xml = _after(filled(self.template, context, budget), helper)
        tree = helper.fix_tables(xml)
        helper.docx_ids_index = 1000
        helper.fix_docpr_ids(tree)
        self.root.replace(self.body, tree)
        self.body = tree
        return _serialized(self.root)


@dataclass
class _Xml(_Part):
    """A header or footer: re-read after filling (python-docx does, and a broken one is caught here)."""

    def fill(self, context: dict[str, str], budget: Budget, helper: Any) -> bytes:
        return _serialized(_xml(_after(filled(self.template, context, budget), helper)))


@dataclass
class _Notes(_Part):
    """The footnotes: written as filled (docxtpl does), once checked to be well-formed."""

    def fill(self, context: dict[str, str], budget: Budget, helper: Any) -> bytes:
        data = _after(filled(self.template, context, budget), helper).encode("utf-8")
        _xml(data)
        return data


@dataclass
class _Property(_Part):
    """One of the document's properties: filled without escaping (the XML serializer escapes its text)."""

    element: Any = None
    name: str = ""

    def fill(self, context: dict[str, str], budget: Budget, helper: Any) -> None:
        text = filled(self.template, context, budget)  # the properties' part is serialized once all are filled
        if len(text) > _PROPERTY_CHARS:
            raise Refused(f"it is {len(text):,} characters once filled; Word holds at most {_PROPERTY_CHARS}")
        self.element.text = text


def _before(xml: str, helper: Any) -> str:
    """docxtpl's preparation of a part's XML: its markup made whole, each paragraph on its own line."""
    return re.sub(r"<w:p([ >])", r"\n<w:p\1", helper.patch_xml(xml))


def _after(xml: str, helper: Any) -> str:
    """docxtpl's finishing of a filled part."""
    xml = re.sub(r"\n<w:p([ >])", r"<w:p\1", xml)
    xml = xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
    return str(helper.resolve_listing(xml))


def _related(parts: dict[str, bytes], owner: str) -> list[tuple[str, str]]:
    """Gives (type, member) of each internal relationship of a part (`""` for the package's own)."""
    folder, name = posixpath.split(owner)
    rels = posixpath.join(folder, "_rels", f"{name}.rels")
    if rels not in parts:
        return []
    found = []
    for rel in _xml(parts[rels]).iter(f"{{{_RELATIONSHIPS}}}Relationship"):
        target = rel.get("Target") or ""
        if rel.get("TargetMode") == "External" or not target:
            continue
        member = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        found.append((rel.get("Type") or "", member))
    return found


class LetterTemplate:
    """A Word letter template, read and compiled once; `filled` gives one person's letter."""

    def __init__(self, raw: bytes, shown: str, fields: tuple[str, ...]) -> None:
        self.shown = shown
        self.budget = Budget()
        self.helper = _helpers()
        self.parts = unzipped(raw, shown)
        self.core: tuple[str, Any] | None = None  # the properties' member and its XML, when any is filled
        try:
            self.units = self._found()
        except TemplateError:
            raise
        except Exception:  # lxml's parse errors, a part not UTF-8: a damaged document
            raise TemplateError(f"{shown}: not a readable Word document (a part is not well-formed XML)") from None
        if sum(len(u.source) for u in self.units) > limits.TEMPLATE_XML_BYTES:
            raise TemplateError(f"{shown}: the parts whose fields are filled are more than "
                                f"{limits.TEMPLATE_XML_BYTES:,} characters of XML")
        filled_members = {u.member for u in self.units} | ({self.core[0]} if self.core else set())
        self.packed = {m: _deflated(m, data) for m, data in self.parts.items() if m not in filled_members}
        escaped = Sandbox(self.budget, autoescape=True)
        plain = Sandbox(self.budget, autoescape=False)
        for unit in self.units:
            self._compile(unit, plain if isinstance(unit, _Property) else escaped, fields)

    def _found(self) -> list[_Part]:
        """Gives the parts docxtpl fills; refuses a template with fields in any other part (every letter would
        show them as written)."""
        package = _related(self.parts, "")
        main = next((m for t, m in package if t == _OFFICE + "officeDocument"), None)
        if main is None or main not in self.parts:
            raise TemplateError(f"{self.shown}: not a Word document (it has no main document part)")
        found = self._document(main)
        core = next((m for t, m in package if t == _CORE and m in self.parts), None)
        unfilled = [f"{core} ({_PROPERTIES_NAMED.get(e.tag, e.tag)})" for e in self._properties(core, found)
                    if _MARKUP.search(e.text or "")] if core else []
        known = {u.member for u in found} | {core}
        unfilled += [m for m, data in self.parts.items() if m not in known and m.endswith((".xml", ".rels"))
                     and _MARKUP.search(_TAG.sub("", data.decode("utf-8", errors="replace")))]
        if unfilled:
            raise TemplateError(f"{self.shown}: fields in {', '.join(unfilled)} would never be filled (fields are filled "
                                f"only in {_FILLED} properties); move them into the letter's body")
        return found

    def _document(self, main: str) -> list[_Part]:
        """Gives the main part's body and the headers, footers and footnotes it relates, as docxtpl fills them."""
        root = _xml(self.parts[main])
        body = root.find(f"{{{_W}}}body")
        if body is None:
            raise TemplateError(f"{self.shown}: not a Word document (its main part has no body)")
        found: list[_Part] = [_Body(main, "the body", _before(_string(body), self.helper), root=root, body=body)]
        for kind, member in _related(self.parts, main):
            if kind in (_OFFICE + "header", _OFFICE + "footer") and self.parts.get(member):
                found.append(_Xml(member, f"the {kind.rsplit('/', 1)[1]} {member}",
                                  _before(_string(_xml(self.parts[member])), self.helper)))
            elif kind == _OFFICE + "footnotes" and member in self.parts:
                found.append(_Notes(member, "the footnotes", _before(self.parts[member].decode("utf-8"), self.helper)))
        return found

    def _properties(self, core: str, found: list[_Part]) -> list[Any]:
        """Adds the properties docxtpl fills that hold fields to `found`; gives the other properties."""
        root = _xml(self.parts[core])
        others = []
        for element in root:
            if element.tag not in _PROPERTIES:
                others.append(element)
            elif _MARKUP.search(element.text or ""):
                name = _PROPERTIES[element.tag]
                found.append(_Property(core, f"the document's {name} property", element.text or "", element=element,
                                       name=name))
                self.core = (core, root)
        return others

    def _compile(self, part: _Part, environment: Sandbox, fields: tuple[str, ...]) -> None:
        from jinja2 import TemplateSyntaxError

        try:
            part.template = compiled(environment, part.source, fields)
        except TemplateSyntaxError as err:
            raise TemplateError(f"{self.shown}: the template's markup is broken in {part.where}"
                                f"{part.near(err.lineno)}: {err.message}") from None
        except Refused as err:
            if hasattr(err, "unknown"):
                raise TemplateError(f"{self.shown}: {err} (in {part.where})") from None
            raise TemplateError(f"{self.shown}: {part.where}{part.near(template_line(err))}: {err}") from None
        except Exception as err:  # a template nested too deeply for the parser, or too large to compile
            raise TemplateError(f"{self.shown}: {part.where} cannot be read as a template: {reason(err)}") from None

    def filled(self, fields: dict[str, str], person: str) -> bytes:
        """Gives one letter: the template with each field filled in (fields already made safe for a document)."""
        self.budget.reset(max(map(len, fields.values()), default=0))
        replaced: dict[str, bytes] = {}
        for unit in self.units:
            try:
                data = unit.fill(fields, self.budget, self.helper)
            except Exception as err:  # anything a template does wrong: its own error, never a crash of ours
                raise TemplateError(f"{self.shown}: the letter for {person} cannot be filled: {unit.where}"
                                    f"{unit.near(template_line(err))}: {reason(err)}") from None
            if data is not None:
                replaced[unit.member] = data
        if self.core is not None:
            replaced[self.core[0]] = _serialized(self.core[1])
        return _archive([_deflated(m, replaced[m]) if m in replaced else self.packed[m] for m in self.parts])


@dataclass(frozen=True)
class _Member:
    name: str
    crc: int
    size: int
    packed: bytes  # deflated


def _deflated(name: str, data: bytes) -> _Member:
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    return _Member(name, zlib.crc32(data), len(data), packer.compress(data) + packer.flush())


def _archive(members: list[_Member]) -> bytes:
    """Gives a zip of members already deflated: the parts a letter does not change are deflated once per
    template, not once per letter (they are most of a .docx: styles alone are 800 KB)."""
    out, central = bytearray(), bytearray()
    for member in members:
        offset, name = len(out), member.name.encode("utf-8")
        flags = 0 if member.name.isascii() else 0x800  # the name is UTF-8
        out += struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, flags, 8, 0, _DOS_DATE, member.crc, len(member.packed),
                           member.size, len(name), 0)
        out += name
        out += member.packed
        central += struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, flags, 8, 0, _DOS_DATE, member.crc,
                               len(member.packed), member.size, len(name), 0, 0, 0, 0, 0, offset)
        central += name
    start = len(out)
    out += central
    out += struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(members), len(members), len(central), start, 0)
    return bytes(out)
