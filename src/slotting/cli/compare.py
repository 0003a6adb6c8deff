"""`slotting compare A.yaml B.yaml [C.yaml ...]`: options side by side."""

from __future__ import annotations

import enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from .base import Output, Reviews, SheetFormat, app, check_output, fail, guard, stages, write

if TYPE_CHECKING:
    from .. import Comparison


class FailOn(str, enum.Enum):
    outcome = "outcome"
    post = "post"
    pay = "pay"
    any = "any"


# The kinds of difference each --fail-on level counts, as the failure message names them.
_DIFFERENCE = {"outcome": "outcome", "post": "outcome or post", "pay": "outcome, post or pay",
               "any": "outcome, post, pay or hold"}


class CompareTable(str, enum.Enum):
    people = "people"
    headline = "headline"
    posts = "posts"
    savings = "savings"


@app.command()
def compare(
    files: Reviews,
    label: Annotated[Optional[list[str]], typer.Option("--label", help="A name for each option, in the order of "
                                                       "the files (default: the file names).", show_default=False)] = None,
    format: Annotated[SheetFormat, typer.Option("--format", "-f", help="Output format.")] = SheetFormat.table,
    table: Annotated[CompareTable, typer.Option("--table", help="With --format csv: which table.")] = CompareTable.people,
    fail_on_change: Annotated[bool, typer.Option("--fail-on-change", help="Exit 1 when any person's slotting "
                                                 "differs between the options, in the way --fail-on says (for CI).")] = False,
    fail_on: Annotated[Optional[FailOn], typer.Option("--fail-on", help="Exit 1 when any person's slotting differs in "
                                                      "this way (implies --fail-on-change; each level takes in those "
                                                      "before it): outcome (or in some options only); post (the posts "
                                                      "slotted to and the basis of each slot); pay (new salary, "
                                                      "spinal point, protection); any (also a hold). [default with "
                                                      "--fail-on-change: any]", show_default=False)] = None,
    stages_given: Annotated[Optional[str], typer.Option("--stages", help="Compare stages of one review instead: "
                                                        "proposal,current (the proposal against every decision "
                                                        "recorded so far), each stage an option.",
                                                        show_default=False)] = None,
    output: Output = None,
) -> None:
    """Compare options: the same restructure proposed two or more ways.

    The headline figures of each option; the people whose slotting differs (outcome, posts, pay,
    protection or hold); the new posts added, removed or changed; and the savings rows side by side.
    For a review that asks for the finance view, also its protection (first financial year and all
    years), one-off exit costs, net saving over the profile and payback month, as `savings` gives them.
    With --fail-on-change or --fail-on, exit 1 when anyone's slotting differs in the way --fail-on says.
    With --stages proposal,current, one review's stages side by side: each person's status and posts held, the
    people of each status, the one-off redundancy cost and its part decided, savings and equality at each stage.
    """
    stage_names = _stages(stages_given, files)
    if stage_names:
        if label and len(label) != len(stage_names):
            raise typer.BadParameter(f"give one --label per stage ({len(stage_names)}); got {len(label)}",
                                     param_hint="--label")
        total = 2 + len(stage_names)
    else:
        if len(files) < 2:
            raise typer.BadParameter("give at least two review files to compare", param_hint="FILE")
        if label and len(label) != len(files):
            raise typer.BadParameter(f"give one --label per file ({len(files)}); got {len(label)}",
                                     param_hint="--label")
        total = 3 * len(files) + 1
    check_output(output, files)

    def body() -> int:
        from .. import compare as comparison

        with stages(total) as note:
            found = comparison(files, labels=label or None, stages=stage_names or None, progress=note)  # type: ignore[arg-type]
        return _report(found, format, table, output, fail_on_change, fail_on)

    guard(body)


def _stages(given: Optional[str], files: list[Path]) -> list[str]:
    """Gives the stages --stages names, checked: two or more of proposal and current, each once, for one file."""
    if given is None:
        return []
    names = [n.strip() for n in given.split(",") if n.strip()]
    unknown = [n for n in names if n not in ("proposal", "current")]
    if unknown or len(names) < 2 or len(set(names)) < len(names):
        raise typer.BadParameter(f"expected proposal,current (two stages, each once); got {given!r}",
                                 param_hint="--stages")
    if len(files) != 1:
        raise typer.BadParameter(f"--stages compares the stages of one review; got {len(files)} files",
                                 param_hint="--stages")
    return names


def _report(found: Comparison, format: SheetFormat, table: CompareTable, output: Output, fail_on_change: bool,
            fail_on: Optional[FailOn]) -> int:
    """Writes a comparison; gives 0, or fails as --fail-on-change and --fail-on say."""
    from ..render import renderer

    options = {"table": table.value} if format is SheetFormat.csv else {}
    write(renderer("compare", format.value)(found, **options), output, found.sources)
    if fail_on_change or fail_on is not None:
        level = (fail_on or FailOn.any).value
        changed = found.changed(level)
        if changed:
            given = f"--fail-on {level}" if fail_on is not None else "--fail-on-change"
            fail([f"{len(changed)} person(s) have a different {_DIFFERENCE[level]} between the options ({given})"])
    return 0

