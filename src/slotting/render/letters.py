"""Letters: Word documents filled from templates (docxtpl's markup), or Markdown for email, and their manifest.

Each template is read, checked and compiled once (letter_docx); letters are then made one at a time, so a
review of any size takes the memory of one letter. Templates run in a bounded Jinja sandbox
(letter_sandbox: a template cannot reach Python, include files or run without end), with every field a plain
string escaped once for the document it goes into (XML for Word, Markdown for email) and never carrying a
control character. A template that names a field that does not exist, anywhere in the document, is refused
before any letter is made.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache
from typing import Any

from ..data import letter_template
from ..rules.letters import FIELDS, OUTCOMES, Letter
from .common import markdown, to_csv
from .letter_docx import LetterTemplate
from .letter_sandbox import Budget, Sandbox, TemplateError, compiled, filled
from .letter_texts import OPENING, lines

__all__ = ["LETTER_FILE", "MANIFEST", "LetterTemplate", "TemplateError", "default_templates", "docx_letters",
           "file_names", "is_letter_file", "letter_files", "manifest", "markdown_letter", "markdown_letters",
           "one_letter", "prepared"]


_BREAKS = re.compile("[\t\n\r\x0b\x0c\x1c-\x1f\x85\u2028\u2029]+")
_UNSAFE = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
LETTER_FILE = re.compile(rf"[A-Za-z0-9_-]{{1,80}}-(?:{'|'.join(OUTCOMES)})(?:-[0-9]+)?\.(?:docx|md)")
MANIFEST = "manifest.csv"


def is_letter_file(name: str) -> bool:
    """Whether a name is one this command gives a letter (so that an earlier run's manifest may name it for removal)."""
    return LETTER_FILE.fullmatch(name) is not None


def document_text(value: str) -> str:
    """Gives a field's text as a Word document may hold it: a line break, tab or page break as one space (docxtpl
    would make them breaks, new paragraphs or pages), other control characters and what XML cannot hold removed."""
    return _UNSAFE.sub("", _BREAKS.sub(" ", value))


def default_templates() -> dict[str, bytes]:
    """Gives the bundled template of each outcome (the .docx's bytes)."""
    return {outcome: letter_template(outcome) for outcome in OUTCOMES}


def prepared(templates: dict[str, bytes], shown: dict[str, str] | None = None) -> dict[str, LetterTemplate]:
    """Gives each outcome's template read and compiled once, or raises TemplateError naming the template: one
    that is too large, not a Word document, broken, names an unknown field, has fields where they would not be
    filled, or uses what letter templates may not (includes, macros; see letter_sandbox)."""
    names = shown or {}
    return {outcome: LetterTemplate(data, names.get(outcome, f"{outcome}.docx"), tuple(FIELDS))
            for outcome, data in templates.items()}


def docx_letters(letters: Sequence[Letter], templates: dict[str, LetterTemplate]) -> Iterator[tuple[str, bytes]]:
    """Gives (file name, Word document) for each letter, one at a time, and then the manifest."""
    names = file_names(letters, "docx")
    for letter in letters:
        fields = {name: document_text(value) for name, value in letter.fields.items()}
        yield names[letter.person], templates[letter.outcome].filled(fields, letter.person)
    yield MANIFEST, manifest(letters, names).encode("utf-8")


@cache
def _markdown_lines(outcome: str) -> list[Any]:
    """The default texts of an outcome, compiled once (they are ours: trusted, but filled in the same sandbox)."""
    environment = Sandbox(_MARKDOWN_BUDGET, autoescape=False)
    return [compiled(environment, line, FIELDS) for line in lines(outcome)]


_MARKDOWN_BUDGET = Budget()


def markdown_letter(letter: Letter) -> str:
    """Gives one letter as Markdown, from the default texts; every field is escaped for Markdown, once."""
    fields = {name: markdown(value) for name, value in letter.fields.items()}
    _MARKDOWN_BUDGET.reset(max(map(len, fields.values()), default=0))
    body = [filled(line, fields, _MARKDOWN_BUDGET) for line in _markdown_lines(letter.outcome)]
    body[len(OPENING)] = "## " + body[len(OPENING)]  # the subject
    return "\n\n".join(line for line in body if line) + "\n"


def markdown_letters(letters: Sequence[Letter]) -> Iterator[tuple[str, bytes]]:
    """Gives (file name, Markdown letter) for each letter, one at a time, and then the manifest."""
    names = file_names(letters, "md")
    for letter in letters:
        yield names[letter.person], markdown_letter(letter).encode("utf-8")
    yield MANIFEST, manifest(letters, names).encode("utf-8")


def letter_files(letters: Sequence[Letter], suffix: str) -> set[str]:
    """Gives the names of the files a run writes: each letter's and the manifest."""
    return set(file_names(letters, suffix).values()) | {MANIFEST}


def manifest(letters: Sequence[Letter], names: dict[str, str]) -> str:
    """The list of letters: person id, outcome, file. No salary or other personal figure."""
    return to_csv(["person", "outcome", "file"], [[letter.person, letter.outcome, names[letter.person]]
                                                  for letter in letters])


def file_names(letters: Sequence[Letter], suffix: str) -> dict[str, str]:
    """Gives each person's letter a file name made of safe characters, unique even when two ids make the same."""
    names: dict[str, str] = {}
    taken: set[str] = {MANIFEST}
    tried: dict[str, int] = {}  # the last number tried for a name, so that many alike are numbered in one pass
    for letter in letters:
        safe = "".join(c if c.isascii() and (c.isalnum() or c in "-_") else "_" for c in letter.person)[:80]
        name = f"{safe}-{letter.outcome}.{suffix}"
        base, n = name.lower(), tried.get(name.lower(), 1)
        while name.lower() in taken:
            n += 1
            name = f"{safe}-{letter.outcome}-{n}.{suffix}"
        tried[base] = n
        taken.add(name.lower())
        names[letter.person] = name
    return names


def one_letter(letter: Letter) -> Iterator[str]:
    """Gives one person's Markdown letter, for standard output."""
    yield markdown_letter(letter)
