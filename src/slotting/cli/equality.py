"""`slotting equality FILE`: outcomes by protected characteristic, small counts suppressed."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from .base import DataFormat, Output, Review, app, check_output, guard, one_review, slotted, stages, write
from .run import Stage


@app.command()
def equality(
    files: Review,
    by: Annotated[Optional[str], typer.Option("--by", help="Characteristics to break down, comma-separated "
                                              "(default: every one given).", show_default=False)] = None,
    suppress_below: Annotated[int, typer.Option("--suppress-below", min=0, max=1000, help="Show counts from 1 "
                                                "to N-1 as <N, with secondary suppression; 0 shows everything.")] = 5,
    format: Annotated[DataFormat, typer.Option("--format", "-f", help="Output format.")] = DataFormat.table,
    output: Output = None,
    stage: Annotated[Stage, typer.Option("--stage", help="current: at risk as the decisions recorded leave it (at risk "
                                         "or made redundant, and the pools not yet selected); proposal: as the "
                                         "slotting proposes. A review without decisions gives the proposal either "
                                         "way.")] = Stage.current,
) -> None:
    """Summarise outcomes by protected characteristic.

    Counts and rates by outcome, four-fifths screening flags and pool composition, with small
    counts suppressed.
    """
    path = one_review(files)
    check_output(output, [path])

    def body() -> int:
        from .. import equality_summary
        from ..render import renderer

        with stages(4) as note:
            review, result = slotted(path, note)
            names = [n.strip() for n in by.split(",") if n.strip()] if by else None
            note("counting and disclosure control")
            summary = equality_summary(review, result, by=names, suppress_below=suppress_below, stage=stage.value)
        write(renderer("equality", format.value)(summary), output, review.sources.paths)
        return 0

    guard(body)
