"""`slotting overlaps compute|suggest`: overlap figures from job descriptions, and suggestions for a moderator."""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from .base import Output, Review, app, check_output, fail, guard, one_review, stages, write

overlaps = typer.Typer(help="Overlap figures from job descriptions: compute them from a mapping, or suggest "
                       "duty pairs to map.", no_args_is_help=True)
app.add_typer(overlaps, name="overlaps")


class SectionFormat(str, enum.Enum):
    yaml = "yaml"
    csv = "csv"


@overlaps.command()
def compute(
    files: Review,
    format: Annotated[SectionFormat, typer.Option("--format", "-f", help="yaml (an overlaps section) or csv.")]
    = SectionFormat.yaml,
    output: Output = None,
) -> None:
    """Write the overlaps computed from the review's evidence (JDs and mapping) as a plain overlaps section."""
    path = one_review(files)
    check_output(output, [path])

    def body() -> int:
        from .. import OptionError, load, overlaps_compute
        from ..render.overlaps import overlaps_csv, overlaps_yaml

        with stages(2) as note:
            review = load(path, progress=note)
        try:
            rows = overlaps_compute(review)
        except OptionError as err:
            fail([f"{path}: {line}" for line in err.lines])
        renderer = overlaps_yaml if format is SectionFormat.yaml else overlaps_csv
        write(renderer(rows), output, review.sources.paths)
        return 0

    guard(body)


@overlaps.command()
def suggest(
    folder: Annotated[Path, typer.Argument(help="A folder of job descriptions (.yaml or .md), old and new.",
                                           show_default=False, metavar="JD_DIR")],
    mapping: Annotated[Optional[Path], typer.Option("--mapping", help="An existing mapping: flag its confirmed "
                                                    "links with unlike wording, and alike duties left unlinked.",
                                                    show_default=False)] = None,
    at_least: Annotated[int, typer.Option("--min-similarity", min=0, max=100, help="The least wording similarity "
                                          "suggested (0-100). Duties sharing no word but common ones such as "
                                          "'the' and 'to' are not compared.")] = 60,
    per_duty: Annotated[int, typer.Option("--per-duty", min=1, max=500, help="The most new duties suggested for "
                                          "one old duty in one pair of JDs (the most alike).")] = 10,
    output: Output = None,
) -> None:
    """Suggest, for each old and new JD, the duty pairs whose wording is alike: a draft mapping, status
    suggested, that a review refuses until each pair is confirmed or removed."""
    check_output(output, [p for p in (mapping,) if p is not None])

    def body() -> int:
        from .. import overlaps_suggest

        with stages(2) as note:
            found = overlaps_suggest(folder, mapping=mapping, min_similarity=at_least, per_duty=per_duty,
                                     progress=note)
        write(found.to_yaml(), output, found.sources)
        return 0

    guard(body)
