"""Letters: Word documents filled from templates (docxtpl's markup), or Markdown for email, and their manifest.

Each template is read, checked and compiled once (letter_docx); letters are then made one at a time, so a
review of any size takes the memory of one letter. Templates run in a bounded Jinja sandbox
(letter_sandbox: a template cannot reach Python, include files or run without end), with every field a plain
string escaped once for the document it goes into (XML for Word, Markdown for email) and never carrying a
control character. A template that names a field that does not exist, anywhere in the document, is refused
before any letter is made.

A field the template prints while it is empty ("please write to HR by .") is noted as the letter is filled: an
empty field is an empty string to the template's tests (`{% if protection %}` is false), but printing it, as
`{{ field }}` or joined with `~`, is recorded, and shows a visible placeholder ("[appeals_close not set]") when
such letters are allowed. Unless they are, no letter is written: the letters are made (so that every missing
field of every person is found), and then MissingFields is raised before the manifest, so the folder is left as
it was. A field passed through a filter before it is printed (`{{ field|upper }}`) is not followed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from markupsafe import escape

from ..data import letter_template
from ..rules.letters import FIELDS, GIVE, OUTCOMES, Letter
from .common import markdown, to_csv
from .letter_docx import LetterTemplate
from .letter_sandbox import Budget, Sandbox, TemplateError, compiled, filled
from .letter_texts import OPENING, lines

__all__ = ["LETTER_FILE", "MANIFEST", "LetterTemplate", "MissingFields", "TemplateError", "Unfilled",
           "default_name", "default_templates", "docx_letters", "file_names", "is_letter_file", "letter_files",
           "manifest", "markdown_letter", "markdown_letters", "one_letter", "placeholder", "prepared"]


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


def placeholder(name: str) -> str:
    """Gives what a letter shows for a field printed while empty, when such letters are allowed."""
    return f"[{name} not set]"


class _Unset(str):
    """An empty field: empty and false to a template, but printing it is noted in `seen` (and, when allowed, shows
    `shown`, the placeholder already escaped for the document)."""

    name: str
    shown: str
    seen: set[str]

    def __new__(cls, name: str, shown: str, seen: set[str]) -> _Unset:
        unset = super().__new__(cls, "")
        unset.name, unset.shown, unset.seen = name, shown, seen
        return unset

    def __str__(self) -> str:  # printed by a template without escaping (Markdown, a document property), or joined
        self.seen.add(self.name)
        return self.shown

    def __html__(self) -> str:  # printed with escaping (a Word document's XML): `shown` is escaped already
        self.seen.add(self.name)
        return self.shown


class MissingFields(Exception):
    """Letters would print fields that are empty: no letter is written. Holds, by person, (outcome, fields)."""

    def __init__(self, people: dict[str, tuple[str, tuple[str, ...]]]) -> None:
        super().__init__(f"{len(people)} letter(s) would print empty fields")
        self.people = people

    def lines(self) -> list[str]:
        """Gives the message: the fields missing, by person (those alike together), and where each comes from."""
        return missing_lines(self.people)


@dataclass
class Unfilled:
    """The fields each letter printed while empty, by person, noted as the letters are made. With `allowed`, the
    letters are written with placeholders; else MissingFields is raised once every letter has been made."""

    allowed: bool = False
    people: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)

    def fields(self, escaped: dict[str, str], shown: Callable[[str], str]) -> tuple[dict[str, str], set[str]]:
        """Gives a letter's fields with each empty one marked (`shown` escapes its placeholder for the document),
        and the set its printing is noted in."""
        seen: set[str] = set()
        return {name: value if value else _Unset(name, shown(placeholder(name)) if self.allowed else "", seen)
                for name, value in escaped.items()}, seen

    def note(self, letter: Letter, seen: set[str]) -> None:
        """Records the fields a letter printed while empty (`seen`, from `fields`)."""
        if seen:
            self.people[letter.person] = (letter.outcome, tuple(n for n in FIELDS if n in seen))

    def lines(self) -> list[str]:
        """Gives the fields letters printed empty, by person (see missing_lines)."""
        return missing_lines(self.people)

    def check(self) -> None:
        """Raises MissingFields when a letter printed an empty field and such letters are not allowed."""
        if self.people and not self.allowed:
            raise MissingFields(self.people)


def missing_lines(people: dict[str, tuple[str, tuple[str, ...]]]) -> list[str]:
    """Gives the fields letters printed empty: one line per outcome and set of fields, naming every person, then
    what fills each field."""
    groups: dict[tuple[str, tuple[str, ...]], list[str]] = {}
    for person, key in people.items():
        groups.setdefault(key, []).append(person)
    lines = [f"{outcome} letter of {', '.join(persons)}: {', '.join(fields)} not set"
             for (outcome, fields), persons in groups.items()]
    named = sorted({f for _, fields in people.values() for f in fields}, key=list(FIELDS).index)
    lines += [f"  {name}: from {GIVE[name]}" for name in named if name in GIVE]
    return lines


def default_name(outcome: str, suffix: str = "docx") -> str:
    """Gives how the manifest names the bundled template of an outcome."""
    return f"default:{outcome}.{suffix}"


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


def docx_letters(letters: Sequence[Letter], templates: dict[str, LetterTemplate], unfilled: Unfilled | None = None,
                 used: dict[str, str] | None = None) -> Iterator[tuple[str, bytes]]:
    """Gives (file name, Word document) for each letter, one at a time, and then the manifest, which names each
    letter's template (`used`: outcome -> name; the default's otherwise). Raises MissingFields before the manifest
    when a letter printed an empty field and `unfilled` does not allow it."""
    unfilled = unfilled if unfilled is not None else Unfilled()
    names = file_names(letters, "docx")
    for letter in letters:
        fields, seen = unfilled.fields({n: document_text(v) for n, v in letter.fields.items()},
                                       lambda text: str(escape(text)))
        data = templates[letter.outcome].filled(fields, letter.person)
        unfilled.note(letter, seen)
        yield names[letter.person], data
    unfilled.check()
    yield MANIFEST, manifest(letters, names, used or {}, "docx").encode("utf-8")


@cache
def _markdown_lines(outcome: str) -> list[Any]:
    """The default texts of an outcome, compiled once (they are ours: trusted, but filled in the same sandbox)."""
    environment = Sandbox(_MARKDOWN_BUDGET, autoescape=False)
    return [compiled(environment, line, FIELDS) for line in lines(outcome)]


_MARKDOWN_BUDGET = Budget()


def markdown_letter(letter: Letter, unfilled: Unfilled | None = None) -> str:
    """Gives one letter as Markdown, from the default texts; every field is escaped for Markdown, once. Empty fields
    it prints are noted in `unfilled` (a new one, which refuses them, when None)."""
    unfilled = unfilled if unfilled is not None else Unfilled()
    fields, seen = unfilled.fields({n: markdown(v) for n, v in letter.fields.items()}, markdown)
    _MARKDOWN_BUDGET.reset(max(map(len, fields.values()), default=0))
    body = [filled(line, fields, _MARKDOWN_BUDGET) for line in _markdown_lines(letter.outcome)]
    body[len(OPENING)] = "## " + body[len(OPENING)]  # the subject
    unfilled.note(letter, seen)
    return "\n\n".join(line for line in body if line) + "\n"


def markdown_letters(letters: Sequence[Letter], unfilled: Unfilled | None = None) -> Iterator[tuple[str, bytes]]:
    """Gives (file name, Markdown letter) for each letter, one at a time, and then the manifest; raises
    MissingFields before the manifest as docx_letters does."""
    unfilled = unfilled if unfilled is not None else Unfilled()
    names = file_names(letters, "md")
    for letter in letters:
        yield names[letter.person], markdown_letter(letter, unfilled).encode("utf-8")
    unfilled.check()
    yield MANIFEST, manifest(letters, names, {}, "md").encode("utf-8")


def letter_files(letters: Sequence[Letter], suffix: str) -> set[str]:
    """Gives the names of the files a run writes: each letter's and the manifest."""
    return set(file_names(letters, suffix).values()) | {MANIFEST}


def manifest(letters: Sequence[Letter], names: dict[str, str], used: dict[str, str] | None = None,
             suffix: str = "docx") -> str:
    """The list of letters: person id, outcome, file, and the template it was made from (the employer's file, or
    default:OUTCOME.docx). No salary or other personal figure."""
    used = used or {}
    return to_csv(["person", "outcome", "file", "template"],
                  [[letter.person, letter.outcome, names[letter.person],
                    used.get(letter.outcome) or default_name(letter.outcome, suffix)] for letter in letters])


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


def one_letter(letter: Letter, unfilled: Unfilled | None = None) -> Iterator[str]:
    """Gives one person's Markdown letter, for standard output; raises MissingFields (before anything is given)
    when it prints an empty field and `unfilled` does not allow it."""
    unfilled = unfilled if unfilled is not None else Unfilled()
    text = markdown_letter(letter, unfilled)
    unfilled.check()
    yield text
