"""`slotting compare A.yaml B.yaml [C.yaml ...]`: options side by side."""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from .base import Output, Reviews, SheetFormat, app, check_output, fail, guard, stages, write


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
    output: Output = None,
) -> None:
    """Compare options: the same restructure proposed two or more ways.

    The headline figures of each option; the people whose slotting differs (outcome, posts, pay,
    protection or hold); the new posts added, removed or changed; and the savings rows side by side.
    For a review that asks for the finance view, also its protection (first financial year and all
    years), one-off exit costs, net saving over the profile and payback month, as `savings` gives them.
    With --fail-on-change or --fail-on, exit 1 when anyone's slotting differs in the way --fail-on says.
    """
    if len(files) < 2:
        raise typer.BadParameter("give at least two review files to compare", param_hint="FILE")
    if label and len(label) != len(files):
        raise typer.BadParameter(f"give one --label per file ({len(files)}); got {len(label)}", param_hint="--label")
    labels = list(label) if label else _default_labels(files)
    check_output(output, files)

    def body() -> int:
        from .. import cost, equality_summary, load, slot
        from ..render import renderer
        from ..rules.compare import compare as comparison
        from ..rules.equality import characteristics_found

        reviews, results, costs, equalities = [], [], [], []
        with stages(3 * len(files) + 1) as note:
            for path in files:
                review = load(path, progress=note)
                note("slotting")
                result = slot(review)
                note("costing")
                reviews.append(review)
                results.append(result)
                costs.append(cost(review, result))
                equalities.append(equality_summary(review, result) if characteristics_found(review, result) else None)
            note("comparing")
            found = comparison(labels, reviews, results, costs, equalities)
        options = {"table": table.value} if format is SheetFormat.csv else {}
        write(renderer("compare", format.value)(found, **options), output)
        if fail_on_change or fail_on is not None:
            level = (fail_on or FailOn.any).value
            changed = found.changed(level)
            if changed:
                given = f"--fail-on {level}" if fail_on is not None else "--fail-on-change"
                fail([f"{len(changed)} person(s) have a different {_DIFFERENCE[level]} between the options ({given})"])
        return 0

    guard(body)


def _default_labels(files: list[Path]) -> list[str]:
    names = [f.name for f in files]
    return names if len(set(names)) == len(names) else [str(f) for f in files]
