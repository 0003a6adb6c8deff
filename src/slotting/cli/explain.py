"""`slotting explain FILE PERSON...`: each person's slotting in words, for an appeal (or as JSON or Markdown)."""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Annotated

import typer

from .base import app, guard, one_review, slotted, stages, write

REVIEW_SUFFIXES = (".yaml", ".yml")


class ExplainFormat(str, enum.Enum):
    text = "text"
    json = "json"
    markdown = "markdown"


@app.command()
def explain(
    arguments: Annotated[list[str], typer.Argument(
        help="The review file (its sections may name further files in its folder), then the id of each person "
        "to explain.", show_default=False, metavar="FILE PERSON")],
    format: Annotated[ExplainFormat, typer.Option(
        "--format", "-f", help="text (the default), json (each person's run fields, claims and case as data) or "
        "markdown.")] = ExplainFormat.text,
) -> None:
    """Explain each person's slotting, for an appeal.

    Every claim with its figures and the rule that accepted or rejected it, who they compete with,
    the pay placement and the person's case.
    """
    if len(arguments) < 2:
        raise typer.BadParameter("give the review file, then the id of each person to explain",
                                 param_hint="FILE PERSON")
    # review files given where ids are expected: the 0.1 habit of merging files, answered as run answers it
    files = [Path(arguments[0])] + [Path(a) for a in arguments[1:] if a.lower().endswith(REVIEW_SUFFIXES)
                                     and Path(a).is_file()]
    path = one_review(files)
    wanted = list(dict.fromkeys(arguments[1:]))  # each once, in the order given

    def body() -> int:
        from .. import explain as explained

        with stages(3) as note:
            review, result = slotted(path, note)
        found = explained(review, result, people=wanted)
        if format is ExplainFormat.json:
            write([found.to_json().encode("utf-8")], None)
        elif format is ExplainFormat.markdown:
            write(found.markdown(), None)
        else:
            write(found.text(), None)
        return 0

    guard(body)

