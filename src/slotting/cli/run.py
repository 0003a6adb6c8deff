"""`slotting run FILE`: the slotting list, with a reason for each decision."""

from __future__ import annotations

import enum
from typing import Annotated

import typer

from .base import DataFormat, Output, Review, app, check_output, guard, one_review, slotted, stages, write


class Stage(str, enum.Enum):
    proposal = "proposal"
    current = "current"


@app.command()
def run(
    files: Review,
    format: Annotated[DataFormat, typer.Option("--format", "-f", help="Output format.")] = DataFormat.table,
    output: Output = None,
    stage: Annotated[Stage, typer.Option("--stage", help="proposal: the slotting list alone; current: with every "
                                         "decision recorded so far (the review's decisions section) applied, each "
                                         "person's status, its reason and history. A review without decisions "
                                         "gives the proposal either way.")] = Stage.current,
) -> None:
    """Produce the slotting list, with a reason for each decision.

    Who is assimilated, matched, in competition or displaced; new salary and pay protection; the
    posts left to ring-fence; and, with decisions recorded, where each person stands now.
    """
    path = one_review(files)
    check_output(output, [path])

    def body() -> int:
        from ..render import renderer

        with stages(3) as note:
            review, result = slotted(path, note, stage.value)
        options = {"decisions": result.decisions} if result.decisions is not None else {}
        write(renderer("run", format.value)(result, **options), output, review.sources.paths)
        return 0

    guard(body)
