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
) -> None:
    """Check review files and report every problem with its line.

    Each FILE is one review. Exit 0 when every review is valid, with a one-line summary of each;
    exit 1 with every problem otherwise.
    """

    def body() -> int:
        from ..problems import InputError, Problem
        from ..reading import load
        from ..render.common import terminal
        from ..render.validate import problems_github, problems_json, problems_text

        problems: list[Problem] = []
        summaries: list[str] = []
        with stages(len(files) + 1) as note:
            for path in files:
                try:
                    review = load(path, progress=note)
                except InputError as err:
                    problems += err.problems
                    continue
                places = sum(p.count for p in review.new_structure.posts)
                summaries.append(
                    f"valid: {len(review.people)} people, {len(review.old_structure.posts)} old posts, "
                    f"{len(review.new_structure.posts)} new posts ({places} places), {len(review.all_overlaps)} overlaps"
                    + (f" ({terminal(path)})" if len(files) > 1 else ""))
        if format is ValidateFormat.json:
            sys.stdout.buffer.write(b"".join(problems_json(problems)))
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
