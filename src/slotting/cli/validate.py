"""`slotting validate FILE...`: check each review and report every problem with its line."""

from __future__ import annotations

import enum
import sys
from pathlib import Path
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
        from ..problems import InputError, Problem
        from ..reading import load
        from ..render.common import terminal
        from ..render.validate import counts as counted
        from ..render.validate import problems_github, problems_json, problems_text, summary_line, validation_json

        problems: list[Problem] = []
        summaries: list[str] = []
        reviews: list[dict] = []
        checked = _with_owners(files, problems) if owners else files
        with stages(len(checked) + 1) as note:
            for path in checked:
                try:
                    review = load(path, progress=note)
                except InputError as err:
                    problems += err.problems
                    reviews.append({"file": str(path), "valid": False, "problems": len(err.problems),
                                    **dict.fromkeys(("people", "old_posts", "new_posts", "places", "overlaps"))})
                    continue
                found = counted(review)
                reviews.append({"file": str(path), "valid": True, "problems": 0, **found})
                summaries.append(summary_line(found) + (f" ({terminal(path)})" if len(checked) > 1 else ""))
        if counts:
            sys.stdout.buffer.write(b"".join(validation_json(reviews, problems)))
            for line in summaries:
                typer.echo(line, err=True)
        elif format is ValidateFormat.json:
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


def _with_owners(files: list[Path], problems: list) -> list[Path]:
    """Gives the reviews to check for the files given: each file's owners (reading.owners) in its place, else the
    file itself when it is YAML; a table or workbook that no review names is added to `problems`."""
    import os

    from ..problems import Problem
    from ..reading.owners import owners_of

    checked: list[Path] = []
    seen: set[str] = set()
    for path in files:
        found = owners_of(path, Path.cwd())
        if not found and path.suffix.lower() not in (".yaml", ".yml"):
            problems.append(Problem(str(path), None, None, "", "no review names this file: a table or workbook is "
                                    "checked through a review in its folder or a folder above it that names it"))
            continue
        for review in found or [path]:
            key = os.path.realpath(review)
            if key not in seen:
                seen.add(key)
                checked.append(review)
    return checked
