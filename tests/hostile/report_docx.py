"""The committee paper as Word (issue 29): text Word's XML cannot hold (control characters in a title or a
recommendation) is left out, never a traceback; a file that is not .pdf, .docx or .md is refused before any
work; a review of many groups gives a Word paper whose tables are bounded like the PDF's."""

from __future__ import annotations

from pathlib import Path

from . import Case, example

_NEVER = ["Traceback", "internal error", "All strings must be XML compatible"]
_REVIEW = "  effective_date: 2012-01-02 "


def _control_characters(folder: Path) -> list[str]:
    review = example(folder, (_REVIEW, '  paper: {recommendations: ["Agree\\u0007 the \\u001b[31mstructure"]}\n'
                              + _REVIEW))
    return ["report", str(review), "-o", str(folder / "paper.docx"), "--title", "Title\x0bwith a tab\x0c"]


def _wrong_suffix(folder: Path) -> list[str]:
    return ["report", str(example(folder)), "-o", str(folder / "paper.odt")]


def _confidential_docx(folder: Path) -> list[str]:
    return ["report", str(example(folder)), "-o", str(folder / "paper.docx"), "--audience", "confidential"]


CASES = [
    Case("report_docx_control_characters", _control_characters, 0, "wrote", never=_NEVER),
    Case("report_docx_wrong_suffix", _wrong_suffix, 2, ".docx", never=_NEVER),
    Case("report_docx_confidential", _confidential_docx, 0, "wrote", never=_NEVER),
]
