"""Letters: Word documents filled from templates (docxtpl), or Markdown for email, and their manifest.

Templates run in Jinja's sandbox (a template cannot reach Python), with every field a plain string,
escaped for the document it goes into (XML for Word, Markdown for email). A template that names a field
that does not exist is refused before any letter is made.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

from ..data import letter_template
from ..rules.letters import FIELDS, OUTCOMES, Letter
from .common import markdown, to_csv
from .letter_texts import OPENING, lines


class TemplateError(ValueError):
    """A template that cannot be used: the message names the template and the field."""


def _environment():
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    return SandboxedEnvironment(undefined=StrictUndefined, autoescape=False)


def default_templates() -> dict[str, bytes]:
    return {outcome: letter_template(outcome) for outcome in OUTCOMES}


def checked(templates: dict[str, bytes]) -> dict[str, bytes]:
    """Gives the templates once each names only known fields, or raises TemplateError."""
    from docxtpl import DocxTemplate
    from jinja2 import TemplateSyntaxError

    for outcome, data in templates.items():
        try:
            used = DocxTemplate(io.BytesIO(data)).get_undeclared_template_variables(_environment())
        except TemplateSyntaxError as err:
            raise TemplateError(f"{outcome}.docx: the template's markup is broken: {err.message}") from None
        except Exception as err:  # not a Word document
            raise TemplateError(f"{outcome}.docx: not a Word document ({type(err).__name__})") from None
        unknown = sorted(set(used) - set(FIELDS))
        if unknown:
            raise TemplateError(f"{outcome}.docx: unknown field(s) {', '.join(map(repr, unknown))}; the fields are "
                                f"{', '.join(FIELDS)}")
    return templates


def docx_letters(letters: list[Letter], templates: dict[str, bytes]) -> dict[str, bytes]:
    """Gives each letter as a Word document by file name, and the manifest (manifest.csv)."""
    from docxtpl import DocxTemplate

    made: dict[str, bytes] = {}
    names = file_names(letters, "docx")
    for letter in letters:
        template = DocxTemplate(io.BytesIO(templates[letter.outcome]))
        template.render(letter.fields, jinja_env=_environment(), autoescape=True)
        buffer = io.BytesIO()
        template.save(buffer)
        made[names[letter.person]] = buffer.getvalue()
    made["manifest.csv"] = manifest(letters, names).encode("utf-8")
    return made


def markdown_letter(letter: Letter) -> str:
    """Gives one letter as Markdown, from the default texts."""
    environment = _environment()
    fields = {name: markdown(value) for name, value in letter.fields.items()}
    body = [environment.from_string(line).render(fields) for line in lines(letter.outcome)]
    body[len(OPENING)] = "## " + body[len(OPENING)]  # the subject
    return "\n\n".join(line for line in body if line) + "\n"


def markdown_letters(letters: list[Letter]) -> dict[str, bytes]:
    names = file_names(letters, "md")
    made = {names[letter.person]: markdown_letter(letter).encode("utf-8") for letter in letters}
    made["manifest.csv"] = manifest(letters, names).encode("utf-8")
    return made


def manifest(letters: list[Letter], names: dict[str, str]) -> str:
    """The list of letters: person id, outcome, file. No salary or other personal figure."""
    return to_csv(["person", "outcome", "file"], [[letter.person, letter.outcome, names[letter.person]]
                                                  for letter in letters])


def file_names(letters: list[Letter], suffix: str) -> dict[str, str]:
    """Gives each person's letter a file name made of safe characters, unique even when two ids make the same."""
    names: dict[str, str] = {}
    taken: set[str] = {"manifest.csv"}
    for letter in letters:
        safe = "".join(c if c.isascii() and (c.isalnum() or c in "-_") else "_" for c in letter.person)[:80]
        name, n = f"{safe}-{letter.outcome}.{suffix}", 1
        while name.lower() in taken:
            n += 1
            name = f"{safe}-{letter.outcome}-{n}.{suffix}"
        taken.add(name.lower())
        names[letter.person] = name
    return names


def one_letter(letter: Letter) -> Iterator[str]:
    yield markdown_letter(letter)
