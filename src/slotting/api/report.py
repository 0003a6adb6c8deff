"""`report`: the committee paper as bytes (PDF, Word or Markdown)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Literal

from ._public import OptionError, public

if TYPE_CHECKING:
    from ..model import ReviewFile
    from ..rules.results import SlottingResult

ReportFormat = Literal["pdf", "docx", "markdown"]
Audience = Literal["public", "confidential"]


@public
def report(review: ReviewFile, result: SlottingResult | None = None, *, format: ReportFormat = "pdf",
           title: str | None = None, audience: Audience = "public", sections: Sequence[str] | None = None,
           suppress_below: int = 5, date: dt.date | None = None, warn: Callable[[str], None] | None = None,
           every_post: bool = False) -> bytes:
    """Gives the committee paper: summary, structure charts, outcome, savings, equality and method, as a document.

    Every figure comes from the same results as the other commands. The footer of every page gives the tool's
    version, the date and a SHA-256 of the review's input files.

    Parameters
    ----------
    review:
        A review from `load()`.
    result:
        Its slotting from `slot()` (made here when not given).
    format:
        "pdf" (the default), "docx" (the same sections, for editing in Word) or "markdown".
    title:
        The paper's title; default the review's name.
    audience:
        "public" (the default): no person-level data; "confidential": with the slotting list.
    sections:
        Some of summary, structure, slotting, savings, equality, method, in the paper's order; default all.
    suppress_below:
        Equality counts from 1 to N-1 shown as <N.
    date:
        The paper's date; default today.
    warn:
        Called with each warning of typesetting (a font missing, a glyph replaced).
    every_post:
        Draw every post of a structure, however many (by default a structure of over 1,000 posts is drawn as one
        box per group).

    Returns
    -------
    bytes
        The document (Markdown as UTF-8).

    Raises
    ------
    OptionError
        A section that is not one of the paper's.
    slotting.render.report.TypesetError
        The PDF could not be typeset.
    """
    from .. import __version__
    from ..render.report import SECTIONS, Paper, report_markdown, report_pdf
    from ..rules.equality import characteristics_found
    from ..rules.equality import equality as equality_summary
    from ..rules.savings import savings

    chosen = tuple(sections) if sections is not None else SECTIONS
    unknown = [s for s in chosen if s not in SECTIONS]
    if unknown or not chosen:
        raise OptionError([f"unknown section(s) {', '.join(map(repr, unknown)) or 'none given'}; expected some of "
                           f"{', '.join(SECTIONS)}"])
    from .slotting import slotted

    result = slotted(review, result)
    figures = savings(review, result)
    # the paper's equality tables as `report` has always made them: the proposal's, the stage not named
    equality = (equality_summary(review, result, None, suppress_below)
                if "equality" in chosen and characteristics_found(review, result) else None)
    found = timetable = None
    if review.review.paper is not None:  # the committee sections: the timetable and the law it applies
        from ..rules.case import cases
        from ..rules.timeline import timeline

        found = cases(review, result)
        timetable = timeline(review, result, found=found)
    day = date if date is not None else dt.date.today()
    paper = Paper(review, result, figures, equality, title or review.review.name, audience, chosen, __version__,
                  day.isoformat(), review.sources.digest, timetable, found, every_post=every_post)
    if format == "markdown":
        return "".join(report_markdown(paper)).encode("utf-8")
    if format == "docx":
        from ..render.report_docx import report_docx

        return b"".join(report_docx(paper))
    return b"".join(report_pdf(paper, warn))
