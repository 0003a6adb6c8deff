"""The typer app, the options every command shares, and the guard that turns errors into exit statuses.

Exit status: 0 ok; 1 invalid input, an output that cannot be written, or a failed check; 2 a usage
error (click's own); 3 an internal error (a bug). Data goes to stdout, messages to stderr. Heavy
modules are imported inside commands so that `slotting --help` and `--version` start fast.
"""

from __future__ import annotations

import enum
import os
import sys
from collections.abc import Callable, Collection, Iterable
from pathlib import Path
from typing import Annotated, Any, NoReturn, Optional

import typer

from .. import __version__

app = typer.Typer(
    name="slotting",
    help="Slotting and savings calculator for organisational restructures in UK public bodies.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

_state = {"debug": False}


class DataFormat(str, enum.Enum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


class SheetFormat(str, enum.Enum):
    """The data formats, and a workbook: for the commands whose tables finance and committees want in Excel."""

    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"
    xlsx = "xlsx"


Reviews = Annotated[list[Path], typer.Argument(
    help="Review file(s): each is one review, whose sections may name further files in its folder.",
    show_default=False, metavar="FILE")]
Review = Annotated[list[Path], typer.Argument(
    help="The review file; its sections may name further files in its folder.", show_default=False, metavar="FILE")]
Output = Annotated[Optional[Path], typer.Option("-o", "--output", help="Write to this file (atomically) "
                                                "instead of standard output.")]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"slotting {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show the traceback of an internal error.")] = False,
) -> None:
    """Slotting and savings calculator for organisational restructures in UK public bodies."""
    _state["debug"] = debug


def fail(lines: Iterable[str], status: int = 1) -> NoReturn:
    """Prints messages on stderr and exits with the status."""
    from ..render.common import terminal

    for line in lines:
        typer.echo(terminal(line), err=True)
    raise typer.Exit(status)


def one_review(files: list[Path]) -> Path:
    """The single review file a command reads (several files were merged before version 0.2)."""
    if len(files) != 1:
        raise typer.BadParameter(
            "give one review file. Since version 0.2 each file is one review: to split a review over "
            "several files, name the other files from the review file's sections (see the docs' "
            "reference/input-format page)", param_hint="FILE")
    return files[0]


def guard(action: Callable[[], int | None]) -> None:
    """Runs a command body: input and output errors exit 1 with plain messages, bugs exit 3 without
    a traceback (unless --debug)."""
    from .. import InputError, OptionError
    from ..output import OutputError
    from ..render.validate import problems_text

    try:
        status = action()
    except BrokenPipeError:  # the reader went away (`slotting run ... | head`): not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(0) from None
    except InputError as err:
        files = sorted({p.file for p in err.problems})
        fail([line.rstrip("\n") for line in problems_text(err.problems)]
             + [f"{len(err.problems)} problem(s) found in {', '.join(files)}; nothing was written."])
    except OptionError as err:
        fail(err.lines)
    except OutputError as err:
        fail([str(err)])
    except (typer.Exit, typer.BadParameter):
        raise
    except Exception as err:
        if _state["debug"]:
            raise
        fail([f"internal error: {type(err).__name__}: {err}",
              "This is a bug in slotting. Please report it with the command you ran; "
              "add --debug (before the command name) to see the traceback."], status=3)
    raise typer.Exit(status or 0)


def slotted(path: Path, note: Callable[[str], None], stage: str = "proposal") -> tuple[Any, Any]:
    """Gives (the review, its slotting at the stage) for a review file, naming each stage as it starts."""
    from .. import load, slot

    review = load(path, progress=note)
    note("slotting")
    return review, slot(review, stage="current" if stage == "current" else "proposal")


def stages(total: int) -> Any:
    from .progress import Stages

    return Stages(total)


def write(pieces: Iterable[Any], output: Path | None, inputs: Iterable[Path] = ()) -> None:
    """Writes a command's output; never over one of the files the output was made from (a review's section files
    and JDs included: known only once the review is read, from its own record, review.sources)."""
    from ..output import emit, refuse_inputs_as_output

    refuse_inputs_as_output(output, inputs)
    emit(pieces, output)


def write_folder(files: Iterable[tuple[str, bytes]], folder: Path, force: bool, *, names: Collection[str],
                 inputs: Iterable[Path], owned: Callable[[str], bool] | None = None) -> Any:
    """Writes a command's files (made one at a time) into a folder whose other files are kept, whole or not at
    all; never a folder that holds an input. Gives what was written (folder.Written)."""
    from ..output import emit_folder

    return emit_folder(files, folder, names=names, force=force, inputs=inputs, owned=owned)


def workbook_needs_a_file(format: enum.Enum, output: Path | None, example: str) -> None:
    """Refuses, as a usage error, --format xlsx with no -o file: a workbook is never written to a terminal."""
    if format.value == "xlsx" and output is None:
        raise typer.BadParameter(f"--format xlsx writes a workbook: give a file with -o, e.g. -o {example}",
                                 param_hint="--format")


def check_output(output: Path | None, inputs: list[Path]) -> None:
    """Refuses, before any work, an output file that is one of the inputs."""
    from ..output import OutputError, refuse_inputs_as_output

    try:
        refuse_inputs_as_output(output, inputs)
    except OutputError as err:
        fail([str(err)])
