"""`slotting validate FILE...`: check each review and report every problem with its line."""

from __future__ import annotations

import enum
import sys
from typing import Annotated

import typer

from .base import Reviews, app, guard, stages


class ValidateFormat(str, enum.Enum):
    text = "text"
    json = "json"
    github = "github"


@app.command()
def validate(
    files: Reviews,
    format: Annotated[ValidateFormat, typer.Option("--format", "-f", help="text, json (a list of problems) "
                                                   "or github (workflow annotations).")] = ValidateFormat.text,
    counts: Annotated[bool, typer.Option("--counts", help="With --format json: an object {reviews, problems}, "
                                         "each review with its counts (people, old_posts, new_posts, places, "
                                         "overlaps), instead of the list of problems.")] = False,
    owners: Annotated[bool, typer.Option("--owners", help="Check, for each FILE that a review names (a section's "
                                         "YAML, CSV or workbook file, a JD, the mapping), the reviews that name it: "
                                         "the review files of its folder and of each folder above it, up to the "
                                         "current folder. For pre-commit hooks and CI given the files changed.")
                      ] = False,
) -> None:
    """Check review files and report every problem with its line.

    Each FILE is one review. Exit 0 when every review is valid, with a one-line summary of each;
    exit 1 with every problem otherwise. With --owners, a FILE that a review names is checked through that
    review, and a table or workbook that no review names is a problem.
    """
    if counts and format is not ValidateFormat.json:
        raise typer.BadParameter("--counts goes with --format json (the text summary already gives the counts)",
                                 param_hint="--counts")

    def body() -> int:
        from .. import validate as checked
        from ..render.common import terminal
        from ..render.validate import problems_github, problems_text, summary_line

        with stages(len(files) + 1) as note:
            found = checked(*files, owners=owners, progress=note)
        several = len(found.reviews) > 1
        summaries = [summary_line(review) + (f" ({terminal(review['file'])})" if several else "")
                     for review in found.reviews if review["valid"]]
        problems = found.problems
        if format is ValidateFormat.json:
            sys.stdout.buffer.write(found.to_json(counts=counts).encode("utf-8"))
            for line in summaries:
                typer.echo(line, err=True)
        elif format is ValidateFormat.github:
            sys.stdout.write("".join(problems_github(problems)))
            for line in summaries:
                typer.echo(line)
        else:
            for line in summaries:
                typer.echo(line)
            if problems:
                sys.stderr.write("".join(problems_text(problems)))
                typer.echo(f"invalid: {len(problems)} problem(s)", err=True)
        return 1 if problems else 0

    guard(body)
