"""`slotting run FILE`: the slotting list, with a reason for each decision."""

from __future__ import annotations

from typing import Annotated

import typer

from .base import DataFormat, Output, Review, app, check_output, guard, one_review, slotted, stages, write


@app.command()
def run(
    files: Review,
    format: Annotated[DataFormat, typer.Option("--format", "-f", help="Output format.")] = DataFormat.table,
    output: Output = None,
) -> None:
    """Produce the slotting list, with a reason for each decision.

    Who is assimilated, matched, in competition or displaced; new salary and pay protection; the
    posts left to ring-fence.
    """
    path = one_review(files)
    check_output(output, [path])

    def body() -> int:
        from ..render import renderer

        with stages(3) as note:
            _, result = slotted(path, note)
        write(renderer("run", format.value)(result), output)
        return 0

    guard(body)
