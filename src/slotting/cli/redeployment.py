"""`slotting redeployment FILE`: the redeployment register after the decisions recorded."""

from __future__ import annotations

from typing import Annotated

import typer

from .base import Output, Review, SheetFormat, app, check_output, guard, one_review, slotted, stages, workbook_needs_a_file, write


@app.command()
def redeployment(
    files: Review,
    format: Annotated[SheetFormat, typer.Option("--format", "-f", help="Output format (xlsx needs -o).")]
    = SheetFormat.table,
    output: Output = None,
) -> None:
    """List the people at risk and the free places each could be offered.

    After the decisions recorded (the review's decisions section): each person without a place, those with the
    statutory redeployment priority first; the free places open to them with the grade distance and the pay on
    the new grade; trial periods running and their end dates.
    """
    path = one_review(files)
    workbook_needs_a_file(format, output, "register.xlsx")
    check_output(output, [path])

    def body() -> int:
        from .. import redeployment as register
        from ..render import redeployment as rendered

        with stages(4) as note:
            review, result = slotted(path, note)
            note("applying the decisions")
            found = register(review, result)
        write(getattr(rendered, f"redeployment_{format.value}")(found.result, found.standings), output,
              review.sources.paths)
        return 0

    guard(body)
