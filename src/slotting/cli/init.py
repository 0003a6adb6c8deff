"""`slotting init DIR`: a starter review to fill in, valid as written."""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Annotated

import typer

from .base import app, fail, guard


class StarterFormat(str, enum.Enum):
    yaml = "yaml"
    xlsx = "xlsx"


@app.command()
def init(
    folder: Annotated[Path, typer.Argument(help="The folder to write the starter review in (made if missing).",
                                           show_default=False, metavar="DIR")],
    format: Annotated[StarterFormat, typer.Option(
        "--format", "-f", help="yaml: one commented review file with a small example; xlsx: a workbook with a "
        "sheet per list (people, posts, overlaps) and a short review file naming its sheets.")] = StarterFormat.yaml,
) -> None:
    """Write a starter review in DIR: every required section, the common optional ones, and the schema.

    `slotting validate DIR/review.yaml` passes on it as written. A file of DIR is never overwritten:
    when one of the files it would write is there already, nothing is written.
    """

    def body() -> int:
        from .. import starter
        from ..output import OutputError, emit
        from ..render.common import terminal
        from ..render.starter import REVIEW, WORKBOOK, names

        wanted = names(format.value)
        if folder.exists() and not folder.is_dir():
            fail([f"{folder}: is a file; give a folder for the starter review"])
        there = [name for name in wanted if (folder / name).exists() or (folder / name).is_symlink()]
        if there:
            fail([f"{folder / name}: already exists; nothing was written (init never overwrites a file: choose "
                  "another folder, or move it)" for name in there])
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            fail([f"{folder}: cannot make the folder: {err.strerror or err}"])
        written: list[Path] = []
        try:
            for name, content in starter(format=format.value):
                target = folder / name
                if target.exists() or target.is_symlink():  # made meanwhile: it is someone's
                    raise OutputError(f"{target}: appeared while the starter was written; it was left as it is")
                emit([content], target)
                written.append(target)
        except BaseException:
            for path in written:  # all of the starter or none of it
                path.unlink(missing_ok=True)
            raise
        review = folder / REVIEW
        filled = f"{review} and {folder / WORKBOOK}" if format is StarterFormat.xlsx else str(review)
        typer.echo(terminal(f"next: fill in {filled}, then: slotting validate {review}"), err=True)
        return 0

    guard(body)
