"""`slotting timeline FILE`: the dates the law and the policy impose, each with its rule and source."""

from __future__ import annotations

import enum
from typing import Annotated

import typer

from .base import Output, Review, app, check_output, fail, guard, one_review, slotted, stages, write
from .run import Stage


class TimelineFormat(str, enum.Enum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"
    ics = "ics"


@app.command()
def timeline(
    files: Review,
    format: Annotated[TimelineFormat, typer.Option("--format", "-f", help="Output format; ics is an iCalendar "
                                                   "file for HR's calendars.")] = TimelineFormat.table,
    count_at_risk: Annotated[bool, typer.Option("--count-at-risk", help="Count everyone at risk as a proposed "
                                                "dismissal (default: the displaced and each pool's candidates "
                                                "beyond its places).")] = False,
    people: Annotated[bool, typer.Option("--people", help="With --format ics: each person's dates too.")] = False,
    check: Annotated[bool, typer.Option("--check", help="Exit 1 when a date may break the law: notice before "
                                        "collective consultation has run its minimum, HR1 due before consultation "
                                        "begins.")] = False,
    output: Output = None,
    stage: Annotated[Stage, typer.Option("--stage", help="current: each person's dates as the decisions recorded "
                                         "leave them (notice and dismissal for the redundancies decided, none for "
                                         "those placed), with their status; proposal: as the slotting proposes. A "
                                         "review without decisions gives the proposal either way.")] = Stage.current,
) -> None:
    """The dated steps: collective consultation (TULRCA 1992 s.188, s.193), the working-day windows for
    appeals, assessments and objections (weekends and bank holidays skipped), and each person's notice,
    earliest dismissal, trial period and end of pay protection."""
    path = one_review(files)
    check_output(output, [path])

    def body() -> int:
        from .. import timeline as dates
        from ..render import renderer

        with stages(3) as note:
            review, result = slotted(path, note)
            found = dates(review, result, count_at_risk=count_at_risk, stage=stage.value)
        options = {"people": people} if format is TimelineFormat.ics else {}
        write(renderer("timeline", format.value)(found, **options), output, review.sources.paths)
        if check and found.warnings:
            fail([f"{len(found.warnings)} warning(s) (--check): {w}" for w in found.warnings])
        return 0

    guard(body)
