"""The `slotting` command: parse options, call loader -> engine/savings -> render, print, exit.

Exit status: 0 ok; 1 invalid input or a failed check; 2 usage error (click's own); 3 internal error.
Data goes to stdout, messages to stderr. Heavy modules are imported inside commands so that
`slotting --help` and `--version` start fast.
"""

from __future__ import annotations

import enum
import os
import sys
from pathlib import Path
from typing import Annotated, Callable, Optional

import typer

from . import __version__

app = typer.Typer(
    name="slotting",
    help="Slotting and savings calculator for organisational restructures in UK public bodies.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

_state = {"debug": False, "keep": False}
_kept: list = []  # see _keep


def _keep(value):
    """Gives value back, held until the process ends when run as the console script (see entry)."""
    if _state["keep"]:
        _kept.append(value)
    return value


class ValidateFormat(str, enum.Enum):
    text = "text"
    json = "json"
    github = "github"


class RunFormat(str, enum.Enum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


class SavingsFormat(str, enum.Enum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"
    xlsx = "xlsx"


class Basis(str, enum.Enum):
    top = "top"
    slotted = "slotted"


Files = Annotated[list[Path], typer.Argument(help="The review's YAML file(s); top-level sections are merged.",
                                             show_default=False, metavar="FILE")]
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


def _fail(lines: list[str], status: int = 1) -> None:
    for line in lines:
        typer.echo(line, err=True)
    raise typer.Exit(status)


def _guard(action: Callable[[], int | None]) -> None:
    """Runs a command body: input errors exit 1 with located messages, bugs exit 3 without a traceback."""
    import gc

    from .problems import InputError

    gc.disable()  # a short-lived process: cyclic GC passes over ~10^6 records cost more than they free
    try:
        status = action()
    except BrokenPipeError:  # the reader went away (`slotting run ... | head`): not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(0) from None
    except InputError as err:
        files = sorted({p.file for p in err.problems})
        _fail([str(p) for p in err.problems]
              + [f"{len(err.problems)} problem(s) found in {', '.join(files)}; nothing was written."])
    except typer.Exit:
        raise
    except Exception as err:  # noqa: BLE001 - the last line of defence: no traceback for users
        if _state["debug"]:
            raise
        _fail([f"internal error: {type(err).__name__}: {err}",
               "This is a bug in slotting. Please report it with the command you ran; "
               "add --debug (before the command name) to see the traceback."], status=3)
    finally:
        # Objects made while the collector was off all sit in its youngest generation: its first pass
        # would walk every one of them. The console script leaves without it (see entry).
        if not _state["keep"]:
            gc.enable()
    raise typer.Exit(status or 0)


def _load(files: list[Path], stages=None):
    from .loader import load

    return _keep(load(files, progress=stages))


def _stages(total: int):
    from .progress import Stages

    return Stages(total)


def _slotted(files: list[Path], stages):
    """Gives (review, slotting result) for the files, reporting both stages."""
    from .engine import slot

    review = _load(files, stages)
    stages("slotting")
    return review, _keep(slot(review))


def _emit(content: str | bytes | list[bytes], output: Optional[Path]) -> None:
    """Writes to stdout, or to a file atomically (a temporary file renamed into place).

    Only a regular file (or a new path) is replaced; a device or pipe such as /dev/null or
    /dev/stdout is written to directly, never renamed over.
    """
    if output is None:
        sys.stdout.flush()
        _write_all(sys.stdout.buffer, content)
        sys.stdout.buffer.flush()
        return
    if output.exists() and not output.is_file():
        if output.is_dir():
            _fail([f"{output}: is a folder; give a file name"])
        with output.open("wb") as handle:
            _write_all(handle, content)
        return
    directory = output.resolve().parent
    if not directory.is_dir():
        _fail([f"{output}: the folder {directory} does not exist"])
    import tempfile

    fd, tmp = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            _write_all(handle, content)
        os.replace(tmp, output)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    typer.echo(f"wrote {output}", err=True)


def _write_all(handle, content: str | bytes | list[bytes], piece: int = 1 << 20) -> None:
    """Writes bytes, pieces of bytes in order, or text as UTF-8 a megabyte at a time (no second
    copy of a 16 MB output)."""
    if isinstance(content, bytes):
        handle.write(content)
        return
    if isinstance(content, list):
        handle.writelines(content)  # through the handle's buffer: a few large writes
        return
    for start in range(0, len(content), piece):
        handle.write(content[start:start + piece].encode("utf-8"))


def _write(format: enum.Enum, value, output: Optional[Path], module, stem: str) -> None:
    """Renders a result in the chosen format with `module.<stem>_<format>` and prints or writes it
    (JSON with `<stem>_json_chunks`: rendered whole, then written piece by piece)."""
    if format.value == "table":
        _print_rich(getattr(module, f"{stem}_table")(value), output)
    elif format.value == "json":
        _emit(getattr(module, f"{stem}_json_chunks")(value), output)
    else:
        _emit(getattr(module, f"{stem}_{format.value}")(value), output)


def _print_rich(renderable, output: Optional[Path]) -> None:
    if output is not None:
        from .formatting import plain_text

        _emit(plain_text(renderable), output)
        return
    from rich.console import Console

    Console(highlight=False).print(renderable)


@app.command()
def validate(
    files: Files,
    format: Annotated[ValidateFormat, typer.Option("--format", "-f", help="text, json (a list of problems) "
                                                   "or github (workflow annotations).")] = ValidateFormat.text,
) -> None:
    """Check review files and report every problem with its line.

    Exit 0 when valid, with a one-line summary; exit 1 with every problem otherwise.
    """

    def body() -> int:
        from .formatting import to_json
        from .problems import InputError

        try:
            with _stages(len(files) + 1) as stages:
                review = _load(files, stages)
        except InputError as err:
            if format is ValidateFormat.json:
                sys.stdout.write(to_json([p.as_dict() for p in err.problems]))
            elif format is ValidateFormat.github:
                for p in err.problems:
                    where = ",".join(f"{k}={v}" for k, v in (("file", p.file), ("line", p.line), ("col", p.column))
                                     if v is not None)
                    text = f"{p.path}: {p.message}" if p.path else p.message
                    sys.stdout.write(f"::error {where}::{_escape_github(text)}\n")
            else:
                for p in err.problems:
                    typer.echo(str(p), err=True)
                typer.echo(f"invalid: {len(err.problems)} problem(s)", err=True)
            return 1
        places = sum(p.count for p in review.new_structure.posts)
        summary = (f"valid: {len(review.people)} people, {len(review.old_structure.posts)} old posts, "
                   f"{len(review.new_structure.posts)} new posts ({places} places), {len(review.overlaps)} overlaps")
        if format is ValidateFormat.json:
            sys.stdout.write(to_json([]))
            typer.echo(summary, err=True)
        else:
            typer.echo(summary)
        return 0

    _guard(body)


def _escape_github(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


@app.command()
def schema() -> None:
    """Print the JSON Schema of the input format (for editors)."""

    def body() -> int:
        from .schema import schema_json

        sys.stdout.write(schema_json())
        return 0

    _guard(body)


@app.command()
def run(
    files: Files,
    format: Annotated[RunFormat, typer.Option("--format", "-f", help="Output format.")] = RunFormat.table,
    output: Output = None,
) -> None:
    """Produce the slotting list, with a reason for each decision.

    Who is assimilated, matched, in competition or displaced; new salary and pay protection; the
    posts left to ring-fence.
    """

    def body() -> int:
        from . import render_run

        with _stages(len(files) + 2) as stages:
            _, result = _slotted(files, stages)
        _write(format, result, output, render_run, "run")
        return 0

    _guard(body)


@app.command()
def explain(
    files: Files,
    person: Annotated[str, typer.Argument(help="The id of the person to explain.", show_default=False,
                                          metavar="PERSON")],
) -> None:
    """Explain one person's slotting, for an appeal.

    Every claim with its figures and the rule that accepted or rejected it, who they compete with,
    and the pay placement.
    """

    def body() -> int:
        from .render_run import explain_text

        with _stages(len(files) + 2) as stages:
            _, result = _slotted(files, stages)
        if result.person(person) is None:
            known = ", ".join(p.id for p in result.people[:10])
            more = " ..." if len(result.people) > 10 else ""
            _fail([f"no person {person!r} in the review (people in the review: {known}{more})"])
        sys.stdout.write(explain_text(result, person))
        return 0

    _guard(body)


def _decimal(value: Optional[str]):
    if value is None:
        return None
    from decimal import Decimal, InvalidOperation

    try:
        amount = Decimal(value.replace(",", "").replace("£", ""))
    except InvalidOperation:
        raise typer.BadParameter(f"expected an amount in pounds such as 800000; got {value!r}") from None
    if not amount.is_finite():
        raise typer.BadParameter("expected a finite amount")
    return amount


@app.command()
def savings(
    files: Files,
    format: Annotated[SavingsFormat, typer.Option("--format", "-f", help="Output format (xlsx needs -o).")]
    = SavingsFormat.table,
    output: Output = None,
    target: Annotated[Optional[str], typer.Option("--target", help="Budget target for the full-year saving, "
                                                  "in pounds; exit 1 when it is not met. Default: "
                                                  "costing.target_saving.", show_default=False)] = None,
    basis: Annotated[Optional[Basis], typer.Option("--basis", help="Cost new posts at the top of the grade, "
                                                   "or at slotted salaries. Default: costing.new_posts_at.",
                                                   show_default=False)] = None,
) -> None:
    """Cost the old and new structures against a savings target.

    The savings table by post group, the year-by-year profile with pay protection, and the target
    check (exit 1 when the full-year saving falls short).
    """
    target_amount = _decimal(target)

    def body() -> int:
        from . import render_savings
        from .savings import savings as compute

        with _stages(len(files) + 3) as stages:
            review, slotting = _slotted(files, stages)
            stages("costing")
            result = compute(review, slotting, basis.value if basis else None, target_amount)
        if format is SavingsFormat.xlsx:
            if output is None:
                _fail(["--format xlsx writes a workbook: give a file with -o, e.g. -o savings.xlsx"], status=2)
            _emit(render_savings.savings_xlsx(result), output)
        else:
            _write(format, result, output, render_savings, "savings")
        if result.target_met is False:
            typer.echo(render_savings.target_line(result), err=True)
            return 1
        return 0

    _guard(body)


@app.command()
def equality(
    files: Files,
    by: Annotated[Optional[str], typer.Option("--by", help="Characteristics to break down, comma-separated "
                                              "(default: every one given).", show_default=False)] = None,
    suppress_below: Annotated[int, typer.Option("--suppress-below", min=0, help="Show counts from 1 to N-1 as "
                                                "<N, with secondary suppression; 0 shows everything.")] = 5,
    format: Annotated[RunFormat, typer.Option("--format", "-f", help="Output format.")] = RunFormat.table,
    output: Output = None,
) -> None:
    """Summarise outcomes by protected characteristic.

    Counts and rates by outcome, four-fifths screening flags and pool composition, with small
    counts suppressed.
    """

    def body() -> int:
        from . import render_equality
        from .equality import characteristics_found, equality as compute

        with _stages(len(files) + 2) as stages:
            review, result = _slotted(files, stages)
        names = [n.strip() for n in by.split(",") if n.strip()] if by else None
        known = characteristics_found(review, result)
        unknown = [n for n in names or [] if n not in known]
        if unknown:
            _fail([f"no one in the review has the characteristic(s) {', '.join(map(repr, unknown))}; "
                   f"given: {', '.join(known) or 'none'}"])
        summary = compute(review, result, names, suppress_below)
        _write(format, summary, output, render_equality, "equality")
        return 0

    _guard(body)


def entry() -> None:
    """The `slotting` console script: runs the app, then leaves without tearing down the heap.

    Freeing a large review's million objects one by one takes a quarter of a second that the
    user would wait for nothing, so the review and results are also kept (see _keep) until then;
    every file is closed and the output flushed before leaving.
    """
    _state["keep"] = True
    try:
        app(prog_name="slotting")
        code = 0
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
        if isinstance(done.code, str):
            print(done.code, file=sys.stderr)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:
        pass
    os._exit(code)
