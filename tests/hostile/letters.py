"""Hostile letters: an output folder that holds the user's files, and employer templates that try to run
Python, read files, run without end, blow up in memory or hide fields where they are never filled."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

from ..support.letter_templates import folder_of, template
from . import Case, example

_SPACES = 70 * 1024 * 1024  # above limits.TEMPLATE_UNZIPPED


def _letters(folder: Path, *extra: str) -> list[str]:
    return ["letters", str(example(folder)), "-o", str(folder / "letters"), *extra]


def _with_template(body: str = "Dear {{ person_name }}", outcome: str = "assimilated", **parts: object
                   ) -> Callable[[Path], list[str]]:
    """`slotting letters` on the example with an employer's template for one outcome."""
    def make(folder: Path) -> list[str]:
        mine = folder_of(folder, outcome, template(body, **parts))  # type: ignore[arg-type]
        return _letters(folder, "--template-dir", str(mine))
    return make


def _with_bytes(write: Callable[[], bytes]) -> Callable[[Path], list[str]]:
    def make(folder: Path) -> list[str]:
        return _letters(folder, "--template-dir", str(folder_of(folder, "matched", write())))
    return make


def _bomb() -> bytes:
    """A template of 70 KB whose body part unzips to 70 MB."""
    good = zipfile.ZipFile(io.BytesIO(template("Dear {{ person_name }}")))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in good.infolist():
            archive.writestr(info.filename, good.read(info.filename))
        archive.writestr("word/media/padding.bin", b" " * _SPACES)
    return out.getvalue()


def _lying_bomb() -> bytes:
    """A part that declares 10 bytes and inflates to 70 MB."""
    data = bytearray(_bomb())
    name = b"word/media/padding.bin"
    for header, offset, name_at in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        at = data.find(header)
        while data[at + name_at:at + name_at + len(name)] != name:
            at = data.find(header, at + 1)
        data[at + offset:at + offset + 4] = (10).to_bytes(4, "little")
    return bytes(data)


def _users_folder(folder: Path) -> list[str]:
    """A folder holding the user's own documents, a sub-folder and a git repository, written into with --force."""
    out = folder / "letters"
    (out / ".git").mkdir(parents=True)
    (out / ".git" / "config").write_text("[core]\n", encoding="utf-8")
    (out / "sub").mkdir()
    (out / "sub" / "P01-matched.docx").write_bytes(b"the user's own file in a sub-folder")
    (out / "budget.xlsx").write_bytes(b"the user's own file")
    return _letters(folder, "--force")


def _link_to_a_share(folder: Path) -> list[str]:
    share = folder / "share"
    share.mkdir()
    share.chmod(0o2775)
    (share / "notes.txt").write_text("the share's own file", encoding="utf-8")
    (folder / "letters").symlink_to(share)
    return _letters(folder)


def _deep(folder: Path) -> list[str]:
    return _with_template("{{ " + "(" * 5000 + "person_name" + ")" * 5000 + " }}")(folder)


CASES = [
    # The output folder is the user's: its other files survive, a link is followed.
    Case("letters_force_keeps_the_users_files", _users_folder, 0, "3 other file(s) left as they were"),
    Case("letters_into_a_link_to_a_share", _link_to_a_share, 0, "wrote 20 letter(s)"),
    # Templates are data: every failure is a located exit 1 naming the template, never a crash.
    Case("template_reaches_for_class", _with_template("{{ person_name.__class__.__mro__ }}"), 1,
         "assimilated.docx: the letter for P04 cannot be filled", never=["<class", "internal error"]),
    Case("template_range_of_a_billion", _with_template("{% for i in range(10**9) %}x{% endfor %}"), 1,
         "range() may give at most 1,000 numbers"),
    Case("template_includes_a_file", _with_template("{% include '/etc/passwd' %}"), 1,
         "includes are not allowed", never=["root:"]),
    Case("template_imports", _with_template("{% from 'x' import y %}"), 1, "includes are not allowed"),
    Case("template_extends", _with_template("{% extends 'base' %}"), 1, "includes are not allowed"),
    Case("template_divides_by_zero", _with_template("{{ 1 / 0 }}"), 1, "it divides by zero"),
    Case("template_undefined_attribute", _with_template("{{ person_name.nothing }}"), 1,
         "the letter for P04 cannot be filled"),
    Case("template_macro", _with_template("{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}"), 1,
         "macros are not allowed"),
    Case("template_deeply_nested", _deep, 1, "assimilated.docx"),
    Case("template_turns_escaping_off", _with_template("{% autoescape false %}{{ person_name }}{% endautoescape %}"),
         1, "fields are always escaped"),
    Case("template_marks_a_field_safe", _with_template("{{ person_name|safe }}"), 1, "the filter 'safe' is not allowed"),
    # Bounded work: a template cannot build huge values or run long.
    Case("template_string_of_100_million", _with_template("{{ 'x' * 10**8 }}"), 1,
         "it builds a value of 100,000,000 characters"),
    Case("template_builds_text_in_a_loop", _with_template(
         "{% for i in range(1000) %}{{ 'x' * 100000 }}{% endfor %}"), 1, "characters of text for one letter"),
    Case("template_nested_loops", _with_template(
         "{% for i in range(1000) %}{% for j in range(1000) %}{% for k in range(1000) %}{% endfor %}{% endfor %}"
         "{% endfor %}"), 1, "its loops take more than 10,000 steps"),
    Case("template_power_tower", _with_template("{{ 9 ** (9 ** 9) }}"), 1, "a power too large"),
    Case("template_percent_format_width", _with_template("{{ '%999999999d' % 1 }}"), 1, "cannot be formatted with %"),
    Case("template_centre_a_name", _with_template("{{ person_name.center(10**8) }}"), 1,
         "access to attribute 'center'"),
    Case("template_replace_grows", _with_template("{{ ('x' * 100000)|replace('x', 'yyyyyyyyyy') }}"), 1,
         "it builds a value of 1,000,000 characters"),
    Case("template_join_with_a_long_separator", _with_template("{{ range(1000)|join('x' * 100000) }}"), 1,
         "it builds a value of"),
    Case("template_list_of_fields", _with_template("{{ [person_name, person_name] }}"), 1,
         "a list may hold only written values"),
    # Before work starts: the template's size, and what it unzips to, read with a cap.
    Case("template_zip_bomb", _with_bytes(_bomb), 1, "unzips to more than 67,108,864 bytes"),
    Case("template_lies_about_its_size", _with_bytes(_lying_bomb), 1, "matched.docx"),
    Case("template_not_a_word_document", _with_bytes(lambda: b"\x1b[31mPK not a zip"), 1, "not a Word document",
         never=["\x1b[31m"]),
    # Every part is checked for unknown fields; fields where docxtpl never fills them are refused.
    Case("template_unknown_field_in_title", _with_template(properties={"title": "{{ salry }}"}), 1,
         "unknown field(s) 'salry'; the fields are"),
    Case("template_unknown_field_in_footnotes", _with_template(footnotes="{{ salry }}"), 1,
         "unknown field(s) 'salry'"),
    Case("template_unknown_field_in_a_header", _with_template(header="{{ salry }}"), 1, "unknown field(s) 'salry'"),
    Case("template_field_in_endnotes", _with_template(endnotes="{{ person_name }}"), 1,
         "word/endnotes.xml would never be filled"),
    Case("template_field_in_comments", _with_template(comments="{{ person_name }}"), 1,
         "word/comments.xml would never be filled"),
    Case("template_field_in_keywords", _with_template(properties={"keywords": "{{ person_name }}"}), 1,
         "(keywords) would never be filled"),
]
