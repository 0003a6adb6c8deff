"""`slotting report FILE -o report.pdf`: the committee paper (PDF, or Markdown for a wiki or CI summary)."""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from .base import Review, app, check_output, fail, guard, one_review, slotted, stages, write


class Audience(str, enum.Enum):
    public = "public"
    confidential = "confidential"


@app.command()
def report(
    files: Review,
    output: Annotated[Path, typer.Option("-o", "--output", help="The report file: .pdf, .docx for Word, or "
                                         ".md for Markdown (written atomically).", show_default=False)],
    title: Annotated[Optional[str], typer.Option("--title", help="The paper's title (default: the review's "
                                                 "name).", show_default=False)] = None,
    audience: Annotated[Audience, typer.Option("--audience", help="public: no person-level data; confidential: "
                                               "with the slotting list.")] = Audience.public,
    sections: Annotated[Optional[str], typer.Option("--sections", help="Comma-separated, in the paper's order: "
                                                    "summary, structure, slotting, savings, equality, method "
                                                    "(default: all).", show_default=False)] = None,
    suppress_below: Annotated[int, typer.Option("--suppress-below", min=0, max=1000, help="Equality counts from 1 "
                                                "to N-1 shown as <N, as in slotting equality.")] = 5,
    every_post: Annotated[bool, typer.Option("--every-post", help="Draw every post of a structure, however many "
                                             "(default: a structure of over 1,000 posts as one box per group).")
                          ] = False,
) -> None:
    """Write the committee paper: summary, structure charts, outcome, savings, equality and method.

    As .pdf, as .docx (the same sections, tables and charts, for editing in Word) or as .md.

    Every figure comes from the same results as the other commands; with the finance view, the savings
    section gives the profile by financial year, the payback and the one-off exit costs as `slotting savings`
    does. The footer of every page gives the tool's version, the date and a SHA-256 of the input files.
    """
    from ..render.report import SECTIONS

    path = one_review(files)
    suffix = output.suffix.lower()
    if suffix not in (".pdf", ".docx", ".md"):
        raise typer.BadParameter("the report is written as .pdf, .docx or .md", param_hint="-o")
    chosen = tuple(s.strip() for s in sections.split(",") if s.strip()) if sections else SECTIONS
    unknown = [s for s in chosen if s not in SECTIONS]
    if unknown or not chosen:
        raise typer.BadParameter(f"unknown section(s) {', '.join(map(repr, unknown)) or 'none given'}; expected "
                                 f"some of {', '.join(SECTIONS)}", param_hint="--sections")
    check_output(output, [path])

    def body() -> int:
        import datetime as dt
        import os

        from .. import report as paper
        from ..render.common import terminal
        from ..render.report import TypesetError

        warnings: list[str] = []
        epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
        day = dt.datetime.fromtimestamp(int(epoch), dt.UTC).date() if epoch.isdigit() else dt.date.today()
        kind = {".docx": "docx", ".md": "markdown"}.get(suffix, "pdf")
        with stages(5) as note:
            review, result = slotted(path, note)
            note("typesetting")
            try:
                document = paper(review, result, format=kind, title=title, audience=audience.value,  # type: ignore[arg-type]
                                 sections=chosen, suppress_below=suppress_below, date=day, warn=warnings.append,
                                 every_post=every_post)
            except TypesetError as err:
                fail([f"{output}: {err}; nothing was written."])
        for line in warnings:
            typer.echo(terminal(line), err=True)
        write([document], output, review.sources.paths)
        return 0

    guard(body)
