"""`slotting letters FILE -o DIR`: one letter per person, chosen by outcome, from the employer's templates."""

from __future__ import annotations

import datetime as dt
import enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from .base import Review, app, fail, guard, one_review, slotted, stages, write, write_folder

if TYPE_CHECKING:
    from collections.abc import Mapping

    from ..render.letters import Unfilled


class LetterFormat(str, enum.Enum):
    docx = "docx"
    markdown = "markdown"


class LetterStage(str, enum.Enum):
    proposal = "proposal"
    current = "current"


@app.command()
def letters(
    files: Review,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="The folder to write the letters and their "
                                                   "manifest into (all at once, or nothing). It may hold other files: "
                                                   "they are never touched. A link to a folder is followed.",
                                                   show_default=False)] = None,
    template_dir: Annotated[Optional[Path], typer.Option("--template-dir", help="The employer's templates: "
                                                         "OUTCOME.docx for any of assimilated, matched, competitive, "
                                                         "displaced, on_hold, out_of_review (the proposal) and "
                                                         "confirmed, not_confirmed, appointed, not_appointed, "
                                                         "redeployment, dismissal, appeal_outcome (--stage current).",
                                                         show_default=False)] = None,
    format: Annotated[LetterFormat, typer.Option("--format", "-f", help="docx (Word) or markdown (email).")]
    = LetterFormat.docx,
    person: Annotated[Optional[str], typer.Option("--person", help="With --format markdown and no -o: print this "
                                                  "person's letter.", show_default=False)] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace the letters of an earlier run in the folder (those "
                                        "its manifest.csv names) and any file of the same name as a new letter; "
                                        "the folder's other files are kept.")] = False,
    date: Annotated[Optional[dt.datetime], typer.Option("--date", formats=["%Y-%m-%d"], help="The letters' date "
                                                        "(YYYY-MM-DD). Default: today.", show_default=False)] = None,
    allow_missing: Annotated[bool, typer.Option("--allow-missing", help="Write letters that print a field which is "
                                                "not set, with a visible placeholder such as [appeals_close not set], "
                                                "and a warning listing them (without it, no letter is written and "
                                                "the missing fields are listed).")] = False,
    stage: Annotated[LetterStage, typer.Option("--stage", help="proposal: one letter per person on the slotting list "
                                               "(as before decisions are made); current: for a review with "
                                               "decisions, the outcome letter each person's latest decision calls for "
                                               "(confirmed, not_confirmed, appointed, not_appointed, redeployment, "
                                               "dismissal, appeal_outcome), with the dates and figures of their case "
                                               "at the current stage; a review without decisions gives the proposal's "
                                               "letters.")] = LetterStage.proposal,
) -> None:
    """Write one letter per person in the review, chosen by their outcome.

    Letters go only to the -o folder, with a manifest (person, outcome, file, template; no salaries). The
    folder's other files are never touched: a folder holding only other files is written into; one holding
    an earlier run's letters needs --force, which replaces just those. The only letter printed is one
    person's, with --format markdown --person ID. A letter that would print a field that is not set (a
    date, a notice period, an estimate) is not written: the missing fields are listed by person and the
    command exits 1, writing nothing, unless --allow-missing is given.
    """
    path = one_review(files)
    if output is None and not (person and format is LetterFormat.markdown):
        raise typer.BadParameter("give -o DIR (or --format markdown --person ID to print one letter)",
                                 param_hint="-o")

    def body() -> int:
        from .. import letter_templates
        from .. import letters as make
        from ..render import letters as render

        on = date.date() if date is not None else dt.date.today()
        with stages(4) as note:
            try:
                templates = letter_templates(template_dir, format=format.value)
            except render.TemplateError as err:
                fail([str(err), "No letter was written."])
            review, result = slotted(path, note)
            note("writing letters")
            made = make(review, result, templates=templates, format=format.value, stage=stage.value, on=on,
                        allow_missing=allow_missing)
            if person is not None and person in made.no_letter:
                made.of(person)  # raises: the person has no letter at this stage
            if made.no_letter:
                _say_none(made.no_letter)
            elif stage is LetterStage.current and not review.decisions:
                _say(["note: the review records no decisions: the current stage is the proposal, whose letters are "
                      "written"])
            if person is not None:
                made = made.of(person)
            if template_dir is not None:
                _say_defaults(template_dir, made.on_default_templates(), format is LetterFormat.markdown)
            try:
                if output is None:
                    write(made.text(), None)
                    _warn(made.unfilled)
                    return 0
                written = write_folder(made.documents(), output, force, names=made.names(),
                                       inputs=made.sources,
                                       owned=render.is_letter_file)
            except render.TemplateError as err:
                fail([str(err), "No letter was written."])
            except render.MissingFields as err:
                fail(["letters would print fields that are not set:", *err.lines(),
                      "No letter was written. Give what is missing, or --allow-missing to write the letters with "
                      "placeholders such as [appeals_close not set]."])
        _warn(made.unfilled)
        others = f" (its {written.others} other file(s) left as they were)" if written.others else ""
        typer.echo(f"wrote {len(made.letters)} letter(s) and manifest.csv to {output}{others}", err=True)
        return 0

    guard(body)


def _say(lines: list[str]) -> None:
    from ..render.common import terminal

    for line in lines:
        typer.echo(terminal(line), err=True)


def _say_defaults(folder: Path, defaults: dict[str, int], markdown: bool) -> None:
    """Says which letters do not use the employer's templates: Markdown letters never do; else the outcomes
    the folder has no template for, which use the default (`defaults`: outcome -> letters)."""
    if markdown:
        _say([f"note: --template-dir {folder} is not used: Markdown letters are made from the default texts"])
        return
    if defaults:
        said = "; ".join(f"default:{outcome}.docx for the {n} {outcome} letter(s)" for outcome, n in defaults.items())
        _say([f"note: {folder} has no {', '.join(f'{o}.docx' for o in defaults)}; the default templates are used: "
              f"{said} (manifest.csv names each letter's template)"])


def _say_none(none: Mapping[str, str]) -> None:
    """Says who is given no letter at the current stage, and why (those alike together)."""
    why: dict[str, list[str]] = {}
    for person, reason in none.items():
        why.setdefault(reason, []).append(person)
    _say([f"note: no letter for {', '.join(people)}: {reason}" for reason, people in why.items()])


def _warn(unfilled: Unfilled) -> None:
    if unfilled.people:
        _say(["warning: letters written with placeholders for fields that are not set (--allow-missing):",
              *unfilled.lines()])
