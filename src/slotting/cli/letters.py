"""`slotting letters FILE -o DIR`: one letter per person, chosen by outcome, from the employer's templates."""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from .base import Review, app, fail, guard, one_review, slotted, stages, write, write_folder


class LetterFormat(str, enum.Enum):
    docx = "docx"
    markdown = "markdown"


@app.command()
def letters(
    files: Review,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="The folder to write the letters and their "
                                                   "manifest into (all at once, or nothing). It may hold other files: "
                                                   "they are never touched. A link to a folder is followed.",
                                                   show_default=False)] = None,
    template_dir: Annotated[Optional[Path], typer.Option("--template-dir", help="The employer's templates: "
                                                         "OUTCOME.docx for any of assimilated, matched, competitive, "
                                                         "displaced, on_hold, out_of_review.", show_default=False)] = None,
    format: Annotated[LetterFormat, typer.Option("--format", "-f", help="docx (Word) or markdown (email).")]
    = LetterFormat.docx,
    person: Annotated[Optional[str], typer.Option("--person", help="With --format markdown and no -o: print this "
                                                  "person's letter.", show_default=False)] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace the letters of an earlier run in the folder (those "
                                        "its manifest.csv names) and any file of the same name as a new letter; "
                                        "the folder's other files are kept.")] = False,
) -> None:
    """Write one letter per person in the review, chosen by their outcome.

    Letters go only to the -o folder, with a manifest (person, outcome, file; no salaries). The folder's
    other files are never touched: a folder holding only other files is written into; one holding an
    earlier run's letters needs --force, which replaces just those. The only letter printed is one
    person's, with --format markdown --person ID.
    """
    path = one_review(files)
    if output is None and not (person and format is LetterFormat.markdown):
        raise typer.BadParameter("give -o DIR (or --format markdown --person ID to print one letter)",
                                 param_hint="-o")

    def body() -> int:
        from ..reading.templates import letter_templates
        from ..render import letters as render
        from ..rules.letters import OUTCOMES
        from ..rules.letters import letters as make
        from ..rules.timeline import timeline

        with stages(4) as note:
            templates = render.default_templates()
            shown = {outcome: f"the default template {outcome}.docx" for outcome in templates}
            if template_dir is not None:
                theirs = letter_templates(template_dir, OUTCOMES)
                templates |= theirs
                shown |= {outcome: str(template_dir / f"{outcome}.docx") for outcome in theirs}
            try:
                ready = render.prepared(templates, shown) if format is LetterFormat.docx else {}
            except render.TemplateError as err:
                fail([str(err), "No letter was written."])
            review, result = slotted(path, note)
            note("writing letters")
            made = make(review, result, timeline(review, result))
            if person is not None:
                made = [letter for letter in made if letter.person == person]
                if not made:
                    fail([f"no person {person!r} in the review"])
            if output is None:
                write(render.one_letter(made[0]), None)
                return 0
            suffix = "md" if format is LetterFormat.markdown else "docx"
            documents = (render.markdown_letters(made) if format is LetterFormat.markdown
                         else render.docx_letters(made, ready))
            try:
                written = write_folder(documents, output, force, names=render.letter_files(made, suffix),
                                       owned=render.is_letter_file)
            except render.TemplateError as err:
                fail([str(err), "No letter was written."])
        others = f" (its {written.others} other file(s) left as they were)" if written.others else ""
        typer.echo(f"wrote {len(made)} letter(s) and manifest.csv to {output}{others}", err=True)
        return 0

    guard(body)
