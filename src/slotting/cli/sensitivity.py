"""`slotting sensitivity FILE`: the headline figures across values of policy fields, and the fragile decisions."""

from __future__ import annotations

import enum
from typing import Annotated, Optional

import typer

from .. import limits
from .base import DataFormat, Output, Review, app, check_output, fail, guard, one_review, stages, write


class Table(str, enum.Enum):
    sweep = "sweep"
    fragile = "fragile"


@app.command()
def sensitivity(
    files: Review,
    vary: Annotated[Optional[list[str]], typer.Option(
        "--vary", help="FIELD=START:STOP:STEP or FIELD=v1,v2,... for any numeric policy or costing field "
        "(e.g. assimilate_threshold=70:80:1, assimilate_threshold=80:70:-1, costing.on_cost_rate=0.25,0.3); "
        f"repeat for a grid. At most {limits.SWEEP_VALUES:,} values a field, {limits.SWEEP_VARIANTS:,} variants "
        f"a grid and {limits.SWEEP_OPTIONS} fields.",
        show_default=False)] = None,
    margin: Annotated[float, typer.Option("--margin", min=0, max=100, help="Points within which a moved overlap "
                                          "figure or threshold makes a decision fragile; 0 lists none.")] = 5,
    format: Annotated[DataFormat, typer.Option("--format", "-f", help="Output format.")] = DataFormat.table,
    table: Annotated[Optional[Table], typer.Option("--table", help="With --format csv: the sweep or the fragile "
                                                   "decisions (default: the sweep when fields are varied).",
                                                   show_default=False)] = None,
    output: Output = None,
) -> None:
    """How much the outcome hangs on each number.

    With --vary, the headline figures (people by outcome, potential displacements, full-year saving)
    for each value, the file's own marked; when the review asks for the finance view, also the one-off
    exit costs, net saving and payback month of each value's own savings. Then the fragile decisions:
    every person whose outcome or post changes when one overlap figure of theirs, or one threshold,
    moves by --margin points or less.
    """
    path = one_review(files)
    check_output(output, [path])
    from decimal import Decimal

    from .. import VaryError, parse_varies

    try:  # every --vary is counted, and the grid too, before the review is read
        varies = parse_varies(vary or [])
    except VaryError as err:
        if err.malformed:
            raise typer.BadParameter(str(err), param_hint="--vary") from None
        fail([str(err)])

    def body() -> int:
        from .. import load
        from .. import sensitivity as analyse
        from ..render import renderer

        with stages(3) as note:
            review = load(path, progress=note)
            note("varying the rules")
            try:
                result = analyse(review, vary=varies, margin=Decimal(str(margin)))
            except VaryError as err:
                fail([str(err)])
        options = {"table": table.value} if table is not None and format is DataFormat.csv else {}
        write(renderer("sensitivity", format.value)(result, **options), output, review.sources.paths)
        return 0

    guard(body)
